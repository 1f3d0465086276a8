"""Write a plan as a DXF a contractor can open in CAD, using the layer and block names Tilpass reads back.

Layers: A-WALL (wall lines), A-AREA (closed room outlines), A-AREA-IDEN (room names), A-DOOR (door blocks),
A-FLOR-FIXT (fixture blocks). With findings, each on a layer of its own that the importer ignores (A-ANNO-…):
turning circles (green where they fit, red where the largest free circle falls short), failing doors ringed
with what is wrong, the findings as text, room and door dimensions, and the ramp or raised ground outside the
entrance. Units: millimetres ($INSUNITS = 4). Doors are the unit block DOOR (hinge at
the origin, leaf along +x, swinging to +y) scaled by the leaf width and mirrored for a right-hand swing.
"""
from __future__ import annotations

import io
import math

import ezdxf
from ezdxf.document import Drawing

from planner.model.findings import FAIL, PASS, Finding
from planner.i18n import fmt_mm, t
from planner.model.plan import Plan

FIXTURE_BLOCKS = {"wc": "WC", "shower": "DUSJ", "bath": "BADEKAR", "sink": "SERVANT", "bed": "SENG",
                  "kitchen": "KJOKKEN"}
LAYERS = {"A-WALL": 7, "A-AREA": 3, "A-AREA-IDEN": 2, "A-DOOR": 1, "A-FLOR-FIXT": 4}
# Findings layers (names the importer reads as annotation, so a re-import ignores them): name -> ACI colour
TURNING_LAYER, DOOR_FAIL_LAYER, FINDINGS_LAYER, DIMENSIONS_LAYER, WORKS_LAYER = (
    "A-ANNO-TURNING", "A-ANNO-DOOR-FAIL", "A-ANNO-FINDINGS", "A-ANNO-DIMS", "A-ANNO-ENTRANCE-WORKS")
FINDING_LAYERS = {TURNING_LAYER: 3, DOOR_FAIL_LAYER: 1, FINDINGS_LAYER: 1, DIMENSIONS_LAYER: 8, WORKS_LAYER: 5}
STATUS_ACI = {PASS: 3, FAIL: 1}   # green, red; anything else yellow (2)
TEXT_MM = 120


def _define_blocks(doc: Drawing) -> None:
    door = doc.blocks.new("DOOR")
    door.add_arc((0, 0), 1.0, 0, 90)
    door.add_line((0, 0), (0, 1))
    sliding = doc.blocks.new("SKYVEDOR")
    sliding.add_lwpolyline([(0, -0.02), (1, -0.02), (1, 0.02), (0, 0.02)], close=True)
    for name in FIXTURE_BLOCKS.values():
        block = doc.blocks.new(name)
        block.add_lwpolyline([(0, 0), (1, 0), (1, 1), (0, 1)], close=True)


def plan_to_dxf(plan: Plan, findings: list[Finding] = (), lang: str = "nb", works=None) -> Drawing:
    """An ezdxf document of the plan, in millimetres; with findings, their layers too. works: the entrance
    works to draw (planner.output.sketch.EntranceWorks), or None."""
    doc = ezdxf.new("R2013", units=4)
    doc.header["$INSUNITS"] = 4
    for name, colour in LAYERS.items():
        doc.layers.add(name, color=colour)
    _define_blocks(doc)
    msp = doc.modelspace()
    for wall in plan.walls:
        msp.add_lwpolyline(list(wall.coords), dxfattribs={"layer": "A-WALL"})
    for room in plan.rooms:
        msp.add_lwpolyline(list(room.polygon.exterior.coords)[:-1], close=True, dxfattribs={"layer": "A-AREA"})
        label = room.polygon.representative_point()
        msp.add_text(room.name or room.id, height=150,
                     dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((label.x, label.y))
    for door in plan.doors:
        if door.opening is None:
            continue
        (hx, hy), (lx, ly) = door.opening.coords[0], door.opening.coords[-1]
        width = math.dist((hx, hy), (lx, ly))
        angle = math.degrees(math.atan2(ly - hy, lx - hx))
        side = 1
        if door.swing is not None:
            c = door.swing.centroid
            side = 1 if (lx - hx) * (c.y - hy) - (ly - hy) * (c.x - hx) >= 0 else -1
        if door.kind == "double":
            half = width / 2
            msp.add_blockref("DOOR", (hx, hy), dxfattribs={"layer": "A-DOOR", "xscale": half, "yscale": half * side,
                                                           "rotation": angle})
            msp.add_blockref("DOOR", (lx, ly), dxfattribs={"layer": "A-DOOR", "xscale": half, "yscale": -half * side,
                                                           "rotation": angle + 180})
        else:
            block = "SKYVEDOR" if door.kind == "sliding" else "DOOR"
            msp.add_blockref(block, (hx, hy), dxfattribs={"layer": "A-DOOR", "xscale": width,
                                                          "yscale": width * side, "rotation": angle})
    for fixture in plan.fixtures:
        minx, miny, maxx, maxy = fixture.footprint.bounds
        msp.add_blockref(FIXTURE_BLOCKS.get(fixture.type, "SERVANT"), (minx, miny),
                         dxfattribs={"layer": "A-FLOR-FIXT", "xscale": maxx - minx, "yscale": maxy - miny})
    if findings or works is not None:
        _findings_layers(doc, plan, list(findings), lang, works)
    return doc


def _findings_layers(doc: Drawing, plan: Plan, findings: list[Finding], lang: str, works) -> None:
    from planner.output.sketch import entrance_door, room_chords, works_outline  # the sketch's own geometry
    for name, colour in FINDING_LAYERS.items():
        doc.layers.add(name, color=colour)
    msp = doc.modelspace()
    for f in findings:
        if f.check != "turning_circle" or f.geometry is None:
            continue
        colour = STATUS_ACI.get(f.status, 2)
        for poly in getattr(f.geometry, "geoms", [f.geometry]):
            if getattr(poly, "exterior", None) is None:
                continue
            c = poly.centroid
            radius = (poly.bounds[2] - poly.bounds[0]) / 2
            if radius > 0 and abs(poly.area - math.pi * radius ** 2) <= 0.03 * poly.area:   # round: a true circle
                msp.add_circle((c.x, c.y), radius, dxfattribs={"layer": TURNING_LAYER, "color": colour})
            else:
                msp.add_lwpolyline(list(poly.exterior.coords)[:-1], close=True,
                                   dxfattribs={"layer": TURNING_LAYER, "color": colour})
            msp.add_text(f"Ø {fmt_mm(f.measured)}", height=TEXT_MM,
                         dxfattribs={"layer": TURNING_LAYER, "color": colour}).set_placement((c.x, c.y))
    doors = {d.id: d for d in plan.doors}
    door_entrance = entrance_door(plan)
    for f in findings:
        if f.status == PASS:
            continue
        door = doors.get(f.element) or (door_entrance if f.check == "step_free_entrance" else None)
        at = (door.position.x, door.position.y) if door is not None else (
            (f.geometry.centroid.x, f.geometry.centroid.y) if f.geometry is not None else None)
        if at is None:
            continue
        colour = STATUS_ACI.get(f.status, 2)
        if door is not None and f.status == FAIL:
            msp.add_circle(at, max(door.leaf_width_mm * 0.5, 300), dxfattribs={"layer": DOOR_FAIL_LAYER})
        msp.add_mtext(f"{f.element}: {f.message(lang)} [{f.rule}]",
                      dxfattribs={"layer": FINDINGS_LAYER, "color": colour, "char_height": TEXT_MM,
                                  "width": 3000}).set_location((at[0] + 200, at[1] - 200))
    for a, b in room_chords(plan, inset_mm=350):
        msp.add_aligned_dim(p1=a, p2=b, distance=150, dxfattribs={"layer": DIMENSIONS_LAYER}).render()
    for door in plan.doors:
        msp.add_text(t("sketch.door", lang, id=door.id, width=fmt_mm(door.clear_width_mm)), height=TEXT_MM,
                     dxfattribs={"layer": DIMENSIONS_LAYER}).set_placement((door.position.x + 150,
                                                                            door.position.y - 250))
    if works is not None:
        for kind, poly in works_outline(plan, works):
            msp.add_lwpolyline(list(poly.exterior.coords)[:-1], close=True,
                               dxfattribs={"layer": WORKS_LAYER})
            c = poly.centroid
            label = {"top": "sketch.landing", "landing": "sketch.landing"}.get(kind)
            if label:
                msp.add_text(t(label, lang), height=TEXT_MM, dxfattribs={"layer": WORKS_LAYER}).set_placement(
                    (c.x, c.y))


def plan_to_dxf_bytes(plan: Plan, findings: list[Finding] = (), lang: str = "nb", works=None) -> bytes:
    stream = io.StringIO()
    plan_to_dxf(plan, findings, lang, works).write(stream)
    return stream.getvalue().encode("utf-8")
