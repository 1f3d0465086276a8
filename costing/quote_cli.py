"""`python -m costing quote PROJECT --xlsx OUT.xlsx`: the chosen remedies as a contractor's quote sheet."""
from __future__ import annotations

import argparse
from pathlib import Path

from planner.i18n import register

register({
    "cli.quote_written": {"en": "Wrote {path}: {lines} lines, total {total}.",
                          "nb": "Skrev {path}: {lines} poster, totalt {total}."},
    "err.cli.quote_write": {"en": "Cannot write {path}: {reason}. Choose another place for the file.",
                            "nb": "Kan ikke skrive {path}: {reason}. Velg et annet sted for filen."},
})


def add_quote_parser(sub) -> None:
    quote = sub.add_parser("quote", help="the chosen remedies of a project as an XLSX quote sheet")
    quote.add_argument("plan", metavar="PROJECT_OR_PLAN", help="a Tilpass project (.json) or a .dxf plan")
    quote.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="where to write the workbook")
    quote.add_argument("--lang", choices=("nb", "en"), default="nb", help="language of the sheet")
    quote.add_argument("--units", choices=("mm", "cm", "m", "in", "ft"), default=None,
                       help="drawing units when the DXF does not say")


def run_quote(args: argparse.Namespace) -> int:
    from costing.options_cli import load_plan_and_state
    from costing.plan import build_plan, contexts
    from costing.quote_xlsx import quote_lines, quote_xlsx
    from planner.project.profile import checked_for
    from planner.i18n import fmt_nok, t
    from planner.model.plan import PlanError
    from planner.rules import rules_for
    plan, state, standard, person = load_plan_and_state(args.plan, args.units, [])
    findings, rules = checked_for(plan, rules_for(None, standard), person)   # priced as the funding plan prices it
    fp = build_plan(plan, findings, state, rules)
    ctx, fctx = contexts(state, rules)
    data = quote_xlsx(fp, ctx.prices, fctx.rates["vat"].value, plan.name or Path(args.plan).name, args.lang)
    try:
        Path(args.xlsx).write_bytes(data)
    except OSError as exc:
        raise PlanError.text("err.cli.quote_write", path=args.xlsx, reason=exc.strerror or type(exc).__name__) \
            from None
    print(t("cli.quote_written", args.lang, path=args.xlsx, lines=len(quote_lines(fp)), total=fmt_nok(fp.total("total"))))
    return 0
