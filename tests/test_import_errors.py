"""Bad input gets one clear sentence (PlanError), never a traceback: empty, junk, DWG, truncated, mutated."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from planner.importers import read_dxf
from planner.importers.dxf import MAX_FILE_BYTES
from planner.model.plan import PlanError
from tests import dxf_factory as F

FLAT = F.to_bytes(F.flat())


def one_sentence(message: str) -> bool:
    return message.endswith(".") and "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"AC1032\x00\x00\x00\x00junk", "DWG"),
    (b"%PDF-1.7\n...", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not a DXF"),
    (bytes(range(256)) * 40, "not a DXF"),
    (b"hello, this is a text file\n", "not a DXF"),
    (b"0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC10", "cannot be read"),
])
def test_bad_bytes_get_one_sentence(data, expected):
    with pytest.raises(PlanError) as err:
        read_dxf(data)
    assert expected in str(err.value) and one_sentence(str(err.value))


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_dxf_is_repaired_or_refused(fraction):
    data = FLAT[: int(len(FLAT) * fraction)]
    try:
        result = read_dxf(data)
    except PlanError as err:
        assert one_sentence(str(err))
    else:
        assert result.report["warnings"], "a repaired file must say so"


def test_file_above_the_size_bound_is_refused(monkeypatch):
    import planner.importers.dxf as dxf
    monkeypatch.setattr(dxf, "MAX_FILE_BYTES", 1000)
    with pytest.raises(PlanError, match="MB"):
        dxf.load_document(FLAT, max_bytes=1000)
    assert MAX_FILE_BYTES >= 50 * 1024 * 1024


def test_too_many_elements_is_refused():
    from planner.importers import dxfread
    from planner.importers.extract import Flattener
    doc = dxfread.read(F.to_bytes(F.flat()).decode())
    flat = Flattener(doc, lambda n: False, lambda n: False, max_primitives=10)
    with pytest.raises(PlanError, match="more than 10"):
        flat.layout(doc.modelspace)


def test_drawing_without_rooms_says_what_is_missing():
    doc = F.new_doc("mm")
    doc.modelspace().add_line((0, 0), (5000, 0), dxfattribs={"layer": "A-WALL"})
    with pytest.raises(PlanError, match="do not close into rooms") as err:
        read_dxf(F.to_bytes(doc))
    assert "A-WALL" in str(err.value)


def test_empty_drawing_is_not_a_floor_plan():
    with pytest.raises(PlanError, match="not a floor plan"):
        read_dxf(F.to_bytes(F.new_doc("mm")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(FLAT)), edits=st.lists(st.tuples(st.integers(0, len(FLAT) - 1),
                                                                 st.binary(min_size=0, max_size=8)), max_size=4))
def test_mutated_and_truncated_dxf_never_crash(cut, edits):
    data = bytearray(FLAT[:cut])
    for pos, chunk in edits:
        if pos < len(data):
            data[pos:pos + len(chunk)] = chunk
    try:
        read_dxf(bytes(data), units="mm")
    except PlanError as err:
        assert one_sentence(str(err))
