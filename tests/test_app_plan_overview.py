"""The plan tab with a plan read in parts (ui/plan_view.py): it opens on the overview with its legend, the overview is
drawn once per change of the findings and serves both languages, and the part chosen is drawn and kept across a
tab switch and a language switch. A plan of a few flats stands in for a large one (the part size lowered)."""
from __future__ import annotations

import pytest

import planner.output.drawing
import ui.plan_view
from planner.i18n import t
from tests.app_tabs import opened
from tests.test_app import at, pk  # noqa: F401  (the app, run once, as a fixture)

ROOMS_PER_PART = 8


@pytest.fixture
def drawn(monkeypatch):
    """How often the overview and the detailed picture are drawn, and the part each detailed one showed."""
    calls = {"overview": 0, "detail": []}

    def overview_png(*args, **kwargs):
        calls["overview"] += 1
        return real_overview(*args, **kwargs)

    def plan_png(*args, **kwargs):
        calls["detail"].append(kwargs.get("view"))
        return real_png(*args, **kwargs)
    real_overview, real_png = ui.plan_view.overview_png, ui.plan_view.plan_png
    monkeypatch.setattr(ui.plan_view, "overview_png", overview_png)
    monkeypatch.setattr(ui.plan_view, "plan_png", plan_png)
    monkeypatch.setattr(planner.output.drawing, "PART_MAX_ROOMS", ROOMS_PER_PART)
    monkeypatch.setattr(ui.plan_view, "OVERVIEW_FROM_ROOMS", 2 * ROOMS_PER_PART)
    return calls


@pytest.fixture
def in_parts(at, drawn):  # noqa: F811
    """The app with a plan of four flats open, read in parts."""
    from bench.buildings import varied_plan
    from planner.project.file import Project, dumps_project
    data = dumps_project(Project(plan=varied_plan(4))).encode()
    at.file_uploader(key="upload").upload("fire.tilpass.json", data, "application/json").run()
    assert not at.exception, at.exception
    return at


def _part_box(at):
    return at.selectbox(key=pk(at, "plan_part"))


def _images(at) -> int:
    from tests.test_app import _count
    return _count(at._tree, "Image")


def test_a_plan_in_parts_opens_on_the_overview_with_its_legend(in_parts, drawn):
    at = in_parts
    box = _part_box(at)
    assert box.value is None and box.options[0] == t("plan.part.overview", "nb")
    assert box.options[1] == t("plan.part.whole", "nb") and len(box.options) > 3
    assert drawn == {"overview": 1, "detail": []} and _images(at) == 1
    assert any(t("plan.overview.legend", "nb") in c.value for c in at.caption)


def test_the_overview_is_not_drawn_again_in_another_language(in_parts, drawn):
    at = in_parts
    at.selectbox(key="lang").set_value("en").run()
    assert drawn == {"overview": 1, "detail": []}
    assert any(t("plan.overview.legend", "en") in c.value for c in at.caption)
    assert _part_box(at).options[0] == t("plan.part.overview", "en")


def test_a_part_chosen_is_drawn_and_kept_across_a_tab_and_a_language_switch(in_parts, drawn):
    at = in_parts
    parts = at.session_state["_plan_parts"][1]
    _part_box(at).set_value(2).run()
    assert not at.exception and drawn["detail"] == [parts[2]]
    captions = [c.value for c in at.caption]   # the detailed picture's legend, not the overview's
    assert any("Grønn sirkel" in c for c in captions) and not any(t("plan.overview.legend", "nb") in c
                                                                  for c in captions)
    opened(at, "measure")
    opened(at, "plan")
    assert _part_box(at).value == 2 and drawn["detail"] == [parts[2]]   # kept, and not drawn again
    at.selectbox(key="lang").set_value("en").run()
    assert _part_box(at).value == 2 and drawn["detail"] == [parts[2], parts[2]]   # the part's words in English
    _part_box(at).set_value("whole").run()
    assert drawn["detail"][-1] is None                                  # the whole plan in detail is still there


def test_a_measurement_draws_the_overview_again_once_when_the_plan_tab_is_opened(in_parts, drawn):
    at = in_parts
    opened(at, "measure")
    at.text_input(key=pk(at, "measure_rise")).set_value("400").run()
    assert drawn["overview"] == 1                      # not drawn while the plan tab is closed
    opened(at, "plan")
    at.run()
    assert drawn == {"overview": 2, "detail": []}


def test_a_plan_in_parts_small_enough_to_read_whole_opens_on_the_whole_plan_in_detail(in_parts, drawn, monkeypatch):
    """A floor of 42 rooms is read in parts, but drawn whole in a fraction of a second and readable: it opens on the
    detailed picture, the overview offered next."""
    at = in_parts
    monkeypatch.setattr(ui.plan_view, "OVERVIEW_FROM_ROOMS", 10_000)
    from planner.project.file import Project, dumps_project
    from bench.buildings import varied_plan
    at.file_uploader(key="upload").upload("tre.tilpass.json", dumps_project(Project(plan=varied_plan(3))).encode(),
                                          "application/json").run()
    box = _part_box(at)
    assert box.options[0] == t("plan.part.whole", "nb") and box.options[1] == t("plan.part.overview", "nb")
    assert box.value == "whole" and drawn["detail"] and drawn["detail"][-1] is None
