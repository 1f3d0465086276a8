"""Screening a housing stock: one register row per dwelling with its grades, barriers, cheapest remedies and likely
grants (docs/screening.md). It reads plans through `planner` and prices them through `costing`, the same code as the
single-plan `planner check` and `costing options`."""
