"""A refusal that helps: one JSON object with --json, what was tried, corrections that could work, UTF-8 always."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.importers import read_dxf
from planner.model.plan import PlanError
from tests.dxf_factory import flat, new_doc, to_bytes

ROOT = Path(__file__).resolve().parents[1]


def check(path, *args, env=None):
    return subprocess.run([sys.executable, "-m", "planner", "check", str(path), *args], capture_output=True,
                          cwd=ROOT, timeout=120, env=env)


def lonely_walls() -> bytes:
    """Walls on a wall layer that close nothing, and a layer of loose lines nothing named."""
    doc = new_doc("mm")
    msp = doc.modelspace()
    for off in (0, 200):     # a U of walls drawn as pairs of lines: walls by name and by content
        for a, b in (((off, off), (4000 - off, off)), ((4000 - off, off), (4000 - off, 3000)),
                     ((off, off), (off, 3000))):
            msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    for k in range(3):
        msp.add_line((k * 100, 5000), (k * 100 + 3000, 5000), dxfattribs={"layer": "Strek"})
    return to_bytes(doc)


def test_a_refusal_with_json_prints_one_object_with_what_was_tried(tmp_path):
    path = tmp_path / "walls.dxf"
    path.write_bytes(lonely_walls())
    out = check(path, "--json")
    assert out.returncode == 2
    data = json.loads(out.stdout.decode("utf-8"))
    assert data["refused"] is True and data["code"] == "NO_ROOMS"
    assert data["units"] == "mm" and data["layer_roles"]["A-WALL"] == "walls"
    assert "Strek" in data["layer_roles"]
    assert [d["index"] for d in data["drawings"]] == [1] and data["drawings"][0]["kind"]
    assert "Tried: millimetres" in data["message"] and "walls on A-WALL" in data["message"]
    assert out.stderr.decode("utf-8").startswith("tilpass: ")


def test_a_refusal_offers_no_layer_that_was_ignored_by_its_name():
    doc = new_doc("mm")
    msp = doc.modelspace()
    for a, b in (((0, 0), (4000, 0)), ((4000, 0), (4000, 3000))):
        msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    msp.add_line((0, 5000), (3000, 5000), dxfattribs={"layer": "DIMENSIONS"})
    with pytest.raises(PlanError) as refused:
        read_dxf(to_bytes(doc))
    assert "--layer-role" not in str(refused.value).split("Tried:")[1]


def test_a_refusal_in_norwegian_says_what_was_tried(tmp_path):
    path = tmp_path / "walls.dxf"
    path.write_bytes(lonely_walls())
    data = json.loads(check(path, "--json", "--lang", "nb").stdout.decode("utf-8"))
    assert "Prøvd: millimeter" in data["message"] and "Tried" not in data["message"]


def test_a_drawing_without_units_refused_with_json_says_the_unit_it_assumed(tmp_path):
    path = tmp_path / "flat.dxf"
    path.write_bytes(to_bytes(flat(None)))
    out = check(path, "--json")
    data = json.loads(out.stdout)
    assert out.returncode == 2 and data["code"] == "UNITS_UNKNOWN" and data["units"] == "mm"
    assert data["layer_roles"]["A-WALL"] == "walls"


@pytest.mark.parametrize("given, used", [("A-WALL", "A-WALL"), ("a-wall", "A-WALL")])
def test_a_layer_role_is_matched_without_case(given, used):
    result = read_dxf(to_bytes(flat()), layer_roles={given: "ignore"})
    assert result.report["layers"][used] == "ignore"


def test_a_layer_role_for_a_layer_the_file_does_not_have_names_the_layers_it_has(tmp_path):
    path = tmp_path / "flat.dxf"
    path.write_bytes(to_bytes(flat()))
    out = check(path, "--layer-role", "VEGG=walls")
    assert out.returncode == 2
    line = out.stderr.decode("utf-8")
    assert "no layer 'VEGG'" in line and "'A-WALL'" in line and "'A-DOOR'" in line and line.count("\n") == 1


def test_output_is_utf8_whatever_the_locale(tmp_path):
    doc = flat()
    doc.modelspace().add_line((0, 9000), (500, 9000), dxfattribs={"layer": "Kjøkken 厨房"})
    path = tmp_path / "flat.dxf"
    path.write_bytes(to_bytes(doc))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    for args in (("--json",), ("--lang", "nb"), ("--json", "--layer-role", "Rom ø=walls")):
        out = check(path, *args, env=env)
        out.stdout.decode("utf-8")
        out.stderr.decode("utf-8")
        assert b"\\u" not in out.stdout
    assert "Kjøkken 厨房".encode("utf-8") in check(path, "--json", env=env).stdout


@pytest.mark.parametrize("role, offered", [("unknown", True), ("ignore", False), ("walls", False)])
def test_a_refusal_offers_a_layer_of_lines_only_when_nothing_guessed_its_role(role, offered):
    from planner.importers import report as rep
    from planner.importers.extract import Primitives
    import numpy as np
    raw = Primitives(seg=np.zeros((3, 4)), seg_layer=["A-WALL", "Strek", "Strek"], seg_group=[-1, -1, -1])
    error = rep.no_rooms(["A-WALL"], 1, 0)
    refusal = rep.refusal_tried(error, "mm", ["imp.unit.by_user", {}], ["A-WALL"],
                                {"A-WALL": "walls", "Strek": role}, raw, None)
    assert ("--layer-role Strek=walls" in str(refusal)) is offered
    assert refusal.code == "NO_ROOMS" and "Tried: millimetres (chosen by the user)" in str(refusal)
    assert "Prøvd: millimeter (valgt av brukeren)" in refusal.message("nb")
