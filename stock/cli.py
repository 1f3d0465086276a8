"""`python -m planner screen SOURCES… --out REGISTER.(xlsx|csv|parquet)`: a register of a whole housing stock."""
from __future__ import annotations

import argparse
import glob
import sys
from pathlib import Path

from planner.i18n import t
from planner.project.loading import UNITS
from planner.model.plan import PlanError
from planner.rules import available_standards
from stock.run import DEFAULT_MEMORY_MB, screen


def add_screen_parser(sub) -> None:
    p = sub.add_parser("screen", help="screen many plans into one register (one row per dwelling)")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders or globs of .dxf, .ifc and .json")
    p.add_argument("--out", required=True, metavar="REGISTER", help="the register: .xlsx, .csv or .parquet")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="processes (default: all cores)")
    p.add_argument("--dask", metavar="ADDRESS", help="run on the Dask cluster whose scheduler is at ADDRESS")
    p.add_argument("--resume", action="store_true", help="keep the files already in the register (by content hash)")
    p.add_argument("--standard", choices=available_standards(), default=None,
                   help="the rules to check against (default: each project's own, else no-tek17)")
    p.add_argument("--units", choices=UNITS, help="the unit of drawings that do not say")
    p.add_argument("--memory-mb", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                   help="address space per worker process")
    p.add_argument("--lang", default="en", choices=("en", "nb"), help="language of the register's texts")


def run_screen(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise PlanError.text("screen.workers", n=args.workers)
    missing = [s for s in args.sources if not glob.has_magic(s) and not Path(s).exists()]
    if missing:
        raise PlanError.text("err.path.missing", path=missing[0])
    out = Path(args.out)
    outcome = screen(args.sources, out, workers=args.workers, dask=args.dask, resume=args.resume,
                     standard=args.standard, units=args.units, lang=args.lang, memory_mb=max(256, args.memory_mb))
    print(t("screen.done", args.lang, rows=outcome.rows, files=outcome.files, refused=outcome.refused,
            skipped=outcome.skipped, out=str(out)), file=sys.stdout)
    return 0
