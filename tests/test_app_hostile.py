"""Hostile uploads through the app (AppTest, issue 13): never a traceback on the page, nor for the next file; an
unexpected error is one sentence with a reference; file text reaches the page as plain text."""
from __future__ import annotations

import base64
import json
import logging
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import dxf_factory as F
from ui.plain import plain

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
EXAMPLE = json.loads((ROOT / "examples" / "flat-narrow-bathroom.tilpass.json").read_text(encoding="utf-8"))
LABEL = "Bad ![x](http://203.0.113.7/label.png)"
FLAT = F.to_bytes(F.flat())


def _project(**changes) -> bytes:
    data = json.loads(json.dumps(EXAMPLE))
    for path, value in changes.items():
        node = data
        *parents, last = path.split("__")
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[int(last) if isinstance(node, list) else last] = value
    return json.dumps(data).encode()


# The app-level cases of the issue (the importer's and the project check's own tests cover the rest).
HOSTILE = {
    "surrogate.dxf": FLAT.decode().replace("Soverom", "Sov\\U+D800rom").encode(),
    "label.dxf": FLAT.decode().replace("Soverom", LABEL).encode(),
    "digits.json": json.dumps(EXAMPLE).replace('"version": 1', '"version": 1, "x": ' + "9" * 401).encode(),
    "deep.json": (json.dumps(EXAMPLE)[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}").encode(),
    "costing.json": _project(costing={"prices": [1], "rates": {"vat": "x"}, "quote": 7, "answers": []}),
    "photo.json": _project(photos=[{"element": "D1", "name": "x.jpg", "mime": "image/jpeg", "taken_at": "",
                                    "data": base64.b64encode(b"not an image").decode()}]),
    "name.json": _project(plan__name=12345),
    "damaged-photo.json": _project(photos=[
        {"element": e, "name": "cut.jpg", "mime": "image/jpeg", "taken_at": "",
         "data": base64.b64encode(b"\xff\xd8\xff\xe0" + b"cut off" * 9).decode()}
        for e in ["entrance", *(d["id"] for d in EXAMPLE["plan"]["doors"]), *(r["id"] for r in EXAMPLE["plan"]["rooms"])]]),
    "nan.json": json.dumps(EXAMPLE).replace("0.0", "NaN", 3).encode(),
    "named.json": _project(plan__name=LABEL),
    "surrogate-note.json": (json.dumps(EXAMPLE)[:-1] + ', "notes": {"D1": "a \\ud800 b"}}').encode(),
}


@pytest.fixture(scope="module")
def at():
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def _page_text(at) -> list[str]:
    """Everything the page shows through Markdown (alerts, captions, markdown, subheaders)."""
    out = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "subheader"):
        out += [e.value for e in getattr(at, kind)]
    for kind in ("radio", "checkbox", "expander", "metric", "number_input", "text_area", "toggle"):
        out += [e.label for e in getattr(at, kind)]
    return out


def test_a_hostile_upload_never_leaves_a_traceback_nor_for_the_next_file(at):
    """One hostile file after another: each is the next file for the one before it."""
    for name, data in [*HOSTILE.items(), ("good.json", _project())]:
        at.file_uploader(key="upload").upload(name, data, "application/octet-stream").run()
        assert not at.exception, (name, at.exception)
        assert not any("Traceback" in text or 'File "/' in text for text in _page_text(at)), name
        assert not [e.value for e in at.error if "referanse" in e.value], name   # no bug behind the boundary
    assert at.session_state["project"].plan.name == EXAMPLE["plan"]["name"] and not at.error


def test_what_a_project_file_could_not_keep_is_said_when_it_opens(at):
    at.file_uploader(key="upload").upload("photo.json", HOSTILE["photo.json"], "application/json").run()
    assert not at.exception
    assert any("x.jpg" in w.value and "JPEG" in w.value for w in at.warning)
    assert at.session_state["project"].photos == ()


@pytest.mark.parametrize("name", ["named.json", "label.dxf"])
def test_a_markdown_image_in_a_label_reaches_the_page_as_text(at, name):
    at.file_uploader(key="upload").upload(name, HOSTILE[name], "application/octet-stream").run()
    assert not at.exception
    plan = at.session_state["project"].plan
    assert LABEL in {plan.name, *(r.name for r in plan.rooms)}
    shown = [text for text in _page_text(at) if "203.0.113.7" in text]
    if name == "named.json":
        assert shown, "the plan's name is shown above the tabs"
    for text in shown:   # every "!", "[" and "]" of the label is escaped, so Markdown makes no image of it
        assert "![" not in text and "\\!\\[x\\]" in text


def test_an_unexpected_error_becomes_one_sentence_with_a_reference(monkeypatch, caplog):
    import ui.funding

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug in the funding tab")
    monkeypatch.setattr(ui.funding, "render_funding", broken)
    app = AppTest.from_file(APP, default_timeout=60)
    with caplog.at_level(logging.ERROR, logger="tilpass"):
        app.run()
    assert not app.exception
    sentence = next(e.value for e in app.error if "referanse" in e.value)
    ref = re.search(r"referanse ([0-9a-f]{8})", sentence).group(1)
    assert "ZeroDivisionError" not in sentence and "http" not in sentence
    assert any(ref in r.getMessage() and r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    assert [b.label for b in app.get("download_button")], "the save tab still works after another tab broke"


def test_a_file_that_breaks_tilpass_while_opening_is_refused_like_a_bad_one(at, monkeypatch):
    import planner.project.loading

    def broken(*args, **kwargs):
        raise KeyError("a bug in the importer")
    monkeypatch.setattr(planner.project.loading, "open_bytes", broken)
    at.file_uploader(key="upload").upload("bug.dxf", FLAT, "application/dxf").run()
    assert not at.exception
    sentence = next(e.value for e in at.error if "bug" in e.value)
    assert re.search(r"referanse [0-9a-f]{8}", sentence) and "KeyError" not in sentence
    assert at.session_state["project"].plan.name != ""   # the plan that was open stays


@pytest.mark.parametrize("text", [LABEL, "**bold** _it_ `code` <b>x</b> :red[x] $x$ [a](b) www.x.no a@b.no",
                                  "# heading\n1. list\n- item\n> quote\n===", "door_widen_internal"])
def test_plain_escapes_every_markdown_construct(text):
    escaped = plain(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text      # nothing lost: only backslashes added
    for construct in (r"(?<!\\)!\[", r"(?<!\\)\[", r"(?<!\\)<", r"(?<!\\)\*", r"(?<!\\)`", r"(?<!\\)\$",
                      r"(?<!\\):", r"(?m)^(?<!\\)[#>=-]", r"(?m)^\d+(?<!\\)\.", r"(?<!\\)www\."):
        assert not re.search(construct, escaped), (construct, escaped)
    assert plain("door_widen_internal") == "door_widen_internal"


def test_a_report_that_cannot_be_made_says_so_in_the_file(caplog):
    from ui.boundary import safe_file

    def broken() -> bytes:
        raise ValueError("a bug in the report")
    with caplog.at_level(logging.ERROR, logger="tilpass"):
        data = safe_file(broken, "the report", "en")()
    ref = re.search(rb"reference ([0-9a-f]{8})", data).group(1).decode()
    assert b"ValueError" not in data and any(ref in r.getMessage() for r in caplog.records)


def test_junk_in_the_renovation_choices_is_left_out_with_a_sentence():
    from planner.project.file import loads_project
    project = loads_project(_project(costing={"renovation": {"rooms": ["R1", 7, None], "new_build": "yes"}}))
    assert project.costing["renovation"] == {"rooms": ["R1"], "new_build": False}
    assert len(project.notices) == 2
