"""A project: the plan with everything the user added to it — site measurements, the visit, the day in the home, the
fall walk, the household and the person's profile — saved as one file (file.py), checked field by field when it
opens (checked.py); loading.py opens whatever the user gives."""
