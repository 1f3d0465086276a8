"""Importers: messy drawings in, a checked-ready Plan and an import report out."""
from planner.importers.pipeline import ImportResult, UnitsUnknownError, read_dxf

__all__ = ["ImportResult", "UnitsUnknownError", "read_dxf"]
