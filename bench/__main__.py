"""`python -m bench`: import + checks against ezdxf.readfile on the corpus and on generated buildings of 10, 200 and
1 000 different flats (with the growth exponent and memory per entity), and the app's interactions against a
minimal Streamlit page."""
from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import ezdxf
import numpy as np
import shapely

from bench import cold
from planner.checks import assess
from planner.importers import UnitsUnknownError, read_dxf
from planner.model.plan import PlanError
from planner.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "dxf"
TARGET = 1.5
REPEAT = 7
FLATS = (10, 200, 1000)


def timed(fn) -> float:
    gc.collect()
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(path: Path, rules, repeat: int = REPEAT) -> dict:
    """Times of ezdxf.readfile and of import + checks on one file, `repeat` rounds, the two interleaved in each
    round so that a busy machine slows both alike. Returns the minimum and the median of each, and the outcome."""
    data = path.read_bytes()
    units = None
    try:
        read_dxf(data, rules=rules)
    except UnitsUnknownError as err:
        units = err.guess or "mm"
    except PlanError:
        pass

    def run():
        cold()   # each round reads the file from its bytes and checks it anew: no reading before it may help
        try:
            result = read_dxf(data, units=units, rules=rules)
            assess(result.plan, rules)
            doors = result.plan.doors
            return f"{len(result.plan.rooms)} rooms, {len(doors)} doors ({sum(d.swing is not None for d in doors)} " \
                   f"with a swing)"
        except PlanError as err:
            return f"refused: {str(err)[:60]}…"

    outcome = run()           # warm-up: imports, caches
    ezdxf.readfile(path)
    reads, imports = [], []
    for k in range(repeat):
        # alternate which goes first, so neither always runs on a cache the other has just warmed
        if k % 2:
            imports.append(timed(run))
            reads.append(timed(lambda: ezdxf.readfile(path)))
        else:
            reads.append(timed(lambda: ezdxf.readfile(path)))
            imports.append(timed(run))
    ratios = [i / r for i, r in zip(imports, reads)]
    return {"read": min(reads), "import": min(imports), "read_med": statistics.median(reads),
            "import_med": statistics.median(imports), "ratio": min(imports) / min(reads),
            "ratio_med": statistics.median(ratios), "outcome": outcome}


def growth(rows: list[dict], key: str) -> float | None:
    """The exponent b of time = a * flats**b, fitted by least squares on log-log over the generated buildings."""
    pts = [(r["flats"], r[key]) for r in rows if r.get("flats")]
    if len(pts) < 2:
        return None
    xs, ys = np.log([p[0] for p in pts]), np.log([p[1] for p in pts])
    return float(np.polyfit(xs, ys, 1)[0])


def memory_per_entity(path: Path, rules) -> tuple[float, float, float]:
    """Peak Python memory per entity (bytes), by tracemalloc: of import + checks (the checks' memo filling as it
    does on a first reading), of the import alone, and of ezdxf.readfile."""
    import tracemalloc
    data = path.read_bytes()
    count = sum(1 for _ in ezdxf.readfile(path).modelspace())
    out = []
    for fn in (lambda: assess(read_dxf(data, units="mm", rules=rules).plan, rules),
               lambda: read_dxf(data, units="mm", rules=rules), lambda: ezdxf.readfile(path)):
        cold()
        gc.collect()
        tracemalloc.start()
        fn()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        out.append(peak / max(count, 1))
    return out[0], out[1], out[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("only", nargs="*", help="time only files whose name contains one of these")
    ap.add_argument("--repeat", type=int, default=REPEAT, help=f"rounds per file (default {REPEAT})")
    ap.add_argument("--flats", type=int, nargs="*", default=list(FLATS),
                    help=f"generated buildings of this many different flats (default {' '.join(map(str, FLATS))})")
    ap.add_argument("--no-app", action="store_true", help="skip the app interactions")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args(argv)
    rules = load_rules()
    rows = []
    files = sorted(CORPUS.glob("*.dxf")) if CORPUS.is_dir() else []
    if not files:
        print(f"corpus not found at {CORPUS.resolve()}; only the generated buildings are timed")
    print(f"{'file':58} {'readfile':>9} {'import+checks':>13} {'ratio':>6} {'median':>7}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        from bench.buildings import varied_building
        generated = []
        for flats in sorted(args.flats):
            path = Path(tmp) / f"generated-{flats}-different-flats.dxf"
            path.write_bytes(varied_building(flats))
            generated.append((path, flats))
        paths = [(p, None) for p in files] + generated
        paths = [(p, n) for p, n in paths if not args.only or any(o in p.name for o in args.only)]
        for path, flats in paths:
            repeat = args.repeat if not flats or flats < 500 else max(2, args.repeat // 3)
            m = measure(path, rules, repeat)
            m.update(name=path.name, size=path.stat().st_size, flats=flats)
            if flats:
                m["mem_import"], m["mem_read_dxf"], m["mem_read"] = memory_per_entity(path, rules)
            rows.append(m)
            print(f"{path.name[:58]:58} {m['read'] * 1000:6.0f} ms {m['import'] * 1000:10.0f} ms "
                  f"{m['ratio']:5.2f}x {m['ratio_med']:6.2f}x  {m['outcome']}", flush=True)
        app_rows = [] if args.no_app else app_interactions(files, generated)
    over = [m for m in rows if m["ratio"] > TARGET]
    print(f"\n{len(rows) - len(over)} of {len(rows)} files within {TARGET}x of ezdxf.readfile "
          f"(ratio of the fastest of the interleaved runs of each)")
    exponents = {"import": growth(rows, "import"), "read": growth(rows, "read")}
    if exponents["import"] is not None:
        print(f"growth exponent in the number of flats: import + checks {exponents['import']:.2f}, "
              f"ezdxf.readfile {exponents['read']:.2f}")
    for m in rows:
        if m.get("mem_import"):
            print(f"memory per entity, {m['name']}: import + checks {m['mem_import'] / 1024:.1f} KiB, "
                  f"import {m['mem_read_dxf'] / 1024:.1f} KiB, ezdxf.readfile {m['mem_read'] / 1024:.1f} KiB")
    for a in app_rows:
        print(f"app: {a['what']:58} {a['time'] * 1000:7.0f} ms  {a['ratio']:5.2f}x the minimal page")
    if not args.no_write and not args.only:
        write_markdown(rows, args.repeat, exponents, app_rows)
    return 0


def app_interactions(files: list[Path], generated: list[tuple[Path, int]]) -> list[dict]:
    """Server-side times of the app's interactions (AppTest runs the real script), each against the same
    interaction on a minimal Streamlit page in the same process: first load, a widget change; with the default
    example, the largest corpus file and the 200- and 1 000-flat buildings open."""
    from bench.app_timing import measure_app
    largest = max(files, key=lambda p: p.stat().st_size) if files else None
    buildings = [(f"the {n if n < 1000 else '1 000'}-flat building", p) for p, n in generated if n in (200, 1000)]
    return measure_app(largest, buildings)


def safe(text: str) -> str:
    """Text for Markdown: table bars escaped, undecodable bytes (mojibake layer names) replaced."""
    return text.replace("|", "/").encode("utf-8", errors="replace").decode("utf-8")


def write_markdown(rows, repeat: int, exponents: dict | None = None, app_rows: list | None = None) -> None:
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, " \
              f"ezdxf {ezdxf.__version__}, shapely {shapely.__version__}, numpy {np.__version__}, " \
              f"{platform.system()} {platform.release()}"
    path = ROOT / "docs" / "benchmarks.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    notes = old[old.index(NOTES):] if NOTES in old else NOTES + "\n"
    out = io.StringIO()
    out.write("# Import benchmark\n\n`make bench` (`python -m bench`) times, for each file, `read_dxf` + "
              "`assess` (all checks) against `ezdxf.readfile` alone on the same file in the same process. Each "
              f"file gets {repeat} rounds; in each round both are timed, one right after the other (the order "
              "alternating), after a garbage collection, and each import is a first reading (`bench.cold`: nothing "
              "kept from the reading before, neither the parsed drawing nor the checks' memo). The ratio is the fastest import over the fastest read "
              "(the least disturbed run of each); the median of the per-round ratios is shown beside it as a "
              f"check on noise. Target: at most {TARGET}×.\n\n")
    out.write(f"Last run: {date.today().isoformat()} on {machine}.\n\n")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    out.write(f"Load average when it ended: {load:.2f}. Rows marked *refused* are drawings the importer refuses "
              "with a sentence: their time is the time to refuse. The generated buildings are flats side by side where "
              "no two are alike, drawn as walls, door and fixture blocks and labels without room outlines "
              "(`bench/buildings.py`).\n\n")
    out.write("| file | size | ezdxf.readfile | import + checks | ratio | median ratio | outcome |\n"
              "|---|---:|---:|---:|---:|---:|---|\n")
    for m in rows:
        flag = "" if m["ratio"] <= TARGET else " ⚠"
        outcome = safe(m["outcome"])
        outcome = f"*refused*: {outcome.removeprefix('refused: ')}" if outcome.startswith("refused") else outcome
        out.write(f"| `{m['name']}` | {m['size'] / 1024:.0f} KiB | {m['read'] * 1000:.0f} ms | "
                  f"{m['import'] * 1000:.0f} ms | {m['ratio']:.2f}×{flag} | {m['ratio_med']:.2f}× | "
                  f"{outcome} |\n")
    if exponents and exponents.get("import") is not None:
        out.write(f"\nGrowth exponent in the number of flats (least squares, log-log): import + checks "
                  f"{exponents['import']:.2f}, ezdxf.readfile {exponents['read']:.2f}.\n")
    mem = [m for m in rows if m.get("mem_import")]
    if mem:
        out.write("\n| generated building | memory per entity, import + checks (with the checks' memo) | import | "
                  "ezdxf.readfile |\n|---|---:|---:|---:|\n")
        for m in mem:
            out.write(f"| `{m['name']}` | {m['mem_import'] / 1024:.1f} KiB | {m['mem_read_dxf'] / 1024:.1f} KiB | "
                      f"{m['mem_read'] / 1024:.1f} KiB |\n")
    if app_rows:
        out.write("\n## The app\n\nServer-side time of each interaction (AppTest runs the real script), against the "
                  "same kind of interaction on a minimal Streamlit page (a title, a select box, a number) measured in "
                  "the same run.\n\n| interaction | time | minimal page | ratio |\n|---|---:|---:|---:|\n")
        for a in app_rows:
            out.write(f"| {a['what']} | {a['time'] * 1000:.0f} ms | {a['anchor'] * 1000:.0f} ms | "
                      f"{a['ratio']:.2f}× |\n")
    out.write("\n" + notes)
    path.write_text(out.getvalue(), encoding="utf-8")


NOTES = "## Notes"


if __name__ == "__main__":
    sys.exit(main())
