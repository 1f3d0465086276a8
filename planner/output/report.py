"""The plan and its findings as the JSON object of the CLI contract (docs/cli.md)."""
from __future__ import annotations

from planner.model.findings import Finding
from planner.model.plan import Plan


def json_safe(report: dict) -> dict:
    """The import report as strict JSON: a number that is not finite (NaN from a division by nothing) is null,
    a lone surrogate U+FFFD; the CLI's --json output is then always valid JSON in valid UTF-8."""
    from planner.project.checked import clean_tree
    return clean_tree(report, [])


def plan_json(plan: Plan, findings: list[Finding], standard: str, lang: str = "en") -> dict:
    """One JSON-able object: units, rooms, doors, fixtures, entrance, findings and the import report.

    Coordinates are millimetres in the drawing's own frame; a door's position is the middle of its opening.
    """
    return {
        "standard": standard,
        "units": plan.units,
        "rooms": [{"id": r.id, "name": r.name, "type": r.type, "area_m2": round(r.area_m2, 2),
                   "polygon": [[round(x, 1), round(y, 1)] for x, y in r.polygon.exterior.coords[:-1]]}
                  for r in plan.rooms],
        "doors": [{"id": d.id, "position": [round(d.position.x, 1), round(d.position.y, 1)],
                   "leaf_width_mm": round(d.leaf_width_mm, 1), "clear_width_mm": round(d.clear_width_mm, 1),
                   "clear_width_source": d.clear_width_source,
                   "threshold_mm": None if d.threshold_mm is None else round(d.threshold_mm, 1),
                   "rooms": list(d.rooms), "exterior": d.exterior, "kind": d.kind} for d in plan.doors],
        "fixtures": [{"id": f.id, "type": f.type, "room": f.room,
                      "lip_mm": None if f.lip_mm is None else round(f.lip_mm, 1)} for f in plan.fixtures],
        "entrance": None if plan.entrance is None else plan.entrance.to_dict(),
        "findings": [f.to_dict(lang) for f in findings],
        "import": json_safe(plan.import_report),
    }
