"""`python -m bench.screen` (`make bench-screen`): screen generated stocks of dwellings, every one different and some
damaged, and report dwellings per second per core, the speed-up from one core to all, peak memory per worker and
how the time grows with the stock; the result goes into docs/benchmarks.md."""
from __future__ import annotations

import argparse
import math
import os
import platform
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Screening a stock"


def dwelling(seed: int) -> bytes | None:
    """One generated dwelling as DXF bytes (see dwelling_plan); None when the draw does not fit together."""
    from planner.output.dxf_export import plan_to_dxf_bytes
    plan = dwelling_plan(seed)
    return None if plan is None else plan_to_dxf_bytes(plan)


def dwelling_plan(seed: int):
    """One generated dwelling: hall, living room, kitchen, one to three bedrooms, a bathroom, sometimes a WC; sizes,
    door widths and door walls drawn at random. None when the draw does not fit together."""
    from planner.model.plan import Plan, PlanError
    from planner.importers.rooms_by_numbers import RoomRequest, add_room
    from planner.rules import load_rules
    rng = random.Random(seed)
    rules = load_rules()
    plan = Plan(name=f"Bolig {seed}", rooms=(), doors=(), fixtures=())
    kinds = ["hall", "living", "kitchen"] + ["bedroom"] * rng.randint(1, 3) + ["bathroom"] + \
            (["wc"] if rng.random() < 0.3 else [])
    try:
        for k, kind in enumerate(kinds):
            base = RoomRequest.from_template(kind)
            changes = dict(width_mm=round(base.width_mm * rng.uniform(0.85, 1.3), -1),
                           depth_mm=round(base.depth_mm * rng.uniform(0.9, 1.25), -1),
                           door_width_mm=rng.choice((700, 800, 900, 1000)), door_wall="west" if k else "south")
            plan, _ = add_room(plan, RoomRequest.from_template(kind, name=kind.capitalize(), **changes), rules)
        return plan
    except PlanError:
        return None


def _write(args: tuple[Path, int]) -> str:
    folder, seed = args
    rng = random.Random(seed * 7919)
    data = None
    while data is None:
        data = dwelling(seed)
        seed += 100_003
    path = folder / f"bolig-{args[1]:05d}.dxf"
    roll = rng.random()
    if roll < 0.02:      # a damaged file: cut off in the middle
        data = data[: len(data) // 2]
    elif roll < 0.03:    # not a drawing at all
        data = bytes(rng.getrandbits(8) for _ in range(2048))
    path.write_bytes(data)
    return str(path)


def make_stock(folder: Path, n: int, workers: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(workers) as pool:
        return sorted(pool.map(_write, [(folder, i) for i in range(n)], chunksize=32))


def run(sources: list[str], workers: int, out: Path) -> tuple[float, int]:
    from stock.run import screen
    start = time.perf_counter()
    outcome = screen(sources, out, workers=workers, progress_stream=open(os.devnull, "w"))
    return time.perf_counter() - start, outcome.rows


def peak_child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024   # Linux: KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.screen", description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="stock sizes (default 1000 10000)")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args(argv)
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.sizes):
            folder = Path(tmp) / f"stock-{n}"
            t0 = time.perf_counter()
            make_stock(folder, n, cores)
            made = time.perf_counter() - t0
            seconds_all, dwellings = run([str(folder)], cores, Path(tmp) / f"register-{n}.parquet")
            row = {"n": n, "dwellings": dwellings, "all": seconds_all, "made": made}
            if n == min(args.sizes) and cores > 1:
                seconds_one, _ = run([str(folder)], 1, Path(tmp) / f"register-{n}-1.parquet")
                row["one"] = seconds_one
            row["rss_mb"] = peak_child_rss_mb()
            rows.append(row)
            per_core = dwellings / seconds_all / cores
            speedup = f"{row['one'] / seconds_all:.2f}x" if "one" in row else "–"
            print(f"{n:6d} files: {dwellings} dwellings in {seconds_all:.1f} s on {cores} cores = "
                  f"{per_core:.1f} dwellings/s/core; speed-up 1 -> {cores} cores {speedup}; "
                  f"peak memory per worker {row['rss_mb']:.0f} MB (stock made in {made:.0f} s)", flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        exponent = math.log(b["all"] / a["all"]) / math.log(b["n"] / a["n"])
        print(f"growth exponent of the time in the number of files: {exponent:.2f} (1.00 is linear)")
    else:
        exponent = None
    if not args.no_write:
        write_markdown(rows, exponent, cores, load)
    return 0


def write_markdown(rows: list[dict], exponent: float | None, cores: int, load: float) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    head = old[: old.index(SECTION)] if SECTION in old else old.rstrip() + "\n\n"
    lines = [SECTION, "",
             "`make bench-screen` (`python -m bench.screen`) screens generated stocks of dwellings (every dwelling "
             "drawn at random: 5 to 8 rooms of random sizes, door widths of 700 to 1 000 mm; 2 % cut off and 1 % not "
             "a drawing at all) into a register, on all cores, and the smallest also on one core.", "",
             f"Last run: {datetime.now().astimezone().isoformat(timespec='minutes')} on {platform.machine()}, "
             f"{cores} CPUs, Python {platform.python_version()}, load average {load:.2f} at the start.", "",
             "| files | dwellings read | time, all cores | dwellings/s/core | speed-up 1 → all cores | "
             "peak memory per worker |", "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        speedup = f"{r['one'] / r['all']:.2f}×" if "one" in r else "–"
        lines.append(f"| {r['n']} | {r['dwellings']} | {r['all']:.1f} s | {r['dwellings'] / r['all'] / cores:.1f} | "
                     f"{speedup} | {r['rss_mb']:.0f} MB |")
    if exponent is not None:
        lines += ["", f"Growth exponent of the time in the number of files: {exponent:.2f} (1.00 is linear)."]
    path.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
