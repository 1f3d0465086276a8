"""What every session of one server shares (ui/checked.shared): a plan opened again in a new session (the example
each visitor sees first) is neither checked nor drawn again, and a plan that differs by one measurement is never
given another's findings. And the window width the browser reports (ui/tablet_layout): only a window too narrow for
the largest canvas says it, as that report costs a second run of the whole page on its first load."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import ui.checked
from tests.app_tabs import opened
from tests.test_app_tabs import counted  # noqa: F401  (how often the checks run and the picture is drawn)
from tests.test_app import APP, metrics, pk
from ui.tablet_layout import CANVAS_SIZES, content_width, report_below


def session() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_second_visitor_gets_the_examples_findings_and_pictures_without_checking_or_drawing(counted):  # noqa: F811
    first = session()
    first.selectbox(key="lang").set_value("en").run()
    assert counted == {"assess": 1, "png": 2}
    second = session()
    second.selectbox(key="lang").set_value("en").run()
    assert counted == {"assess": 1, "png": 2}
    assert metrics(second) == metrics(first)


def test_a_measurement_typed_in_one_session_is_checked_there_and_not_given_to_another(counted):  # noqa: F811
    first, second = session(), session()
    before = metrics(second)
    opened(first, "measure")
    first.text_input(key=pk(first, "measure_rise")).set_value("0").run()   # a step-free entrance
    assert counted["assess"] == 2
    assert metrics(first) != before
    second.run()
    assert metrics(second) == before and counted["assess"] == 2


def test_shared_keeps_one_value_per_equal_key_and_forgets_the_oldest():
    made = []

    def make(v):
        made.append(v)
        return [v]
    first = ui.checked.shared("test", ("a", 1), lambda: make("a"))
    assert ui.checked.shared("test", ("a", 1), lambda: make("again")) is first and made == ["a"]
    for k in range(ui.checked.SHARED_KEPT):
        ui.checked.shared("test", ("b", k), lambda: make(k))
    ui.checked.shared("test", ("a", 1), lambda: make("a"))   # pushed out by SHARED_KEPT newer ones: made again
    assert made == ["a", *range(ui.checked.SHARED_KEPT), "a"]


@pytest.mark.parametrize("width, reports", [(report_below() - 1, True), (report_below(), False), (1280, False),
                                             (820, True), (1180, False), (600, True)])
def test_only_a_window_too_narrow_for_the_largest_canvas_reports_its_width(width, reports):
    widest = max(w for w, _ in CANVAS_SIZES.values())
    assert (width < report_below()) is reports
    if not reports:   # no wider window needs the smaller canvas the width would choose
        assert all(content_width(w) >= widest for w in range(width, 4000))
