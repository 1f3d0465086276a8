"""The range of every number a person types or a file gives, per field, and its unit: one table for the site
measurements, the importers (a threshold a model gives beyond it is no threshold), the project file's check on
opening, prices and quote lines. planner/model/numbers.py parses a typed number against its field's range."""
from planner.model.numbers import FieldRange

# Every number a person types, per field: the range it must lie in and its unit (planner/model/numbers.py reads it).
# The measurement fields first; then prices and quote lines (whole kroner) and the grant's inputs.
FIELD_RANGES = {"clear_width_mm": FieldRange(100, 3000, "mm"), "threshold_mm": FieldRange(0, 500, "mm"),
                "lip_mm": FieldRange(0, 500, "mm"), "rise_mm": FieldRange(0, 10000, "mm"),
                "steps": FieldRange(0, 60, "count", whole=True), "space_length_mm": FieldRange(0, 100000, "mm"),
                "far_side": FieldRange(1, 2, "code", whole=True), "space_under": FieldRange(0, 1, "code", whole=True),
                "landing_mm": FieldRange(0, 100000, "mm"),
                "price_nok": FieldRange(0, 10_000_000, "nok"),
                "quote_line_nok": FieldRange(-10_000_000, 10_000_000, "nok"),    # a discount line is negative
                "permanent_cost_nok": FieldRange(0, 10_000_000, "nok"),
                "alternative_price_nok": FieldRange(0, 10_000_000, "nok"),
                "scale_length_mm": FieldRange(100, 200_000, "mm")}   # a known length on a plan image
MEASURED_FIELDS = ("clear_width_mm", "threshold_mm", "lip_mm", "rise_mm", "steps", "space_length_mm", "far_side",
                   "space_under", "landing_mm")
FIELD_LIMITS_MM = {f: (FIELD_RANGES[f].low, FIELD_RANGES[f].high) for f in MEASURED_FIELDS}
