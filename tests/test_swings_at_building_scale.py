"""Found while timing generated buildings: door swings were judged against the width of the whole drawing (a door's
radius at most 1/300 of it), so in a drawing wider than about 240 m — a building of 200 flats in rows of 20, or
several floor plans side by side on one sheet — every swing was rejected as out of scale and each door read as an
opening without a leaf. The width a family of swings may span now grows with the square root of its size."""
from __future__ import annotations

import math

from bench.buildings import varied_building
from planner.importers import read_dxf
from planner.importers.swings import DOORS_PER_HOME, EXTENT_PER_RADIUS, _fits


def test_door_swings_fit_a_drawing_a_flat_wide():
    assert _fits(800.0, 12_000.0)
    assert _fits(800.0, 12_000.0, count=6)


def test_a_few_hinge_sized_arcs_are_too_small_for_a_flat():
    """30 mm arcs in a 12 m drawing: in inches they would be door-sized (762 mm), but a dozen of them cannot be the
    doors of a drawing 400 times as wide."""
    assert not _fits(30.0, 12_000.0, count=12)
    assert not _fits(30.0, 12_000.0, count=DOORS_PER_HOME)


def test_door_swings_fit_a_terrace_250_m_long():
    assert _fits(800.0, 250_000.0, count=200)


def test_the_allowed_width_grows_with_the_square_root_of_the_doors():
    """800 mm swings in millimetres: four times a home's number of doors may span twice the width, and no more."""
    twice = 2 * EXTENT_PER_RADIUS[1] * 800.0
    assert _fits(800.0, twice * 0.999, count=4 * DOORS_PER_HOME)
    assert not _fits(800.0, twice * 1.01, count=4 * DOORS_PER_HOME)
    assert not _fits(800.0, twice * 0.999, count=DOORS_PER_HOME)


def test_a_row_of_twenty_flats_400_m_long_is_read_with_its_door_swings():
    result = read_dxf(varied_building(20), units="mm")
    doors = result.plan.doors
    assert len(doors) > 100
    assert all(d.swing is not None for d in doors)
