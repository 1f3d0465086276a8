"""The plan drawing: every example draws, an empty plan draws, and the view frames the plan itself."""
import pytest
from shapely.geometry import LineString

from examples.make_examples import EXAMPLES
from planner.checks import assess
from planner.output.drawing import draw_plan, plan_png
from planner.model.plan import Plan
from planner.rules import load_rules


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_draws_as_png(name):
    plan = EXAMPLES[name]().measured_plan()[0]
    png = plan_png(plan, assess(plan, load_rules()), "nb", dpi=40)
    assert png.startswith(b"\x89PNG")


def test_an_empty_plan_draws():
    assert plan_png(Plan(), [], "en", dpi=40).startswith(b"\x89PNG")


def test_greyed_geometry_far_away_does_not_shrink_the_plan():
    plan = EXAMPLES["accessible-flat"]().plan
    plan = plan.replace(ignored=(LineString([(200_000, 0), (210_000, 0)]),))  # a section 200 m to the side
    ax = draw_plan(plan, []).axes[0]
    assert ax.get_xlim()[1] < 20_000


def test_small_rooms_on_a_large_plan_are_labelled_by_id_only():
    from planner.model.plan import Room
    rooms = tuple(Room.from_rectangle(f"R{i}", f"Rom {i}", "bedroom", i * 3000, 0, 3000, 3000) for i in range(20))
    texts = [text for text, _ in draw_plan(Plan(rooms=rooms), []).labels_shown]
    assert "R3" in texts and not any("m²" in t for t in texts)


def test_a_building_shown_whole_is_drawn_at_the_overview_resolution_and_its_parts_sharp():
    from planner.model.plan import Room
    from planner.output.drawing import BUILDING_SCREEN_DPI, QUICK_PNG_FROM_ROOMS, SCREEN_DPI, screen_dpi
    many = Plan(rooms=tuple(Room.from_rectangle(f"R{i}", "", "other", i * 3000, 0, 3000, 3000)
                            for i in range(QUICK_PNG_FROM_ROOMS + 1)))
    assert screen_dpi(many) == BUILDING_SCREEN_DPI < SCREEN_DPI
    assert screen_dpi(many, (0, 0, 9000, 3000)) == SCREEN_DPI
    assert screen_dpi(Plan(rooms=many.rooms[:QUICK_PNG_FROM_ROOMS])) == SCREEN_DPI
    small = plan_png(Plan(rooms=many.rooms[:3]), [], "en", dpi=BUILDING_SCREEN_DPI)
    assert small.startswith(b"\x89PNG")
