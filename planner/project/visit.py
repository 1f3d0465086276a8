"""A site visit: which elements to measure, in what order, and how values, notes and photos attach to a project."""
from __future__ import annotations

import base64
from dataclasses import dataclass

from planner.model.findings import Finding
from planner.project.measurements import ENTRANCE_ID, Measurement, make_measurement, now_iso
from planner.model.plan import SOURCE_MEASURED, Plan, PlanError
from planner.project.file import Project

MAX_PHOTO_BYTES = 15 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "image/gif")


@dataclass(frozen=True, slots=True)
class VisitItem:
    """One stop on the walk: an element id, its kind ('door', 'shower', 'entrance') and the fields to measure."""

    element: str
    kind: str
    fields: tuple[str, ...]


def visit_items(plan: Plan) -> list[VisitItem]:
    """The entrance first (when the plan has one or an exterior door), then the doors, the showers and the basins."""
    items = []
    if plan.entrance is not None or any(d.exterior for d in plan.doors):
        items.append(VisitItem(ENTRANCE_ID, "entrance", ("rise_mm", "steps", "space_length_mm", "landing_mm")))
    items += [VisitItem(d.id, "door", ("clear_width_mm", "threshold_mm")) for d in plan.doors]
    items += [VisitItem(f.id, "shower", ("lip_mm",)) for f in plan.fixtures if f.type == "shower"]
    items += [VisitItem(f.id, "basin", ("space_under",)) for f in plan.fixtures if f.type == "sink"]
    return items


def findings_for(plan: Plan, findings: list[Finding], element: str) -> list[Finding]:
    """The findings a visit stop decides: the element's own, and for a basin the turning finding of its room
    (whether the basin leaves free floor under it decides whether the turning space may pass under it)."""
    fixture = plan.fixture(element)
    room = fixture.room if fixture is not None and fixture.type == "sink" else None
    return [f for f in findings if f.element == element
            or (room is not None and f.element == room and f.check == "turning_circle")]


def measured(project: Project, element: str, field: str) -> Measurement | None:
    """The value recorded for an element's field, if any (the last one given wins)."""
    return next((m for m in reversed(project.measurements) if (m.element, m.field) == (element, field)), None)


def set_value(project: Project, element: str, field: str, value, source: str = SOURCE_MEASURED,
              taken_at: str | None = None) -> Project:
    """Record one value (validated; PlanError with one sentence if it is not plausible), or remove it with None.
    Recording the same value again keeps its first time."""
    if value is None or value == "":
        return project.replace(measurements=tuple(m for m in project.measurements
                                                  if (m.element, m.field) != (element, field)))
    new = make_measurement(element, field, value, source=source, taken_at=taken_at)
    old = measured(project, element, field)
    if old is not None and old.value == new.value and old.source == new.source:
        return project
    note = old.note if old is not None else ""
    return project.with_measurement(Measurement(new.element, new.field, new.value, new.source, new.taken_at, note))


def set_note(project: Project, element: str, text: str) -> Project:
    notes = dict(project.notes)
    if text.strip():
        notes[element] = text
    else:
        notes.pop(element, None)
    return project.replace(notes=notes)


def add_photo(project: Project, element: str, name: str, mime: str, data: bytes,
              taken_at: str | None = None) -> Project:
    """Attach a photo to an element, stored in the project as base64 so it travels with the file."""
    if not data:
        raise PlanError.text("visit.photo_empty", name=name or "photo")
    if len(data) > MAX_PHOTO_BYTES:
        raise PlanError.text("visit.photo_large", name=name)
    from planner.project.checked import image_kind
    kind = image_kind(data[:16])
    if kind is None:   # what is kept must show and open again: a photo is an image whatever its name says
        raise PlanError.text("visit.not_image", name=name or "photo")
    photo = {"element": element, "name": name or "photo", "mime": kind,
             "data": base64.b64encode(data).decode("ascii"), "taken_at": taken_at or now_iso()}
    return project.replace(photos=(*project.photos, photo))


def photos_of(project: Project, element: str) -> list[tuple[int, dict]]:
    return [(i, p) for i, p in enumerate(project.photos) if p.get("element") == element]


def remove_photo(project: Project, index: int) -> Project:
    return project.replace(photos=tuple(p for i, p in enumerate(project.photos) if i != index))


def photo_bytes(photo: dict) -> bytes:
    return base64.b64decode(photo.get("data", ""))
