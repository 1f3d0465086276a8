"""The fall-prevention walk of a site visit: items asked per room where they apply, with the cheap aids that solve
them (docs/renovation.md, "Fall prevention"; NAV Hjelpemiddelsentral Vestland's checklist in
shared/domain/nav-process.md)."""
from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import register
from planner.model.plan import Plan

OK, ACTION, NOT_RELEVANT = "ok", "action", "na"
ANSWERS = (OK, ACTION, NOT_RELEVANT)
ANY = "*"
ENTRANCE = "entrance"


@dataclass(frozen=True, slots=True)
class FallItem:
    """One thing to look at: in which room types, and what solves it (aids: the cheap aids; small_aids: whether
    NAV's small-aids grant may pay for them — U: check NAV's list)."""

    id: str
    rooms: tuple[str, ...]
    aids: tuple[str, ...]
    small_aids: bool


ITEMS = (
    FallItem("anti_slip", ("bathroom",), ("anti_slip_mat",), False),
    FallItem("bath_or_shower", ("bathroom",), ("shower_stool", "bath_board"), True),
    FallItem("grab_rails", ("bathroom", "wc"), ("grab_rail",), True),
    FallItem("stair_rails", (ENTRANCE,), ("second_handrail",), False),
    FallItem("contrast", (ENTRANCE, "hall"), ("contrast_tape",), False),
    FallItem("light", ("bedroom", "hall", "bathroom"), ("night_light", "motion_light"), False),
    FallItem("rugs_cables", ("living", "bedroom", "hall", "kitchen"), ("rug_grip", "cable_cover"), False),
)
ITEM_IDS = tuple(i.id for i in ITEMS)


def items_for(plan: Plan) -> list[tuple[str, str, FallItem]]:
    """(room id, room name, item) for every item that applies: the entrance when the plan has steps or a rise at
    it, then each room by its type."""
    out = []
    entrance = plan.entrance
    stepped = entrance is not None and ((entrance.steps or 0) > 0 or (entrance.rise_mm or 0) > 0)
    for item in ITEMS:
        if ENTRANCE in item.rooms and stepped:
            out.append((ENTRANCE, ENTRANCE, item))
    for room in plan.rooms:
        for item in ITEMS:
            if room.type in item.rooms:
                out.append((room.id, room.name or room.id, item))
    return out


def to_do(plan: Plan, answers: dict) -> list[tuple[str, FallItem]]:
    """The items answered "action": (room id, item)."""
    return [(room, item) for room, _, item in items_for(plan)
            if (answers.get(room) or {}).get(item.id, {}).get("answer") == ACTION]


def validate(data: object) -> dict:
    """The fall walk from a project file: {room: {item: {"answer", "at"}}}, unknown items and answers dropped."""
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict] = {}
    for room, items in data.items():
        if not isinstance(items, dict):
            continue
        kept = {}
        for item, value in items.items():
            if item in ITEM_IDS and isinstance(value, dict) and value.get("answer") in ANSWERS:
                kept[item] = {"answer": value["answer"], "at": str(value.get("at") or "")[:40]}
        if kept:
            out[str(room)[:200]] = kept
    return out


register({
    "fall.anti_slip": {"en": "Anti-slip mats in and by the shower", "nb": "Sklisikre matter i og ved dusjen"},
    "fall.bath_or_shower": {"en": "Getting into the bath or shower safely (a step-free shower instead of a bath)",
                            "nb": "Trygt inn i badekar eller dusj (trinnfri dusj i stedet for badekar)"},
    "fall.grab_rails": {"en": "Grab rails by the toilet and the shower", "nb": "Støttehåndtak ved toalett og dusj"},
    "fall.stair_rails": {"en": "Rails on both sides of the steps", "nb": "Rekkverk på begge sider av trappen"},
    "fall.contrast": {"en": "Contrast marking of steps and edges", "nb": "Kontrastmerking av trinn og kanter"},
    "fall.light": {"en": "Light within reach (from the bed, at the door, at night)",
                   "nb": "Lys innen rekkevidde (fra sengen, ved døren, om natten)"},
    "fall.rugs_cables": {"en": "Loose rugs and cables fixed or removed", "nb": "Løse tepper og ledninger festet eller fjernet"},
    "fall.answer.ok": {"en": "In order", "nb": "I orden"},
    "fall.answer.action": {"en": "Needs doing", "nb": "Må gjøres"},
    "fall.answer.na": {"en": "Not relevant", "nb": "Ikke aktuelt"},
    "aid.anti_slip_mat": {"en": "anti-slip mat", "nb": "sklimatte"},
    "aid.shower_stool": {"en": "shower stool", "nb": "dusjkrakk"},
    "aid.bath_board": {"en": "bath board", "nb": "badekarbrett"},
    "aid.grab_rail": {"en": "grab rail", "nb": "støttehåndtak"},
    "aid.second_handrail": {"en": "a second handrail", "nb": "en håndløper til"},
    "aid.contrast_tape": {"en": "contrast tape", "nb": "kontrasttape"},
    "aid.night_light": {"en": "night light", "nb": "nattlys"},
    "aid.motion_light": {"en": "motion-sensor light", "nb": "lys med bevegelsessensor"},
    "aid.rug_grip": {"en": "anti-slip underlay for rugs", "nb": "sklisikkert teppeunderlag"},
    "aid.cable_cover": {"en": "cable cover", "nb": "kabelskjuler"},
    "fall.entrance": {"en": "Entrance", "nb": "Inngang"},
    "fall.small_aids": {"en": "may be paid by NAV's small-aids grant (check NAV's list)",
                        "nb": "kan dekkes av NAVs tilskudd til rimelige hjelpemidler (sjekk NAVs liste)"},
    "fall.own": {"en": "an ordinary product: bought by the household", "nb": "en vanlig vare: kjøpes av husstanden"},
})
