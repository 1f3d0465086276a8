"""Command line: `python -m planner check PLAN [--standard S] [--units U] [--measure ID.FIELD=VALUE …] [--json]`.

Exit 0 when the plan was read (whatever it found), 2 on bad input with one line on stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from planner.checks import summary
from planner.i18n import register, render, t
from planner.importers.doubts import open_doubts
from planner.importers.report import refusal_code
from planner.project.loading import UNITS, open_path
from planner.project.measurements import parse_measure_arg
from planner.model.plan import PlanError
from planner.project.profile import PROFILE_ARGUMENT, checked_for, chosen_profile, profile_json, profile_lines
from planner.output.report import plan_json
from planner.rules import DEFAULT_STANDARD, available_standards, rules_for

EXIT_OK, EXIT_BAD_INPUT = 0, 2

register({
    "cli.summary": {
        "en": "{plan}: {rooms} rooms, {doors} doors, {fixtures} fixtures (units: {units}; standard: {standard})",
        "nb": "{plan}: {rooms} rom, {doors} dører, {fixtures} innredningsdeler (enhet: {units}; regelverk: {standard})"},
    "cli.note": {"en": "  note: {text}", "nb": "  merk: {text}"},
    "cli.counts": {"en": "{fail} fail, {unknown} unknown, {passed} pass", "nb": "{fail} avvik, {unknown} ukjent, {passed} ok"},
    "cli.doubt": {"en": "  doubt {code}: {text}", "nb": "  tvil {code}: {text}"},
    "cli.provisional": {"en": "  the findings are provisional until the doubts are resolved",
                        "nb": "  funnene er foreløpige til tvilen er løst"},
    "cli.remeasure": {"en": " (re-measure)", "nb": " (mål på nytt)"},
    "cli.report_written": {"en": "Wrote {path} ({kb} kB).", "nb": "Skrev {path} ({kb} kB)."},
    "err.cli.report_costing": {"en": "The project's prices cannot be used: {reason}",
                               "nb": "Prisene i prosjektet kan ikke brukes: {reason}"},
    "err.cli.report_write": {"en": "Cannot write {path}: {reason}. Choose another place for the PDF.",
                             "nb": "Kan ikke skrive {path}: {reason}. Velg et annet sted for PDF-en."},
    "cli.too_large": {"en": "{plan} is too large or too deeply nested to read.",
                      "nb": "{plan} er for stor eller for dypt nøstet til å leses."},
})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for any other bad input
        self.exit(EXIT_BAD_INPUT, f"tilpass: {message}; see --help.\n")


def _layer_role(text: str) -> tuple[str, str]:
    layer, sep, role = text.rpartition("=")
    if not sep or not layer:
        raise PlanError.text("err.cli.layer_role", text=repr(text))
    return layer, role.strip()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m planner", description="Check a floor plan for wheelchair accessibility.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="read a DXF, IFC, RoomPlan scan or project file and check it")
    check.add_argument("plan", help="a .dxf drawing, an .ifc model, a RoomPlan scan (.json) or a Tilpass project .json")
    check.add_argument("--standard", default=None, choices=available_standards(),
                       help=f"the rules to check by (default: the project's own, else {DEFAULT_STANDARD})")
    check.add_argument("--units", choices=UNITS, help="the drawing unit, when the file does not say or says wrong")
    check.add_argument("--measure", action="append", default=[], metavar="ID.FIELD=VALUE",
                       help="a site measurement in mm, e.g. D2.threshold_mm=40 (repeatable)")
    check.add_argument("--layer-role", action="append", default=[], metavar="LAYER=ROLE",
                       help="say what a layer holds: walls, doors, rooms, labels, fixtures or ignore (repeatable)")
    check.add_argument("--region", type=int, help="which plan to read when the file holds several: a drawing on a DXF sheet, an IFC storey "
                            "or a scanned storey (see the import report)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--lang", default="en", choices=("en", "nb"), help="language of the messages")
    check.add_argument("--profile", **PROFILE_ARGUMENT)
    add_report_parser(sub)
    from stock.cli import add_screen_parser  # the entry point may call every package; planner itself never does
    add_screen_parser(sub)
    return parser


def add_report_parser(sub) -> None:
    report = sub.add_parser("report", help="write the application report of a project or drawing as an A4 PDF")
    report.add_argument("plan", help="a Tilpass project .json (or a .dxf drawing)")
    report.add_argument("--pdf", required=True, metavar="OUT.pdf", help="where to write the PDF")
    report.add_argument("--lang", default="nb", choices=("nb", "en"), help="language of the report")
    report.add_argument("--standard", choices=available_standards(),
                        help="the rules to check against (default: the project's own)")
    report.add_argument("--units", choices=UNITS, help="the drawing unit, when a DXF does not say or says wrong")
    report.add_argument("--region", type=int, help="which plan to read when a DXF holds several")


def run_report(args: argparse.Namespace) -> int:
    """Write the PDF. The command line is an edge like app.py: it puts planner and costing together
    (costing.package); the planner library itself never imports costing."""
    from costing.package import application_pdf
    project = open_path(args.plan, units=args.units, region=args.region)
    rules = rules_for(args.standard, project.standard)
    try:
        data = application_pdf(project, rules, args.lang)
    except PlanError:
        raise
    except ValueError as exc:   # a saved price or rate that cannot be used: its own sentence
        message = exc.message(args.lang) if hasattr(exc, "message") else str(exc)
        raise PlanError.text("err.cli.report_costing", reason=message) from None
    try:
        with open(args.pdf, "wb") as out:
            out.write(data)
    except OSError as exc:
        raise PlanError.text("err.cli.report_write", path=args.pdf, reason=exc.strerror or type(exc).__name__) \
            from None
    print(t("cli.report_written", args.lang, path=args.pdf, kb=max(1, len(data) // 1024)))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    layer_roles = dict(_layer_role(x) for x in args.layer_role) or None
    measurements = [parse_measure_arg(x) for x in args.measure]
    project = open_path(args.plan, units=args.units, layer_roles=layer_roles, region=args.region)
    for m in measurements:
        project = project.with_measurement(m)
    plan, problems = project.measured_plan()
    unknown = [m for m in measurements if any(p.startswith(f"{m.element}.{m.field}:") for p in problems)]
    if unknown:
        m = unknown[0]
        raise PlanError.text("err.cli.measure_unknown", element=m.element, field=m.field)
    person = chosen_profile(args.profile, project.person)
    standard = rules_for(args.standard, project.standard)
    findings, rules = checked_for(plan, standard, person)
    doubts = open_doubts(plan, project.source)
    if args.json:
        data = plan_json(plan, findings, rules.id, args.lang)
        data["profile"] = profile_json(person, standard)
        data["doubts"] = [{"code": d.code, "message": d.message(args.lang), "elements": list(d.elements)}
                          for d in doubts]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
    counts = summary(findings)
    lang = args.lang
    print(t("cli.summary", lang, plan=args.plan, rooms=len(plan.rooms), doors=len(plan.doors),
            fixtures=len(plan.fixtures), units=plan.units, standard=rules.id))
    report = plan.import_report
    texts = report.get("warnings_t") or [None] * len(report.get("warnings", []))
    for warning, text in zip(report.get("warnings", []), texts):
        print(t("cli.note", lang, text=render(text, lang) if text else warning))
    for notice in project.notices:   # what a project file held that could not be kept
        print(t("cli.note", lang, text=render(notice, lang)))
    for line in profile_lines(person, standard, lang):
        print(line)
    for d in doubts:
        print(t("cli.doubt", lang, code=d.code, text=d.message(lang)))
    if doubts:
        print(t("cli.provisional", lang))
    print(t("cli.counts", lang, fail=counts["fail"], unknown=counts["unknown"], passed=counts["pass"]))
    for status in ("fail", "unknown", "pass"):
        for f in findings:
            if f.status == status:
                mark = t("cli.remeasure", lang) if f.remeasure else ""
                print(f"  {t('status.' + status, args.lang):8} {f.element:9} {t('check.' + f.check, args.lang):20} "
                      f"{f.message(args.lang)} [{f.rule}]{mark}")
    return EXIT_OK


def refusal_json(exc: PlanError, lang: str) -> dict:
    """A refusal as one object: its code and sentence, the unit assumed, the layer roles guessed, the drawings."""
    report = getattr(exc, "report", None) or {}
    units = report.get("units") or {}
    guess = getattr(exc, "guess", None)
    return {"refused": True, "code": getattr(exc, "code", None) or refusal_code(exc.key),
            "message": exc.message(lang),
            "units": units.get("used") if units else guess, "units_inferred": units.get("inferred", guess),
            "layer_roles": report.get("layers", {}),
            "drawings": [{k: d[k] for k in ("index", "kind", "bbox_mm", "entity_count") if k in d}
                         for d in report.get("regions", [])],
            "region": report.get("region")}


def _utf8_output() -> None:
    """Every output in UTF-8, whatever the locale says (names from a drawing may be in any script)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _utf8_output()
    args = build_parser().parse_args(argv)
    # names typed under a locale that is not UTF-8 arrive as surrogate escapes: they are UTF-8 all the same
    if args.command == "check":
        args.layer_role = [os.fsencode(x).decode("utf-8", errors="replace") for x in args.layer_role]
    try:
        if args.command == "screen":
            from stock.cli import run_screen
            return run_screen(args)
        if args.command == "report":
            return run_report(args)
        return run_check(args)
    except PlanError as exc:
        if args.command == "check" and args.json:
            print(json.dumps(refusal_json(exc, args.lang), ensure_ascii=False, indent=1))
        print(f"tilpass: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early
        sys.stderr.close()
        return EXIT_OK
    except (MemoryError, RecursionError):
        print(f"tilpass: {t('cli.too_large', args.lang, plan=args.plan)}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
