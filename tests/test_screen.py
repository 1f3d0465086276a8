"""Screening a stock: the register agrees with `planner check` and `costing options` row by row, the process pool
and a Dask cluster give the same register, a killed run resumes, and a file that fails is a row."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from costing.__main__ import main as costing_main
from planner.__main__ import main as planner_main
from stock import run as stock_run
from stock.grading import MAJOR_WORKS, MINOR_WORKS, Grade, combine
from stock.register import journal_path, read
from stock.screen import columns

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus" / "dxf"


@pytest.fixture
def stock(tmp_path):
    """A small stock: the three example projects, one example DXF, a damaged file and a file that is no plan."""
    folder = tmp_path / "stock"
    folder.mkdir()
    for p in EXAMPLES.glob("*.tilpass.json"):
        shutil.copy(p, folder / p.name)
    shutil.copy(EXAMPLES / "flat-narrow-bathroom.dxf", folder / "flat-narrow-bathroom.dxf")
    (folder / "damaged.dxf").write_bytes((EXAMPLES / "accessible-flat.dxf").read_bytes()[:3000])
    (folder / "notes.json").write_text('{"shopping": ["milk"]}', encoding="utf-8")
    (folder / "readme.txt").write_text("not a plan", encoding="utf-8")
    return folder


def _json(main, argv, capsys) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_each_row_agrees_with_planner_check_and_costing_options(stock, tmp_path, capsys):
    out = tmp_path / "register.csv"
    stock_run.screen([str(stock)], out, workers=2, progress_stream=open(os.devnull, "w"))
    rows = {Path(r["file"]).name: r for r in read(out)}
    assert set(rows) == {"accessible-flat.tilpass.json", "flat-narrow-bathroom.tilpass.json",
                         "house-stepped-entrance.tilpass.json", "flat-narrow-bathroom.dxf", "damaged.dxf",
                         "notes.json"}   # readme.txt is no plan file
    for name, row in rows.items():
        if row["status"] != "read":
            continue
        checked = _json(planner_main, ["check", str(stock / name), "--json"], capsys)
        options = _json(costing_main, ["options", str(stock / name), "--json"], capsys)
        statuses = [f["status"] for f in checked["findings"]]
        assert row["fail"] == statuses.count("fail") and row["unknown"] == statuses.count("unknown"), name
        assert row["rooms"] == len(checked["rooms"]) and row["doors"] == len(checked["doors"]), name
        totals = options["plan"]["totals"]
        assert row["cost_total_nok"] == totals["total_nok"], name
        assert row["owner_nok"] == totals["household_now_nok"], name
        assert row["nav_nok"] == totals["nav_grant_nok"] + totals["nav_loan_nok"], name
        assert row["husbanken_nok"] == totals["husbanken_nok"], name
        for check in {f["check"] for f in checked["findings"]}:
            fails = sum(1 for f in checked["findings"] if f["check"] == check and f["status"] == "fail")
            assert row[f"fail_{check}"] == fails, (name, check)
    assert rows["accessible-flat.tilpass.json"]["grade"] == "1"
    assert rows["flat-narrow-bathroom.tilpass.json"]["grade"] == "3"   # a bath only: the bathroom is rebuilt
    for bad in ("damaged.dxf", "notes.json"):
        assert rows[bad]["status"] == "refused" and rows[bad]["reason"].endswith("."), rows[bad]


def test_a_register_in_each_format_reads_back_the_same(stock, tmp_path):
    registers = []
    for suffix in (".csv", ".xlsx", ".parquet"):
        out = tmp_path / f"register{suffix}"
        stock_run.screen([str(stock / "*.json")], out, workers=1, progress_stream=open(os.devnull, "w"))
        registers.append([{k: r.get(k) for k in ("file", "status", "grade", "cost_total_nok", "fail")}
                          for r in read(out)])
    assert registers[0] == registers[1] == registers[2]
    assert list(read(tmp_path / "register.csv")[0])[:len(columns())] == list(columns())


def test_a_killed_run_resumes_without_redoing_finished_files(stock, tmp_path):
    out = tmp_path / "register.xlsx"
    sources = [str(stock / "*.tilpass.json")]
    stock_run.screen(sources, out, workers=1, progress_stream=open(os.devnull, "w"))
    finished = read(out)
    # A second run that was killed after one file: its journal holds that file, no register was written.
    out.unlink()
    first = finished[0]
    marked = {**first, "plan_name": "kept from the journal"}
    journal_path(out).write_text(json.dumps({"file": first["file"], "sha256": first["sha256"], "rows": [marked]})
                                 + "\n" + '{"file": "cut off', encoding="utf-8")
    outcome = stock_run.screen(sources, out, workers=1, resume=True, progress_stream=open(os.devnull, "w"))
    again = {r["file"]: r for r in read(out)}
    assert again[first["file"]]["plan_name"] == "kept from the journal"   # not read again
    assert outcome.skipped == 1 and len(again) == len(finished)
    assert not journal_path(out).exists()
    # A file whose content changed is screened again.
    Path(first["file"]).write_bytes(Path(first["file"]).read_bytes().replace(b'"notes"', b'"notes" ', 1))
    stock_run.screen(sources, out, workers=1, resume=True, progress_stream=open(os.devnull, "w"))
    assert {r["file"]: r for r in read(out)}[first["file"]]["plan_name"] != "kept from the journal"


def crash_on_marked(path: str) -> list[dict]:
    """A worker that dies in native code on one file (as a crashing library would)."""
    if "crash" in path:
        os._exit(1)
    return [{"file": path, "sha256": "x", "status": "read"}]


def test_a_file_that_kills_its_worker_is_a_row_and_the_run_goes_on(tmp_path):
    paths = [str(tmp_path / f"{name}.dxf") for name in ("a", "b", "crash", "c", "d")]
    results = dict(stock_run._pool_map(paths, crash_on_marked, workers=2, memory_mb=2048, lang="nb"))
    assert set(results) == set(paths)
    assert results[paths[2]][0]["status"] == "error" and "arbeidsprosessen" in results[paths[2]][0]["reason"]
    assert all(results[p][0]["status"] == "read" for p in paths if "crash" not in p)


def test_the_process_pool_and_a_dask_cluster_give_the_same_register(stock, tmp_path):
    distributed = pytest.importorskip("distributed")
    pool_out, dask_out = tmp_path / "pool.csv", tmp_path / "dask.csv"
    stock_run.screen([str(stock)], pool_out, workers=2, progress_stream=open(os.devnull, "w"))
    # Workers as threads of one process: spawned worker processes would re-run the test runner's main module
    # (after AppTest, the app script); the register must come out the same either way.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, protocol="tcp",
                                  host="127.0.0.1") as cluster:
        stock_run.screen([str(stock)], dask_out, dask=cluster.scheduler_address,
                         progress_stream=open(os.devnull, "w"))
    assert read(pool_out) == read(dask_out)


def test_bad_sources_and_registers_are_one_sentence(tmp_path, capsys):
    assert planner_main(["screen", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "r.csv")]) == 2
    assert "No DXF, IFC or project files" in capsys.readouterr().err
    assert planner_main(["screen", str(EXAMPLES), "--out", str(tmp_path / "r.txt"), "--lang", "nb"]) == 2
    assert "Registeret må ende på .xlsx, .csv eller .parquet" in capsys.readouterr().err


@pytest.mark.parametrize("grades, text", [
    ([], "1"), ([(1, 1)], "1"), ([(1, 1), (2, 2)], "2"), ([(2, 2), (1, 3)], "2–3"), ([(3, 3), (1, 3)], "3"),
])
def test_a_room_is_as_good_as_its_worst_finding_allows(grades, text):
    assert combine(grades).text() == text
    assert Grade(None, None).text() == "–"


def test_every_remedy_the_costing_can_choose_has_a_grade():
    import re
    source = (ROOT / "costing" / "remedies.py").read_text(encoding="utf-8")
    options = set(re.findall(r'b\.add\("([a-z_]+)"', source)) | {"platformlift", "shaftlift"}
    assert options <= MINOR_WORKS | MAJOR_WORKS, options - (MINOR_WORKS | MAJOR_WORKS)
    assert not MINOR_WORKS & MAJOR_WORKS
