"""The import report in both languages: each English sentence has a text ([key, params]) beside it that renders
to exactly that English, and to Norwegian without English words."""
from __future__ import annotations

import re

import pytest

from planner.i18n import keys, missing, render
from planner.importers import read_dxf
from tests import dxf_factory as F
from tests.test_import_regions import two_flats

ENGLISH = re.compile(r"\b(the|is|are|of|on|and|or|layer|layers|holds|not|no|from|named|inside|text|lines|"
                     r"door|doors|room|rooms|leaf|clear|width|units|unit|says|geometry|agrees|block|file)\b")
NOT_NORWEGIAN = (" the ", " is ", " layer ", " holds ", " not ", " no ", " are ", " and ")


def with_extras():
    """The flat with a hatch, a dimension-like circle and an image-free ignored entity or two."""
    doc = F.flat("mm")
    msp = doc.modelspace()
    msp.add_circle((500, 500), 100, dxfattribs={"layer": "A-WALL"})
    hatch = msp.add_hatch(dxfattribs={"layer": "A-WALL"})
    hatch.paths.add_polyline_path([(0, 0), (100, 0), (100, 100)], is_closed=True)
    msp.add_point((10, 10), dxfattribs={"layer": "A-WALL"})
    msp.add_line((0, 0), (10, 10), dxfattribs={"layer": "XYZ"})   # a layer whose name says nothing: dropped
    return doc


def lying_header():
    doc = F.flat("in")
    doc.header["$INSUNITS"] = 4   # says mm, drawn in inches
    return doc


CASES = {
    "flat-mm": lambda: read_dxf(F.to_bytes(with_extras())),
    "flat-cm-blocks": lambda: read_dxf(F.to_bytes(F.flat("cm", door_style="block"))),
    "walls-only": lambda: read_dxf(F.to_bytes(F.flat("mm", outlines=False))),
    "unitless-chosen": lambda: read_dxf(F.to_bytes(F.flat(None)), units="mm"),
    "lying-header": lambda: read_dxf(F.to_bytes(lying_header())),
    "two-regions": lambda: read_dxf(F.to_bytes(two_flats())),
    "no-doors-no-names": lambda: read_dxf(F.to_bytes(F.flat("mm")),
                                          layer_roles={"A-DOOR": "ignore", "A-AREA-IDEN": "ignore"}),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def result(request):
    return CASES[request.param]()


def pairs(result) -> list[tuple[list, str]]:
    """Every (text, English sentence) of a report."""
    report = result.report
    out = [(row[f"{field}_t"], row[field]) for row in report["guesses"] + report["ignored"] for field in ("what", "why")]
    assert len(report["warnings_t"]) == len(report["warnings"])
    out += list(zip(report["warnings_t"], report["warnings"]))
    out += list(zip(report["issues_t"], result.issues[len(report["warnings"]):], strict=True))
    assert set(report["layer_reasons_t"]) == set(report["layer_reasons"])
    out += [(text, report["layer_reasons"][layer]) for layer, text in report["layer_reasons_t"].items()]
    out += [(report["units"][f"{field}_t"], report["units"][field]) for field in ("why", "inference")]
    return out


def used_keys(text: list) -> set[str]:
    key, params = text
    return {key} | {value[1:] for value in params.values() if isinstance(value, str) and value.startswith("@")}


def test_every_key_of_the_import_report_has_english_and_norwegian(result):
    used = set().union(*(used_keys(text) for text, _ in pairs(result)))
    assert used <= keys(), used - keys()
    assert not used & missing("nb"), used & missing("nb")
    ours = {k for k in keys() if k.startswith(("imp.", "file.", "units."))}
    assert not ours & missing("nb"), ours & missing("nb")


def test_each_text_renders_to_its_english_sentence_and_to_norwegian(result):
    for text, english in pairs(result):
        assert render(text, "en") == english
        norwegian = render(text, "nb")
        if ENGLISH.search(english):
            assert norwegian != english, english
        assert not any(word in f" {norwegian} " for word in NOT_NORWEGIAN), (english, norwegian)


def test_no_norwegian_import_text_holds_english_words():
    from planner.i18n import t
    for key in sorted(k for k in keys() if k.startswith(("imp.", "file.", "units."))):
        norwegian = t(key, "nb")
        assert not any(word in f" {norwegian} " for word in NOT_NORWEGIAN), (key, norwegian)


def test_the_report_stays_json_and_its_texts_survive_a_round_trip(result):
    import json
    again = json.loads(json.dumps(result.report))
    assert again == result.report


def test_the_cases_reach_the_warnings_and_issues():
    reports = {name: make() for name, make in CASES.items()}
    assert reports["lying-header"].report["warnings_t"][0][0] == "imp.warn.units_overridden"
    assert reports["two-regions"].report["warnings_t"][0][0] == "imp.warn.several_regions"
    issues = [key for key, _ in reports["no-doors-no-names"].report["issues_t"]]
    assert issues == ["imp.issue.no_doors", "imp.issue.unnamed_rooms"]
    ignored = {row["what"].split(" ", 1)[1] for row in reports["flat-mm"].report["ignored"]}
    assert {"CIRCLE", "HATCH", "POINT", "lines on ignored or unknown layers"} <= ignored


def test_a_report_saved_with_english_only_still_shows():
    from ui.import_view import _said, _sentences
    old = {"warnings": ["The file holds 2 separate drawings side by side."], "issues": ["No doors were recognised."]}
    assert _sentences(old, "nb") == old["warnings"] + old["issues"]
    assert _said(None, "no text inside", "nb") == "no text inside"
    assert _said(["imp.room.no_text", {}], "no text inside", "nb") == "ingen tekst inni"
