"""`python -m bench`: time import + checks against ezdxf.readfile on the corpus and a 200-flat building."""
from __future__ import annotations

import io
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import ezdxf

from planner.checks import assess
from planner.importers import UnitsUnknownError, read_dxf
from planner.model import PlanError
from planner.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "dxf"
TARGET = 1.5
REPEAT = 3


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


def best(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(path: Path, rules) -> tuple[float, float, str]:
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

    outcome = run()
    t_read = best(lambda: ezdxf.readfile(path))
    t_import = best(run)
    return t_read, t_import, outcome


def main() -> int:
    rules = load_rules()
    rows = []
    files = sorted(CORPUS.glob("*.dxf")) if CORPUS.is_dir() else []
    if not files:
        print(f"corpus not found at {CORPUS.resolve()}; only the generated building is timed")
    with tempfile.TemporaryDirectory() as tmp:
        gen = Path(tmp) / "generated-200-flats.dxf"
        gen.write_bytes(building())
        for path in [*files, gen]:
            t_read, t_import, outcome = measure(path, rules)
            rows.append((path.name, path.stat().st_size, t_read, t_import, t_import / t_read, outcome))
            print(f"{path.name[:58]:58} {t_read * 1000:8.0f} ms {t_import * 1000:8.0f} ms "
                  f"{t_import / t_read:6.2f}x  {outcome}", flush=True)
    over = [r for r in rows if r[4] > TARGET]
    print(f"\n{len(rows) - len(over)} of {len(rows)} files within {TARGET}x of ezdxf.readfile")
    write_markdown(rows)
    return 0


def safe(text: str) -> str:
    """Text for Markdown: table bars escaped, undecodable bytes (mojibake layer names) replaced."""
    return text.replace("|", "/").encode("utf-8", errors="replace").decode("utf-8")


def write_markdown(rows) -> None:
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, " \
              f"ezdxf {ezdxf.__version__}, {platform.system()} {platform.release()}"
    out = io.StringIO()
    out.write("# Import benchmark\n\n`make bench` (`python -m bench`) times, for each file, `read_dxf` + "
              "`assess` (all checks) against `ezdxf.readfile` alone, best of "
              f"{REPEAT} runs in the same process. Target: at most {TARGET}×.\n\n")
    out.write(f"Last run: {date.today().isoformat()} on {machine}.\n\n")
    out.write("| file | size | ezdxf.readfile | import + checks | ratio | outcome |\n|---|---:|---:|---:|---:|---|\n")
    for name, size, t_read, t_import, ratio, outcome in rows:
        flag = "" if ratio <= TARGET else " ⚠"
        out.write(f"| `{name}` | {size / 1024:.0f} KiB | {t_read * 1000:.0f} ms | {t_import * 1000:.0f} ms | "
                  f"{ratio:.2f}×{flag} | {safe(outcome)} |\n")
    (ROOT / "docs" / "benchmarks.md").write_text(out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
