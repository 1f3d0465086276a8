"""`python -m planner check`: the contract other programs rely on."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "house-stepped-entrance.tilpass.json"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_json_has_the_promised_shape():
    out = run("check", EXAMPLE, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"standard", "units", "rooms", "doors", "fixtures", "findings"} <= set(data)
    assert data["standard"] == "no-tek17" and data["units"] == "mm"
    assert set(data["rooms"][0]) >= {"id", "name", "type", "area_m2", "polygon"}
    assert set(data["doors"][0]) >= {"id", "position", "leaf_width_mm", "clear_width_mm", "clear_width_source",
                                     "threshold_mm", "rooms", "exterior"}
    assert set(data["fixtures"][0]) >= {"id", "type", "room", "lip_mm"}
    for f in data["findings"]:
        assert set(f) >= {"check", "element", "status", "measured", "required", "unit", "rule", "message",
                          "remeasure"}
        assert f["status"] in ("pass", "fail", "unknown") and f["unit"] == "mm"


def test_measure_overrides_and_is_reported_as_measured():
    before = json.loads(run("check", EXAMPLE, "--json").stdout)
    after = json.loads(run("check", EXAMPLE, "--json", "--measure", "D2.threshold_mm=40",
                           "--measure", "D2.clear_width_mm=700").stdout)
    d2 = next(d for d in after["doors"] if d["id"] == "D2")
    assert (d2["threshold_mm"], d2["clear_width_mm"], d2["clear_width_source"]) == (40, 700, "measured")
    status = {(f["check"], f["element"]): f["status"] for f in after["findings"]}
    assert status[("threshold", "D2")] == "fail" and status[("door_clear_width", "D2")] == "fail"
    assert {(f["check"], f["element"]): f["status"] for f in before["findings"]}[("threshold", "D2")] == "unknown"


@pytest.mark.parametrize("args, words", [
    (["check", "no-such-file.dxf"], "does not exist"),
    (["check", EXAMPLE, "--measure", "D2.threshold_mm=-3"], "outside"),
    (["check", EXAMPLE, "--measure", "Z9.threshold_mm=3"], "no such element"),
    (["check", EXAMPLE, "--units", "furlong"], "invalid choice"),
    (["check", EXAMPLE, "--standard", "xx"], "invalid choice"),
    (["check"], "required"),
])
def test_bad_input_exits_2_with_one_line(args, words):
    out = run(*args)
    assert out.returncode == 2
    assert words in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_text_output_lists_failures_first():
    out = run("check", EXAMPLE, "--lang", "nb")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert "avvik" in lines[2]


def test_norwegian_text_output_and_errors(tmp_path):
    out = run("check", EXAMPLE, "--lang", "nb")
    assert out.returncode == 0, out.stderr
    first, counts = out.stdout.splitlines()[:2]
    assert " rom, " in first and "regelverk" in first
    assert "avvik" in counts and "ukjent" in counts and " fail" not in counts
    bad = tmp_path / "tom.dxf"
    bad.write_bytes(b"")
    err = run("check", bad, "--lang", "nb")
    assert err.returncode == 2 and "tom.dxf er tom" in err.stderr
    assert "empty" in run("check", bad).stderr      # English by default
