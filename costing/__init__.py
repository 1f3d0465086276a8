"""Costing: prices, remedies for each barrier, NAV's grant rule and the other funding routes, in whole kroner."""
