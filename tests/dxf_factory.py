"""DXF floor plans built in memory with ezdxf.new(), for the importer tests (a small named gallery)."""
from __future__ import annotations

import io
import math

import ezdxf

INSUNITS = {"mm": 4, "cm": 5, "m": 6, "in": 1, "ft": 2, None: 0}
MM = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, "ft": 304.8, None: 1.0}

# The small flat every test starts from, in millimetres: (name, x, y, width, depth)
FLAT_ROOMS = [("Gang", 0, 0, 1500, 4000), ("Bad", 1500, 0, 2500, 2000), ("Soverom", 1500, 2000, 2500, 2000)]
# Doors: (hinge, closed end, side the leaf swings to: +1 left of hinge→closed, -1 right)
FLAT_DOORS = [((300, 0), (1200, 0), 1), ((1500, 300), (1500, 1100), -1), ((1500, 2300), (1500, 3200), -1)]


def to_bytes(doc) -> bytes:
    stream = io.StringIO()
    doc.write(stream)
    return stream.getvalue().encode("utf-8")


def binary_bytes(doc) -> bytes:
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.dxf"
        doc.saveas(path, fmt="bin")
        return path.read_bytes()


def new_doc(units: str | None = "mm"):
    doc = ezdxf.new("R2010", setup=False)
    doc.header["$INSUNITS"] = INSUNITS[units]
    for name in ("A-WALL", "A-DOOR", "A-AREA", "A-AREA-IDEN", "A-FLOR-FIXT"):
        doc.layers.add(name)
    return doc


def unit_door_block(doc, name: str = "DOOR") -> str:
    """A unit-size door (leaf 1): hinge at the origin, closed along +x, swinging to +y."""
    if name not in doc.blocks:
        blk = doc.blocks.new(name)
        blk.add_arc((0, 0), 1, 0, 90)
        blk.add_line((0, 0), (0, 1))
        blk.add_line((0, 0), (1, 0))
    return name


def fixture_block(doc, name: str, width: float, depth: float) -> str:
    if name not in doc.blocks:
        blk = doc.blocks.new(name)
        blk.add_lwpolyline([(0, 0), (width, 0), (width, depth), (0, depth)], close=True)
    return name


def add_door_arc(space, hinge, closed, side: int, *, k: float = 1.0, leaf_line: bool = True,
                 layer: str = "A-DOOR", sweep_deg: float = 90.0) -> None:
    """A swing arc from the closed position towards side, with the leaf drawn open (coordinates × k)."""
    (hx, hy), (cx, cy) = hinge, closed
    r = math.hypot(cx - hx, cy - hy)
    a0 = math.degrees(math.atan2(cy - hy, cx - hx))
    a1 = a0 + side * sweep_deg
    start, end = (a0, a1) if side > 0 else (a1, a0)
    space.add_arc((hx * k, hy * k), r * k, start, end, dxfattribs={"layer": layer})
    if leaf_line:
        ox, oy = hx + r * math.cos(math.radians(a1)), hy + r * math.sin(math.radians(a1))
        space.add_line((hx * k, hy * k), (ox * k, oy * k), dxfattribs={"layer": layer})


def add_walls(space, rooms, doors, *, k: float = 1.0, layer: str = "A-WALL") -> None:
    """Single-line walls along every room edge, with a gap at each door opening."""
    edges = set()
    for _, x, y, w, d in rooms:
        pts = [(x, y), (x + w, y), (x + w, y + d), (x, y + d)]
        for a, b in zip(pts, pts[1:] + pts[:1]):
            edges.add(tuple(sorted((a, b))))
    for a, b in sorted(edges):
        pieces = [(a, b)]
        for hinge, closed, _ in doors:
            lo, hi = sorted((hinge, closed))
            nxt = []
            for p, q in pieces:
                same_x = p[0] == q[0] == lo[0] == hi[0] and p[1] <= lo[1] and hi[1] <= q[1]
                same_y = p[1] == q[1] == lo[1] == hi[1] and p[0] <= lo[0] and hi[0] <= q[0]
                nxt += [(p, lo), (hi, q)] if same_x or same_y else [(p, q)]
            pieces = nxt
        for p, q in pieces:
            if p != q:
                space.add_line((p[0] * k, p[1] * k), (q[0] * k, q[1] * k), dxfattribs={"layer": layer})


def flat(units: str | None = "mm", *, outlines: bool = True, walls: bool = True, door_style: str = "arc",
         mtext: bool = False, fixtures: bool = True, space=None, doc=None):
    """The gallery's flat: hall (Gang), bathroom (Bad) with a bathtub and WC, bedroom (Soverom)."""
    doc = doc or new_doc(units)
    msp = space if space is not None else doc.modelspace()
    k = 1.0 / MM[units]
    for name, x, y, w, d in FLAT_ROOMS:
        if outlines:
            msp.add_lwpolyline([(x * k, y * k), ((x + w) * k, y * k), ((x + w) * k, (y + d) * k),
                                (x * k, (y + d) * k)], close=True, dxfattribs={"layer": "A-AREA"})
        at = ((x + w / 2) * k, (y + d / 2) * k)
        if mtext:
            msp.add_mtext(r"{\fArial|b1;" + name + r"}\P{\H0.7x;12 m²}", dxfattribs={"layer": "A-AREA-IDEN", "insert": at,
                                                                     "char_height": 150 * k})
        else:
            msp.add_text(name, height=150 * k, dxfattribs={"layer": "A-AREA-IDEN", "insert": at})
    if walls:
        add_walls(msp, FLAT_ROOMS, FLAT_DOORS, k=k)
    for hinge, closed, side in FLAT_DOORS:
        if door_style == "arc":
            add_door_arc(msp, hinge, closed, side, k=k)
        elif door_style == "bare-arc":
            add_door_arc(msp, hinge, closed, side, k=k, leaf_line=False)
        elif door_style == "block":
            name = unit_door_block(doc)
            r = math.hypot(closed[0] - hinge[0], closed[1] - hinge[1])
            angle = math.degrees(math.atan2(closed[1] - hinge[1], closed[0] - hinge[0]))
            msp.add_blockref(name, (hinge[0] * k, hinge[1] * k), dxfattribs={
                "xscale": r * k, "yscale": side * r * k, "rotation": angle, "layer": "A-DOOR"})
    if fixtures:
        tub = fixture_block(doc, "BADEKAR", 1700 * k, 700 * k)
        wc = fixture_block(doc, "WC-1", 400 * k, 650 * k)
        msp.add_blockref(tub, (2200 * k, 100 * k), dxfattribs={"layer": "A-FLOR-FIXT"})
        msp.add_blockref(wc, (3500 * k, 1300 * k), dxfattribs={"layer": "A-FLOR-FIXT"})
    return doc
