"""The fuzz test of issue 13, bounded: real drawings, IFC models, scans and project files mutated at the byte, tag,
entity and JSON level, each opened in a child process whose memory is limited; every case must end in a plan that
saves and opens again, or one PlanError sentence, within its time. tests/fuzz_worker.py does the work; FUZZ_CASES=5000 runs
more of it by hand."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "dxf"
CASES = int(os.environ.get("FUZZ_CASES", "36"))
MEMORY_MB = 2500           # for the whole child: Python, numpy, shapely, ezdxf and the case
SECONDS_PER_CASE = 20      # far above what any case takes; a hang (a loop, a quadratic pattern) passes it
SCANS = ROOT / ".." / "shared" / "corpus" / "roomplan"
SOURCES = sorted(str(p) for p in (ROOT / "examples").glob("*.dxf")) + \
    sorted(str(p) for p in (ROOT / "examples").glob("*.tilpass.json")) + \
    sorted(str(p) for p in CORPUS.glob("*.dxf") if p.stat().st_size < 100_000) + \
    sorted(str(p) for p in SCANS.glob("*.json") if p.stat().st_size < 200_000) if CORPUS.is_dir() else []


def _run(seed: int, sources: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.fuzz_worker", str(seed), str(CASES), str(MEMORY_MB),
                           str(SECONDS_PER_CASE), *sources], capture_output=True, text=True, cwd=ROOT,
                          timeout=CASES * SECONDS_PER_CASE + 120)


@pytest.mark.parametrize("seed", [13])
def test_mutated_drawings_and_project_files_end_in_a_plan_or_one_sentence(seed):
    sources = SOURCES or sorted(str(p) for p in (ROOT / "examples").glob("*.*") if p.suffix in (".dxf", ".json"))
    out = _run(seed, sources)
    failures = [line for line in out.stdout.splitlines() if line.startswith("FAIL")]
    assert out.returncode == 0 and not failures, "\n".join(failures) or out.stderr[-2000:]
    assert f"{CASES} cases:" in out.stdout


def test_mutated_ifc_models_end_in_a_plan_or_one_sentence(tmp_path):
    """IFC models mutated entity by entity (a parameter, a reference, an entity dropped or repeated, a line cut):
    each ends in a plan or one sentence, even where the mutation crashes ifcopenshell's geometry kernel."""
    from tests import ifc_factory as F   # skips when ifcopenshell is not installed
    sources = []
    for name, model in (("flat.ifc", F.flat()), ("flat-cm-no-boundaries.ifc", F.flat(unit="CENTI", boundary=False))):
        path = tmp_path / name
        path.write_bytes(model.bytes())
        sources.append(str(path))
    out = _run(7, sources)
    failures = [line for line in out.stdout.splitlines() if line.startswith("FAIL")]
    assert out.returncode == 0 and not failures, "\n".join(failures) or out.stderr[-2000:]
    assert f"{CASES} cases:" in out.stdout


@pytest.mark.parametrize("bug", [KeyError("a bug"), AssertionError("not one sentence"), MemoryError()])
def test_the_fuzz_worker_counts_anything_but_a_plan_or_a_sentence_as_a_failure(tmp_path, monkeypatch, capsys, bug):
    """Else the test above proves nothing."""
    import tests.fuzz_worker as worker

    def broken(data, name):
        raise bug
    monkeypatch.setattr(worker, "check", broken)
    source = tmp_path / "plan.dxf"
    source.write_bytes(b"0\nEOF\n")
    assert worker.run_cases(1, 3, 5, [str(source)]) == 3
    assert capsys.readouterr().out.count("FAIL") == 3


@pytest.mark.skipif(not SCANS.is_dir(), reason="RoomPlan corpus not on this machine")
def test_a_401_digit_number_in_a_phone_scan_gets_one_sentence():
    import json
    import re
    from planner.project.loading import open_bytes
    from planner.model.plan import PlanError
    text = (SCANS / "roomplan-capturedstructure-single.json").read_text(encoding="utf-8")
    text = re.sub(r'("dimensions"\s*:\s*\[)\s*[-0-9.e]+', lambda m: m.group(1) + "9" * 401, text, count=1)
    assert "9" * 401 in text
    try:
        project = open_bytes(text.encode(), "scan.json")
    except PlanError as exc:
        assert str(exc).endswith(".")
    else:
        json.dumps(project.plan.to_dict(), allow_nan=False)
