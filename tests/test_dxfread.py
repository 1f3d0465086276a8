"""The direct DXF reader against ezdxf: the same geometry, and the file-format corners it must get right."""
from __future__ import annotations

import math

import ezdxf
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.importers import dxfread, read_dxf
from planner.importers.dxf import load_document
from planner.importers.extract import Flattener
from planner.model.plan import PlanError
from tests import dxf_factory as F


def _flatten(doc_text: str):
    doc = dxfread.read(doc_text)
    return Flattener(doc, lambda n: False, lambda n: False).layout(doc.layout()[0])


def _ezdxf_segments(msp) -> np.ndarray:
    """Every LINE of the layout with blocks exploded by ezdxf itself (recursively), as sorted rows."""
    rows = []

    def walk(entities):
        for e in entities:
            if e.dxftype() == "LINE":
                s, t = e.dxf.start, e.dxf.end
                rows.append((s.x, s.y, t.x, t.y))
            elif e.dxftype() == "INSERT":
                walk(e.virtual_entities())
    walk(msp)
    return _canonical(np.array(rows, dtype=float).reshape(-1, 4))


def _canonical(seg: np.ndarray) -> np.ndarray:
    """Segments with their ends in a fixed order, sorted, rounded to 1e-6."""
    seg = seg.round(6) + 0.0      # + 0.0: no negative zeros
    a, b = seg[:, :2], seg[:, 2:]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    out = np.where(swap[:, None], np.c_[b, a], np.c_[a, b])
    return out[np.lexsort(out.T[::-1])]


@settings(max_examples=40, deadline=None)
@given(rotation=st.floats(-360, 360), sx=st.sampled_from([1.0, -1.0, 2.5, -0.5]), sy_sign=st.sampled_from([1.0, -1.0]),
       base=st.tuples(st.floats(-500, 500), st.floats(-500, 500)), at=st.tuples(st.floats(-1e5, 1e5), st.floats(-1e5, 1e5)),
       flipped=st.booleans(), nested_rotation=st.floats(0, 360))
def test_blocks_are_placed_as_ezdxf_places_them(rotation, sx, sy_sign, base, at, flipped, nested_rotation):
    # mirrored and uniformly scaled, as drawings place blocks (a non-uniform scale of a rotated nested block is a
    # skew, which ezdxf's exploded copy cannot represent while the matrix product here is exact)
    sy = sy_sign * abs(sx)
    doc = ezdxf.new("R2010")
    inner = doc.blocks.new("inner", base_point=(10, 20))
    inner.add_line((10, 20), (900, 20))
    inner.add_line((900, 20), (900, 2100))
    outer = doc.blocks.new("Outer", base_point=(*base, 0))
    outer.add_line((0, 0), (1000, 300))
    outer.add_blockref("INNER", (300, -200), dxfattribs={"rotation": nested_rotation})   # names ignore case
    attribs = {"rotation": rotation, "xscale": sx, "yscale": sy}
    if flipped:
        attribs["extrusion"] = (0, 0, -1)
    doc.modelspace().add_blockref("Outer", (*at, 0), dxfattribs=attribs)
    p = _flatten(F.to_bytes(doc).decode())
    ours = _canonical(p.seg)
    theirs = _ezdxf_segments(doc.modelspace())
    assert ours.shape == theirs.shape
    assert np.allclose(ours, theirs, atol=1e-6 * max(1.0, float(np.abs(theirs).max())))


def test_an_arc_seen_from_below_has_the_mirrored_ends():
    doc = ezdxf.new("R2010")
    doc.modelspace().add_arc((1000, 0), 900, 0, 90, dxfattribs={"extrusion": (0, 0, -1)})
    p = _flatten(F.to_bytes(doc).decode())
    arc = next(iter(doc.modelspace()))
    ends = sorted((round(v.x, 6), round(v.y, 6)) for v in (arc.start_point, arc.end_point))
    ours = sorted([tuple(p.arc[0, 2:4].round(6)), tuple(p.arc[0, 6:8].round(6))])
    assert ours == ends


def test_line_endings_comments_and_text_after_eof_do_not_matter():
    text = F.to_bytes(F.flat()).decode()
    plain = _flatten(text)
    odd = ("999\nwritten by hand\n" + text).replace("\n", "\r\n") + "junk after the end\n"
    other = _flatten(odd)
    assert np.array_equal(plain.seg, other.seg)
    assert plain.texts == other.texts


def test_xdata_and_embedded_objects_do_not_move_an_entity():
    doc = ezdxf.new("R2018")
    doc.appids.new("TILPASS")
    line = doc.modelspace().add_line((0, 0), (1000, 0))
    line.set_xdata("TILPASS", [(1010, (5, 5, 0)), (1000, "note")])
    text = F.to_bytes(doc).decode()
    # an MTEXT with an embedded object whose group codes repeat the insertion point's
    text = text.replace("2\nENTITIES\n", "2\nENTITIES\n0\nMTEXT\n8\nA-AREA\n10\n100\n20\n200\n1\nBad\n"
                        "101\nEmbedded Object\n10\n9\n20\n9\n", 1)
    p = _flatten(text)
    assert p.seg.tolist() == [[0.0, 0.0, 1000.0, 0.0]]
    assert p.texts == [(100.0, 200.0, "Bad", "A-AREA")]


def test_attributes_and_vertices_belong_to_their_entity():
    doc = ezdxf.new("R2010")
    block = doc.blocks.new("TAG")
    block.add_attdef("ROOM", (0, 0))
    msp = doc.modelspace()
    msp.add_blockref("TAG", (0, 0)).add_auto_attribs({"ROOM": "Stue"})
    msp.add_polyline2d([(0, 0), (4000, 0), (4000, 3000)], close=True)
    layout, name = dxfread.read(F.to_bytes(doc).decode()).layout()
    assert name == "Model"
    assert [e.type for e in layout] == ["INSERT", "POLYLINE"]
    assert len(layout[1].children) == 3


def test_paper_space_is_read_when_model_space_is_empty():
    doc = ezdxf.new("R2010")
    paper = doc.layouts.get("Layout1")
    F.flat("mm", space=paper, doc=doc)
    result = read_dxf(F.to_bytes(doc))
    assert len(result.plan.rooms) == 3
    assert result.report["layout"] != "Model"


def test_a_file_this_reader_refuses_is_read_by_ezdxf_instead():
    text = F.to_bytes(F.flat()).decode()
    without_eof = text[: text.rindex("\nEOF")].rsplit("\n", 1)[0] + "\n"
    with pytest.raises(dxfread.DxfStructureError):
        dxfread.read(without_eof)
    doc, notes = load_document(without_eof.encode())
    assert len(doc.modelspace) == len(dxfread.read(text).modelspace)


def test_header_units_version_and_layers():
    doc = dxfread.read(F.to_bytes(F.flat("cm")).decode())
    assert int(doc.header["$INSUNITS"]) == 5
    assert doc.version == "AC1024"     # the factory writes R2010
    assert "A-AREA" in doc.layers


@pytest.mark.parametrize("text", ["0\nSECTION\n2\nENTITIES\n0\nLINE\n0\nEOF\n",
                                  "0\nSECTION\n2\nENTITIES\nten\nLINE\n0\nENDSEC\n0\nEOF\n",
                                  "0\nSECTION\n2\nENTITIES\n0\nSECTION\n0\nEOF\n"])
def test_unclosed_sections_and_bad_group_codes_are_structure_errors(text):
    with pytest.raises(dxfread.DxfStructureError):
        dxfread.read(text)


def test_a_binary_file_gives_the_same_entities():
    doc = F.flat()
    ascii_doc = dxfread.read(F.to_bytes(doc).decode())
    binary_doc = dxfread.read_tags(*dxfread.binary_tags(F.binary_bytes(doc)))
    assert [e.type for e in ascii_doc.modelspace] == [e.type for e in binary_doc.modelspace]
    assert math.isclose(ascii_doc.modelspace[0].float("10"), binary_doc.modelspace[0].float("10"))


FLAT_TEXT = F.to_bytes(F.flat(door_style="block")).decode()
FLAT_LINES = FLAT_TEXT.split("\n")
ODD_VALUES = ["nan", "inf", "-inf", "1e400", "-1e308", "", "x", "0", "-1", "99999999999999999999", "LINE", "EOF",
              "SECTION", "ENDSEC", "POLYLINE", "INSERT", "SEQEND", "BLOCK", "ENDBLK", "1e-320", "  7  "]


@settings(max_examples=80, deadline=None)
@given(edits=st.lists(st.tuples(st.integers(0, len(FLAT_LINES) // 2 - 1),
                                st.sampled_from(["value", "drop", "repeat", "code"]),
                                st.sampled_from(ODD_VALUES)), min_size=1, max_size=6))
def test_tag_level_damage_never_crashes(edits):
    """Edits that keep the line structure (so the direct reader, not ezdxf, meets them): odd numbers, missing
    and repeated tags, entity types out of place."""
    pairs = [[FLAT_LINES[2 * i], FLAT_LINES[2 * i + 1]] for i in range(len(FLAT_LINES) // 2)]
    for index, how, value in edits:
        index = min(index, len(pairs) - 1)
        if how == "value":
            pairs[index][1] = value
        elif how == "drop":
            del pairs[index]
        elif how == "repeat":
            pairs.insert(index, list(pairs[index]))
        else:
            pairs[index][0] = "0" if value in ("LINE", "SEQEND", "ENDSEC") else pairs[index][0]
            pairs[index][1] = value
    text = "\n".join(f"{c}\n{v}" for c, v in pairs) + "\n"
    try:
        read_dxf(text.encode(), units="mm")
    except PlanError as err:
        assert str(err).strip().endswith(".") and "\n" not in str(err)


def test_characters_outside_the_code_page_are_decoded_in_labels():
    text = F.to_bytes(F.flat()).decode().replace("Soverom", "K\\U+00F8kken")
    assert "K\\U+00F8kken" in text
    labels = [s for _, _, s, _ in _flatten(text).texts]
    assert "Køkken" in labels
