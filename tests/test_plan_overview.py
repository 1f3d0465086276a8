"""The overview of a large plan (planner/output/drawing.py): each room in the colour of the worst of its findings and
of the fixtures in it, an unknown never drawn as a pass, the parts numbered, and no words in any language."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from shapely.geometry import Polygon

from planner.model.findings import FAIL, PASS, UNKNOWN, Finding
from planner.model.plan import Fixture, Plan, Room
from planner.model.status import COLOURS
from planner.output.drawing import (OVERVIEW_ALPHA, _whole_metre_step_mm, draw_overview, overview_png,
                                    plan_parts, room_status)


def _finding(element: str, status: str, check: str = "turning_circle") -> Finding:
    return Finding(check=check, code="X", element=element, status=status, measured=None, required=0.0,
                   rule="TEK17", message_key="x")


def _plan(rooms: int = 3) -> Plan:
    """Rooms of 4 × 4 m side by side, a WC pan in the last one."""
    plan = Plan(rooms=tuple(Room.from_rectangle(f"R{i}", f"Rom {i}", "bedroom", i * 4000, 0, 4000, 4000)
                            for i in range(rooms)))
    last = rooms - 1
    pan = Fixture("F1", "wc", Polygon([(last * 4000 + 100, 100), (last * 4000 + 500, 100),
                                       (last * 4000 + 500, 800), (last * 4000 + 100, 800)]), room=f"R{last}")
    return plan.replace(fixtures=(pan,))


@pytest.mark.parametrize("statuses, expected", [
    ((PASS,), PASS),
    ((PASS, PASS), PASS),
    ((PASS, UNKNOWN), UNKNOWN),
    ((UNKNOWN, PASS, FAIL), FAIL),
    ((FAIL,), FAIL),
    ((), UNKNOWN),                    # nothing checked is not known to pass
], ids=["pass", "all pass", "one unknown", "one fails", "fails", "nothing checked"])
def test_a_room_takes_the_worst_of_its_findings(statuses, expected):
    plan = _plan()
    assert room_status(plan, [_finding("R0", s) for s in statuses])["R0"] == expected


def test_a_failing_fixture_makes_its_room_fail_and_other_rooms_findings_do_not_count():
    plan = _plan()
    findings = [_finding("R2", PASS), _finding("F1", FAIL, "wc_side_space"), _finding("R1", PASS),
                _finding("R0", FAIL)]
    assert room_status(plan, findings) == {"R0": FAIL, "R1": PASS, "R2": FAIL}


def _pixel(fig, x_mm: float, y_mm: float) -> tuple[float, float, float]:
    """The colour drawn at a point of the plan."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    image = np.asarray(canvas.buffer_rgba())[:, :, :3] / 255
    px, py = fig.axes[0].transData.transform((x_mm, y_mm))
    return tuple(image[int(round(image.shape[0] - py)), int(round(px))])


def _tint(status: str) -> np.ndarray:
    """A status colour laid over white at the overview's alpha."""
    return OVERVIEW_ALPHA * np.array(to_rgb(COLOURS[status])) + (1 - OVERVIEW_ALPHA) * np.ones(3)


def test_each_room_is_drawn_in_its_status_colour_and_an_unknown_never_as_a_pass():
    plan = _plan()
    findings = [_finding("R0", PASS), _finding("R1", PASS), _finding("R1", UNKNOWN), _finding("F1", FAIL)]
    fig = draw_overview(plan, findings, [])
    for room, status in (("R0", PASS), ("R1", UNKNOWN), ("R2", FAIL)):
        middle = plan.room(room).polygon.centroid   # off the metre grid lines
        drawn = np.array(_pixel(fig, middle.x + 333, middle.y + 277))
        nearest = min((PASS, UNKNOWN, FAIL), key=lambda s: np.abs(_tint(s) - drawn).sum())
        assert nearest == status and np.abs(_tint(status) - drawn).max() < 0.02, (room, drawn)


def test_the_overview_holds_no_words_and_numbers_every_part():
    from bench.buildings import varied_plan
    plan = varied_plan(6)
    parts = plan_parts(plan, max_rooms=8)
    fig = draw_overview(plan, [], parts)
    assert len(parts) > 2
    assert not fig.axes[0].texts and not fig.texts            # the same picture in every language
    glyphs = [a for a in fig.axes[0].get_children() if a.get_zorder() == 6]
    assert len(glyphs) == 1
    drawn = glyphs[0].get_path().vertices
    for x0, y0, x1, y1 in parts:   # a number in the middle of each part
        middle = drawn[(abs(drawn[:, 0] - (x0 + x1) / 2) < (x1 - x0) / 4) & (abs(drawn[:, 1] - (y0 + y1) / 2) <
                                                                            (y1 - y0) / 4)]
        assert len(middle), (x0, y0)
    assert overview_png(plan, [], parts).startswith(b"\x89PNG")


@pytest.mark.parametrize("span_mm, step_mm", [(3_000, 1_000), (12_000, 5_000), (60_000, 20_000),
                                              (400_000, 100_000)])
def test_overview_ticks_fall_on_whole_metres(span_mm, step_mm):
    assert _whole_metre_step_mm(span_mm) == step_mm


def test_a_crowded_part_does_not_tell_the_user_to_choose_a_part():
    from bench.buildings import varied_plan
    from planner.output.drawing import draw_plan
    plan = varied_plan(12)
    fig = draw_plan(plan, [], "nb", view=plan_parts(plan)[0])
    notes = [x.get_text() for x in fig.texts]
    assert notes and all("velg en del" not in n for n in notes) and "tabellene under" in notes[0]


@pytest.mark.parametrize("number, lang, text", [(50.46, "nb", "50"), (100.0, "en", "100"), (5.2, "nb", "5"),
                                                (1200.4, "nb", "1 200"), (2.5, "nb", "2,5")])
def test_part_names_keep_the_zeros_of_whole_metres(number, lang, text):
    """Regression: a part from 25 to 50 m was named "y 25–5 m" (the zero of 50 stripped as if a decimal)."""
    from planner.model.numbers import fmt_number
    assert fmt_number(number, lang, 0 if text.isdigit() or " " in text else 1) == text


def test_an_empty_plan_has_an_overview_too():
    assert overview_png(Plan(), [], []).startswith(b"\x89PNG")


def test_the_detailed_picture_writes_its_metres_as_the_language_does():
    """Found reviewing the picture: its axis ticks were written 2.5 in the Norwegian picture too."""
    import matplotlib.pyplot as plt
    from bench.buildings import varied_plan
    from planner.output.drawing import draw_plan
    plan = varied_plan(1)
    for lang, expected in (("nb", "2,5"), ("en", "2.5")):
        fig = draw_plan(plan, [], lang)
        ax = fig.axes[0]
        assert ax.xaxis.get_major_formatter()(2500.0, 0) == expected
        assert ax.yaxis.get_major_formatter()(-12000.0, 0) == "-12"
        plt.close(fig)
