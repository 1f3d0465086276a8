"""A reader built on native code runs in a child of its own: a crash, a hang, a runaway allocation or an unexpected
error ends the child and comes back as something the caller turns into one sentence; a PlanError comes back as
itself, in any language. The IFC reader uses it, so a model that crashes ifcopenshell's kernel is one sentence."""
from __future__ import annotations

import os
import signal
import time

import pytest

from planner.importers.isolated import ChildFailed, run_isolated
from planner.model.plan import PlanError


def _crash():
    os.kill(os.getpid(), signal.SIGSEGV)


def _hang():
    time.sleep(60)


def _grab_memory():
    return bytearray(4 * 2 ** 30)


def _refuse():
    raise PlanError.text("ifc.damaged", reason="@ifc.reason.syntax")


def _bug():
    raise KeyError("a bug in the reader")


def _answer(x, *, y):
    return {"sum": x + y}


def test_the_answer_comes_back():
    assert run_isolated(_answer, 2, y=3, timeout_s=60, memory_mb=3000) == {"sum": 5}


@pytest.mark.parametrize("fn, how", [(_crash, "crashed"), (_hang, "timeout"), (_grab_memory, "memory"),
                                     (_bug, "error")])
def test_a_child_that_does_not_answer_is_said_how(fn, how):
    with pytest.raises(ChildFailed) as failed:
        run_isolated(fn, timeout_s=2 if how == "timeout" else 60, memory_mb=2000)
    assert failed.value.how == how
    if how == "crashed":
        assert failed.value.detail == str(-signal.SIGSEGV)


def test_a_refusal_comes_back_with_its_text_in_each_language():
    with pytest.raises(PlanError) as err:
        run_isolated(_refuse, timeout_s=60, memory_mb=3000)
    assert err.value.key == "ifc.damaged" and err.value.message("nb") != str(err.value)


def test_an_ifc_model_that_crashes_the_kernel_is_one_sentence(monkeypatch):
    pytest.importorskip("ifcopenshell")
    from planner.importers import ifc

    def crashed(*args, **kwargs):
        raise ChildFailed("crashed", "-11")
    monkeypatch.setattr(ifc, "run_isolated", crashed)
    with pytest.raises(PlanError) as err:
        ifc.read_ifc(b"ISO-10303-21;\n")
    assert "geometry reader stopped" in str(err.value) and str(err.value).endswith(".")
    assert "geometrileseren stoppet" in err.value.message("nb")


def test_floors_further_apart_than_any_threshold_leave_the_threshold_unknown_and_say_so():
    pytest.importorskip("ifcopenshell")
    import math
    from tests import ifc_factory as F
    from planner.importers.ifc import read_ifc
    m = F.Model()
    level = m.storey("1")
    a = m.space(level, "1", "Stue", 0, 0, 4, 4)
    b = m.space(level, "2", "Soverom", 4, 0, 8, 4, floor_m=0.9)   # 900 mm up: steps the model does not show
    m.door(level, 4.0, 1.0, 0.9, math.pi / 2, lining_m=0.05, panel_m=0.04, bounds=(a, b))
    plan = read_ifc(m.bytes())
    (door,) = plan.doors
    assert door.threshold_mm is None
    assert any(w[0] == "ifc.warn.level_gap" for w in plan.import_report["warnings_t"])
