"""A drawing without units is parsed once: the reading that asks for the unit and the reading with the answer share
what was parsed, and give what a fresh reading gives; another file's bytes are never served from it."""
from __future__ import annotations

import pytest

import planner.importers.pipeline as pipeline
from planner.importers import UnitsUnknownError, read_dxf
from tests.dxf_factory import flat, to_bytes


def test_the_answer_after_the_unit_question_is_what_a_fresh_reading_gives(monkeypatch):
    data = to_bytes(flat(None))
    parsed = []
    real = pipeline._read
    monkeypatch.setattr(pipeline, "_read", lambda d: parsed.append(1) or real(d))
    pipeline._last_read = None
    with pytest.raises(UnitsUnknownError):
        read_dxf(data)
    second = read_dxf(data, units="mm")
    assert len(parsed) == 1                                   # parsed once for both
    pipeline._last_read = None
    fresh = read_dxf(data, units="mm")
    assert second.report == fresh.report and second.plan.content_hash == fresh.plan.content_hash


def test_another_file_is_read_for_itself():
    pipeline._last_read = None
    one, other = to_bytes(flat("mm")), to_bytes(flat("mm", fixtures=False))
    assert read_dxf(one).plan.fixtures
    assert not read_dxf(other).plan.fixtures
