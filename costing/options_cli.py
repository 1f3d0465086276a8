"""`python -m costing options PROJECT_OR_PLAN`: for each failing finding, its remedies and funding split."""
from __future__ import annotations

import argparse


def add_options_parser(sub) -> None:
    opts = sub.add_parser("options", help="remedies and funding split for each failing finding of a plan")
    opts.add_argument("plan", metavar="PROJECT_OR_PLAN", help="a Tilpass project (.json) or a .dxf plan")
    opts.add_argument("--json", action="store_true", help="print one JSON object")
    opts.add_argument("--units", choices=("mm", "cm", "m", "in", "ft"), default=None,
                      help="drawing units when the DXF does not say")
    opts.add_argument("--measure", action="append", default=[], metavar="ID.FIELD=VALUE",
                      help="a site measurement, e.g. entrance.rise_mm=600 (repeatable)")


def run_options(args: argparse.Namespace) -> int:
    import sys
    print("The options command is not available yet.", file=sys.stderr)
    return 2
