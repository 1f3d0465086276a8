"""read_dxf: DXF bytes to a Plan with an import report; every way it can fail ends in one sentence."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable

import hashlib

import numpy as np
import shapely
from shapely.geometry import LineString

from planner.geometry import NONE, RoomIndex, edges, opening_sides, wall_lines
from planner.i18n import fmt_mm, register, said
from planner.importers import report as rep
from planner.importers.building_model import DOOR_PROBES_MM, ordered, reading_order
from planner.importers.doors import find_doors, find_passages, kind_name, long_axis
from planner.importers.doubts import (FACT_AREA_LABELS, FACT_DOORS_ALONE, FACT_DRAWING_READ, FACT_DRAWINGS,
                                      FACT_PROXIES, FACT_UNIT_DISPUTED, find_doubts)
from planner.importers.dxf import load_document, truncated
from planner.importers.extract import (FACET_STEP_MAX_DEG, WINDOW, Flattener, Primitives, ignored_linestrings,
                                      without_layers)
from planner.importers.fixtures import find_fixtures
from planner.importers.layer_content import refine_roles
from planner.importers.layers import (ROLES, SET_BY_USER, UNKNOWN, WALLS_BY_DEFAULT, fixture_type, guess_role,
                                      is_door_block, is_furniture_block, is_window_block)
from planner.importers.outside import outside
from planner.importers.proxies import is_proxy, proxy_count, proxy_warning
from planner.importers.regions import (DOOR_SWING_WEIGHT, default_region, drawing_kinds, find_regions, overlay,
                                       previews, subset, swing_arcs)
from planner.importers.report import ImportReport, Item, UnitChoice
from planner.importers.swings import Swings, arc_radii, drawing_extent, sort_swings
from planner.importers.rooms import (area_label_scales, area_outlines, area_labelled_outlines, furniture_outlines, is_furniture,
                                     is_measure, label_area_m2, name_rooms, outline_polygons)
from planner.importers.unitguess import UnitGuess, header_contradicted, infer_unit
from planner.importers.walls_to_rooms import line_ends, rooms_from_walls
from planner.model.gc_pause import with_gc_paused
from planner.model.plan import SOURCE_DRAWN, SOURCE_ESTIMATED, Door, Fixture, Plan, PlanError, Room
from planner.model.units import INSUNITS_TO_UNIT, MM_PER_UNIT, parse_unit, unit_name
from planner.rules import Rules, load_rules

MAX_ENTITIES = 400_000
REGION_GAP_MM = 4000.0
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
    "imp.unit.header_untold": {"en": "$INSUNITS = {code} ({header}); the geometry does not tell",
                               "nb": "$INSUNITS = {code} ({header}); geometrien sier ikke noe om enheten"},
    "imp.unit.header_weakly": {"en": "$INSUNITS = {code} ({header}); the geometry suggests {guess}, but not strongly "
                                     "enough to overrule it",
                               "nb": "$INSUNITS = {code} ({header}); geometrien tyder på {guess}, men ikke sterkt nok "
                                     "til å overstyre den"},
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
    """A plan read from a DXF, the import report and sentences for the user."""

    plan: Plan
    summary: ImportReport
    issues: list[str] = field(default_factory=list)

    @property
    def report(self) -> dict:
        """The import report as the plan keeps it, the project file saves it and the CLI prints it
        (ImportReport.to_dict)."""
        return self.plan.import_report


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
    forced = _forced_unit(units)
    say(0.0, "reading the file")
    source, everything = _read_and_flatten(data, say)
    layers = _layer_roles(source, everything, layer_roles or {})
    raw = without_layers(everything, layers.user_ignored)
    say(0.6, "working out the units")
    unit = _unit(source, raw, layers.roles, forced, fixed=layers.fixed)
    p = raw.scaled(MM_PER_UNIT[unit.choice.used])
    layers = _refined_roles(source, p, layers)
    say(0.65, "finding separate plans")
    drawings = _drawings(p, layers.roles, unit.swings, region)
    say(0.7, "finding doors and rooms")
    parts = build_plan(drawings.read, layers.roles, rules, tolerance_mm=tolerance_mm)
    report = _report(name, source, raw, everything, layers, unit, drawings, parts)
    _refuse_without_plan(data, source, raw, layers, unit, drawings, parts, report)
    plan = Plan(rooms=parts.rooms, doors=parts.doors, fixtures=parts.fixtures, walls=parts.walls,
                ignored=_ignored_lines(parts, drawings), units=unit.choice.used, name=name)
    report = _with_doubts(report, plan, raw, drawings, parts, unit)   # the doubts judge the plan and the facts
    say(1.0, "done")
    return ImportResult(plan=plan.replace(import_report=report.to_dict()), summary=report, issues=report.issues())


# --- read: the file, its layout, what was repaired ---------------------------------------------------------------

_last_read: tuple[str, "Source", Primitives] | None = None   # the last file read and flattened, by its hash


def forget_last_read() -> None:
    """Let the next reading parse its file again, even the same one (a benchmark times each reading whole)."""
    global _last_read
    _last_read = None


def _read_and_flatten(data: bytes, say: Progress) -> tuple["Source", Primitives]:
    """The document and its flattened drawing. The last file's are kept (one file, by the hash of its bytes): a
    drawing without units is read once to ask for them and again with the answer, and the second reading starts
    from what the first one parsed. Neither is changed by the stages after it (they make new values)."""
    global _last_read
    digest = hashlib.sha256(data).hexdigest()
    held = _last_read
    if held is not None and held[0] == digest:
        return held[1], held[2]
    source = _read(data)
    say(0.4, "expanding blocks")
    everything = _flatten(source, lambda f: say(0.4 + 0.2 * f, "expanding blocks"))
    # the entities are not read again: freeing them now keeps the later stages' memory within ezdxf's own
    source = replace(source, doc=source.doc.without_entities(), layout=[])
    _last_read = (digest, source, everything)
    return source, everything


@dataclass(frozen=True, slots=True)
class Source:
    """The DXF file read: the document, the layout holding the plan, and what the reader repaired (texts)."""

    doc: object
    layout: list
    layout_name: str
    notes: tuple


def _forced_unit(units: str | None) -> str | None:
    """The unit the user chose, in its canonical name; None when not chosen."""
    if units is None:
        return None
    try:
        return parse_unit(units)
    except ValueError as exc:
        raise PlanError.text("err.unit_name", unit=repr(units), choices=", ".join(MM_PER_UNIT)) from exc


def _read(data: bytes) -> Source:
    doc, notes = load_document(data)
    layout, layout_name = doc.layout()
    if refusal := _too_many_entities(layout):
        raise refusal
    return Source(doc=doc, layout=layout, layout_name=layout_name, notes=tuple(notes))


def _too_many_entities(layout: list) -> PlanError | None:
    """More entities than MAX_ENTITIES: refused before any is expanded."""
    if len(layout) <= MAX_ENTITIES:
        return None
    count, most = f"{len(layout):,}", f"{MAX_ENTITIES:,}"
    return PlanError.text("imp.too_many", count=count, max=most, count_nb=count.replace(",", " "),
                          max_nb=most.replace(",", " "))


# --- flatten: blocks expanded into lines, arcs, outlines, texts and block footprints -----------------------------

def _flatten(source: Source, progress: Callable[[float], None]) -> Primitives:
    flat = Flattener(source.doc, is_door_block, lambda n: fixture_type(n) is not None or is_furniture_block(n),
                     is_window_block=is_window_block)
    return flat.layout(source.layout, progress=progress)


# --- roles: what each layer holds ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Layers:
    """Each layer's role and why (a text to render, planner.i18n.said); fixed: the layers the user gave a role
    (by the file's own names), user_ignored: those the user set to 'ignore'."""

    roles: dict
    why: dict
    fixed: frozenset
    user_ignored: frozenset


def _used_layers(p: Primitives) -> set[str]:
    return {lay or "0" for lay in (*p.seg_layer, *p.arc_layer)} | {lay or "0" for _, lay in p.outlines} | \
           {lay or "0" for *_, lay in p.texts}


def _layer_names(doc, p: Primitives) -> tuple[list[str], dict[str, str]]:
    """The file's layer names (those holding something and those in its layer table), and each by its case-folded
    spelling (layer names in DXF ignore case)."""
    names = sorted(_used_layers(p) | set(doc.layers))
    return names, {name.casefold(): name for name in names}


def _missing_layer(doc, p: Primitives, overrides: dict[str, str]) -> PlanError | None:
    """The user gave a role to a layer the file does not have: the sentence names the layers it has, those that
    hold something first."""
    names, by_fold = _layer_names(doc, p)
    missing = next((name for name in overrides if name not in names and name.casefold() not in by_fold), None)
    if missing is None:
        return None
    holding = sorted(_used_layers(p)) or names
    shown = ", ".join(repr(n) for n in holding[:12]) + (" …" if len(holding) > 12 else "")
    return PlanError.text("imp.role_no_layer", layer=repr(missing), layers=shown or "–")


def _matched(doc, p: Primitives, overrides: dict[str, str]) -> dict[str, str]:
    """The user's layer roles keyed by the file's own layer names."""
    names, by_fold = _layer_names(doc, p)
    return {name if name in names else by_fold[name.casefold()]: role for name, role in overrides.items()}


def _unknown_role(chosen: dict[str, str]) -> PlanError | None:
    """The user gave a layer a role there is none of."""
    name, role = next(((n, r) for n, r in chosen.items() if r not in ROLES), (None, None))
    if name is None:
        return None
    return PlanError.text("imp.role_unknown", role=repr(role), layer=repr(name), choices=", ".join(ROLES))


def _layer_roles(source: Source, p: Primitives, overrides: dict[str, str]) -> Layers:
    """Each layer's role guessed from its name, the user's roles over them; when no layer is a wall layer, the
    layers of unknown role that hold something are taken for walls."""
    if refusal := _missing_layer(source.doc, p, overrides):
        raise refusal
    chosen = _matched(source.doc, p, overrides)
    if refusal := _unknown_role(chosen):
        raise refusal
    used = _used_layers(p)
    names = sorted(used | set(source.doc.layers))
    roles, why = {}, {}
    for name in names:
        roles[name], why[name] = guess_role(name)
    for name, role in chosen.items():
        roles[name], why[name] = role, said(SET_BY_USER)
    if "walls" not in roles.values():
        for name in names:
            if roles[name] == UNKNOWN and name in used:
                roles[name], why[name] = "walls", said(WALLS_BY_DEFAULT)
    return Layers(roles=roles, why=why, fixed=frozenset(chosen),
                  user_ignored=frozenset(name for name, role in chosen.items() if role == "ignore"))


def _refined_roles(source: Source, p: Primitives, layers: Layers) -> Layers:
    """The roles again from what the layers hold, in millimetres (planner.importers.layer_content); the user's
    stay."""
    roles, why = refine_roles(p, layers.roles, layers.why, fixed=set(layers.fixed),
                              linetypes=source.doc.layer_linetypes, extent_mm=drawing_extent(p))
    return replace(layers, roles=roles, why=why)


# --- unit: what one drawing unit is -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class UnitReading:
    """The unit chosen and why; guess: what the geometry suggests; unknown: the file does not say and the user did
    not choose (the import ends in a question); warnings: texts for the user; swings: the arcs sorted, in drawing
    units; disputed: the doubt's fact (planner.importers.doubts.FACT_UNIT_DISPUTED) when the unit was read against
    the file's word or kept against the geometry's, else None."""

    choice: UnitChoice
    guess: UnitGuess
    forced: bool
    unknown: bool
    warnings: tuple
    swings: Swings
    disputed: dict | None = None


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


def _unit(source: Source, raw: Primitives, roles: dict[str, str], forced: str | None,
          fixed: frozenset = frozenset()) -> UnitReading:
    """The user's unit; else the one the area labels prove; else $INSUNITS unless the geometry contradicts it;
    else the geometry's guess, provisionally (the user is asked). When no door swing lies on a layer read, the
    swings on layers set aside by their names (not by the user) are the evidence: a name decides a layer's role,
    not the drawing's unit."""
    code = _int_or_none(source.doc.header.get("$INSUNITS"))
    header_unit = INSUNITS_TO_UNIT.get(code)
    extent = drawing_extent(raw)
    swings = sort_swings(raw, roles, extent)
    radii = swings.radii
    if not len(radii):
        aside = {lay: "unknown" if role == "ignore" and lay not in fixed else role for lay, role in roles.items()}
        radii = sort_swings(raw, aside, extent).radii
    room_areas = _room_areas(raw, roles)
    guess = infer_unit(radii, room_areas, extent)
    warnings = []
    unknown = False
    disputed = None
    labelled_unit, labelled_why = _unit_from_area_labels(raw, roles)
    if forced:
        used, why = forced, said("imp.unit.by_user")
    elif labelled_unit and header_unit != labelled_unit:
        used, why = labelled_unit, labelled_why
        if header_unit:
            why = said("imp.unit.header_but", header=unit_name(header_unit), why=labelled_why)
            warnings.append(rep.units_overridden(header_unit, labelled_unit, labelled_why))   # proved: no doubt
    elif header_unit and (guess.unit is None or guess.unit == header_unit or
                          not header_contradicted(header_unit, radii, room_areas, extent)):
        used, header = header_unit, unit_name(header_unit)
        if guess.unit == header_unit:
            why = said("imp.unit.header_agrees", code=code, header=header)
        elif guess.unit is None:
            why = said("imp.unit.header_untold", code=code, header=header)
        else:   # kept, since the evidence against it is weak; but never said to agree
            why = said("imp.unit.header_weakly", code=code, header=header, guess=unit_name(guess.unit))
            warnings.append(rep.units_kept(header_unit, guess.unit, guess.why_t))
            disputed = _disputed(header_unit, header_unit, guess.why_t, suggested=guess.unit)
    elif header_unit:
        used, why = guess.unit, said("imp.unit.header_but", header=unit_name(header_unit), why=guess.why_t)
        warnings.append(rep.units_overridden(header_unit, guess.unit, guess.why_t))
        disputed = _disputed(header_unit, guess.unit, guess.why_t)
    else:
        unknown = True
        used, why = guess.unit or "mm", said("imp.unit.provisional")
    choice = UnitChoice(header_code=code, used=used, why_t=why, inferred=guess.unit, inference_t=guess.why_t)
    return UnitReading(choice=choice, guess=guess, forced=bool(forced), unknown=unknown, warnings=tuple(warnings),
                       swings=swings, disputed=disputed)


def _disputed(header: str, used: str, why: list, suggested: str | None = None) -> dict:
    return {"header": unit_name(header), "used": unit_name(used), "why_t": why,
            "suggested": unit_name(suggested) if suggested else None}


# --- regions: the separate drawings in the file, and the one read ------------------------------------------------

@dataclass(frozen=True, slots=True)
class Drawings:
    """The separate drawings in the file (regions, kinds: their report entries), the one read (chosen, None when
    the file is one drawing) and its primitives (read, mm); whole: all of them (mm), member: which drawing each
    primitive belongs to."""

    regions: list
    kinds: list
    chosen: int | None
    member: dict
    whole: Primitives
    read: Primitives
    warnings: tuple


def _drawings(p: Primitives, roles: dict[str, str], swings: Swings, region: int | None) -> Drawings:
    counted = np.array([roles.get(lay or "0", UNKNOWN) in ("walls", "doors", "rooms")
                        for lay in (*p.seg_layer, *p.arc_layer)], dtype=float)
    swing_idx = swing_arcs(p, swings.doors)     # the door swings, of a door's radius once in millimetres
    counted[len(p.seg) + swing_idx] = DOOR_SWING_WEIGHT
    regions, member = find_regions(p, gap_mm=REGION_GAP_MM, counts=counted)
    room_outline = np.array([roles.get(lay or "0") == "rooms" for _, lay in p.outlines], dtype=bool)
    kinds = drawing_kinds(p, member, regions, swing_idx, room_outline)
    if not regions:
        return Drawings(regions=regions, kinds=kinds, chosen=None, member=member, whole=p, read=p, warnings=())
    if refusal := _region_unknown(region, regions):
        raise refusal
    chosen = region if region is not None else default_region(kinds)
    warnings = (rep.several_regions(len(regions), chosen),) if len(regions) > 1 and region is None else ()
    return Drawings(regions=regions, kinds=kinds, chosen=chosen, member=member, whole=p,
                    read=subset(p, member, chosen), warnings=warnings)


def _region_unknown(region: int | None, regions: list) -> PlanError | None:
    """The user asked for a drawing the file does not hold."""
    if region is None or any(r.index == region for r in regions):
        return None
    return PlanError.text("imp.region_unknown", region=region, choices=", ".join(str(r.index) for r in regions))


# --- walls → rooms → doors → fixtures ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PlanParts:
    """What the drawing read gave, stage by stage: rooms, doors, fixtures, walls and greyed lines (mm), where the
    rooms came from ("outlines", "walls", "" before that was decided), the guesses (report items), what was dropped
    (text key -> count), the wall layers, how the arcs were sorted (swings.Swings.to_dict), and the refusal when
    the drawing yields no plan (the parts then are those found before it)."""

    rooms: tuple = ()
    doors: tuple = ()
    fixtures: tuple = ()
    walls: tuple = ()
    ignored: tuple = ()
    rooms_from: str = ""
    guesses: tuple = ()
    dropped: Counter = field(default_factory=Counter)
    error: PlanError | None = None
    wall_layers: list = field(default_factory=list)
    swings: dict = field(default_factory=dict)

    def then(self, guesses=(), dropped: Counter | None = None, **found) -> PlanParts:
        """These parts with a stage's added: its guesses after the others', its dropped counts summed."""
        return replace(self, guesses=(*self.guesses, *guesses), dropped=self.dropped + (dropped or Counter()),
                       **found)


def build_plan(p: Primitives, roles: dict[str, str], rules: Rules, *, tolerance_mm: float) -> PlanParts:
    """Rooms, doors and fixtures from primitives in millimetres. Each refusal is tried where what it judges is
    known, in this order; a new one goes where its facts are (see docs/architecture.md)."""
    walls = _walls(p, roles)
    shapes, swings = find_doors(p, roles, list(walls.lines), tolerance_mm=tolerance_mm)
    walls = _without_swing_pieces(walls, p.arc[swings.doors.astype(int)])
    parts = PlanParts(walls=walls.lines, wall_layers=walls.layers, swings=swings.to_dict(), dropped=walls.dropped)
    outlines = _room_outlines(p, roles, tolerance_mm)
    parts = parts.then(outlines.guesses, outlines.dropped)
    if refusal := _all_furniture(outlines) or _areas_without_outlines(outlines, p, roles):
        return replace(parts, error=refusal)
    kept, dropped = _without_area_outlines(outlines.kept, walls)
    parts = parts.then(dropped=dropped)
    if refusal := _walls_without_meaning(kept, shapes, walls, p, roles):
        return replace(parts, error=refusal)
    faces = _faces(kept, shapes, walls, p, roles)
    parts = parts.then(rooms_from=faces.source)
    if refusal := _no_rooms(faces, walls, shapes):
        return replace(parts, error=refusal)
    rooms = _rooms(faces, p, roles)
    parts = parts.then(rooms.guesses, rooms=rooms.rooms)
    doors = _doors(shapes, rooms, walls, p, roles, rules, tolerance_mm)
    parts = parts.then(doors.guesses, doors.dropped, doors=doors.doors)
    if refusal := (_faces_without_meaning(faces, rooms, doors, walls, shapes, p) or
                   _unnamed_faces_without_doors(faces, rooms, doors, walls) or
                   _unnamed_fragment(faces, rooms, walls)):
        return replace(parts, error=refusal)
    fixtures = _fixtures(p, rooms, tolerance_mm)
    # greyed lines for the drawing, made only for a plan that is kept and only as many as are kept
    return parts.then(fixtures.guesses, fixtures=fixtures.fixtures,
                      ignored=ignored_linestrings(p.seg[walls.unused], p.ignored_geom, MAX_IGNORED_LINES))


@dataclass(frozen=True, slots=True)
class Walls:
    """The wall lines (seg: rows x1 y1 x2 y2, lines: the same as lines, mm), the layers they are on, and the lines
    not used for rooms, doors or fixtures (unused: a mask over the drawing's lines)."""

    seg: np.ndarray
    lines: tuple
    layers: list
    unused: np.ndarray

    @property
    def dropped(self) -> Counter:
        return Counter({DROP_LINES: int(self.unused.sum())})


def _walls(p: Primitives, roles: dict[str, str]) -> Walls:
    role_of = [roles.get(lay or "0", UNKNOWN) for lay in p.seg_layer]
    is_wall = np.array([r == "walls" and g < 0 for r, g in zip(role_of, p.seg_group)], dtype=bool)
    seg = p.seg[is_wall] if len(p.seg) else np.zeros((0, 4))
    return Walls(seg=seg, lines=tuple(wall_lines(seg)),
                 layers=sorted({lay or "0" for lay, w in zip(p.seg_layer, is_wall) if w}),
                 unused=np.array([r in ("ignore", UNKNOWN, "fixtures") for r in role_of], dtype=bool))


SWING_PIECE_ROUND = 0.005   # a piece of a swing has its ends this share of the radius off the circle, at most


def _without_swing_pieces(walls: Walls, swings: np.ndarray) -> Walls:
    """The wall lines less the straight pieces of door swings drawn on a wall layer as polylines (bulged, or of
    short pieces): left among the walls, the swing and its leaf would cut a quarter disc out of the room the door
    opens into (an ARC entity is no wall line, so a swing drawn as one never did). A piece is a chord of a true
    swing as its pieces are drawn (turning at most FACET_STEP_MAX_DEG): both ends on its circle (within
    SWING_PIECE_ROUND of the radius) and within its sweep, and its middle further inside the circle than either
    end — which a wall's end cap at the latch, running off the circle's tangent, never is."""
    if not len(swings) or not len(walls.seg):
        return walls
    centre, start, end = swings[:, 0:2], swings[:, 2:4], swings[:, 6:8]
    radius = arc_radii(swings)
    ends = walls.seg.reshape(-1, 2, 2)
    tree = shapely.STRtree(shapely.box(*(centre - radius[:, None]).T, *(centre + radius[:, None]).T))
    pieces, arcs = tree.query(shapely.points(ends.mean(axis=1)), predicate="within")
    if not len(pieces):
        return walls
    c, r = centre[arcs], radius[arcs]
    off = np.hypot(*(ends[pieces] - c[:, None]).transpose(2, 0, 1)) - r[:, None]          # (pieces, 2 ends)
    mid = np.hypot(*(ends[pieces].mean(axis=1) - c).T) - r
    # within the sweep: the angle from the arc's start, counter-clockwise, at most the arc's own (1° to spare)
    a0 = np.arctan2(*(start[arcs] - c).T[::-1])
    sweep = np.mod(np.arctan2(*(end[arcs] - c).T[::-1]) - a0, 2 * np.pi)
    at = np.mod(np.arctan2(ends[pieces, :, 1] - c[:, 1, None], ends[pieces, :, 0] - c[:, 0, None]) - a0[:, None],
                2 * np.pi)
    spare = np.radians(1.0)
    inside = ((at <= (sweep + spare)[:, None]) | (at >= 2 * np.pi - spare)).all(axis=1)
    length = np.hypot(*(ends[pieces, 1] - ends[pieces, 0]).T)
    short = length <= 2 * r * np.sin(np.radians(FACET_STEP_MAX_DEG + 1.0) / 2)   # a piece turns 30° at most
    chord = (np.abs(off) <= (SWING_PIECE_ROUND * r)[:, None]).all(axis=1) & inside & short & \
        (mid < off.min(axis=1))
    swing_piece = np.zeros(len(walls.seg), dtype=bool)
    swing_piece[pieces[chord]] = True
    if not swing_piece.any():
        return walls
    seg = walls.seg[~swing_piece]
    return replace(walls, seg=seg, lines=tuple(wall_lines(seg)))


@dataclass(frozen=True, slots=True)
class Outlines:
    """The closed outlines on room layers that may be rooms (kept) and those labelled only with furniture names,
    each (polygon, layer), with what was dropped and guessed on the way."""

    kept: tuple
    furniture: tuple
    dropped: Counter
    guesses: tuple


def _room_outlines(p: Primitives, roles: dict[str, str], tolerance_mm: float) -> Outlines:
    """Outlines of a room's size on room layers; when there are none, those with their own area label inside
    (on any layer); less those labelled only as furniture."""
    dropped, guesses = Counter(), []
    outlines, rejected = outline_polygons(p.outlines, roles, tolerance_mm=tolerance_mm)
    if rejected:
        dropped[DROP_OUTLINE_SIZE] = rejected
    if not outlines:
        outlines = area_labelled_outlines(p.outlines, p.texts, roles)
        for lay in sorted({lay for _, lay in outlines}):
            guesses.append(Item(said("imp.guess.area_outlines", layer=repr(lay)),
                                said("imp.guess.area_outlines_why")))
    furniture = furniture_outlines([poly for poly, _ in outlines], p.texts, roles) if outlines else []
    if any(furniture):
        dropped[DROP_FURNITURE] = sum(furniture)
    return Outlines(kept=tuple(o for o, f in zip(outlines, furniture) if not f),
                    furniture=tuple(o for o, f in zip(outlines, furniture) if f), dropped=dropped,
                    guesses=tuple(guesses))


def _all_furniture(outlines: Outlines) -> PlanError | None:
    """Every closed outline on the room layers is labelled only with furniture names."""
    if not outlines.furniture or outlines.kept:
        return None
    return rep.furniture_outlines(sorted({lay for _, lay in outlines.furniture}), len(outlines.furniture))


def _areas_without_outlines(outlines: Outlines, p: Primitives, roles: dict[str, str]) -> PlanError | None:
    """More named areas have no outline than there are outlines: the outlines are a fragment of the drawing (also
    when the furniture was blocks, kept as footprints, rather than outlines)."""
    if not outlines.kept:
        return None
    area_names = [(x, y, t) for x, y, t, lay in p.texts if roles.get(lay or "0") == "rooms"
                  and not is_measure(t) and not is_furniture(t)]
    tree = shapely.STRtree([poly for poly, _ in outlines.kept])
    hit = tree.query(shapely.points([(x, y) for x, y, _ in area_names]), predicate="within")[0] \
        if area_names else np.zeros(0, dtype=int)
    found = set(hit.tolist())
    missing = [t for k, (_, _, t) in enumerate(area_names) if k not in found]
    if len(missing) <= len(outlines.kept):
        return None
    return rep.areas_without_outlines(missing, len(area_names), sorted({lay for _, lay in outlines.kept}))


def _without_area_outlines(outlines: tuple, walls: Walls) -> tuple[tuple, Counter]:
    """The outlines less those around other rooms or across walls (a flat's, a gross or net area's)."""
    areas = area_outlines([poly for poly, _ in outlines], walls.seg)
    if not any(areas):
        return outlines, Counter()
    return tuple(o for o, a in zip(outlines, areas) if not a), Counter({DROP_AREA_OUTLINE: sum(areas)})


def _label_count(texts, roles: dict[str, str]) -> int:
    """Texts that could name a room: not on an ignored layer, not a size or an area."""
    return sum(1 for _, _, text, lay in texts if roles.get(lay or "0") != "ignore" and not is_measure(text))


def _walls_without_meaning(outlines: tuple, shapes: list, walls: Walls, p: Primitives, roles: dict[str, str]
                           ) -> PlanError | None:
    """No outlines, no doors and no names: whatever faces the walls enclose could not be told from furniture or
    hatching, so a large drawing is refused before the (costly) polygonising; a small one is polygonised to say
    precisely whether its lines close at all."""
    if outlines or shapes or len(walls.seg) < EARLY_REFUSAL_LINES or _label_count(p.texts, roles) >= 2:
        return None
    return rep.walls_without_meaning(walls.layers, len(walls.seg))


def _opening_lines(p: Primitives, roles: dict[str, str]) -> np.ndarray:
    """Loose lines on door/opening layers (not in a door block): window sills, jambs and plain openings drawn in
    the wall line. They close the wall line for rooms; a door leaf drawn open dangles and is dropped."""
    keep = np.array([roles.get(lay or "0") == "doors" and g < 0 for lay, g in zip(p.seg_layer, p.seg_group)],
                    dtype=bool)
    return p.seg[keep] if len(p.seg) else np.zeros((0, 4))


def _window_axes(p: Primitives) -> list:
    """The long axis of each window block: it closes the wall line as a door opening does."""
    return [long_axis(c) for _, _, c, g in p.refs if g == WINDOW]


@dataclass(frozen=True, slots=True)
class Faces:
    """The rooms' shapes before names and ids, with the outline layer of each (None for faces of the walls) and
    where they came from: "outlines" or "walls"."""

    polygons: list
    layers: list
    source: str


def _faces(outlines: tuple, shapes: list, walls: Walls, p: Primitives, roles: dict[str, str]) -> Faces:
    """The outlines, when there are any; else the faces the wall lines enclose, closed by the door openings, the
    windows and the loose lines on door layers."""
    if outlines:
        return Faces(polygons=[poly for poly, _ in outlines], layers=[lay for _, lay in outlines], source="outlines")
    windows = [LineString(axis) for axis in _window_axes(p)]
    closers = [LineString(row.reshape(2, 2)) for row in _opening_lines(p, roles)]
    polys = rooms_from_walls(walls.seg, [s.opening for s in shapes] + windows + closers)
    return Faces(polygons=polys, layers=[None] * len(polys), source="walls")


def _no_rooms(faces: Faces, walls: Walls, shapes: list) -> PlanError | None:
    """No outline, and the wall lines close into no room (or there are none)."""
    return None if faces.polygons else rep.no_rooms(walls.layers, len(walls.seg), len(shapes))


@dataclass(frozen=True, slots=True)
class Rooms:
    """The rooms with their ids (in reading order), the names found for the faces (name, kind, why; in the faces'
    order) and the guesses about them."""

    rooms: tuple
    names: list
    guesses: tuple
    index: RoomIndex      # which room a point lies in: built once, asked by every door probe and fixture

    def named(self) -> int:
        return sum(1 for n, _, _ in self.names if n)


def _rooms(faces: Faces, p: Primitives, roles: dict[str, str]) -> Rooms:
    names = name_rooms(faces.polygons, p.texts, roles, faces.layers, join=faces.source == "walls")
    order = ordered(range(len(faces.polygons)), lambda k: faces.polygons[k].representative_point())
    rooms, guesses = [], []
    for n, k in enumerate(order, start=1):
        name, kind, why = names[k]
        rooms.append(Room(id=f"R{n}", name=name, type=kind, polygon=shapely.normalize(faces.polygons[k])))
        guesses.append(Item(said("imp.guess.room" if name else "imp.guess.room_unnamed", id=f"R{n}",
                                 name=repr(name), kind=kind, kind_name=said(f"room.{kind}")), why))
    return Rooms(rooms=tuple(rooms), names=names, guesses=tuple(guesses), index=RoomIndex(rooms))


@dataclass(frozen=True, slots=True)
class Doors:
    """The doors and plain openings kept (beside a room; an opening between two), with the guesses about them and
    what was dropped."""

    doors: tuple
    guesses: tuple
    dropped: Counter


def _doors(shapes: list, rooms: Rooms, walls: Walls, p: Primitives, roles: dict[str, str], rules: Rules,
           tolerance_mm: float) -> Doors:
    """Each door shape and plain opening with the rooms on its sides; one with a room on one side only is an
    entrance when its other side lies outside the walls."""
    probed = shapes + find_passages(_opening_lines(p, roles), shapes, tolerance_mm=tolerance_mm)
    deduction = rules.value("door_leaf_to_clear_deduction_mm")
    openings = [s.opening for s in probed]
    ends = line_ends(openings)
    # each opening's middle (DoorShape.position), made for all of them in one call
    positions = shapely.line_interpolate_point(openings, 0.5, normalized=True) if probed else []
    mids = shapely.get_coordinates(positions).reshape(-1, 2)
    kept, dropped, guesses = [], Counter(), []
    for s, at, (beside, far) in zip(probed, positions, opening_sides(ends, mids, rooms.index, DOOR_PROBES_MM)):
        joined = tuple(rooms.rooms[k].id for k in beside)
        if not joined:
            dropped[DROP_DOOR_ALONE] += 1
            continue
        if s.passage and len(joined) < 2:
            dropped[DROP_OUTER_OPENING] += 1
            continue
        kept.append((s, joined, far, at))
    # an entrance only when that side is outside the walls (door openings and window lines close the wall line)
    far_points = [far for _, _, far, _ in kept if far is not None]
    obstacles = np.vstack([walls.seg.reshape(-1, 4), _opening_lines(p, roles).reshape(-1, 4), ends,
                           np.array([[*a, *b] for a, b in _window_axes(p)]).reshape(-1, 4),
                           edges([r.polygon for r in rooms.rooms])])
    is_out = iter(outside(np.array(far_points), obstacles).tolist()) if far_points else iter(())
    exterior_of = {id(s): next(is_out) for s, _, far, _ in kept if far is not None}
    doors = []
    for n, (s, joined, far, at) in enumerate(ordered(kept, lambda it: it[3]), start=1):
        if s.passage:      # no leaf: the clear width is the gap as drawn
            clear, clear_source = s.leaf_width_mm, SOURCE_DRAWN
            why = said("imp.guess.door_drawn", source=s.source)
        else:
            clear, clear_source = max(s.leaf_width_mm - deduction, 0.0), SOURCE_ESTIMATED
            why = said("imp.guess.door_estimated", source=s.source, deduction=f"{deduction:.0f}")
        doors.append(Door(id=f"D{n}", position=at, leaf_width_mm=round(s.leaf_width_mm, 1),
                          clear_width_mm=round(clear, 1), clear_width_source=clear_source, swing=s.swing,
                          rooms=joined, exterior=exterior_of.get(id(s), False), kind=s.kind, opening=s.opening))
        guesses.append(Item(said("imp.guess.opening" if s.passage else "imp.guess.door", id=f"D{n}",
                                 kind=s.kind, kind_name=kind_name(s.kind), leaf=fmt_mm(s.leaf_width_mm)), why))
        if id(s) in exterior_of:
            side = "outside" if exterior_of[id(s)] else "enclosed"
            guesses.append(Item(said(f"imp.guess.door_{side}", id=f"D{n}"), said(f"imp.guess.door_{side}_why")))
    return Doors(doors=tuple(doors), guesses=tuple(guesses), dropped=dropped)


def _faces_without_meaning(faces: Faces, rooms: Rooms, doors: Doors, walls: Walls, shapes: list, p: Primitives
                           ) -> PlanError | None:
    """Faces of the walls with no door beside any and fewer than two names: nothing tells rooms from furniture,
    hatching or elevations."""
    if faces.source != "walls" or doors.doors or rooms.named() >= 2:
        return None
    door_blocks = sorted({name for name, _, _, g in p.refs if g >= 0})
    return rep.faces_without_meaning(len(faces.polygons), walls.layers, len(shapes), door_blocks)


def _unnamed_faces_without_doors(faces: Faces, rooms: Rooms, doors: Doors, walls: Walls) -> PlanError | None:
    """No names at all: a face counts as a room only beside a door; when most faces are beside none they are
    floor patterns, desks or elevations, and the few beside a door are a fragment, not the plan."""
    if faces.source != "walls" or rooms.named():
        return None
    beside = {r for d in doors.doors for r in d.rooms}
    if len(beside) * 2 >= len(rooms.rooms):
        return None
    return rep.unnamed_faces_without_doors(len(rooms.rooms), len(beside), len(doors.doors), walls.layers)


def _unnamed_fragment(faces: Faces, rooms: Rooms, walls: Walls) -> PlanError | None:
    """No names at all, and a few unnamed spaces in a corner of a much larger wall drawing: a fragment of it, not
    its plan."""
    if faces.source != "walls" or rooms.named():
        return None
    room_m2 = sum(r.polygon.area for r in rooms.rooms) / 1e6
    xs, ys = walls.seg[:, [0, 2]], walls.seg[:, [1, 3]]
    extent_m2 = float((xs.max() - xs.min()) * (ys.max() - ys.min())) / 1e6 if len(walls.seg) else 0.0
    if not (extent_m2 > FRAGMENT_MIN_EXTENT_M2 and room_m2 < FRAGMENT_SHARE * extent_m2):
        return None
    return rep.unnamed_fragment(len(rooms.rooms), room_m2, extent_m2, walls.layers)


@dataclass(frozen=True, slots=True)
class Fixtures:
    """The fixtures, each in the room that holds its centre (or none), with the guesses about them."""

    fixtures: tuple
    guesses: tuple


def _fixtures(p: Primitives, rooms: Rooms, tolerance_mm: float) -> Fixtures:
    """Fixture blocks, each in the room that holds its centre."""
    fixtures, guesses = [], []
    found = find_fixtures(p, tolerance_mm=tolerance_mm)
    centres = shapely.get_coordinates(shapely.centroid([poly for _, poly, _ in found])).reshape(-1, 2)
    in_room = rooms.index.at(centres).tolist()
    for n, k in enumerate(reading_order(centres.tolist()), start=1):
        kind, poly, block = found[k]
        room = rooms.index.rooms[in_room[k]].id if in_room[k] != NONE else None
        fixtures.append(Fixture(id=f"F{n}", type=kind, footprint=poly, room=room))
        guesses.append(Item(said("imp.guess.fixture", id=f"F{n}", kind=kind, kind_name=said(f"fixture.{kind}")),
                            said("imp.guess.fixture_why", block=repr(block))))
    return Fixtures(fixtures=tuple(fixtures), guesses=tuple(guesses))



# --- report: what was found, ignored and guessed ------------------------------------------------------------------

def _report(name: str, source: Source, raw: Primitives, everything: Primitives, layers: Layers, unit: UnitReading,
            drawings: Drawings, parts: PlanParts) -> ImportReport:
    proxies = proxy_count(raw.ignored)
    warnings = [*source.notes, *unit.warnings, *((proxy_warning(proxies),) if proxies else ()), *drawings.warnings]
    left_out = _lines_left_out(everything, set(layers.user_ignored), MM_PER_UNIT[unit.choice.used],
                               drawings.regions, drawings.chosen)
    return rep.build_report(
        name=name, doc=source.doc, layout=source.layout_name, roles=layers.roles, role_why=layers.why,
        units=unit.choice, regions=drawings.kinds, chosen=drawings.chosen, parts=parts, raw=raw, warnings=warnings,
        swings=parts.swings, proxies=proxies, overlay=overlay(drawings.read, left_out),
        region_previews=previews(drawings.whole, drawings.member, drawings.regions)
        if len(drawings.regions) > 1 else None)


def _refuse_without_plan(data: bytes, source: Source, raw: Primitives, layers: Layers, unit: UnitReading,
                         drawings: Drawings, parts: PlanParts, report: ImportReport) -> None:
    """Raise the refusal when the drawing gave no plan (saying what was tried, with the report, so that the user
    can correct a guess and read again), or the question when its unit is unknown."""
    if refusal := _repaired_without_plan(data, source, parts):
        raise refusal
    choice, guess = unit.choice, unit.guess
    if parts.error:
        refusal = rep.refusal_tried(parts.error, choice.used, choice.why_t, parts.wall_layers, layers.roles, raw,
                                    guess.unit if guess.unit != choice.used and not unit.forced else None,
                                    drawings.kinds, drawings.chosen)
        refusal.report = report.to_dict()
        raise refusal
    if unit.unknown:
        sentence = rep.units_unknown(guess.unit)
        refusal = UnitsUnknownError(str(sentence), guess.unit, guess.why, sentence.key, sentence.params)
        refusal.code, refusal.report = "UNITS_UNKNOWN", report.to_dict()
        raise refusal


def _repaired_without_plan(data: bytes, source: Source, parts: PlanParts) -> PlanError | None:
    """A damaged or cut-off file, repaired to be read, gave no plan: the damage is the likelier cause than the
    drawing, so the sentence says that, not what was tried."""
    if not (parts.error and source.notes):
        return None
    return PlanError.text("file.repaired_no_plan",
                          reason="@file.reason.cut_off" if truncated(data) else "@file.reason.damaged")


def _ignored_lines(parts: PlanParts, drawings: Drawings) -> tuple:
    """The greyed lines of the drawing: those not used, then those of the other drawings in the file."""
    lines = parts.ignored
    if len(drawings.regions) > 1:
        others = drawings.whole.seg[drawings.member["seg"] != drawings.chosen][:MAX_IGNORED_LINES]
        lines = lines + tuple(shapely.linestrings(others.reshape(-1, 2, 2)))
    return lines[:MAX_IGNORED_LINES]


def _with_doubts(report: ImportReport, plan: Plan, raw: Primitives, drawings: Drawings, parts: PlanParts,
                 unit: UnitReading) -> ImportReport:
    facts = import_facts(raw, drawings.read, parts, drawings.kinds, drawings.chosen)
    if unit.disputed:
        facts[FACT_UNIT_DISPUTED] = unit.disputed
    return replace(report, facts=facts, doubts=tuple(d.to_dict() for d in find_doubts(plan, facts)))


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


def import_facts(raw: Primitives, p: Primitives, parts: PlanParts, kinds: list[dict], chosen: int | None) -> dict:
    """What the doubts (planner/importers/doubts.py) judge besides the plan: JSON-able, lengths in mm."""
    proxies = Counter()
    for (kind, _), n in raw.ignored.items():
        if is_proxy(kind):
            proxies[kind] += n
    labels = [[round(x, 1), round(y, 1), area] for x, y, text, _ in p.texts
              if (area := label_area_m2(text)) is not None]
    return {FACT_DOORS_ALONE: parts.dropped.get(DROP_DOOR_ALONE, 0), FACT_PROXIES: dict(proxies),
            FACT_AREA_LABELS: labels, FACT_DRAWINGS: kinds, FACT_DRAWING_READ: chosen}
