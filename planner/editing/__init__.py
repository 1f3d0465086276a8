"""Making and changing a plan element by element: doors from their opening, rooms from rectangles (builder.py), add,
change and delete (plan_edit.py)."""
