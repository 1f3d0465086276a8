"""Costing: prices, remedies for each barrier, NAV's grant rule and the other funding routes, in whole kroner."""

from costing import project_section  # noqa: F401,E402  (checks a project file's costing section when it opens)
