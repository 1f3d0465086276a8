"""read_ifc: an IFC building model (IFC2X3, IFC4) to a Plan, one storey at a time, with ifcopenshell.

IfcSpace gives the rooms (named by LongName, else Name), IfcDoor the doors (OverallWidth less its lining and leaf
for the clear width), IfcRelSpaceBoundary the rooms a door joins (else the spaces either side of it), sanitary
terminals the fixtures, IfcBuildingStorey the plans to choose from, IfcStair by an exterior door the entrance
steps and a floor-level difference between two rooms the step at their door. Lengths become millimetres here,
from the file's IfcUnitAssignment. ifcopenshell is imported only when an IFC file is read, so a missing install
costs one sentence, not the app.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPoint, Point, Polygon

from planner.geometry import RoomIndex
from planner.i18n import fmt_mm, register, render, said
from planner.importers.building_model import ModelReport, ordered, rectangle, sides_of
from planner.importers.doors import kind_name
from planner.importers.isolated import ChildFailed, isolation_available, run_isolated
from planner.importers.layers import fixture_type
from planner.importers.rooms import room_type
from planner.model.fields import FIELD_LIMITS_MM
from planner.model.plan import SOURCE_DRAWN, SOURCE_ESTIMATED, Door, Entrance, Fixture, Plan, PlanError, Room
from planner.rules import Rules, load_rules
from planner.model.units import MM_PER_UNIT, unit_name

MAX_ENTITIES = 1_500_000     # a large block of flats is a few hundred thousand; beyond this memory runs out first
MAX_STOREY_ELEMENTS = 20_000  # spaces, doors, stairs and terminals on one storey whose geometry is worked out
READ_SECONDS = 300            # the child reading a model is stopped after this (a large storey reads in seconds)
READ_MEMORY_MB = 3000         # ...or when it needs more memory than this
MAX_TRIANGLES = 20_000       # triangles of one shape united into its outline
MAX_EXTENT_SPACES = 2_000    # spaces of another storey shaped only for the size shown beside its name
LEVEL_STEP_MM = 5.0          # floor levels closer than this are one level (model rounding)
STAIR_NEAR_DOOR_MM = 3000.0  # a stair this close to an exterior door is the way up to it
LEAF_THICKNESS_MM = 40.0
MIN_DOOR_MM, MAX_DOOR_MM = 200.0, 5000.0   # an OverallWidth outside these is no door width (a missing or wrong unit)     # an open side-hung leaf takes about its thickness off the passage (docs/rules.md)

# IfcSanitaryTerminalTypeEnum (IFC4; IFC2X3 has the same words) -> fixture type
FIXTURE_OF_SANITARY = {"TOILETPAN": "wc", "WCSEAT": "wc", "SHOWER": "shower", "BATH": "bath",
                       "WASHHANDBASIN": "sink", "SINK": "sink"}
KIND_OF_OPERATION = {"DOUBLE_DOOR_SINGLE_SWING": "double", "DOUBLE_DOOR_DOUBLE_SWING": "double",
                     "DOUBLE_SWING_LEFT": "hinged", "DOUBLE_SWING_RIGHT": "hinged", "SLIDING_TO_LEFT": "sliding",
                     "SLIDING_TO_RIGHT": "sliding", "DOUBLE_DOOR_SLIDING": "sliding"}
DEFAULT_FOOTPRINT_MM = {"wc": (400, 650), "shower": (900, 900), "bath": (1700, 750), "sink": (600, 450),
                        "bed": (900, 2000), "kitchen": (600, 600)}

register({
    "ifc.missing": {
        "en": "Reading IFC needs the ifcopenshell package, which is not installed; install it "
              "(pip install -r requirements.txt) or export the plan as DXF.",
        "nb": "For å lese IFC trengs pakken ifcopenshell, som ikke er installert; installer den "
              "(pip install -r requirements.txt) eller eksporter planen som DXF."},
    "ifc.damaged": {
        "en": "This IFC file cannot be read ({reason}); export it again from the modelling program (IFC2X3 or IFC4, "
              "as a plain .ifc file).",
        "nb": "Denne IFC-filen kan ikke leses ({reason}); eksporter den på nytt fra modelleringsprogrammet (IFC2X3 "
              "eller IFC4, som en vanlig .ifc-fil)."},
    "ifc.too_many": {
        "en": "The IFC file holds {count} entities, more than the {most} this tool reads; export only the storey "
              "or the dwelling you need.",
        "nb": "IFC-filen har {count} entiteter, flere enn de {most} Tilpass leser; eksporter bare etasjen eller "
              "boligen du trenger."},
    "ifc.storey_too_big": {
        "en": "Storey {storey} holds {count} elements, more than the {most} this tool reads on one storey; export "
              "only the dwelling you need.",
        "nb": "Etasje {storey} har {count} elementer, flere enn de {most} Tilpass leser i én etasje; eksporter "
              "bare boligen du trenger."},
    "ifc.no_spaces": {
        "en": "The IFC model has no rooms (IfcSpace){storey}, so there is nothing to check; export it with its "
              "spaces (in most programs: 'export rooms/spaces' or 'IfcSpace').",
        "nb": "IFC-modellen har ingen rom (IfcSpace){storey}, så det finnes ingenting å kontrollere; eksporter den "
              "med rommene (i de fleste programmer: «eksporter rom/soner» eller «IfcSpace»)."},
    "ifc.on_storey": {"en": " on storey {storey_name}", "nb": " i etasjen {storey_name}"},
    "ifc.no_shapes": {
        "en": "The {count} rooms (IfcSpace) of the IFC model have no shape to read their floor from; export the "
              "model with the geometry of its spaces.",
        "nb": "De {count} rommene (IfcSpace) i IFC-modellen har ingen form å lese gulvet fra; eksporter modellen med "
              "geometrien til rommene."},
    "ifc.storey_unknown": {"en": "The model has no storey {region}; its storeys are {choices}.",
                           "nb": "Modellen har ingen etasje {region}; etasjene er {choices}."},
    "ifc.no_unit": {
        "en": "The IFC file does not say its length unit and its doors do not reveal it — choose the unit "
              "(CLI: --units mm|cm|m|in|ft).",
        "nb": "IFC-filen sier ikke hvilken lengdeenhet den bruker, og dørene avslører det ikke — velg enhet "
              "(CLI: --units mm|cm|m|in|ft)."},
    "ifc.warn.level_gap": {"en": "Door {id} joins rooms whose floors are {height} mm apart, more than any threshold: "
                                 "the model does not show the steps or ramp between them; measure the threshold.",
                           "nb": "Dør {id} går mellom rom med gulv {height} mm fra hverandre, mer enn noen terskel: "
                                 "modellen viser ikke trinnene eller rampen mellom dem; mål terskelen."},
    "ifc.reason.crashed": {"en": "the geometry reader stopped on it (exit code {detail})",
                           "nb": "geometrileseren stoppet på den (avslutningskode {detail})"},
    "ifc.reason.timeout": {"en": "reading it took more than {detail} seconds",
                           "nb": "lesingen tok mer enn {detail} sekunder"},
    "ifc.reason.memory": {"en": "reading it needed more than {detail} MB of memory",
                          "nb": "lesingen trengte mer enn {detail} MB minne"},
    "ifc.reason.error": {"en": "an element in it is damaged ({detail})", "nb": "et element i den er skadet ({detail})"},
    "ifc.reason.syntax": {"en": "it is not valid IFC", "nb": "den er ikke gyldig IFC"},
    "ifc.reason.schema": {"en": "its schema {schema} is not IFC2X3 or IFC4", "nb": "skjemaet {schema} er verken "
                                                                                   "IFC2X3 eller IFC4"},
    "ifc.unit.file": {"en": "the file's IfcUnitAssignment says {unit}", "nb": "filens IfcUnitAssignment oppgir {unit}"},
    "ifc.unit.doors": {"en": "the file names no length unit; its door widths fit {unit}",
                       "nb": "filen oppgir ingen lengdeenhet; dørbreddene passer med {unit}"},
    "ifc.unit.by_user": {"en": "chosen by the user", "nb": "valgt av brukeren"},
    "ifc.warn.storeys": {
        "en": "The model holds {count} storeys with rooms; storey {chosen} ({name}, the one with most rooms) was "
              "read — pick another with --region N (or in the app).",
        "nb": "Modellen har {count} etasjer med rom; etasje {chosen} ({name}, den med flest rom) ble lest — velg en "
              "annen med --region N (eller i appen)."},
    "ifc.warn.no_width": {
        "en": "{n} door(s) ({names}) have no usable OverallWidth and were left out, so they are not checked; measure "
              "them on site and add them by hand.",
        "nb": "{n} dør(er) ({names}) har ingen brukbar OverallWidth og ble utelatt, så de er ikke kontrollert; mål dem "
              "på stedet og legg dem inn for hånd."},
    "ifc.warn.swings": {
        "en": "The model was read without the way its doors open, so the turning check does not count door swings; "
              "look at them on site.",
        "nb": "Modellen ble lest uten hvilken vei dørene slår, så snusirkelkontrollen regner ikke med dørslag; se på "
              "dem på stedet."},
    "ifc.guess.room": {"en": "room {id} {name} is {kind}", "nb": "rom {id} {name}: {kind_name}"},
    "ifc.why.room": {"en": "IfcSpace {space}", "nb": "IfcSpace {space}"},
    "ifc.guess.door": {"en": "door {id}: {kind}, {width} mm overall, {clear} mm clear",
                       "nb": "dør {id}: {kind_name}, {width} mm utvendig, {clear} mm fri bredde"},
    "ifc.why.door_lining": {
        "en": "OverallWidth {width} mm − 2 × lining {lining} mm − leaf {leaf} mm{leaf_note}",
        "nb": "OverallWidth {width} mm − 2 × karm {lining} mm − dørblad {leaf} mm{leaf_note}"},
    "ifc.leaf_assumed": {"en": " (leaf thickness assumed)", "nb": " (tykkelsen på dørbladet er antatt)"},
    "ifc.why.door_no_lining": {
        "en": "OverallWidth {width} mm − {deduction} mm (the model gives no lining: estimated)",
        "nb": "OverallWidth {width} mm − {deduction} mm (modellen oppgir ingen karm: anslått)"},
    "ifc.guess.joins": {"en": "door {id} joins {rooms}", "nb": "dør {id} fører mellom {rooms}"},
    "ifc.why.boundary": {"en": "IfcRelSpaceBoundary", "nb": "IfcRelSpaceBoundary"},
    "ifc.why.beside": {"en": "the spaces on either side of the door", "nb": "rommene på hver side av døren"},
    "ifc.guess.exterior": {"en": "door {id} is an entrance door", "nb": "dør {id} er en inngangsdør"},
    "ifc.why.exterior": {"en": "Pset_DoorCommon.IsExternal or an external space boundary",
                         "nb": "Pset_DoorCommon.IsExternal eller en ytre romavgrensning"},
    "ifc.guess.unknown_side": {"en": "what lies behind door {id} is not known",
                               "nb": "det er ikke kjent hva som ligger bak dør {id}"},
    "ifc.why.unknown_side": {"en": "its far side is no space of the model and the model does not call it external",
                             "nb": "på den andre siden er det ikke noe rom i modellen, og modellen kaller den ikke "
                                   "utvendig"},
    "ifc.guess.level_step": {"en": "door {id} has a {height} mm step", "nb": "dør {id} har et trinn på {height} mm"},
    "ifc.why.level_step": {"en": "the floors of the rooms it joins lie at different levels",
                           "nb": "gulvene i rommene den fører mellom ligger på ulike nivåer"},
    "ifc.guess.entrance": {"en": "the entrance (door {door}) has {steps} steps, {rise} mm up",
                           "nb": "inngangen (dør {door}) har {steps} trinn, {rise} mm opp"},
    "ifc.why.entrance": {"en": "the stair {stair} beside the exterior door: risers × riser height",
                         "nb": "trappen {stair} ved inngangsdøren: opptrinn × opptrinnshøyde"},
    "ifc.guess.fixture": {"en": "fixture {id} is a {kind}", "nb": "innredning {id}: {kind_name}"},
    "ifc.why.fixture": {"en": "{ifc_class} {what}", "nb": "{ifc_class} {what}"},
    "ifc.ign.windows": {"en": "windows (IfcWindow)", "nb": "vinduer (IfcWindow)"},
    "ifc.ign.stairs": {"en": "stairs not by an exterior door (between storeys)",
                       "nb": "trapper som ikke står ved en inngangsdør (mellom etasjer)"},
    "ifc.ign.terminals": {"en": "sanitary terminals of a kind the checks do not use",
                          "nb": "sanitærutstyr av en type kontrollene ikke bruker"},
    "ifc.ign.door_alone": {"en": "doors next to no room", "nb": "dører som ikke ligger ved noe rom"},
    "ifc.ign.area_spaces": {"en": "spaces that are area outlines (gross floor area, or a zone holding other rooms)",
                            "nb": "rom som er arealomriss (bruttoareal, eller en sone som rommer andre rom)"},
    "ifc.ign.shapeless": {"en": "rooms (IfcSpace) without a shape", "nb": "rom (IfcSpace) uten form"},
    "ifc.ign.other_storeys": {"en": "rooms on other storeys", "nb": "rom i andre etasjer"},
})


def is_ifc(data: bytes) -> bool:
    """Whether bytes are a STEP file (ISO 10303-21), the form of .ifc files; its schema is checked on reading."""
    return data[:4096].lstrip().upper().startswith(b"ISO-10303-21")


def _ifcopenshell():
    try:
        import ifcopenshell
        import ifcopenshell.geom
        import ifcopenshell.util.element
        import ifcopenshell.util.placement
        import ifcopenshell.util.unit
    except ImportError:
        raise PlanError.text("ifc.missing") from None
    return ifcopenshell


def _open(data: bytes):
    """The model, its entity count bounded before ifcopenshell builds it."""
    count = data.count(b"\n#") + data.count(b"\r#") + (1 if data.lstrip().startswith(b"#") else 0)
    if count > MAX_ENTITIES:
        c, most = f"{count:,}", f"{MAX_ENTITIES:,}"
        raise PlanError.text("ifc.too_many", count=c, most=most)
    ifcopenshell = _ifcopenshell()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")      # STEP is ASCII; a stray byte in a name must not stop the reading
    try:
        model = ifcopenshell.file.from_string(text)
        schema = model.schema      # a header cut off before its schema loads no schema at all
    except Exception:  # noqa: BLE001 - ifcopenshell raises its own and RuntimeError for any syntax damage
        raise PlanError.text("ifc.damaged", reason="@ifc.reason.syntax") from None
    if schema not in ("IFC2X3", "IFC4", "IFC4X3"):
        raise PlanError.text("ifc.damaged", reason="@ifc.reason.schema", schema=str(schema)[:20])
    return ifcopenshell, model


def _by_type(model, *classes: str) -> list:
    """The model's entities of these classes and their subclasses, each once; a class the schema lacks (IFC2X3 has
    no IfcSanitaryTerminal) gives none."""
    seen: dict[int, Any] = {}
    for name in classes:
        try:
            found = model.by_type(name)
        except RuntimeError:
            continue
        for element in found:
            seen.setdefault(element.id(), element)
    return list(seen.values())


def _storey_name(storey) -> str:
    """A storey's name as people call it: its Name ("Erdgeschoss", "Plan 1"), else its LongName."""
    return str(storey.Name or storey.LongName or "")[:60]


def _storey_of(util, element) -> Any:
    """The IfcBuildingStorey an element stands on (through its container or the spaces it is part of)."""
    seen = 0
    node = element
    while node is not None and seen < 20:
        if node.is_a("IfcBuildingStorey"):
            return node
        node = util.get_container(node) or util.get_aggregate(node)
        seen += 1
    return None


def _footprint(shape_of, element) -> tuple[Polygon | None, float | None]:
    """An element's outline seen from above (mm) and the lowest level of its shape (mm), from its geometry."""
    verts = shape_of(element)
    if verts is None or not len(verts):
        return None, None
    pts, tris = verts
    if len(tris) > MAX_TRIANGLES:           # a finely meshed shape: its hull is outline enough
        tris = tris[:0]
    if len(tris):
        polys = shapely.polygons(pts[tris][:, :, :2])
        area = shapely.area(polys) > 1.0
        outline = shapely.union_all(shapely.buffer(polys[area], 0.5)) if area.any() else None
        if outline is not None and not isinstance(outline, Polygon):
            outline = max(getattr(outline, "geoms", []), key=lambda g: g.area, default=None)
        if outline is not None:
            outline = shapely.simplify(outline.buffer(-0.5), 2.0)
    else:
        outline = MultiPoint(pts[:, :2]).convex_hull
    if outline is None or not isinstance(outline, Polygon) or outline.area <= 0:
        return None, float(pts[:, 2].min())
    outline = shapely.set_precision(Polygon(outline.exterior), 1.0)
    return (outline if isinstance(outline, Polygon) and outline.area > 0 else None), float(pts[:, 2].min())


def _area_spaces(found: list) -> set[int]:
    """Ids of spaces that are area outlines, not rooms: a gross floor area (PredefinedType GFA) or a zone whose
    outline holds two or more other spaces (issue 9: area outlines are never rooms)."""
    out = {space.id() for space, *_ in found if str(getattr(space, "PredefinedType", None) or "") == "GFA"}
    points = [outline.representative_point() for _, outline, _, _ in found]
    tree = shapely.STRtree(points)
    for k, (space, outline, _, _) in enumerate(found):
        inside = [i for i in tree.query(outline, predicate="contains").tolist() if i != k]
        if len(inside) >= 2:
            out.add(space.id())
    return out


def _extent(shape_of, spaces: list) -> list[float]:
    """The plan extent (mm) of a storey's spaces, to tell storeys apart when choosing one; zeros when there are
    none, or too many to shape for a label."""
    if not spaces or len(spaces) > MAX_EXTENT_SPACES:
        return [0.0, 0.0, 0.0, 0.0]
    shapes = [v[0][:, :2] for v in map(shape_of, spaces) if v is not None and len(v[0])]
    if not shapes:
        return [0.0, 0.0, 0.0, 0.0]
    points = np.vstack(shapes)
    return [round(float(v), 1) for v in (*points.min(axis=0), *points.max(axis=0))]


def _unit_mm(ifcopenshell, model, doors, forced: str | None) -> tuple[float, dict]:
    """Millimetres per model length unit, and the report's units entry."""
    named = [u for ua in model.by_type("IfcUnitAssignment") for u in (ua.Units or ())
             if getattr(u, "UnitType", None) == "LENGTHUNIT"]
    if forced:
        mm = MM_PER_UNIT[forced]
        why = said("ifc.unit.by_user")
        used = forced
    elif named:
        mm = ifcopenshell.util.unit.calculate_unit_scale(model) * 1000.0
        used = min(MM_PER_UNIT, key=lambda u: abs(math.log(MM_PER_UNIT[u] / mm)))
        why = said("ifc.unit.file", unit=unit_name(used))
    else:    # no unit named: the unit in which the doors are door-sized (0.6-1.5 m)
        widths = [d.OverallWidth for d in doors if getattr(d, "OverallWidth", None)]
        fits = [u for u, mm_u in MM_PER_UNIT.items()
                if widths and 600 <= float(np.median(widths)) * mm_u <= 1500]
        if not fits:
            raise PlanError.text("ifc.no_unit")
        used = fits[0]
        mm = MM_PER_UNIT[used]
        why = said("ifc.unit.doors", unit=unit_name(used))
    return mm, {"header": None if forced or not named else used, "used": used, "why": render(why), "why_t": why}


def read_ifc(data: bytes, *, name: str = "", units: str | None = None, region: int | None = None,
             rules: Rules | None = None, progress: Callable[[float, str], None] | None = None) -> Plan:
    """A Plan of one storey of an IFC model (bytes), with an import report. region picks the storey (1-based, in
    order of elevation; report["regions"]); by default the storey with most rooms. units overrides the file's
    length unit. Raises PlanError with one sentence for a file that gives no plan.

    The model is read in a child process of its own (planner/importers/isolated.py), bounded in time and memory:
    ifcopenshell's geometry kernel is native code that a damaged file can crash, and a crash must end in a
    sentence, not take the app down with it."""
    _ifcopenshell()                   # a missing package is said here, before any child is started
    if not isolation_available():     # inside a daemonic worker, which is itself the isolation
        return _read_ifc(data, name=name, units=units, region=region, rules=rules, progress=progress)
    say = progress or (lambda share, what: None)
    say(0.0, "reading the model")
    try:
        plan = run_isolated(_read_ifc, data, name=name, units=units, region=region, rules=rules,
                            timeout_s=READ_SECONDS, memory_mb=READ_MEMORY_MB)
    except ChildFailed as failed:
        raise PlanError.text("ifc.damaged", reason=f"@ifc.reason.{failed.how}", detail=failed.detail) from None
    say(1.0, "done")
    return plan


def _read_ifc(data: bytes, *, name: str = "", units: str | None = None, region: int | None = None,
              rules: Rules | None = None, progress: Callable[[float, str], None] | None = None) -> Plan:
    """read_ifc's work, in whatever process it runs."""
    say = progress or (lambda share, what: None)
    rules = rules or load_rules()
    say(0.0, "reading the model")
    ifcopenshell, model = _open(data)
    util = ifcopenshell.util.element
    report = ModelReport()
    doors_all = _by_type(model, "IfcDoor")
    storeys = sorted(model.by_type("IfcBuildingStorey"), key=lambda s: (float(s.Elevation or 0.0), s.id()))
    spaces_of: dict[int, list] = {s.id(): [] for s in storeys}
    loose = []
    for space in model.by_type("IfcSpace"):
        storey = _storey_of(util, space)
        (spaces_of[storey.id()] if storey is not None and storey.id() in spaces_of else loose).append(space)
    with_rooms = [(k, s) for k, s in enumerate(storeys, start=1) if spaces_of[s.id()]]
    if region is not None:
        if not any(k == region for k, _ in enumerate(storeys, start=1)):
            raise PlanError.text("ifc.storey_unknown", region=region,
                                 choices=", ".join(str(k) for k in range(1, len(storeys) + 1)) or "–")
        chosen = storeys[region - 1]
    elif with_rooms:
        chosen = max(with_rooms, key=lambda ks: (len(spaces_of[ks[1].id()]), -abs(float(ks[1].Elevation or 0))))[1]
    else:
        chosen = storeys[0] if storeys and not loose else None
    spaces = spaces_of[chosen.id()] if chosen is not None else loose
    storey_name = _storey_name(chosen) if chosen is not None else ""
    if not spaces:
        raise PlanError.text("ifc.no_spaces", storey="@ifc.on_storey" if chosen is not None else "",
                             storey_name=storey_name[:60])
    index = storeys.index(chosen) + 1 if chosen is not None else None
    if len(with_rooms) > 1 and region is None:
        report.warnings.append(said("ifc.warn.storeys", count=len(with_rooms), chosen=index, name=storey_name[:60]))
    others = sum(len(v) for k, v in spaces_of.items() if chosen is None or k != chosen.id())
    if others:
        report.ignore(said("ifc.ign.other_storeys"), others)

    def on_storey(elements):
        return [e for e in elements if chosen is None or _storey_of(util, e) == chosen]
    doors = on_storey(doors_all)
    stairs = on_storey(_by_type(model, "IfcStair", "IfcStairFlight"))
    terminals = on_storey(_by_type(model, "IfcSanitaryTerminal", "IfcFlowTerminal", "IfcFurniture",
                                   "IfcFurnishingElement"))
    mm_per_unit, units_report = _unit_mm(ifcopenshell, model, doors, units)
    # the geometry kernel gives metres whatever the file's unit; a unit the user forces scales it again
    kernel_mm = 1000.0 * (mm_per_unit / (ifcopenshell.util.unit.calculate_unit_scale(model) * 1000.0))
    count = len(spaces) + len(doors) + len(stairs) + len(terminals)
    if count > MAX_STOREY_ELEMENTS:
        raise PlanError.text("ifc.storey_too_big", storey=storey_name[:60] or "–", count=count,
                             most=MAX_STOREY_ELEMENTS)

    say(0.3, "working out the rooms")
    settings = ifcopenshell.geom.settings()
    settings.set("use-world-coords", True)

    def shape_of(element):
        if not getattr(element, "Representation", None):
            return None
        try:
            shape = ifcopenshell.geom.create_shape(settings, element)
        except Exception:  # noqa: BLE001 - the kernel fails on damaged or unsupported geometry: no shape
            return None
        verts = np.array(shape.geometry.verts, dtype=float).reshape(-1, 3) * kernel_mm
        faces = np.array(shape.geometry.faces, dtype=int).reshape(-1, 3)
        if not np.isfinite(verts).all() or (np.abs(verts) > 1e9).any():
            return None
        return verts, faces

    def place_of(element) -> tuple[Point, float, float] | None:
        """Where an element's placement stands in the plan (mm) and the direction of its x axis."""
        if not getattr(element, "ObjectPlacement", None):
            return None
        try:
            matrix = ifcopenshell.util.placement.get_local_placement(element.ObjectPlacement)
        except (ValueError, TypeError, AttributeError, IndexError, RuntimeError):   # a damaged placement: no place
            return None
        if not np.isfinite(matrix).all() or (np.abs(matrix[:3, 3]) * mm_per_unit > 1e9).any():
            return None
        ux, uy = float(matrix[0, 0]), float(matrix[1, 0])
        norm = math.hypot(ux, uy) or 1.0
        return Point(float(matrix[0, 3]) * mm_per_unit, float(matrix[1, 3]) * mm_per_unit), ux / norm, uy / norm

    found = []
    for space in spaces:
        outline, level = _footprint(shape_of, space)
        if outline is None:
            report.ignore(said("ifc.ign.shapeless"))
            continue
        label = str(space.LongName or space.Name or "")[:80]
        found.append((space, outline, level, label))
    if not found:
        raise PlanError.text("ifc.no_shapes", count=len(spaces))
    areas = _area_spaces(found)
    if areas:
        report.ignore(said("ifc.ign.area_spaces"), len(areas))
        found = [f for f in found if f[0].id() not in areas]
    rooms, level_of, room_of_space = [], {}, {}
    for n, (space, outline, level, label) in enumerate(ordered(found, lambda f: f[1].representative_point()), 1):
        kind = room_type(label) if label else "other"
        rid = f"R{n}"
        rooms.append(Room(id=rid, name=label, type=kind, polygon=shapely.normalize(outline)))
        level_of[rid], room_of_space[space.id()] = level, rid
        report.guess(said("ifc.guess.room", id=rid, name=repr(label), kind=kind, kind_name=said(f"room.{kind}")),
                     said("ifc.why.room", space=repr(str(space.Name or space.GlobalId)[:60])))

    say(0.6, "reading the doors")
    plan_doors = _doors(ifcopenshell, model, doors, place_of, shape_of, rooms, room_of_space, level_of, mm_per_unit,
                        rules, report)
    entrance = _entrance(ifcopenshell, stairs, place_of, plan_doors, mm_per_unit, report)
    fixtures = _fixtures(shape_of, place_of, util, terminals, rooms, report)
    windows = on_storey(_by_type(model, "IfcWindow"))
    if windows:
        report.ignore(said("ifc.ign.windows"), len(windows))
    if plan_doors:
        report.warnings.append(said("ifc.warn.swings"))
    regions = [{"index": k, "entity_count": len(spaces_of[s.id()]), "name": _storey_name(s),
                "elevation_mm": round(float(s.Elevation or 0.0) * mm_per_unit, 1),
                "bbox_mm": [round(float(v), 1) for v in shapely.total_bounds([r.polygon for r in rooms])]
                if s == chosen else _extent(shape_of, spaces_of[s.id()])}
               for k, s in enumerate(storeys, start=1)] if len(storeys) > 1 else []
    plan_report = report.to_dict(
        name=name, file_format="ifc", rooms_from="outlines", units=units_report,
        found={"rooms": len(rooms), "doors": len(plan_doors), "fixtures": len(fixtures), "walls": 0,
               "labels": sum(1 for r in rooms if r.name), "door_kinds": dict(Counter(d.kind for d in plan_doors))},
        regions=regions, region=index if len(storeys) > 1 else None,
        extra={"ifc": {"schema": model.schema, "storey": storey_name}})
    say(1.0, "done")
    return Plan(rooms=tuple(rooms), doors=plan_doors, fixtures=fixtures, entrance=entrance, units=units_report["used"],
                name=name, import_report=plan_report)


def _door_widths(ifcopenshell, door, mm_per_unit: float, rules: Rules, sliding: bool) -> tuple[float, float, str, list]:
    """(overall width, clear width, source of the clear width, why) in mm, from OverallWidth and the lining and
    panel properties of the door or its type (IfcDoorLiningProperties, IfcDoorPanelProperties)."""
    overall = float(door.OverallWidth) * mm_per_unit
    props = []
    door_type = ifcopenshell.util.element.get_type(door)
    if door_type is not None:
        props += list(getattr(door_type, "HasPropertySets", None) or ())
    for rel in getattr(door, "IsDefinedBy", None) or ():
        if rel.is_a("IfcRelDefinesByProperties"):
            definition = rel.RelatingPropertyDefinition
            props += list(definition) if isinstance(definition, tuple) else [definition]
    lining = next((p for p in props if p is not None and p.is_a("IfcDoorLiningProperties")), None)
    panel = next((p for p in props if p is not None and p.is_a("IfcDoorPanelProperties")), None)
    lining_mm = float(lining.LiningThickness) * mm_per_unit if lining is not None and lining.LiningThickness else None
    leaf_mm = float(panel.PanelDepth) * mm_per_unit if panel is not None and panel.PanelDepth else None
    if lining_mm is not None and 0 <= lining_mm < overall / 4:
        leaf = leaf_mm if leaf_mm is not None and 0 <= leaf_mm < overall / 4 else LEAF_THICKNESS_MM
        if sliding:          # a sliding leaf runs beside the opening: only the lining narrows it
            leaf, leaf_mm = 0.0, 0.0
        clear = max(overall - 2 * lining_mm - leaf, 0.0)
        source = SOURCE_DRAWN if leaf_mm is not None else SOURCE_ESTIMATED
        why = said("ifc.why.door_lining", width=fmt_mm(overall), lining=f"{lining_mm:.0f}", leaf=f"{leaf:.0f}",
                   leaf_note="" if leaf_mm is not None else "@ifc.leaf_assumed")
        return overall, clear, source, why
    deduction = rules.value("door_leaf_to_clear_deduction_mm")
    return overall, max(overall - deduction, 0.0), SOURCE_ESTIMATED, \
        said("ifc.why.door_no_lining", width=fmt_mm(overall), deduction=f"{deduction:.0f}")


def _door_line(place, width_mm: float, shape) -> LineString:
    """The door's opening in the plan, OverallWidth long along its placement's x axis: centred on the middle of its
    shape where it has one (exporters place a door's origin at one side of its lining or at its middle), else
    starting at its origin (IFC's convention: the lining starts there and the width runs along x)."""
    origin, ux, uy = place
    start = 0.0
    if shape is not None and len(shape[0]):
        xy = shape[0][:, :2]
        along = (xy[:, 0] - origin.x) * ux + (xy[:, 1] - origin.y) * uy
        start = float(along.min() + along.max()) / 2 - width_mm / 2
    x0, y0 = origin.x + ux * start, origin.y + uy * start
    return LineString([(x0, y0), (x0 + ux * width_mm, y0 + uy * width_mm)])


def _boundary_rooms(model, room_of_space: dict[int, str]) -> tuple[dict[int, list[str]], set[int]]:
    """From IfcRelSpaceBoundary: door id -> the rooms it bounds, and the doors on an external boundary."""
    joins: dict[int, list[str]] = {}
    external = set()
    for rel in model.by_type("IfcRelSpaceBoundary"):
        element, space = rel.RelatedBuildingElement, rel.RelatingSpace
        if element is None or not element.is_a("IfcDoor"):
            continue
        if space is not None and space.id() in room_of_space:
            joins.setdefault(element.id(), [])
            if room_of_space[space.id()] not in joins[element.id()]:
                joins[element.id()].append(room_of_space[space.id()])
        if str(getattr(rel, "InternalOrExternalBoundary", "")).startswith("EXTERNAL") or \
                (space is not None and space.is_a("IfcExternalSpatialElement")):
            external.add(element.id())
    return joins, external


def _doors(ifcopenshell, model, doors, place_of, shape_of, rooms: list[Room], room_of_space: dict[int, str],
           level_of: dict[str, float], mm_per_unit: float, rules: Rules, report: ModelReport) -> tuple[Door, ...]:
    joins, external = _boundary_rooms(model, room_of_space)
    index = RoomIndex(rooms)
    kept, no_width = [], []
    for door in doors:
        place = place_of(door)
        if place is None:
            report.ignore(said("ifc.ign.door_alone"))
            continue
        if not door.OverallWidth or not MIN_DOOR_MM <= float(door.OverallWidth) * mm_per_unit <= MAX_DOOR_MM:
            no_width.append(str(door.Name or door.GlobalId)[:40])
            continue
        operation = str(getattr(door, "OperationType", None) or "")
        if not operation:
            door_type = ifcopenshell.util.element.get_type(door)
            operation = str(getattr(door_type, "OperationType", None) or "")
        kind = KIND_OF_OPERATION.get(operation, "hinged")
        overall, clear, source, why = _door_widths(ifcopenshell, door, mm_per_unit, rules, kind == "sliding")
        opening = _door_line(place, overall, shape_of(door))
        beside, _ = sides_of(opening, index)
        joined = tuple(joins.get(door.id(), ()))[:2] or beside
        if not joined:
            report.ignore(said("ifc.ign.door_alone"))
            continue
        psets = ifcopenshell.util.element.get_psets(door)
        is_external = psets.get("Pset_DoorCommon", {}).get("IsExternal") is True or door.id() in external
        kept.append((door, opening, overall, clear, source, why, joined, door.id() in joins, is_external, kind))
    if no_width:
        report.warnings.append(said("ifc.warn.no_width", n=len(no_width), names=", ".join(no_width[:4])))
    out = []
    for n, (door, opening, overall, clear, source, why, joined, by_boundary, is_external, kind) in enumerate(
            ordered(kept, lambda k: k[1].interpolate(0.5, normalized=True)), start=1):
        did = f"D{n}"
        threshold, threshold_source = None, None
        if len(joined) == 2 and level_of.get(joined[0]) is not None and level_of.get(joined[1]) is not None:
            step = abs(level_of[joined[0]] - level_of[joined[1]])
            if step > FIELD_LIMITS_MM["threshold_mm"][1]:   # steps or a ramp the model does not show: unknown
                report.warnings.append(said("ifc.warn.level_gap", id=did, height=f"{step:.0f}"))
            elif step > LEVEL_STEP_MM:
                threshold, threshold_source = round(step, 1), SOURCE_DRAWN
                report.guess(said("ifc.guess.level_step", id=did, height=f"{step:.0f}"), said("ifc.why.level_step"))
        exterior = is_external and len(joined) == 1
        out.append(Door(id=did, position=opening.interpolate(0.5, normalized=True), leaf_width_mm=round(overall, 1),
                        clear_width_mm=round(clear, 1), clear_width_source=source, threshold_mm=threshold,
                        threshold_source=threshold_source, rooms=joined, exterior=exterior, kind=kind,
                        opening=opening))
        report.guess(said("ifc.guess.door", id=did, kind=kind, kind_name=kind_name(kind),
                          width=fmt_mm(overall), clear=fmt_mm(clear)), why)
        report.guess(said("ifc.guess.joins", id=did, rooms=" ↔ ".join(joined)),
                     said("ifc.why.boundary" if by_boundary else "ifc.why.beside"))
        if exterior:
            report.guess(said("ifc.guess.exterior", id=did), said("ifc.why.exterior"))
        elif len(joined) == 1:
            report.guess(said("ifc.guess.unknown_side", id=did), said("ifc.why.unknown_side"))
    return tuple(out)


def _entrance(ifcopenshell, stairs, place_of, doors: tuple[Door, ...], mm_per_unit: float,
              report: ModelReport) -> Entrance | None:
    """The steps up to the entrance: a stair (or flight) standing by an exterior door, risers × riser height."""
    entrances = [d for d in doors if d.exterior]
    found = None
    for stair in stairs:
        place = place_of(stair)
        where = place[0] if place is not None else None
        near = [d for d in entrances if where is not None and d.position.distance(where) <= STAIR_NEAR_DOOR_MM]
        psets = ifcopenshell.util.element.get_psets(stair)
        common = psets.get("Pset_StairFlightCommon", {}) | psets.get("Pset_StairCommon", {})
        risers = getattr(stair, "NumberOfRisers", None) or getattr(stair, "NumberOfRiser", None) \
            or common.get("NumberOfRiser") or common.get("NumberOfRisers")
        height = getattr(stair, "RiserHeight", None) or common.get("RiserHeight")
        if not near or not risers or not height or found is not None:
            report.ignore(said("ifc.ign.stairs"))
            continue
        steps, rise = int(risers), float(risers) * float(height) * mm_per_unit
        door = min(near, key=lambda d: d.position.distance(where))
        found = Entrance(rise_mm=round(rise, 1), steps=steps, door=door.id, rise_source=SOURCE_DRAWN)
        report.guess(said("ifc.guess.entrance", door=door.id, steps=steps, rise=f"{rise:.0f}"),
                     said("ifc.why.entrance", stair=repr(str(stair.Name or stair.GlobalId)[:60])))
    return found


def _fixtures(shape_of, place_of, util, terminals, rooms: list[Room], report: ModelReport) -> tuple[Fixture, ...]:
    """Fixtures from sanitary terminals (by their predefined type, else their name) and beds and kitchen units
    among the furniture (by name), with their footprint from the geometry (or a usual size at their place)."""
    found = []
    for element in terminals:
        element_type = util.get_type(element)
        predefined = str(getattr(element, "PredefinedType", None) or getattr(element_type, "PredefinedType", None)
                         or "")
        words = " ".join(str(x) for x in (element.Name, getattr(element, "ObjectType", None),
                                          getattr(element_type, "Name", None)) if x)
        kind = FIXTURE_OF_SANITARY.get(predefined) or fixture_type(words)
        if element.is_a("IfcFurniture") or element.is_a("IfcFurnishingElement"):
            kind = kind if kind in ("bed", "kitchen") else None
            if kind is None:
                continue
        if kind is None:
            report.ignore(said("ifc.ign.terminals"))
            continue
        outline, _ = _footprint(shape_of, element)
        if outline is None:       # no shape: a usual size at its place
            place = place_of(element)
            if place is None:
                report.ignore(said("ifc.ign.terminals"))
                continue
            (origin, ux, uy), (w, d) = place, DEFAULT_FOOTPRINT_MM[kind]
            outline = rectangle(origin.x, origin.y, ux, uy, w, d)
        found.append((kind, outline, element.is_a(), words or predefined))
    out, in_room = [], RoomIndex(rooms, boundary=True)    # a fixture's centre on a room's outline is in it
    for n, (kind, outline, ifc_class, what) in enumerate(ordered(found, lambda f: f[1].centroid), start=1):
        out.append(Fixture(id=f"F{n}", type=kind, footprint=outline, room=in_room.id_at(outline.centroid)))
        report.guess(said("ifc.guess.fixture", id=f"F{n}", kind=kind, kind_name=said(f"fixture.{kind}")),
                     said("ifc.why.fixture", ifc_class=ifc_class, what=repr(what[:60])))
    return tuple(out)
