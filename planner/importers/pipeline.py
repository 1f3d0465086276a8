"""read_dxf: DXF bytes to a Plan with an import report; every way it can fail ends in one sentence."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import shapely
from shapely.geometry import LineString, Point

from planner.i18n import register, render, said
from planner.importers import report as rep
from planner.importers.doors import find_doors, find_passages, kind_name, long_axis
from planner.importers.doubts import (FACT_AREA_LABELS, FACT_DOORS_ALONE, FACT_DRAWING_READ, FACT_DRAWINGS,
                                      FACT_PROXIES, find_doubts)
from planner.importers.dxf import load_document, truncated
from planner.importers.extract import WINDOW, Flattener, Primitives, ignored_linestrings, without_layers
from planner.importers.fixtures import find_fixtures
from planner.model.gc_pause import with_gc_paused
from planner.importers.layer_content import refine_roles
from planner.importers.layers import (ROLES, SET_BY_USER, UNKNOWN, WALLS_BY_DEFAULT, fixture_type, guess_role,
                                      is_door_block, is_furniture_block, is_window_block)
from planner.importers.outside import outside
from planner.importers.proxies import is_proxy, proxy_count, proxy_warning
from planner.importers.regions import (DOOR_SWING_WEIGHT, default_region, drawing_kinds, find_regions, overlay,
                                       previews, subset, swing_arcs)
from planner.importers.swings import drawing_extent, sort_swings
from planner.importers.rooms import (area_label_scales, area_outlines, area_labelled_outlines, furniture_outlines, is_furniture,
                                     is_measure, label_area_m2, name_rooms, outline_polygons)
from planner.importers.unitguess import header_contradicted, infer_unit
from planner.importers.walls_to_rooms import rooms_from_walls
from planner.model.plan import SOURCE_DRAWN, SOURCE_ESTIMATED, Door, Fixture, Plan, PlanError, Room
from planner.rules import Rules, load_rules
from planner.model.units import INSUNITS_NAMES, INSUNITS_TO_UNIT, MM_PER_UNIT, parse_unit, unit_name

MAX_ENTITIES = 400_000
REGION_GAP_MM = 4000.0
DOOR_PROBES_MM = (250.0, 450.0, 700.0)
MAX_IGNORED_LINES = 30_000
EARLY_REFUSAL_LINES = 500
Progress = Callable[[float, str], None]


DROP_LINES, DROP_OUTLINE_SIZE, DROP_FURNITURE = "imp.dropped.lines", "imp.dropped.outline_size", "imp.dropped.furniture"
DROP_DOOR_ALONE, DROP_OUTER_OPENING = "imp.dropped.door_alone", "imp.dropped.outer_opening"
DROP_AREA_OUTLINE = "imp.dropped.area_outline"
FRAGMENT_SHARE = 0.05          # unnamed spaces covering less than this share of the walls' extent are a fragment
FRAGMENT_MIN_EXTENT_M2 = 200.0  # ...in a drawing at least this large (a small flat may well be one space)

register({
    "imp.unit.by_user": {"en": "chosen by the user", "nb": "valgt av brukeren"},
    "imp.unit.header_but": {"en": "$INSUNITS says {header}, but {why}", "nb": "$INSUNITS oppgir {header}, men {why}"},
    "imp.unit.header_agrees": {"en": "$INSUNITS = {code} ({header}), and the geometry agrees",
                               "nb": "$INSUNITS = {code} ({header}), og geometrien stemmer med det"},
    "imp.unit.provisional": {"en": "provisional, to look at the drawing before asking",
                             "nb": "foreløpig, for å se på tegningen før du blir spurt"},
    "imp.unit.area_labels": {"en": "{votes} closed outlines have the area of the area label inside them in {unit}",
                             "nb": "{votes} lukkede omriss har arealet som står i arealteksten inni dem, regnet i "
                                   "{unit}"},
    DROP_LINES: {"en": "lines on ignored or unknown layers", "nb": "linjer på lag som overses eller er ukjente"},
    DROP_OUTLINE_SIZE: {"en": "closed outlines on room layers too small or too large for a room",
                        "nb": "lukkede omriss på romlag som er for små eller for store til å være rom"},
    DROP_FURNITURE: {"en": "closed outlines on room layers labelled only with furniture names",
                     "nb": "lukkede omriss på romlag som bare er merket med møbelnavn"},
    DROP_AREA_OUTLINE: {"en": "closed outlines on room layers around other rooms or across walls: the outline of a flat "
                               "or of a gross or net area, not of a room",
                         "nb": "lukkede omriss på romlag rundt andre rom eller på tvers av vegger: omrisset av en "
                               "leilighet eller et brutto- eller nettoareal, ikke av et rom"},
    DROP_DOOR_ALONE: {"en": "door shapes not next to any room", "nb": "dørsymboler som ikke ligger ved noe rom"},
    DROP_OUTER_OPENING: {"en": "openings in an outer wall (a door or a window: the plan does not tell)",
                         "nb": "åpninger i yttervegg (dør eller vindu: planen viser ikke hvilken)"},
    "imp.guess.area_outlines": {"en": "closed outlines on layer {layer} are rooms",
                                "nb": "lukkede omriss på laget {layer} er rom"},
    "imp.guess.area_outlines_why": {"en": "their area is the area label inside them",
                                    "nb": "arealet deres er det som står i arealteksten inni dem"},
    "imp.guess.room": {"en": "room {id} {name} is {kind}", "nb": "rom {id} {name}: {kind_name}"},
    "imp.guess.room_unnamed": {"en": "room {id} '' is {kind}", "nb": "rom {id} (uten navn): {kind_name}"},
    "imp.guess.opening": {"en": "door {id}: {kind}, leaf {leaf} mm", "nb": "dør {id}: åpning uten dør, {leaf} mm bred"},
    "imp.guess.door": {"en": "door {id}: {kind}, leaf {leaf} mm", "nb": "dør {id}: {kind_name}, dørblad {leaf} mm"},
    "imp.guess.door_outside": {"en": "door {id} is an entrance door", "nb": "dør {id} er en inngangsdør"},
    "imp.guess.door_outside_why": {"en": "its far side is no room and lies outside the walls",
                                   "nb": "på den andre siden er det ikke noe rom, og stedet ligger utenfor veggene"},
    "imp.guess.door_enclosed": {"en": "what lies behind door {id} is not known",
                                "nb": "det er ikke kjent hva som ligger bak dør {id}"},
    "imp.guess.door_enclosed_why": {
        "en": "its far side is no room of the plan but lies inside the walls (a hall or corridor whose walls did "
              "not close): it needs 760 or 860 mm, which cannot be told",
        "nb": "på den andre siden er det ikke noe rom i planen, men stedet ligger innenfor veggene (en gang eller "
              "korridor der veggene ikke lukket seg): den trenger 760 eller 860 mm, og det kan ikke avgjøres"},
    "imp.guess.door_drawn": {"en": "{source}; clear width = the opening as drawn",
                             "nb": "{source}; fri bredde = åpningen slik den er tegnet"},
    "imp.guess.door_estimated": {"en": "{source}; clear width = leaf − {deduction} mm (estimated)",
                                 "nb": "{source}; fri bredde = dørblad − {deduction} mm (anslått)"},
    "imp.guess.fixture": {"en": "fixture {id} is a {kind}", "nb": "innredning {id}: {kind_name}"},
    "imp.guess.fixture_why": {"en": "block name {block}", "nb": "blokknavn {block}"},
})


class UnitsUnknownError(PlanError):
    """The drawing does not say its unit. guess: the unit the geometry suggests (or None); why: the reason."""

    def __init__(self, message: str, guess: str | None, why: str, key: str | None = None,
                 params: dict | None = None) -> None:
        super().__init__(message, key, params)
        self.guess = guess
        self.why = why


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A plan read from a DXF, the import report (JSON-able) and sentences for the user."""

    plan: Plan
    report: dict
    issues: list[str] = field(default_factory=list)


def _used_layers(p: Primitives) -> set[str]:
    return {lay or "0" for lay in (*p.seg_layer, *p.arc_layer)} | {lay or "0" for _, lay in p.outlines} | \
           {lay or "0" for *_, lay in p.texts}


def _matched(doc, p: Primitives, overrides: dict[str, str]) -> dict[str, str]:
    """The user's layer roles keyed by the file's own layer names (layer names in DXF ignore case); a layer the
    file does not have is an error that names the layers it has."""
    names = sorted(_used_layers(p) | set(doc.layers))
    by_fold = {name.casefold(): name for name in names}
    out = {}
    for name, role in overrides.items():
        found = name if name in names else by_fold.get(name.casefold())
        if found is None:
            holding = sorted(_used_layers(p)) or names       # the layers that hold something come first
            shown = ", ".join(repr(n) for n in holding[:12]) + (" …" if len(holding) > 12 else "")
            raise PlanError.text("imp.role_no_layer", layer=repr(name), layers=shown or "–")
        out[found] = role
    return out


def _roles(doc, p: Primitives, overrides: dict[str, str]) -> tuple[dict[str, str], dict[str, list]]:
    """Each layer's role and why (a text to render, planner.i18n.said)."""
    used = _used_layers(p)
    names = sorted(used | set(doc.layers))
    roles, why = {}, {}
    for name in names:
        roles[name], why[name] = guess_role(name)
    for name, role in overrides.items():
        if role not in ROLES:
            raise PlanError.text("imp.role_unknown", role=repr(role), layer=repr(name), choices=", ".join(ROLES))
        roles[name], why[name] = role, said(SET_BY_USER)
    if "walls" not in roles.values():
        for name in names:
            if roles[name] == UNKNOWN and name in used:
                roles[name], why[name] = "walls", said(WALLS_BY_DEFAULT)
    return roles, why


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except (ValueError, OverflowError):
        return None


def _room_areas(p: Primitives, roles: dict[str, str]) -> np.ndarray:
    areas = [float(shapely.area(shapely.polygons(pts))) for pts, lay in p.outlines
             if roles.get(lay or "0") == "rooms" and len(pts) >= 3]
    return np.array([a for a in areas if a > 0])


def _unit_from_area_labels(p: Primitives, roles: dict[str, str]) -> tuple[str | None, list | None]:
    """The unit in which closed outlines have the area their area labels state ("mq=28.51" inside an outline of
    28.51 drawing units²: metres), with why; (None, None) when no outline carries an area label or no unit fits."""
    factors = np.array(area_label_scales(p.outlines, p.texts, roles))
    votes = {unit: int(np.sum(np.abs(factors / mm - 1) <= 0.02)) for unit, mm in MM_PER_UNIT.items()}
    unit = max(votes, key=votes.get)
    if not votes[unit]:
        return None, None
    return unit, said("imp.unit.area_labels", votes=votes[unit], unit=unit_name(unit))


@with_gc_paused
def read_dxf(data: bytes, *, name: str = "", units: str | None = None,
             layer_roles: dict[str, str] | None = None, region: int | None = None,
             progress: Progress | None = None, rules: Rules | None = None,
             tolerance_mm: float = 20.0) -> ImportResult:
    """Read a floor plan from DXF bytes. Lengths come out in millimetres in the drawing's frame.

    units forces the drawing unit ("mm", "cm", "m", "in", "ft"); layer_roles overrides the guessed role of
    layers; region picks one of several plans in the file (1-based, see report["regions"]). Raises PlanError
    (one sentence) for input that gives no plan, UnitsUnknownError when the unit is unset and not given.
    """
    say = progress or (lambda fraction, what: None)
    rules = rules or load_rules()
    forced = None
    if units is not None:
        try:
            forced = parse_unit(units)
        except ValueError as exc:
            raise PlanError.text("err.unit_name", unit=repr(units), choices=", ".join(MM_PER_UNIT)) from exc
    say(0.0, "reading the file")
    doc, notes = load_document(data)
    layout, layout_name = doc.layout()
    if len(layout) > MAX_ENTITIES:
        count, most = f"{len(layout):,}", f"{MAX_ENTITIES:,}"
        raise PlanError.text("imp.too_many", count=count, max=most, count_nb=count.replace(",", " "),
                             max_nb=most.replace(",", " "))
    say(0.4, "expanding blocks")
    flat = Flattener(doc, is_door_block, lambda n: fixture_type(n) is not None or is_furniture_block(n),
                     is_window_block=is_window_block)
    raw = flat.layout(layout, progress=lambda f: say(0.4 + 0.2 * f, "expanding blocks"))
    layer_roles = _matched(doc, raw, layer_roles or {})
    roles, role_why = _roles(doc, raw, layer_roles)
    user_ignored = {name for name, role in layer_roles.items() if role == "ignore"}
    left_out = raw
    raw = without_layers(raw, user_ignored)

    say(0.6, "working out the units")
    code = _int_or_none(doc.header.get("$INSUNITS"))
    header_unit = INSUNITS_TO_UNIT.get(code)
    extent = drawing_extent(raw)
    swings = sort_swings(raw, roles, extent)
    room_areas = _room_areas(raw, roles)
    guess = infer_unit(swings.radii, room_areas, extent)
    warnings = list(notes)   # texts to render
    unit_unknown = False
    labelled_unit, labelled_why = _unit_from_area_labels(raw, roles)
    if forced:
        used, why = forced, said("imp.unit.by_user")
    elif labelled_unit and header_unit != labelled_unit:
        used, why = labelled_unit, labelled_why
        if header_unit:
            why = said("imp.unit.header_but", header=unit_name(header_unit), why=labelled_why)
            warnings.append(rep.units_overridden(header_unit, labelled_unit, labelled_why))
    elif header_unit and (guess.unit is None or guess.unit == header_unit or
                          not header_contradicted(header_unit, swings.radii, room_areas, extent)):
        used, why = header_unit, said("imp.unit.header_agrees", code=code, header=unit_name(header_unit))
    elif header_unit:
        used, why = guess.unit, said("imp.unit.header_but", header=unit_name(header_unit), why=guess.why_t)
        warnings.append(rep.units_overridden(header_unit, guess.unit, guess.why_t))
    else:
        unit_unknown = True
        used, why = guess.unit or "mm", said("imp.unit.provisional")
    units_report = {"header": header_unit, "header_code": code,
                    "header_name": INSUNITS_NAMES.get(code, "absent") if code is not None else "absent",
                    "used": used, "inferred": guess.unit, "why": render(why), "inference": guess.why,
                    "why_t": why, "inference_t": guess.why_t}

    p = raw.scaled(MM_PER_UNIT[used])
    roles, role_why = refine_roles(p, roles, role_why, fixed=set(layer_roles or {}),
                                   linetypes=doc.layer_linetypes, extent_mm=drawing_extent(p))
    proxies = proxy_count(raw.ignored)
    if proxies:
        warnings.append(proxy_warning(proxies))
    say(0.65, "finding separate plans")
    counted = np.array([roles.get(lay or "0", UNKNOWN) in ("walls", "doors", "rooms")
                        for lay in (*p.seg_layer, *p.arc_layer)], dtype=float)
    swing_idx = swing_arcs(p, swings.doors)     # the door swings, of a door's radius once in millimetres
    counted[len(p.seg) + swing_idx] = DOOR_SWING_WEIGHT
    regions, member = find_regions(p, gap_mm=REGION_GAP_MM, counts=counted)
    room_outline = np.array([roles.get(lay or "0") == "rooms" for _, lay in p.outlines], dtype=bool)
    kinds = drawing_kinds(p, member, regions, swing_idx, room_outline)
    chosen = None
    if regions:
        if region is not None and not any(r.index == region for r in regions):
            raise PlanError.text("imp.region_unknown", region=region,
                                 choices=", ".join(str(r.index) for r in regions))
        chosen = region if region is not None else default_region(kinds)
        if len(regions) > 1 and region is None:
            warnings.append(rep.several_regions(len(regions), chosen))
        outside = p
        p = subset(p, member, chosen)
    else:
        outside = None

    say(0.7, "finding doors and rooms")
    plan_parts = build_plan(p, roles, rules, tolerance_mm=tolerance_mm)
    report = rep.build_report(
        name=name, doc=doc, layout=layout_name, roles=roles, role_why=role_why, units=units_report,
        regions=kinds, chosen=chosen, parts=plan_parts, raw=raw,
        warnings=warnings)
    report["swings"] = plan_parts.swings
    report["proxy_entities"] = proxies
    report["dropped"] = {key: n for key, n in sorted(plan_parts.dropped.items()) if n}   # text key -> count
    if len(regions) > 1:
        report["region_previews"] = previews(outside, member, regions)
    report["overlay"] = overlay(p, _lines_left_out(left_out, user_ignored, MM_PER_UNIT[used], regions, chosen))
    if plan_parts.error and notes:
        why = "@file.reason.cut_off" if truncated(data) else "@file.reason.damaged"
        raise PlanError.text("file.repaired_no_plan", reason=why)
    if plan_parts.error:
        refusal = rep.refusal_tried(plan_parts.error, used, why, plan_parts.wall_layers, roles, raw,
                                    guess.unit if guess.unit != used and not forced else None, kinds, chosen)
        refusal.report = report    # what was guessed, so that the user can correct it and read again
        raise refusal
    if unit_unknown:
        sentence = rep.units_unknown(guess.unit)
        refusal = UnitsUnknownError(str(sentence), guess.unit, guess.why, sentence.key, sentence.params)
        refusal.code, refusal.report = "UNITS_UNKNOWN", report
        raise refusal
    ignored_lines = plan_parts.ignored
    if outside is not None and len(regions) > 1:
        others = outside.seg[member["seg"] != chosen][:MAX_IGNORED_LINES]
        ignored_lines = ignored_lines + tuple(shapely.linestrings(others.reshape(-1, 2, 2)))
    plan = Plan(rooms=plan_parts.rooms, doors=plan_parts.doors, fixtures=plan_parts.fixtures,
                walls=plan_parts.walls, ignored=ignored_lines[:MAX_IGNORED_LINES], units=used, name=name,
                import_report=report)
    report["facts"] = import_facts(raw, p, plan_parts, kinds, chosen)
    report["doubts"] = [d.to_dict() for d in find_doubts(plan, report["facts"])]
    say(1.0, "done")
    return ImportResult(plan=plan, report=report, issues=rep.issues(report))


def _lines_left_out(raw: Primitives, layers: set[str], mm_per_unit: float, regions: list, chosen: int | None
                    ) -> Primitives | None:
    """The lines on the layers the user set to ignore, in mm, within the drawing read: to show them faded."""
    if not layers or not len(raw.seg):
        return None
    keep = np.array([(lay or "0") in layers for lay in raw.seg_layer], dtype=bool)
    seg = raw.seg[keep] * mm_per_unit
    box = next((r.bbox_mm for r in regions if r.index == chosen), None)
    if box is not None and len(seg):
        x0, y0, x1, y1 = box
        inside = (seg[:, [0, 2]].max(axis=1) >= x0) & (seg[:, [0, 2]].min(axis=1) <= x1) & \
                 (seg[:, [1, 3]].max(axis=1) >= y0) & (seg[:, [1, 3]].min(axis=1) <= y1)
        seg, layer = seg[inside], [lay for lay, k in zip((x for x, m in zip(raw.seg_layer, keep) if m), inside) if k]
    else:
        layer = [lay for lay, m in zip(raw.seg_layer, keep) if m]
    return Primitives(seg=seg, seg_layer=layer, seg_group=[-1] * len(layer))


def import_facts(raw: Primitives, p: Primitives, parts: "PlanParts", kinds: list[dict], chosen: int | None) -> dict:
    """What the doubts (planner/importers/doubts.py) judge besides the plan: JSON-able, lengths in mm."""
    proxies = Counter()
    for (kind, _), n in raw.ignored.items():
        if is_proxy(kind):
            proxies[kind] += n
    labels = [[round(x, 1), round(y, 1), area] for x, y, text, _ in p.texts
              if (area := label_area_m2(text)) is not None]
    return {FACT_DOORS_ALONE: parts.dropped.get(DROP_DOOR_ALONE, 0), FACT_PROXIES: dict(proxies),
            FACT_AREA_LABELS: labels, FACT_DRAWINGS: kinds, FACT_DRAWING_READ: chosen}


@dataclass(slots=True)
class PlanParts:
    rooms: tuple = ()
    doors: tuple = ()
    fixtures: tuple = ()
    walls: tuple = ()
    ignored: tuple = ()
    rooms_from: str = ""
    guesses: list = field(default_factory=list)       # report items (report.item)
    dropped: Counter = field(default_factory=Counter)  # text key of what was dropped -> count
    error: PlanError | None = None  # the refusal, when the drawing yields no plan
    wall_layers: list = field(default_factory=list)
    swings: dict = field(default_factory=dict)   # how the arcs were sorted (swings.Swings.to_dict, mm)


def _ordered(items, point_of):
    """Items sorted by a representative point, rounded to 100 mm so tiny shifts keep the order."""
    return sorted(items, key=lambda it: (round(point_of(it).y / 100), round(point_of(it).x / 100)))


def _label_count(texts, roles: dict[str, str]) -> int:
    """Texts that could name a room: not on an ignored layer, not a size or an area."""
    return sum(1 for _, _, text, lay in texts if roles.get(lay or "0") != "ignore" and not is_measure(text))


def _edges(polygons) -> np.ndarray:
    """The outline edges of polygons as segments (n, 4)."""
    if not len(polygons):
        return np.zeros((0, 4))
    coords, which = shapely.get_coordinates(shapely.get_exterior_ring(polygons), return_index=True)
    same = which[1:] == which[:-1]              # consecutive points of one ring
    return np.c_[coords[:-1][same], coords[1:][same]]


def _opening_lines(p: Primitives, roles: dict[str, str]) -> np.ndarray:
    """Loose lines on door/opening layers (not in a door block): window sills, jambs and plain openings drawn in
    the wall line. They close the wall line for rooms; a door leaf drawn open dangles and is dropped."""
    keep = np.array([roles.get(lay or "0") == "doors" and g < 0 for lay, g in zip(p.seg_layer, p.seg_group)],
                    dtype=bool)
    return p.seg[keep] if len(p.seg) else np.zeros((0, 4))


def build_plan(p: Primitives, roles: dict[str, str], rules: Rules, *, tolerance_mm: float) -> PlanParts:
    """Rooms, doors and fixtures from primitives in millimetres."""
    parts = PlanParts()
    role_of = [roles.get(lay or "0", UNKNOWN) for lay in p.seg_layer]
    is_wall = np.array([r == "walls" and g < 0 for r, g in zip(role_of, p.seg_group)], dtype=bool)
    wall_seg = p.seg[is_wall] if len(p.seg) else np.zeros((0, 4))
    parts.wall_layers = sorted({lay or "0" for lay, w in zip(p.seg_layer, is_wall) if w})
    walls = tuple(shapely.linestrings(wall_seg.reshape(-1, 2, 2))) if len(wall_seg) else ()
    parts.walls = walls
    ign = np.array([r in ("ignore", UNKNOWN, "fixtures") for r in role_of], dtype=bool)
    parts.dropped[DROP_LINES] = int(ign.sum())

    shapes, swings = find_doors(p, roles, list(walls), tolerance_mm=tolerance_mm)
    parts.swings = swings.to_dict()
    outlines, rejected = outline_polygons(p.outlines, roles, tolerance_mm=tolerance_mm)
    if rejected:
        parts.dropped[DROP_OUTLINE_SIZE] = rejected
    if not outlines:
        outlines = area_labelled_outlines(p.outlines, p.texts, roles)
        for lay in sorted({lay for _, lay in outlines}):
            parts.guesses.append(rep.item(said("imp.guess.area_outlines", layer=repr(lay)),
                                          said("imp.guess.area_outlines_why")))
    if outlines:
        furniture = furniture_outlines([poly for poly, _ in outlines], p.texts, roles)
        if any(furniture):
            parts.dropped[DROP_FURNITURE] = sum(furniture)
            if all(furniture):
                layers = sorted({lay for (_, lay), f in zip(outlines, furniture) if f})
                parts.error = rep.furniture_outlines(layers, len(outlines))
                return parts
            outlines = [o for o, f in zip(outlines, furniture) if not f]
        # what is left must cover the named areas, or the plan would be a fragment of the drawing (also when the
        # furniture was blocks, kept as footprints, rather than outlines)
        area_names = [(x, y, t) for x, y, t, lay in p.texts if roles.get(lay or "0") == "rooms"
                      and not is_measure(t) and not is_furniture(t)]
        tree = shapely.STRtree([poly for poly, _ in outlines])
        hit = tree.query(shapely.points([(x, y) for x, y, _ in area_names]), predicate="within")[0] \
            if area_names else np.zeros(0, dtype=int)
        found = set(hit.tolist())
        missing = [t for k, (_, _, t) in enumerate(area_names) if k not in found]
        if len(missing) > len(outlines):
            parts.error = rep.areas_without_outlines(missing, len(area_names), sorted({lay for _, lay in outlines}))
            return parts
    areas = area_outlines([poly for poly, _ in outlines], wall_seg)
    if any(areas):
        parts.dropped[DROP_AREA_OUTLINE] = sum(areas)
        outlines = [o for o, a in zip(outlines, areas) if not a]
    if outlines:
        polys = [poly for poly, _ in outlines]
        layers = [lay for _, lay in outlines]
        parts.rooms_from = "outlines"
    elif not shapes and len(wall_seg) >= EARLY_REFUSAL_LINES and _label_count(p.texts, roles) < 2:
        # no doors and no names: whatever faces the walls enclose could not be told from furniture or hatching,
        # so a large drawing is refused before the (costly) polygonising; a small one is polygonised to say
        # precisely whether its lines close at all
        parts.error = rep.walls_without_meaning(parts.wall_layers, len(wall_seg))
        return parts
    else:
        windows = [LineString(long_axis(c)) for _, _, c, g in p.refs if g == WINDOW]
        closers = [LineString(row.reshape(2, 2)) for row in _opening_lines(p, roles)]
        polys = rooms_from_walls(wall_seg, [s.opening for s in shapes] + windows + closers)
        layers = [None] * len(polys)
        parts.rooms_from = "walls"
    if not polys:
        parts.error = rep.no_rooms(parts.wall_layers, len(wall_seg), len(shapes))
        return parts
    names = name_rooms(polys, p.texts, roles, layers, join=parts.rooms_from == "walls")
    order = _ordered(range(len(polys)), lambda k: polys[k].representative_point())
    rooms = []
    for n, k in enumerate(order, start=1):
        name, kind, why = names[k]
        rooms.append(Room(id=f"R{n}", name=name, type=kind, polygon=shapely.normalize(polys[k])))
        parts.guesses.append(rep.item(said("imp.guess.room" if name else "imp.guess.room_unnamed", id=f"R{n}",
                                           name=repr(name), kind=kind,
                                           kind_name=said(f"room.{kind}")), why))
    parts.rooms = tuple(rooms)

    probed = shapes + find_passages(_opening_lines(p, roles), shapes, tolerance_mm=tolerance_mm)
    tree = shapely.STRtree([r.polygon for r in rooms])

    def room_at(pt: Point) -> str | None:
        hits = tree.query(pt, predicate="within")
        return rooms[int(min(hits))].id if len(hits) else None

    deduction = rules.value("door_leaf_to_clear_deduction_mm")
    # probe points on both sides of each door at increasing distances, looked up in one query
    probes = []
    for s in probed:
        (x1, y1), (x2, y2) = s.opening.coords[0], s.opening.coords[-1]
        length = max(np.hypot(x2 - x1, y2 - y1), 1e-9)
        nx, ny = -(y2 - y1) / length, (x2 - x1) / length
        mid = s.position
        probes += [(mid.x + sign * nx * d, mid.y + sign * ny * d) for sign in (1, -1) for d in DOOR_PROBES_MM]
    probe_room = np.full(len(probes), len(rooms))     # the lowest index of a room the probe lies within
    if probes and rooms:
        pi, ri = tree.query(shapely.points(np.array(probes, dtype=float)), predicate="within")
        np.minimum.at(probe_room, pi, ri)
    per_side = len(DOOR_PROBES_MM)
    kept = []
    for k, s in enumerate(probed):
        sides = []
        for side in range(2):
            hit = None
            for q in range(k * 2 * per_side + side * per_side, k * 2 * per_side + (side + 1) * per_side):
                hit = rooms[int(probe_room[q])].id if probe_room[q] < len(rooms) else None
                if hit:
                    break
            sides.append(hit)
        joined = tuple(dict.fromkeys(h for h in sides if h))
        if not joined:
            parts.dropped[DROP_DOOR_ALONE] += 1
            continue
        if s.passage and len(joined) < 2:
            parts.dropped[DROP_OUTER_OPENING] += 1
            continue
        far = None     # a door with a room on one side: the farthest probe on its empty side
        if len(joined) == 1 and not (sides[0] and sides[1]):
            empty = 0 if sides[0] is None else 1
            far = probes[k * 2 * per_side + empty * per_side + per_side - 1]
        kept.append((s, joined, far))
    # an entrance only when that side is outside the walls (door openings and window lines close the wall line)
    far_points = [far for _, _, far in kept if far is not None]
    obstacles = np.vstack([wall_seg.reshape(-1, 4), _opening_lines(p, roles).reshape(-1, 4),
                           np.array([[*s.opening.coords[0], *s.opening.coords[-1]] for s in probed]).reshape(-1, 4),
                           np.array([[*a, *b] for a, b in (long_axis(c) for _, _, c, g in p.refs if g == WINDOW)]
                                    ).reshape(-1, 4),
                           _edges([r.polygon for r in rooms])])
    is_out = iter(outside(np.array(far_points), obstacles).tolist()) if far_points else iter(())
    exterior_of = {id(s): next(is_out) for s, _, far in kept if far is not None}
    doors = []
    for n, (s, joined, far) in enumerate(_ordered(kept, lambda it: it[0].position), start=1):
        if s.passage:      # no leaf: the clear width is the gap as drawn
            clear, clear_source = s.leaf_width_mm, SOURCE_DRAWN
            why = said("imp.guess.door_drawn", source=s.source)
        else:
            clear, clear_source = max(s.leaf_width_mm - deduction, 0.0), SOURCE_ESTIMATED
            why = said("imp.guess.door_estimated", source=s.source, deduction=f"{deduction:.0f}")
        doors.append(Door(id=f"D{n}", position=s.position, leaf_width_mm=round(s.leaf_width_mm, 1),
                          clear_width_mm=round(clear, 1), clear_width_source=clear_source, swing=s.swing,
                          rooms=joined, exterior=exterior_of.get(id(s), False), kind=s.kind, opening=s.opening))
        parts.guesses.append(rep.item(said("imp.guess.opening" if s.passage else "imp.guess.door", id=f"D{n}",
                                           kind=s.kind, kind_name=kind_name(s.kind),
                                           leaf=f"{s.leaf_width_mm:.0f}"), why))
        if id(s) in exterior_of:
            side = "outside" if exterior_of[id(s)] else "enclosed"
            parts.guesses.append(rep.item(said(f"imp.guess.door_{side}", id=f"D{n}"),
                                          said(f"imp.guess.door_{side}_why")))
    parts.doors = tuple(doors)
    if parts.rooms_from == "walls" and not doors and sum(1 for n, _, _ in names if n) < 2:
        door_blocks = sorted({name for name, _, _, g in p.refs if g >= 0})
        parts.error = rep.faces_without_meaning(len(polys), parts.wall_layers, len(shapes), door_blocks)
        return parts
    if parts.rooms_from == "walls" and not any(n for n, _, _ in names):
        # no names at all: a face counts as a room only beside a door; when most faces are beside none they are
        # floor patterns, desks or elevations, and the few beside a door are a fragment, not the plan
        beside = {r for d in doors for r in d.rooms}
        if len(beside) * 2 < len(rooms):
            parts.error = rep.unnamed_faces_without_doors(len(rooms), len(beside), len(doors), parts.wall_layers)
            return parts
        # ...and a few unnamed spaces in a corner of a much larger wall drawing are a fragment of it, not its plan
        room_m2 = sum(r.polygon.area for r in rooms) / 1e6
        xs, ys = wall_seg[:, [0, 2]], wall_seg[:, [1, 3]]
        extent_m2 = float((xs.max() - xs.min()) * (ys.max() - ys.min())) / 1e6 if len(wall_seg) else 0.0
        if extent_m2 > FRAGMENT_MIN_EXTENT_M2 and room_m2 < FRAGMENT_SHARE * extent_m2:
            parts.error = rep.unnamed_fragment(len(rooms), room_m2, extent_m2, parts.wall_layers)
            return parts

    found = find_fixtures(p, tolerance_mm=tolerance_mm)
    fixtures = []
    for n, (kind, poly, block) in enumerate(_ordered(found, lambda it: it[1].centroid), start=1):
        fixtures.append(Fixture(id=f"F{n}", type=kind, footprint=poly, room=room_at(poly.centroid)))
        parts.guesses.append(rep.item(said("imp.guess.fixture", id=f"F{n}", kind=kind,
                                           kind_name=said(f"fixture.{kind}")),
                                      said("imp.guess.fixture_why", block=repr(block))))
    parts.fixtures = tuple(fixtures)
    # greyed lines for the drawing, made only for a plan that is kept and only as many as are kept
    parts.ignored = ignored_linestrings(p.seg[ign], p.ignored_geom, MAX_IGNORED_LINES)
    return parts
