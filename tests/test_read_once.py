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


def test_what_is_kept_between_readings_holds_no_entities():
    """The entities are the bulk of a parsed drawing; once flattened they are not kept (found measuring memory per
    entity: the kept document doubled the import's peak)."""
    pipeline.forget_last_read()
    read_dxf(to_bytes(flat("mm")))
    doc = pipeline._last_read[1].doc
    assert not doc.modelspace and not doc.paperspace and not doc.blocks and not pipeline._last_read[1].layout
    assert doc.layers and doc.version


def test_forgetting_the_last_reading_parses_the_same_file_again(monkeypatch):
    data = to_bytes(flat("mm"))
    parsed = []
    real = pipeline._read
    monkeypatch.setattr(pipeline, "_read", lambda d: parsed.append(1) or real(d))
    pipeline.forget_last_read()
    read_dxf(data)
    pipeline.forget_last_read()
    read_dxf(data)
    assert len(parsed) == 2
