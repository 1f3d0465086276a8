"""Rooms from walls in drawings like real architects' (bishop-overland, pavilion): openings drawn on the door
layer close the wall line, room names sit on a notes layer among door tags and notes, a garage door is no door,
and unnamed faces mostly beside no door are refused."""
from __future__ import annotations

import pytest

from planner.importers import read_dxf
from planner.importers.layers import guess_role
from planner.importers.rooms import is_note, name_rooms
from planner.model.plan import PlanError
from shapely.geometry import box
from tests import dxf_factory as F

# the gallery flat's outer wall (bottom edge of Gang and Bad) gets a 1 m window drawn on the door layer
WINDOW = ((2500, 0), (3500, 0))


def flat_with_window_on_door_layer(*, sill_line: bool):
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    rooms = F.FLAT_ROOMS
    F.add_walls(msp, rooms, F.FLAT_DOORS + [(WINDOW[0], WINDOW[1], 1)])   # a gap in the wall at the window
    for hinge, closed, side in F.FLAT_DOORS:
        F.add_door_arc(msp, hinge, closed, side)
    if sill_line:
        msp.add_line(*WINDOW, dxfattribs={"layer": "A-DOOR"})   # the window sill, a loose line on the door layer
    for name, x, y, w, d in rooms:
        msp.add_text(name, height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": (x + w / 2, y + d / 2)})
    return doc


def test_a_loose_line_on_the_door_layer_closes_the_wall_line():
    plan = read_dxf(F.to_bytes(flat_with_window_on_door_layer(sill_line=True))).plan
    assert {r.name for r in plan.rooms} == {"Gang", "Bad", "Soverom"}
    assert round(next(r for r in plan.rooms if r.name == "Bad").polygon.area / 1e6, 1) == 5.0


def test_without_the_line_the_wall_line_stays_open_at_the_window():
    # regression guard: the window gap alone does not close (so the line above is what closed it)
    plan = read_dxf(F.to_bytes(flat_with_window_on_door_layer(sill_line=False))).plan
    assert "Bad" not in {r.name for r in plan.rooms}


@pytest.mark.parametrize("text, note", [
    ("2668", True), ("6068 S.G.D.", True), ("A6", True), ("D-D", True), ('18" MIN. RAISED', True),
    ("PROVIDE 20 MIN. DOOR W/ SELF CLOSING HINGES", True), ("ID_PIECE", True),
    ("KITCHEN", False), ("G03", False), ("A101", False), ("2 CAR GARAGE", False),
    ("TYPE 'B1'", True), ("Type C", True), ("Typerom", False), ("TYPE ROOM", False),
])
def test_door_tags_grid_bubbles_and_notes_are_not_room_names(text, note):
    assert is_note(text) is note


def test_room_names_on_a_notes_layer_are_used_and_notes_beside_them_are_not():
    rooms = [box(0, 0, 4000, 4000), box(4000, 0, 8000, 4000), box(8000, 0, 14000, 6000)]
    texts = [(1000, 2000, "TEMP.", "A-TEXT"), (1000, 1000, "KITCHEN", "A-NOTE"),      # typed name beats a label
             (5000, 1000, "2668", "A-TEXT"), (5000, 2000, "BEDROOM 2", "A-NOTE"),
             (9000, 1000, "PROVIDE 20 MIN. DOOR W/ SELF CLOSING HINGES", "A-TEXT"),
             (9000, 2000, "2 CAR GARAGE", "A-NOTE")]
    roles = {"A-TEXT": "labels", "A-NOTE": "ignore"}
    names = name_rooms(rooms, texts, roles)
    assert [(n, k) for n, k, _ in names] == [("KITCHEN", "kitchen"), ("BEDROOM 2", "bedroom"), ("2 CAR GARAGE", "other")]


def test_a_face_of_the_walls_keeps_its_names_and_the_first_names_its_type():
    texts = [(1000, 1000, "MASTER", "A-NOTE"), (2000, 1000, "MSTR. BATH", "A-NOTE"), (3000, 1000, "ID_PIECE", "0")]
    face, roles = [box(0, 0, 9000, 6000)], {"A-NOTE": "ignore", "0": "ignore"}
    assert name_rooms(face, texts, roles, join=True)[0][:2] == ("MASTER / MSTR. BATH", "bedroom")
    assert name_rooms(face, texts, roles)[0][:2] == ("MASTER", "bedroom")   # an outline keeps its first name


def test_a_garage_door_layer_is_not_a_door_layer():
    assert guess_role("xref-Bishop-Overland-08$0$A-GARAGE-DOOR")[0] == "ignore"
    assert guess_role("xref-Bishop-Overland-08$0$A-OPENING")[0] == "doors"


def test_unnamed_faces_mostly_beside_no_door_are_refused():
    # the flat without names, plus a floor pattern of 2 m tiles beside it: 12 faces, one door
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    F.add_walls(msp, F.FLAT_ROOMS, F.FLAT_DOORS[:1])
    F.add_door_arc(msp, *F.FLAT_DOORS[0])
    for i in range(7):
        msp.add_line((5000 + 2000 * i, 0), (5000 + 2000 * i, 6000), dxfattribs={"layer": "A-WALL"})
    for j in range(4):
        msp.add_line((5000, 2000 * j), (17000, 2000 * j), dxfattribs={"layer": "A-WALL"})
    with pytest.raises(PlanError, match=r"enclose \d+ shapes with no room name inside, and only 1 of them lie "
                                        r"beside one of the 1 doors found"):
        read_dxf(F.to_bytes(doc))



def test_a_few_unnamed_spaces_in_a_large_wall_drawing_are_refused_as_a_fragment():
    """Two unnamed rooms joined by a door, in a corner of 60 m of wall lines that close nothing: a fragment."""
    from tests.dxf_factory import add_door_arc, add_walls, new_doc, to_bytes
    doc = new_doc("mm")
    msp = doc.modelspace()
    rooms = [("", 0, 0, 3000, 3000), ("", 3000, 0, 3000, 3000)]
    doors = [((3000, 1000), (3000, 1900), 1)]
    add_walls(msp, rooms, doors)
    for hinge, closed, side in doors:
        add_door_arc(msp, hinge, closed, side)
    for y in range(0, 30000, 3000):
        msp.add_line((6000, y), (60000, y), dxfattribs={"layer": "A-WALL"})  # same drawing, no more rooms
    small = new_doc("mm")
    add_walls(small.modelspace(), rooms, doors)
    for hinge, closed, side in doors:
        add_door_arc(small.modelspace(), hinge, closed, side)
    assert len(read_dxf(to_bytes(small)).plan.rooms) == 2  # on their own, the two rooms are a plan
    with pytest.raises(PlanError, match="unnamed space"):
        read_dxf(to_bytes(doc))


def test_an_old_dxf_in_shift_jis_without_a_code_page_gets_readable_layer_names():
    from tests.dxf_factory import new_doc, to_bytes
    doc = new_doc("mm")
    doc.layers.add("WALLTMP")
    doc.modelspace().add_line((0, 0), (1000, 0), dxfattribs={"layer": "WALLTMP"})
    text = to_bytes(doc).decode("utf-8").replace("WALLTMP", "壁")
    text = text.replace("  9\n$DWGCODEPAGE\n  3\nANSI_1252\n", "")  # as Jw_cad writes it: no code page named
    data = text.encode("cp932")
    from planner.importers.dxf import guess_legacy_encoding
    assert guess_legacy_encoding(data) == "cp932"
    from planner.importers.dxf import _decode
    assert "壁" in _decode(data.replace(b"AC1024", b"AC1009"))  # an R12-era file: the local code page applies
    assert guess_legacy_encoding("壁".encode("utf-8") + b"$DWGCODEPAGE") is None  # a named code page is trusted
    assert guess_legacy_encoding(b"plain ascii") is None


def two_rooms_with_a_passage(angle: float = 0.0):
    """Stue and Kjøkken as outlines, a 200 mm wall between them with a 900 mm doorway drawn as its two faces
    on the opening layer, and a 1 m opening in the outer wall drawn the same way."""
    import math
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))

    def rot(pts):
        return [(x * c - y * s, x * s + y * c) for x, y in pts]
    for name, (x0, x1) in (("Stue", (0, 4000)), ("Kjøkken", (4200, 8000))):
        msp.add_lwpolyline(rot([(x0, 0), (x1, 0), (x1, 3000), (x0, 3000)]), close=True, dxfattribs={"layer": "A-AREA"})
        msp.add_text(name, height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": rot([((x0 + x1) / 2, 1500)])[0]})
    msp.add_lwpolyline(rot([(-200, -200), (8200, -200), (8200, 3200), (-200, 3200)]), close=True,
                       dxfattribs={"layer": "A-WALL"})
    for x in (4000, 4200):
        msp.add_line(*rot([(x, 0), (x, 1000)]), dxfattribs={"layer": "A-WALL"})
        msp.add_line(*rot([(x, 1900), (x, 3000)]), dxfattribs={"layer": "A-WALL"})
        msp.add_line(*rot([(x, 1000), (x, 1900)]), dxfattribs={"layer": "A-DOOR"})     # the doorway's faces
    for y in (0, -200):
        msp.add_line(*rot([(1000, y), (2000, y)]), dxfattribs={"layer": "A-DOOR"})     # door or window?
    return doc


@pytest.mark.parametrize("angle", [0.0, 33.0])
def test_a_plain_opening_between_two_rooms_is_a_door_with_its_drawn_width(angle):
    result = read_dxf(F.to_bytes(two_rooms_with_a_passage(angle)))
    plan = result.plan
    assert len(plan.doors) == 1
    door = plan.doors[0]
    names = {r.id: r.name for r in plan.rooms}
    assert door.kind == "opening" and {names[r] for r in door.rooms} == {"Stue", "Kjøkken"}
    assert door.clear_width_mm == pytest.approx(900, abs=1) and door.clear_width_source == "drawn"
    assert any("outer wall" in item["what"] for item in result.report["ignored"])


def test_a_face_named_after_a_store_and_living_rooms_is_typed_as_a_living_room():
    """Found on a real house sheet: an open first floor "PANTRY / LIVING / BED" (74 m²) was typed storage after its
    first name, so no turning space was checked there."""
    texts = [(1000, 1000, "PANTRY", "A-NOTE"), (2000, 1000, "LIVING", "A-NOTE"), (3000, 1000, "BED", "A-NOTE")]
    face, roles = [box(0, 0, 9000, 6000)], {"A-NOTE": "labels"}
    assert name_rooms(face, texts, roles, join=True)[0][:2] == ("PANTRY / LIVING / BED", "living")
    only_minor = [(1000, 1000, "STORE", "A-NOTE"), (2000, 1000, "LOBBY", "A-NOTE")]
    assert name_rooms(face, only_minor, roles, join=True)[0][:2] == ("STORE / LOBBY", "storage")
