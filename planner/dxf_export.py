"""Write a plan as a DXF a contractor can open in CAD, using the layer and block names Tilpass reads back.

Layers: A-WALL (wall lines), A-AREA (closed room outlines), A-AREA-IDEN (room names), A-DOOR (door blocks),
A-FLOR-FIXT (fixture blocks). Units: millimetres ($INSUNITS = 4). Doors are the unit block DOOR (hinge at
the origin, leaf along +x, swinging to +y) scaled by the leaf width and mirrored for a right-hand swing.
"""
from __future__ import annotations

import io
import math

import ezdxf
from ezdxf.document import Drawing

from planner.model import Plan

FIXTURE_BLOCKS = {"wc": "WC", "shower": "DUSJ", "bath": "BADEKAR", "sink": "SERVANT", "bed": "SENG",
                  "kitchen": "KJOKKEN"}
LAYERS = {"A-WALL": 7, "A-AREA": 3, "A-AREA-IDEN": 2, "A-DOOR": 1, "A-FLOR-FIXT": 4}


def _define_blocks(doc: Drawing) -> None:
    door = doc.blocks.new("DOOR")
    door.add_arc((0, 0), 1.0, 0, 90)
    door.add_line((0, 0), (0, 1))
    sliding = doc.blocks.new("SKYVEDOR")
    sliding.add_lwpolyline([(0, -0.02), (1, -0.02), (1, 0.02), (0, 0.02)], close=True)
    for name in FIXTURE_BLOCKS.values():
        block = doc.blocks.new(name)
        block.add_lwpolyline([(0, 0), (1, 0), (1, 1), (0, 1)], close=True)


def plan_to_dxf(plan: Plan) -> Drawing:
    """An ezdxf document of the plan, in millimetres."""
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
    return doc


def plan_to_dxf_bytes(plan: Plan) -> bytes:
    stream = io.StringIO()
    plan_to_dxf(plan).write(stream)
    return stream.getvalue().encode("utf-8")
