"""A layer the user sets to "ignore" is ignored entirely: its lines, outlines, texts and the blocks placed on it."""
from pathlib import Path

from planner.importers import read_dxf

FLAT = (Path(__file__).resolve().parents[1] / "examples" / "flat-narrow-bathroom.dxf").read_bytes()


def test_ignoring_the_door_layer_drops_its_door_blocks():
    plan = read_dxf(FLAT, layer_roles={"A-DOOR": "ignore"}).plan
    assert plan.doors == ()
    assert any("ignore" in str(item) for item in plan.import_report["ignored"])


def test_ignoring_the_fixture_layer_drops_the_fixtures_but_keeps_the_rooms():
    plan = read_dxf(FLAT, layer_roles={"A-FLOR-FIXT": "ignore"}).plan
    assert plan.fixtures == () and len(plan.rooms) == 5 and len(plan.doors) == 5
