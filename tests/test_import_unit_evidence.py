"""The unit from true door swings and room sizes only; a header under which the drawing is a building is kept
unless the geometry strongly says otherwise (planner/importers/unitguess.py)."""
from __future__ import annotations

import numpy as np
import pytest

from planner.importers import UnitsUnknownError, read_dxf
from planner.importers.unitguess import header_contradicted, infer_unit
from planner.model.plan import PlanError
from tests import dxf_factory as F
from tests.test_import_dxf import check_flat

NONE = np.zeros(0)


@pytest.mark.parametrize("swings, contradicted", [(2, False), (3, True)])
def test_three_door_swings_it_takes_to_overrule_a_header(swings, contradicted):
    # 36 units: 0.9 m doors in inches, 36 mm in millimetres; the drawing is 12 m (mm) or 305 m (in) wide
    assert header_contradicted("mm", np.full(swings, 36.0), NONE, 12_000) is contradicted


def test_a_header_that_makes_the_drawing_smaller_than_a_room_is_contradicted():
    assert header_contradicted("mm", NONE, NONE, 696)


def test_swings_that_fit_only_a_unit_making_the_drawing_a_town_do_not_overrule():
    # 3.5 units: 1.07 m doors in feet, but a 30 000-unit drawing would then be 9 km wide
    assert not header_contradicted("mm", np.full(40, 3.5), NONE, 30_000)


def test_no_unit_is_guessed_that_makes_the_drawing_a_town():
    guess = infer_unit(np.full(40, 3.5), NONE, 30_000)
    assert guess.unit != "ft" and guess.scores["ft"] == 0.0


def structural_plan(header="mm"):
    """A framing plan: a 30 m column grid, each column's base plate drawn with 3.5 mm arcs and their radii."""
    doc = F.new_doc(header)
    doc.layers.add("S-COLS")
    msp = doc.modelspace()
    for i in range(7):
        msp.add_line((i * 5000, 0), (i * 5000, 30_000), dxfattribs={"layer": "S-COLS"})
        msp.add_line((0, i * 5000), (30_000, i * 5000), dxfattribs={"layer": "S-COLS"})
        for j in range(7):
            for corner in range(4):
                F.add_door_arc(msp, (i * 5000, j * 5000), (i * 5000 + 3.5, j * 5000), 1, layer="S-COLS")
    return doc


def test_structural_plan_with_a_right_mm_header_and_small_arcs_stays_mm():
    with pytest.raises(PlanError) as err:
        read_dxf(F.to_bytes(structural_plan()))
    report = err.value.report
    assert report["units"]["used"] == "mm"
    assert report["swings"]["door_swings"] == 0


def test_a_centimetre_header_on_a_millimetre_flat_is_overruled_by_its_doors():
    doc = F.flat("mm")
    doc.header["$INSUNITS"] = 5
    result = read_dxf(F.to_bytes(doc))
    assert result.plan.units == "mm" and result.report["units"]["header"] == "cm"
    check_flat(result.plan)


def test_a_unitless_drawing_of_small_arcs_is_not_guessed_to_be_in_feet():
    with pytest.raises(PlanError) as err:
        read_dxf(F.to_bytes(structural_plan(None)))
    assert err.value.report["units"]["inferred"] != "ft"


def test_a_unitless_flat_is_suggested_its_unit():
    with pytest.raises(UnitsUnknownError) as err:
        read_dxf(F.to_bytes(F.flat(None)))
    assert err.value.guess == "mm"


def _read_or_refused(data: bytes, **kw) -> dict:
    try:
        return read_dxf(data, **kw).report
    except PlanError as err:
        return err.report


def test_door_swings_on_a_layer_set_aside_by_its_name_still_tell_the_unit():
    """Found on a real sheet: every door swing on a layer called DETAILS (ignored by its name), the header inches,
    the content millimetres — read as inches "with the geometry agreeing". The swings say millimetres; the layer
    stays set aside (its role is the name's or the user's to say, the unit is the geometry's). A layer the user
    set aside is not counted."""
    from planner.importers.layers import guess_role
    assert guess_role("DETAILS")[0] == "ignore"
    doc = F.flat("mm", outlines=False)      # no room outlines: the swings are the only evidence of the unit
    for e in doc.modelspace():
        if e.dxf.layer == "A-DOOR":
            e.dxf.layer = "DETAILS"
    doc.header["$INSUNITS"] = 1
    data = F.to_bytes(doc)
    assert _read_or_refused(data)["units"]["used"] == "mm"
    assert _read_or_refused(data, layer_roles={"DETAILS": "ignore"})["units"]["used"] == "in"


def test_a_header_overruled_by_the_geometry_is_a_doubt_until_the_user_chooses_the_unit():
    """A unit read against the file's own word scales every length: the plan says so among its doubts (which make
    the findings provisional), in words that say what to measure; once the user has chosen the unit it is not."""
    from planner.importers.doubts import plan_doubts
    doc = F.flat("mm")
    doc.header["$INSUNITS"] = 5                      # centimetres, on a flat drawn in millimetres
    data = F.to_bytes(doc)
    result = read_dxf(data)
    assert result.plan.units == "mm"
    doubt = next(d for d in plan_doubts(result.plan) if d.code == "UNIT_DISPUTED")
    assert "centimetres" in doubt.message("en") and "millimetres" in doubt.message("en")
    assert "centimeter" in doubt.message("nb") and "dør" in doubt.message("nb")
    chosen = read_dxf(data, units="mm")
    assert chosen.plan.units == "mm" and not [d for d in plan_doubts(chosen.plan) if d.code == "UNIT_DISPUTED"]
    agreeing = read_dxf(F.to_bytes(F.flat("mm")))
    assert not [d for d in plan_doubts(agreeing.plan) if d.code == "UNIT_DISPUTED"]


def test_the_extent_alone_names_the_unit_when_only_one_gives_a_building_its_size():
    """Nine units across is 9 m in metres and no building in any other unit (9 mm, 9 cm, 23 cm, 2,7 m); 12 000
    units could be millimetres or centimetres, and the extent alone does not tell them apart."""
    assert infer_unit(NONE, NONE, 9.1).unit == "m"
    assert infer_unit(NONE, NONE, 12_000).unit is None


def test_a_millimetre_header_on_a_room_drawn_in_metres_without_doors_is_read_in_metres():
    """Found on a real drawing (one room drawn in LibreCAD, its door swings as polylines, the header millimetres):
    read as 9 mm across, "the geometry does not tell". Only metres gives it a building's size."""
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    for a, b in (((0, 0), (9.1, 0)), ((9.1, 0), (9.1, 7)), ((9.1, 7), (0, 7)), ((0, 7), (0, 0))):
        msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    report = _read_or_refused(F.to_bytes(doc))
    assert report["units"]["used"] == "m" and report["units"]["header"] == "mm"


def test_the_unit_evidence_writes_its_numbers_as_the_language_does():
    """The evidence is a sentence of the doubt and the warning: 'median radius 673,9' in Norwegian, not 673.9."""
    from planner.i18n import render
    guess = infer_unit(np.array([673.9, 673.9, 673.9]), NONE, 12_000)
    assert "673,9" in render(guess.why_t, "nb") and "673.9" in render(guess.why_t, "en")
    rooms = infer_unit(NONE, np.array([12.25e6, 12.25e6]), 12_000)
    assert "3500" in render(rooms.why_t, "nb") and "3,5 m" in render(rooms.why_t, "nb")
    assert "9,1 enheter" in render(infer_unit(NONE, NONE, 9.1).why_t, "nb")
