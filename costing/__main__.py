"""Command line: `python -m costing grant …` (NAV's grant rule), `python -m costing options PLAN …` and
`python -m costing quote PROJECT --xlsx OUT.xlsx` (the quote sheet).

Exit 0 on success, 2 on bad input with one sentence on stderr (never a traceback).
"""
from __future__ import annotations

import argparse
import json
import sys

from costing.grants import ALTERNATIVES, RAMP, GrantInputError, nav_grant


class UsageError(Exception):
    """Bad command-line input; the message is one sentence."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage and exit 2 over two lines
        raise UsageError(f"{message[0].upper()}{message[1:]} (see {self.prog} --help).")


def _number_arg(field: str):
    """An argparse type reading a number as the app does (planner/model/numbers.py): "40 250" and "40250,50" are
    read, "40.250" is asked about (never 40 kr), anything else is one sentence naming the option."""
    def read(text: str) -> float:
        from planner.model.fields import FIELD_RANGES
        from planner.model.numbers import NumberError, parse_number
        try:
            return parse_number(text, f"measure.field.{field}", FIELD_RANGES[field])
        except NumberError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    read.__name__ = field     # argparse names the type in its message
    return read


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m costing", description="Tilpass costing: NAV grants and funding plans.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, required=True)
    grant = sub.add_parser("grant", help="NAV's grant instead of a ramp or lift for a permanent solution.",
                           description="grant = min(cap of the alternative aid, cost of the permanent solution)")
    grant.add_argument("--rise-mm", type=_number_arg("rise_mm"), required=True, help="level difference to bridge [mm]")
    grant.add_argument("--permanent-cost-nok", type=_number_arg("permanent_cost_nok"), required=True,
                       help="real cost of the permanent solution incl. VAT [kr]")
    grant.add_argument("--alternative", choices=ALTERNATIVES, default=RAMP,
                       help="the aid NAV would otherwise lend (default: ramp)")
    grant.add_argument("--alternative-price-nok", type=_number_arg("alternative_price_nok"), default=None,
                       help="price of the alternative aid incl. VAT, excl. installation [kr]; for a lift, without "
                            "it the price list's estimate is used (marked as an estimate); for a ramp it replaces "
                            "NAV's rate")
    grant.add_argument("--json", action="store_true", help="print one JSON object")
    from costing.options_cli import add_options_parser
    add_options_parser(sub)
    from costing.quote_cli import add_quote_parser
    add_quote_parser(sub)
    return parser


def format_grant(result) -> str:
    from planner.i18n import fmt_nok
    lines = [f"Alternative aid:        {result.alternative} ({result.cap_rule})",
             f"Cap (most NAV grants):  {fmt_nok(result.cap_nok)}  [confidence {result.cap_confidence}]",
             f"Permanent solution:     {fmt_nok(result.permanent_cost_nok)}",
             f"NAV grant:              {fmt_nok(result.grant_nok)}  (limited by the {result.limited_by})",
             f"Left for the household: {fmt_nok(result.own_share_nok)}  (before Husbanken, start loan, own money)"]
    lines += [f"Note: {n}" for n in result.notes]
    return "\n".join(lines)


def run_grant(args: argparse.Namespace) -> int:
    """A lift without --alternative-price-nok is capped at the price list's estimate, marked as one (confidence A),
    as the app does: NAV's framework prices are not public, and the user can always give the real price."""
    estimate = None
    if args.alternative != RAMP and args.alternative_price_nok is None:
        from costing.plan import contexts
        from costing.schemes.nav_grant import lift_estimate_nok
        _, fctx = contexts({})
        estimate = lift_estimate_nok(args.alternative, args.rise_mm, fctx)
    result = nav_grant(args.rise_mm, args.permanent_cost_nok, args.alternative, args.alternative_price_nok,
                       lift_estimate_nok=estimate)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) if args.json else format_grant(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    from planner.model.plan import PlanError
    try:
        args = build_parser().parse_args(argv)
        if args.command == "grant":
            return run_grant(args)
        if args.command == "quote":
            from costing.quote_cli import run_quote
            return run_quote(args)
        from costing.options_cli import run_options
        return run_options(args)
    except (UsageError, GrantInputError, PlanError) as exc:
        print(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
