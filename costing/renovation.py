"""Renovating anyway: the future-proofing measures that apply to each room being renovated (or to every room of a
new build), as the room is drawn and measured, with their extra cost during the work and their cost afterwards,
and the grants that may help (costing/data/renovation-no.toml, docs/renovation.md).

A measure is *needed* where a check fails now, *unknown* where the check lacks a measurement, *met* where the check
passes, and *recommended* where no check can see it in a plan (backing for grab rails, the ceiling). Where the
turning space cannot fit, it says how far one wall would have to move for it to fit.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from shapely.geometry import box

from costing.money import nok
from costing.prices import Price
from costing.remedies import Context, remedies_for
from costing.rates import DATA_DIR
from planner.checks import CHECKS
from planner.i18n import register
from planner.model.elements import rooms_of
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding
from planner.model.plan import Plan, Room
from planner.rules import Rules

MEASURES_FILE = DATA_DIR / "renovation-no.toml"
ENTRANCE = "entrance"
NEEDED, UNKNOWN_NOW, MET, RECOMMENDED = "needed", "unknown", "met", "recommended"
STATUS_ORDER = (NEEDED, UNKNOWN_NOW, RECOMMENDED, MET)
ENLARGE_STEP_MM = 50
ENLARGE_MAX_MM = 2000   # beyond this a room is not enlarged by moving one wall: it is a new layout


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    rooms: tuple[str, ...]
    checks: tuple[str, ...]
    during: tuple[str, ...]
    after: tuple[str, ...]
    after_if_bath: tuple[str, ...]
    grants: tuple[str, ...]
    source: str
    confidence: str
    remedies: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def measures() -> tuple[Measure, ...]:
    data = tomllib.loads(MEASURES_FILE.read_text(encoding="utf-8"))
    return tuple(Measure(id=k, rooms=tuple(v["rooms"]), checks=tuple(v["checks"]), during=tuple(v["during"]),
                         after=tuple(v["after"]), after_if_bath=tuple(v.get("after_if_bath", ())),
                         grants=tuple(v["grants"]), source=v["source"], confidence=v["confidence"],
                         remedies=tuple(v.get("remedies", ())))
                 for k, v in data.items())


@dataclass(frozen=True, slots=True)
class Enlargement:
    """Moving one wall of the room outwards by `by_mm` makes the turning space fit ("north" is the drawing's +y)."""

    side: str
    by_mm: int

    def to_dict(self) -> dict:
        return {"side": self.side, "by_mm": self.by_mm}


@dataclass(frozen=True, slots=True)
class Advice:
    """One measure for one room: why (status and the findings behind it), its cost now and later, and the grants."""

    measure: Measure
    room: str
    room_name: str
    status: str
    during_nok: int | None
    after_nok: int | None
    estimate: bool
    findings: tuple[str, ...] = ()
    enlarge: Enlargement | None = None
    cannot_fit: bool = False
    missing_prices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def saving_nok(self) -> int | None:
        if self.during_nok is None or self.after_nok is None:
            return None
        return self.after_nok - self.during_nok

    def to_dict(self) -> dict:
        return {"measure": self.measure.id, "room": self.room, "room_name": self.room_name, "status": self.status,
                "during_nok": self.during_nok, "after_nok": self.after_nok, "saving_nok": self.saving_nok,
                "estimate": self.estimate, "findings": list(self.findings), "grants": list(self.measure.grants),
                "enlarge": None if self.enlarge is None else self.enlarge.to_dict(), "cannot_fit": self.cannot_fit,
                "source": self.measure.source, "confidence": self.measure.confidence,
                "missing_prices": list(self.missing_prices)}


def _sum(items: tuple[str, ...], prices: dict[str, Price], quantity: int = 1) -> tuple[int | None, bool, tuple]:
    missing = tuple(i for i in items if i not in prices)
    if missing:
        return None, True, missing
    total = sum(nok(prices[i].value) for i in items) * quantity
    return total, any(prices[i].estimate for i in items), ()


def enlargement(plan: Plan, room: Room, rules: Rules) -> Enlargement | None:
    """The least move of one wall (in ENLARGE_STEP_MM steps, up to ENLARGE_MAX_MM) after which the registered
    turning check passes for the room, its fixtures and doors left where they are; None when no such move exists.
    Sides are tried in the order north, south, east, west; the smallest move wins."""
    check = CHECKS["turning_circle"]
    minx, miny, maxx, maxy = room.polygon.bounds
    doors = tuple(plan.doors_of(room.id))
    fixtures = tuple(plan.fixtures_in(room.id))
    strips = {"north": lambda d: box(minx, maxy, maxx, maxy + d), "south": lambda d: box(minx, miny - d, maxx, miny),
              "east": lambda d: box(maxx, miny, maxx + d, maxy), "west": lambda d: box(minx - d, miny, minx, maxy)}
    best: Enlargement | None = None
    for side, strip in strips.items():
        for by in range(ENLARGE_STEP_MM, ENLARGE_MAX_MM + 1, ENLARGE_STEP_MM):
            if best is not None and by >= best.by_mm:
                break
            grown = Room(id=room.id, name=room.name, type=room.type, polygon=room.polygon.union(strip(by)))
            trial = plan.replace(rooms=(grown,), doors=doors, fixtures=fixtures)
            if any(f.element == room.id and f.status == PASS for f in check(trial, rules)):
                best = Enlargement(side, by)
                break
    return best


def _status(found: list[Finding]) -> str:
    if any(f.status == FAIL for f in found):
        return NEEDED
    if any(f.status == UNKNOWN for f in found):
        return UNKNOWN_NOW
    return MET if found else RECOMMENDED


def _after_by_remedies(m: Measure, found: list[Finding], plan: Plan, ctx: Context) -> tuple[int | None, bool]:
    """What fixing the failing findings costs once the work is done: per finding the cheapest adequate remedy among
    the measure's, priced by the funding plan's own remedy code; None when one has none with a price."""
    total, estimate = 0, False
    for f in found:
        if f.status != FAIL:
            continue
        costs = [(r.total_nok, r) for r in remedies_for(f, plan, ctx)
                 if r.option in m.remedies and r.adequate and r.total_nok is not None]
        if not costs:
            return None, True
        nok, remedy = min(costs, key=lambda c: c[0])
        total += nok
        estimate = estimate or any(ctx.prices[line.item].estimate for line in remedy.lines if line.item in ctx.prices)
    return total, estimate


def renovation_plan(plan: Plan, findings: list[Finding], rules: Rules, prices: dict[str, Price],
                    rooms: list[str] | tuple[str, ...] = (), new_build: bool = False,
                    ctx: Context | None = None) -> list[Advice]:
    """The measures for every room being renovated (`rooms`: room ids, and "entrance" for the entrance), or for
    every room of a new build, in the order: needed, unknown, recommended, met. With the funding plan's remedy
    context `ctx`, a measure the plan needs now is priced afterwards as the remedies would price it."""
    chosen = {r.id for r in plan.rooms} | {ENTRANCE} if new_build else set(rooms)
    by_room: dict[str, list[Finding]] = {}
    for f in findings:
        targets = [ENTRANCE] if f.check == "step_free_entrance" else rooms_of(f, plan)
        for room_id in targets:
            by_room.setdefault(room_id, []).append(f)
    out: list[Advice] = []
    targets = [(ENTRANCE, ENTRANCE, ENTRANCE)] if ENTRANCE in chosen else []
    targets += [(r.id, r.type, r.name or r.id) for r in plan.rooms if r.id in chosen]
    for room_id, kind, name in targets:
        for m in measures():
            bathroom_like = kind == "wc" and any(f.type == "shower" for f in plan.fixtures_in(room_id))
            if kind not in m.rooms and not (bathroom_like and "bathroom" in m.rooms):
                continue
            found = [f for f in by_room.get(room_id, []) if f.check in m.checks]
            status = _status(found) if m.checks else RECOMMENDED
            quantity = 1
            if m.id == "wide_door":
                quantity = max(1, len(plan.doors_of(room_id)))
            during, est_d, miss_d = _sum(m.during, prices, quantity)
            after_items = m.after
            if m.after_if_bath and any(f.code == "BATH_ONLY" for f in found):
                after_items = m.after_if_bath
            if m.id == "turning_space" and kind != "bathroom":
                after_items = tuple(i for i in after_items if not i.startswith("bathroom"))
            after, est_a, miss_a = _sum(after_items, prices, quantity)
            if ctx is not None and status == NEEDED and m.remedies:
                after, est_a = _after_by_remedies(m, found, plan, ctx)
                miss_a = ()
            grow, cannot = None, False
            if m.id == "turning_space" and status == NEEDED:
                room = plan.room(room_id)
                grow = enlargement(plan, room, rules) if room is not None else None
                cannot = grow is None
            if status == MET:   # nothing to do: no cost now nor afterwards
                during = after = None
                est_d = est_a = False
                miss_d = miss_a = ()
            out.append(Advice(measure=m, room=room_id, room_name=name, status=status, during_nok=during,
                              after_nok=after, estimate=est_d or est_a, findings=tuple(f.code for f in found),
                              enlarge=grow, cannot_fit=cannot, missing_prices=miss_d + miss_a))
    return sorted(out, key=lambda a: STATUS_ORDER.index(a.status))


def renovation_state(state: dict | None) -> tuple[list[str], bool]:
    """The rooms marked for renovation and whether it is a new build, from the project's costing dict."""
    data = (state or {}).get("renovation") or {}
    rooms = [str(r) for r in data.get("rooms") or [] if isinstance(r, (str, int))]
    return rooms, bool(data.get("new_build"))


register({
    "reno.status.needed": {"en": "fails now", "nb": "oppfylles ikke nå"},
    "reno.status.unknown": {"en": "not measured", "nb": "ikke målt"},
    "reno.status.recommended": {"en": "cannot be seen in a plan", "nb": "kan ikke ses av en plan"},
    "reno.status.met": {"en": "already met", "nb": "oppfylt allerede"},
    "reno.grant.husbanken": {"en": "Husbanken adaptation grant (the municipality, means-tested)",
                             "nb": "Husbankens tilskudd til tilpasning (kommunen, behovsprøvd)"},
    "reno.grant.nav": {"en": "NAV, only with a lasting need", "nb": "NAV, bare ved varig behov"},
    "reno.enlarge": {"en": "{room}: moving the wall {side} in the drawing out by {by} mm would make the turning space fit.",
                     "nb": "{room}: å flytte veggen {side} på tegningen {by} mm ut ville gi plass til snusirkelen."},
    "reno.cannot_fit": {"en": "{room}: moving one wall does not make the turning space fit; the room needs a new layout.",
                        "nb": "{room}: å flytte én vegg gir ikke plass til snusirkelen; rommet trenger en ny planløsning."},
    "reno.side.north": {"en": "at the top", "nb": "øverst"}, "reno.side.south": {"en": "at the bottom", "nb": "nederst"},
    "reno.side.east": {"en": "on the right", "nb": "til høyre"}, "reno.side.west": {"en": "on the left", "nb": "til venstre"},
    "reno.entrance": {"en": "Entrance", "nb": "Inngang"},
    "measure.step_free_shower": {"en": "A shower straight on the floor", "nb": "Dusj rett på gulvet"},
    "measure.step_free_bathroom_access": {"en": "Step-free into and out of the room",
                                          "nb": "Trinnfritt inn og ut av rommet"},
    "measure.grab_rail_backing": {"en": "Walls reinforced for grab rails later", "nb": "Forsterkede vegger for støttehåndtak senere"},
    "measure.wide_door": {"en": "A wide door", "nb": "God dørbredde"},
    "measure.turning_space": {"en": "Room for a wheelchair turning circle", "nb": "Plass til snusirkel for rullestol"},
    "measure.floor_standing_toilet": {"en": "A floor-standing toilet", "nb": "Gulvstående toalett"},
    "measure.ceiling_height": {"en": "Ceiling height and backing for a ceiling hoist",
                               "nb": "Takhøyde og forsterkning for takheis"},
    "measure.step_free_entrance": {"en": "Step-free entrance (ground raised to the door)",
                                   "nb": "Trinnfri inngang (terrenget hevet til døren)"},
    "reno.col.room": {"en": "Room", "nb": "Rom"}, "reno.col.measure": {"en": "Measure", "nb": "Tiltak"},
    "reno.col.status": {"en": "Now", "nb": "Nå"},
    "reno.col.during": {"en": "Extra during the work", "nb": "Merkostnad under arbeidet"},
    "reno.col.after": {"en": "Cost afterwards", "nb": "Kostnad etterpå"},
    "reno.col.grants": {"en": "Grants that may help", "nb": "Tilskudd som kan hjelpe"},
    "reno.col.source": {"en": "Why (source, confidence)", "nb": "Hvorfor (kilde, sikkerhet)"},
    "cli.renovation": {"en": "Renovating anyway: what to do while the work is on", "nb": "Pusse opp likevel: hva bør gjøres mens arbeidet pågår"},
    "cli.renovation.cost": {"en": "extra now {during}, afterwards {after}", "nb": "ekstra nå {during}, etterpå {after}"},
})
