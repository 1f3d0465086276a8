"""The DXF import's refusals, one predicate each (pass / exactly at the limit / refused), and the import report
as a type whose dict is the one the CLI prints and the project file saves."""
from __future__ import annotations

import json
from collections import Counter
from types import SimpleNamespace

import numpy as np
import pytest
from shapely.geometry import box

from planner.importers import read_dxf
from planner.importers import pipeline as pl
from planner.importers.extract import Primitives
from planner.importers.report import ImportReport
from planner.model.plan import PlanError, Room
from planner.rules import load_rules
from tests import dxf_factory as F


def _walls(n: int, *, extent_mm: float = 1000.0) -> pl.Walls:
    """n wall lines spread over a square of extent_mm."""
    xs = np.linspace(0, extent_mm, max(n, 1))[:n]
    seg = np.c_[xs, np.zeros(n), xs, np.full(n, extent_mm)] if n else np.zeros((0, 4))
    return pl.Walls(seg=seg, lines=tuple(pl.wall_lines(seg)), layers=["A-WALL"] if n else [],
                    unused=np.zeros(n, dtype=bool))


def _texts(*labels: str) -> Primitives:
    return Primitives(texts=[(100.0 * k, 100.0, text, "A-TEXT") for k, text in enumerate(labels)])


ROLES = {"A-WALL": "walls", "A-TEXT": "labels", "A-AREA": "rooms"}
SQUARE = (box(0, 0, 3000, 3000), "A-AREA")


def _rooms(*names: str, size_mm: float = 3000.0) -> tuple[pl.Faces, pl.Rooms]:
    polys = [box(k * size_mm, 0, (k + 1) * size_mm, size_mm) for k in range(len(names))]
    rooms = tuple(Room(id=f"R{k + 1}", name=name, type="other", polygon=p) for k, (name, p) in
                  enumerate(zip(names, polys)))
    return (pl.Faces(polygons=polys, layers=[None] * len(polys), source="walls"),
            pl.Rooms(rooms=rooms, names=[(n, "other", ["x", {}]) for n in names], guesses=(),
                     index=pl.RoomIndex(rooms)))


def _doors(*rooms: tuple[str, ...]) -> pl.Doors:
    return pl.Doors(doors=tuple(SimpleNamespace(rooms=r) for r in rooms), guesses=(), dropped=Counter())


def key(error: PlanError | None) -> str | None:
    return None if error is None else error.key


# --- read ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("entities, expected", [
    (10, None), (pl.MAX_ENTITIES, None), (pl.MAX_ENTITIES + 1, "imp.too_many")])
def test_too_many_entities_is_refused_only_above_the_limit(entities, expected):
    assert key(pl._too_many_entities([None] * entities)) == expected


# --- regions ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("asked, expected", [(None, None), (1, None), (2, None), (3, "imp.region_unknown"),
                                             (0, "imp.region_unknown")])
def test_a_region_the_file_does_not_hold_is_refused(asked, expected):
    regions = [SimpleNamespace(index=1), SimpleNamespace(index=2)]
    error = pl._region_unknown(asked, regions)
    assert key(error) == expected
    if error:
        assert "1, 2" in error.message("en")


# --- outlines --------------------------------------------------------------------------------------------------

def test_outlines_all_labelled_as_furniture_are_refused_naming_their_layers():
    only_furniture = pl.Outlines(kept=(), furniture=(SQUARE, SQUARE), dropped=Counter(), guesses=())
    error = pl._all_furniture(only_furniture)
    assert key(error) == "imp.furniture" and error.params["count"] == 2 and "A-AREA" in error.params["layers"]


@pytest.mark.parametrize("kept, furniture", [((SQUARE,), (SQUARE,)), ((SQUARE,), ()), ((), ())])
def test_outlines_with_one_room_among_furniture_or_none_at_all_are_not_refused_for_furniture(kept, furniture):
    assert pl._all_furniture(pl.Outlines(kept=kept, furniture=furniture, dropped=Counter(), guesses=())) is None


@pytest.mark.parametrize("names_outside, expected", [(0, None), (1, None), (2, "imp.areas_without_outlines")])
def test_named_areas_without_outlines_are_refused_when_they_outnumber_the_outlines(names_outside, expected):
    # one outline holding one name; names_outside more names lie outside every outline
    texts = [(1500.0, 1500.0, "Kitchen", "A-AREA")] + \
            [(10_000.0 + 2000 * k, 1500.0, f"Room {k}", "A-AREA") for k in range(names_outside)]
    outlines = pl.Outlines(kept=(SQUARE,), furniture=(), dropped=Counter(), guesses=())
    assert key(pl._areas_without_outlines(outlines, Primitives(texts=texts), ROLES)) == expected


# --- walls -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, labels, expected", [
    (pl.EARLY_REFUSAL_LINES - 1, (), None),              # small: polygonised, to say whether its lines close
    (pl.EARLY_REFUSAL_LINES, (), "imp.walls_no_meaning"),
    (pl.EARLY_REFUSAL_LINES, ("Kitchen",), "imp.walls_no_meaning"),
    (pl.EARLY_REFUSAL_LINES, ("Kitchen", "Bath"), None),  # two names may tell rooms from furniture
    (pl.EARLY_REFUSAL_LINES, ("Kitchen", "3600"), "imp.walls_no_meaning"),   # a size names no room
])
def test_many_wall_lines_without_doors_or_names_are_refused_before_polygonising(lines, labels, expected):
    assert key(pl._walls_without_meaning((), [], _walls(lines), _texts(*labels), ROLES)) == expected


def test_wall_lines_with_outlines_or_doors_are_not_refused_for_meaning():
    walls = _walls(pl.EARLY_REFUSAL_LINES)
    assert pl._walls_without_meaning((SQUARE,), [], walls, _texts(), ROLES) is None
    assert pl._walls_without_meaning((), [object()], walls, _texts(), ROLES) is None


@pytest.mark.parametrize("lines, expected", [(0, "imp.no_walls"), (12, "imp.no_rooms")])
def test_no_faces_is_refused_saying_whether_there_were_walls(lines, expected):
    assert key(pl._no_rooms(pl.Faces(polygons=[], layers=[], source="walls"), _walls(lines), [])) == expected


def test_faces_are_not_refused_for_closing_into_no_room():
    faces, _ = _rooms("")
    assert pl._no_rooms(faces, _walls(4), []) is None


# --- doors -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("names, doors, expected", [
    (("", ""), (), "imp.faces_no_meaning"),
    (("Kitchen", ""), (), "imp.faces_no_meaning"),
    (("Kitchen", "Bath"), (), None),                 # exactly two names: enough to tell rooms
    (("", ""), (("R1",),), None),                    # a door: the unnamed-faces rule judges it
])
def test_faces_without_doors_and_with_fewer_than_two_names_are_refused(names, doors, expected):
    faces, rooms = _rooms(*names)
    assert key(pl._faces_without_meaning(faces, rooms, _doors(*doors), _walls(4), [], Primitives())) == expected


def test_faces_refused_for_meaning_name_the_door_blocks_found():
    faces, rooms = _rooms("", "")
    p = Primitives(refs=[("DOOR-900", "A-DOOR", np.zeros((4, 2)), 0)])
    error = pl._faces_without_meaning(faces, rooms, _doors(), _walls(4), [object()], p)
    assert key(error) == "imp.faces_no_door_meets" and "DOOR-900" in error.params["block_names"]


def test_outline_rooms_are_never_refused_as_faces():
    faces, rooms = _rooms("", "")
    outlines = pl.Faces(polygons=faces.polygons, layers=["A-AREA"] * 2, source="outlines")
    assert pl._faces_without_meaning(outlines, rooms, _doors(), _walls(4), [], Primitives()) is None
    assert pl._unnamed_faces_without_doors(outlines, rooms, _doors(), _walls(4)) is None
    assert pl._unnamed_fragment(outlines, rooms, _walls(4, extent_mm=100_000)) is None


@pytest.mark.parametrize("beside, expected", [
    (("R1", "R2"), None),                   # half the faces beside a door: exactly at the limit, kept
    (("R1", "R2", "R3"), None),
    (("R1",), "imp.unnamed_faces"),
])
def test_unnamed_faces_are_refused_when_most_lie_beside_no_door(beside, expected):
    faces, rooms = _rooms("", "", "", "")
    error = pl._unnamed_faces_without_doors(faces, rooms, _doors(beside), _walls(4))
    assert key(error) == expected


def test_named_faces_are_not_refused_for_lying_beside_no_door():
    faces, rooms = _rooms("Kitchen", "", "", "")
    assert pl._unnamed_faces_without_doors(faces, rooms, _doors(("R1",)), _walls(4)) is None


def _fragment(extent_m2: float, rooms_m2: float) -> PlanError | None:
    faces, rooms = _rooms("", size_mm=(rooms_m2 * 1e6) ** 0.5)
    return pl._unnamed_fragment(faces, rooms, _walls(8, extent_mm=(extent_m2 * 1e6) ** 0.5))


def test_a_few_unnamed_spaces_in_a_large_wall_drawing_are_a_fragment():
    assert key(_fragment(1000.0, 20.0)) == "imp.fragment"


def test_a_small_drawing_may_be_one_unnamed_space():
    assert _fragment(pl.FRAGMENT_MIN_EXTENT_M2, 1.0) is None            # exactly at the size limit: kept
    assert key(_fragment(pl.FRAGMENT_MIN_EXTENT_M2 * 1.01, 1.0)) == "imp.fragment"


def test_unnamed_spaces_covering_their_share_of_the_drawing_are_not_a_fragment():
    extent = 1000.0
    assert _fragment(extent, pl.FRAGMENT_SHARE * extent * 1.01) is None
    assert key(_fragment(extent, pl.FRAGMENT_SHARE * extent * 0.99)) == "imp.fragment"


# --- the report --------------------------------------------------------------------------------------------------

def _as_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, sort_keys=False)


def test_the_report_of_a_plan_read_is_the_dict_the_plan_keeps_and_comes_back_from_it():
    result = read_dxf(F.to_bytes(F.flat()), name="flat.dxf", rules=load_rules())
    assert result.report is result.plan.import_report
    assert result.summary.to_dict() == result.report
    assert result.summary.issues() == result.issues
    assert {"facts", "doubts"} <= set(result.report)
    again = ImportReport.from_dict(json.loads(_as_json(result.report)))
    assert _as_json(again.to_dict()) == _as_json(result.report)
    assert again.units.used == result.summary.units.used == "mm"
    assert again.found.rooms == len(result.plan.rooms)


def test_the_report_of_a_refused_drawing_has_no_doubts_and_comes_back_from_its_dict():
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    for a, b in [((0, 0), (4000, 0)), ((4000, 0), (4000, 3000)), ((0, 0), (0, 3000))]:   # open: no room
        msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    with pytest.raises(PlanError) as err:
        read_dxf(F.to_bytes(doc), name="open.dxf")
    report = err.value.report
    assert err.value.code in {"NO_ROOMS", "NO_WALLS"} and "facts" not in report and "doubts" not in report
    again = ImportReport.from_dict(json.loads(_as_json(report)))
    assert again.facts is None and again.doubts is None and again.region_previews is None
    assert _as_json(again.to_dict()) == _as_json(report)


def test_the_report_keeps_the_order_of_its_keys():
    report = read_dxf(F.to_bytes(F.flat()), name="flat.dxf").report
    assert list(report) == ["file", "dxf_version", "layout", "found", "rooms_from", "ignored", "guesses", "units",
                            "layers", "layer_reasons", "layer_reasons_t", "regions", "region", "warnings",
                            "warnings_t", "issues_t", "swings", "proxy_entities", "dropped", "overlay", "facts",
                            "doubts"]
    assert list(report["units"]) == ["header", "header_code", "header_name", "used", "inferred", "why",
                                     "inference", "why_t", "inference_t"]


# --- roles -----------------------------------------------------------------------------------------------------

DOC = SimpleNamespace(layers=["A-WALL", "A-DOOR", "Empty"])
HOLDING = Primitives(seg=np.zeros((1, 4)), seg_layer=["A-WALL"], seg_group=[-1])


@pytest.mark.parametrize("overrides, expected", [
    ({}, None), ({"A-WALL": "walls"}, None), ({"a-wall": "walls"}, None),    # layer names ignore case
    ({"Empty": "ignore"}, None),                                             # in the layer table, holding nothing
    ({"A-WALL": "walls", "Walls": "walls"}, "imp.role_no_layer"),
])
def test_a_role_for_a_layer_the_file_does_not_have_is_refused(overrides, expected):
    error = pl._missing_layer(DOC, HOLDING, overrides)
    assert key(error) == expected
    if error:
        assert "'Walls'" in error.params["layer"] and error.params["layers"].startswith("'A-WALL'")


def test_a_role_for_a_layer_is_matched_to_the_files_own_spelling():
    assert pl._matched(DOC, HOLDING, {"a-wall": "walls", "EMPTY": "ignore"}) == {"A-WALL": "walls", "Empty": "ignore"}


@pytest.mark.parametrize("chosen, expected", [
    ({}, None), ({"A-WALL": "walls", "A-DOOR": "doors"}, None), ({"A-WALL": "wall"}, "imp.role_unknown")])
def test_a_role_there_is_none_of_is_refused(chosen, expected):
    assert key(pl._unknown_role(chosen)) == expected
