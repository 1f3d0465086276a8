"""`python -m bench`: time import + checks against ezdxf.readfile on the corpus and a 200-flat building."""
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

from planner.checks import assess
from planner.importers import UnitsUnknownError, read_dxf
from planner.model import PlanError
from planner.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "dxf"
TARGET = 1.5
REPEAT = 7


def building(flats: int = 200) -> bytes:
    """A building of `flats` copies of the test flat side by side, 20 to a row, as DXF bytes (mm)."""
    sys.path.insert(0, str(ROOT))
    from tests import dxf_factory as F
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    for k in range(flats):
        first = len(msp)
        F.flat("mm", doc=doc)
        for entity in list(msp)[first:]:
            entity.translate((k % 20) * 4000, (k // 20) * 4000, 0)
    return F.to_bytes(doc)


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
        try:
            result = read_dxf(data, units=units, rules=rules)
            assess(result.plan, rules)
            return f"{len(result.plan.rooms)} rooms, {len(result.plan.doors)} doors"
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("only", nargs="*", help="time only files whose name contains one of these")
    ap.add_argument("--repeat", type=int, default=REPEAT, help=f"rounds per file (default {REPEAT})")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args(argv)
    rules = load_rules()
    rows = []
    files = sorted(CORPUS.glob("*.dxf")) if CORPUS.is_dir() else []
    if not files:
        print(f"corpus not found at {CORPUS.resolve()}; only the generated building is timed")
    print(f"{'file':58} {'readfile':>9} {'import+checks':>13} {'ratio':>6} {'median':>7}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        gen = Path(tmp) / "generated-200-flats.dxf"
        gen.write_bytes(building())
        paths = [p for p in [*files, gen] if not args.only or any(o in p.name for o in args.only)]
        for path in paths:
            m = measure(path, rules, args.repeat)
            m.update(name=path.name, size=path.stat().st_size)
            rows.append(m)
            print(f"{path.name[:58]:58} {m['read'] * 1000:6.0f} ms {m['import'] * 1000:10.0f} ms "
                  f"{m['ratio']:5.2f}x {m['ratio_med']:6.2f}x  {m['outcome']}", flush=True)
    over = [m for m in rows if m["ratio"] > TARGET]
    print(f"\n{len(rows) - len(over)} of {len(rows)} files within {TARGET}x of ezdxf.readfile "
          f"(ratio of the fastest of {args.repeat} interleaved runs of each)")
    if not args.no_write and not args.only:
        write_markdown(rows, args.repeat)
    return 0


def safe(text: str) -> str:
    """Text for Markdown: table bars escaped, undecodable bytes (mojibake layer names) replaced."""
    return text.replace("|", "/").encode("utf-8", errors="replace").decode("utf-8")


def write_markdown(rows, repeat: int) -> None:
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
              "alternating), after a garbage collection. The ratio is the fastest import over the fastest read "
              "(the least disturbed run of each); the median of the per-round ratios is shown beside it as a "
              f"check on noise. Target: at most {TARGET}×.\n\n")
    out.write(f"Last run: {date.today().isoformat()} on {machine}.\n\n")
    out.write("| file | size | ezdxf.readfile | import + checks | ratio | median ratio | outcome |\n"
              "|---|---:|---:|---:|---:|---:|---|\n")
    for m in rows:
        flag = "" if m["ratio"] <= TARGET else " ⚠"
        out.write(f"| `{m['name']}` | {m['size'] / 1024:.0f} KiB | {m['read'] * 1000:.0f} ms | "
                  f"{m['import'] * 1000:.0f} ms | {m['ratio']:.2f}×{flag} | {m['ratio_med']:.2f}× | "
                  f"{safe(m['outcome'])} |\n")
    out.write("\n" + notes)
    path.write_text(out.getvalue(), encoding="utf-8")


NOTES = "## Notes"


if __name__ == "__main__":
    sys.exit(main())
