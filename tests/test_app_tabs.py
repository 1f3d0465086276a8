"""Only the open tab is drawn, and the page works out the measured plan, the checks and the picture once per change
(ui/tabs.py, ui/checked.py). No timings: what is counted is how often the work is done."""
from __future__ import annotations

import pytest

import ui.checked
import ui.plan_view
from planner.i18n import t
from tests.app_tabs import opened
from tests.test_app import _count, at, metrics, pk  # noqa: F401  (the app, run once, as a fixture)


def _downloads(at) -> list:
    return at.get("download_button")


def test_only_the_open_tab_is_drawn(at):
    assert at.session_state["open_tab"] == "plan" and not _downloads(at)
    opened(at, "project")
    assert _downloads(at) and _count(at._tree, "Image") == 0     # no plan picture, no findings table
    assert not any(t("col.check", "nb") in d.value.columns for d in at.dataframe)


def test_the_open_tab_stays_open_across_a_language_switch(at):
    opened(at, "measure")
    at.selectbox(key="lang").set_value("en").run()
    assert at.session_state["open_tab"] == "measure"
    assert at.text_input(key=pk(at, "measure_rise")).label == t("measure.rise", "en")
    at.selectbox(key="lang").set_value("nb").run()
    assert at.session_state["open_tab"] == "measure"
    assert at.text_input(key=pk(at, "measure_rise")).label == t("measure.rise", "nb")


def test_a_value_measured_in_one_tab_is_shown_in_the_others(at):
    """The header and the plan tab show the measurement at once; the measure tab, opened again, shows it too."""
    fails = int(metrics(at)["Hindringer"])
    opened(at, "measure")
    at.session_state[pk(at, "measure_doors")] = {"edited_rows": {"0": {"threshold": 10.0}}, "added_rows": [],
                                                 "deleted_rows": []}
    at.run()
    assert int(metrics(at)["Hindringer"]) == fails - 5
    opened(at, "plan")
    assert int(metrics(at)["Hindringer"]) == fails - 5
    opened(at, "measure")   # its table starts afresh, from the values as they are now
    door = next(e for e in at.data_editor if "threshold" in e.value.columns).value
    assert door.iloc[0]["threshold"] == "10"
    assert int(metrics(at)["Hindringer"]) == fails - 5


@pytest.fixture
def counted(monkeypatch):
    """How often the checks run and the picture is drawn."""
    calls = {"assess": 0, "png": 0}

    def checked_for(*args):
        calls["assess"] += 1
        return real_checked(*args)

    def plan_png(*args, **kwargs):
        calls["png"] += 1
        return real_png(*args, **kwargs)
    real_checked, real_png = ui.checked.checked_for, ui.plan_view.plan_png
    monkeypatch.setattr(ui.checked, "checked_for", checked_for)
    monkeypatch.setattr(ui.plan_view, "plan_png", plan_png)
    return calls


def test_the_checks_run_and_the_picture_is_drawn_once_per_change(at, counted):
    at.run()
    at.selectbox(key="lang").set_value("en").run()     # a new language: the picture's words change, not the checks
    assert counted == {"assess": 0, "png": 1}
    at.selectbox(key="lang").set_value("nb").run()     # back: both pictures are kept
    at.radio(key="findings_filter").set_value("all").run()
    assert counted == {"assess": 0, "png": 1}
    opened(at, "measure")
    at.text_input(key=pk(at, "measure_rise")).set_value("400").run()
    assert counted == {"assess": 1, "png": 1}
    opened(at, "plan")                                  # the changed plan is drawn once, when it is shown
    at.run()
    assert counted == {"assess": 1, "png": 2}
    assert at.radio(key="findings_filter").value == "all"   # the filter chosen before is kept


def test_a_large_plan_is_offered_in_parts_and_a_part_is_drawn(at, counted):
    from bench.buildings import varied_plan
    from planner.project.file import Project, dumps_project
    project = Project(plan=varied_plan(12))
    at.file_uploader(key="upload").upload("tolv.tilpass.json", dumps_project(project).encode(), "application/json")
    at.run()
    assert not at.exception, at.exception
    part = at.selectbox(key=pk(at, "plan_part"))
    # 12 flats (some 80 rooms): the whole plan in detail first, then the overview, then each part
    assert part.value == "whole" and part.options[1] == t("plan.part.overview", "nb") and len(part.options) > 3
    assert counted["png"] == 1
    part.set_value(1).run()
    assert not at.exception and counted["png"] == 2
