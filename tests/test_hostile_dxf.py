"""Hostile and damaged DXF files (issue 13): wrong bytes are replaced, limits are counted before the work they
bound, and each case ends in a plan or one sentence. Each test is named after the case that broke."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.importers import dxfread, extract, read_dxf
from planner.importers.extract import MAX_LABEL_CHARS, MAX_LABEL_DIGITS, MAX_TEXT_CHARS, Flattener
from planner.project.loading import MAX_FILE_BYTES, open_path, read_limited
from planner.model.plan import PlanError
from tests import dxf_factory as F

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/dxf")
FLAT = F.to_bytes(F.flat())
FLAT_TEXT = FLAT.decode()


def _no_constant(name: str):
    raise AssertionError(f"{name} in JSON output")


def _rooms(data: bytes) -> list[str]:
    return sorted(r.name for r in read_dxf(data, units="mm").plan.rooms)


def _flatten(text: str):
    doc = dxfread.read(text)
    return Flattener(doc, lambda n: False, lambda n: False).layout(doc.layout()[0])


def _flat_with(add) -> bytes:
    doc = F.flat()
    add(doc)
    return F.to_bytes(doc)


def _ignored(data: bytes) -> dict[str, str]:
    """The import report's ignored lines, English sentence of what -> why."""
    from planner.i18n import render
    report = read_dxf(data, units="mm").report
    return {render(i["what_t"]): render(i["why_t"]) for i in report["ignored"]}


# --- Text decoding ------------------------------------------------------------------------------------------

def test_non_utf8_bytes_in_a_label_are_replaced_not_a_traceback():
    data = FLAT.replace(b"Soverom", b"Sov\xff\xferom")   # an R2010 file is UTF-8: these bytes are wrong
    rooms = _rooms(data)
    assert "Sov\ufffd\ufffdrom" in rooms
    json.dumps(rooms).encode("utf-8")


def test_the_code_page_is_used_before_r2007_and_utf8_from_r2007():
    head = "  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\n{v}\n  9\n$DWGCODEPAGE\n  3\nANSI_1251\n  0\nENDSEC\n"
    assert dxfread.text_encoding(head.format(v="AC1015").encode()) == "cp1251"
    assert dxfread.text_encoding(head.format(v="AC1021").replace("\n", "\r\n").encode()) == "utf-8"


def test_an_escaped_lone_surrogate_in_a_label_is_replaced():
    rooms = _rooms(FLAT_TEXT.replace("Soverom", "Sov\\U+D800rom").encode())
    assert "Sov\ufffdrom" in rooms
    "".join(rooms).encode("utf-8")   # no lone surrogate left to fail later


@pytest.mark.skipif(not CORPUS.exists(), reason="corpus not on this machine")
def test_r2007_text_is_utf8_whatever_the_line_endings():
    data = (CORPUS / "hackerspace-hal9k-r2007-cm-danish-labels.dxf").read_bytes()
    for variant in (data, data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")):
        names = {r.name for r in read_dxf(variant, units="cm").plan.rooms}
        assert "Køkken" in names and "KÃ¸kken" not in names


def test_a_utf8_bom_is_accepted():
    assert _rooms(b"\xef\xbb\xbf" + FLAT) == _rooms(FLAT)


def test_trailing_spaces_after_entity_names_are_harmless():
    text = FLAT_TEXT
    for name in ("LINE", "LWPOLYLINE", "TEXT", "MTEXT", "ARC", "SECTION", "ENDSEC", "EOF"):
        text = text.replace(f"\n{name}\n", f"\n{name}   \n")
    text = text.replace("\nENTITIES\n", "\nENTITIES  \n")
    assert _rooms(text.encode()) == _rooms(FLAT)


def test_json_output_in_a_c_locale_is_valid_utf8(tmp_path):
    path = tmp_path / "bad-bytes.dxf"
    path.write_bytes(FLAT.replace(b"Soverom", b"Sov\xff\\U+D800rom"))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    out = subprocess.run([sys.executable, "-m", "planner", "check", str(path), "--units", "mm", "--json"],
                         capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode in (0, 1), out.stderr.decode("utf-8", "replace")
    json.loads(out.stdout.decode("utf-8"), parse_constant=_no_constant)   # invalid UTF-8 or NaN fail here


# --- Limits counted before work -----------------------------------------------------------------------------

@pytest.mark.parametrize("start, end", [(1e12, 0.0), (-9.99e11, 9.99e11 + 90), (360.0 * 1e9 + 10, 100.0)])
def test_an_arc_with_a_start_angle_of_1e12_degrees_is_normalised_first(start, end):
    text = _flat_with(lambda doc: doc.modelspace().add_arc((0, 0), 500, start, end)).decode()
    p = _flatten(text)
    cx, cy, sx, sy, mx, my, ex, ey = p.arc[-1]
    s, e = math.radians(math.fmod(start, 360)), math.radians(math.fmod(end, 360))
    assert (sx, sy) == pytest.approx((500 * math.cos(s), 500 * math.sin(s)), abs=1e-6)
    assert (ex, ey) == pytest.approx((500 * math.cos(e), 500 * math.sin(e)), abs=1e-6)
    assert math.hypot(mx, my) == pytest.approx(500)


@pytest.mark.parametrize("label, kept", [
    ("1" * MAX_LABEL_DIGITS, True), ("1" * (MAX_LABEL_DIGITS + 1), False),
    ("x" * MAX_LABEL_CHARS, True), ("x" * (MAX_LABEL_CHARS + 1), False),
    ("1" * 60_000, False), ("Bad " * 2_500_000, False),
])
def test_a_label_of_60000_digits_is_no_label(label, kept):
    text = _flat_with(lambda doc: doc.modelspace().add_text(label, dxfattribs={"insert": (9000, 9000)})).decode()
    p = _flatten(text)
    assert any(s == label for _, _, s, _ in p.texts) is kept
    assert (p.ignored[("TEXT", "imp.ign.long_text")] == 0) is kept


def test_a_10_mb_mtext_is_bounded_and_said_in_the_report():
    data = _flat_with(lambda doc: doc.modelspace().add_mtext("Bad\\P" * 2_000_000, dxfattribs={"insert": (9, 9)}))
    assert len(data) > 10 * MAX_TEXT_CHARS
    ignored = _ignored(data)
    assert ignored["1 MTEXT"] == "texts too long to be a label (room name or area)"


def test_nested_circle_blocks_count_against_the_primitive_limit():
    """29 KB of circles in blocks nested 8 deep expand to 12^8 circles: refused while expanding."""
    def nest(doc):
        inner = None
        for level in range(8):
            blk = doc.blocks.new(f"B{level}")
            for j in range(12):
                blk.add_blockref(inner, (j * 10, 0)) if inner else blk.add_circle((j, 0), 1)
            inner = blk.name
        doc.modelspace().add_blockref(inner, (0, 0))
    data = _flat_with(nest)
    assert len(data) < 60_000
    with pytest.raises(PlanError, match="after expanding its blocks"):
        read_dxf(data, units="mm")


def test_a_limit_inside_a_block_is_not_taken_for_one_damaged_entity(monkeypatch):
    def nest(doc):
        blk = doc.blocks.new("MANY")
        for j in range(300):
            blk.add_line((j, 0), (j, 1))
        doc.modelspace().add_blockref("MANY", (0, 0))
    text = _flat_with(nest).decode()
    doc = dxfread.read(text)
    with pytest.raises(PlanError, match="after expanding"):
        Flattener(doc, lambda n: False, lambda n: False, max_primitives=100).layout(doc.layout()[0])


@pytest.mark.parametrize("extra, refused", [(0, False), (1, True)])
def test_entities_are_counted_as_they_are_read(monkeypatch, extra, refused):
    doc = dxfread.read(FLAT_TEXT)
    count = len(doc.modelspace) + len(doc.paperspace) + sum(len(b.entities) for b in doc.blocks.values())
    monkeypatch.setattr(dxfread, "MAX_ENTITIES", count - extra)
    if refused:
        with pytest.raises(PlanError, match="more than the"):
            dxfread.read(FLAT_TEXT)
    else:
        assert len(dxfread.read(FLAT_TEXT).modelspace) == len(doc.modelspace)


def test_a_3_gb_file_is_refused_from_its_size_before_it_is_read(tmp_path):
    big = tmp_path / "huge.dxf"
    with big.open("wb") as f:
        f.truncate(3 * 1024 ** 3)    # sparse: takes no disk space, and reading it whole would take 3 GB
    with pytest.raises(PlanError, match="huge.dxf is 3221 MB"):
        open_path(big)


def test_dev_zero_is_read_no_further_than_the_limit():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(PlanError, match="holds more than 1 MB"):
        read_limited("/dev/zero", limit=1_000_000)
    with pytest.raises(PlanError, match=f"holds more than {MAX_FILE_BYTES / 1e6:.0f} MB"):
        open_path("/dev/zero")


@pytest.mark.parametrize("size, refused", [(1000, False), (1001, True)])
def test_file_size_limit_at_the_limit(tmp_path, size, refused):
    path = tmp_path / "plan.dxf"
    path.write_bytes(b"x" * size)
    if refused:
        with pytest.raises(PlanError):
            read_limited(path, limit=1000)
    else:
        assert len(read_limited(path, limit=1000)) == size


def test_every_limit_is_documented():
    doc = (ROOT / "docs" / "dxf.md").read_text(encoding="utf-8")
    limits = doc[doc.index("## Limits"):]
    for name in ("MAX_FILE_BYTES", "MAX_ENTITIES", "MAX_NESTING", "MAX_PRIMITIVES", "MAX_TEXT_CHARS",
                 "MAX_LABEL_CHARS", "MAX_LABEL_DIGITS"):
        assert name in limits, name
    assert f"{extract.MAX_PRIMITIVES:_}".replace("_", " ") in limits


def test_a_binary_file_beyond_the_entity_limit_gets_that_sentence(monkeypatch):
    """A file read through ezdxf (binary, or repaired) meets the same limit and the same sentence, not "damaged"."""
    doc = F.flat()
    data = F.binary_bytes(doc)
    monkeypatch.setattr(dxfread, "MAX_ENTITIES", 5)
    with pytest.raises(PlanError, match="more than the 5 this tool reads"):
        read_dxf(data, units="mm")
