"""The plan model and the values everything else speaks: rooms, doors, fixtures (plan.py), findings and their
statuses, values with their sources, units, numbers typed by a person, and the sentences of bad input."""
