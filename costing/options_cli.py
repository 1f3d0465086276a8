"""`python -m costing options PROJECT_OR_PLAN`: for each failing finding, its remedies and funding split."""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_options_parser(sub) -> None:
    opts = sub.add_parser("options", help="remedies and funding split for each failing finding of a plan")
    opts.add_argument("plan", metavar="PROJECT_OR_PLAN", help="a Tilpass project (.json) or a .dxf plan")
    opts.add_argument("--json", action="store_true", help="print one JSON object")
    opts.add_argument("--units", choices=("mm", "cm", "m", "in", "ft"), default=None,
                      help="drawing units when the DXF does not say")
    opts.add_argument("--measure", action="append", default=[], metavar="ID.FIELD=VALUE",
                      help="a site measurement, e.g. entrance.rise_mm=600 (repeatable)")
    opts.add_argument("--lang", choices=("nb", "en"), default="en", help="language of the text output")
    from planner.rules import DEFAULT_STANDARD, available_standards
    opts.add_argument("--standard", default=None, choices=available_standards(),
                      help=f"the rules to check by (default: the project's own, else {DEFAULT_STANDARD})")
    from planner.project.profile import PROFILE_ARGUMENT
    opts.add_argument("--profile", **PROFILE_ARGUMENT)


def load_plan_and_state(path: str, units: str | None, measures: list[str]):
    """(plan with measurements applied, costing state, the project's standard or None, the project's person profile
    or None) from a project file, a DXF, an IFC model or a RoomPlan scan."""
    from planner.project.measurements import apply_measurements, latest, parse_measure_arg
    from planner.model.plan import PlanError
    from planner.project.loading import read_limited
    from planner.project.file import is_project_bytes, loads_project
    try:
        data = read_limited(path)
    except OSError as exc:
        raise PlanError.text("err.cli.cannot_read", path=str(path), reason=str(exc.strerror or exc)) from None
    extra = [parse_measure_arg(m) for m in measures]
    if is_project_bytes(data):
        project = loads_project(data)
        plan, measurements, state = project.plan, list(project.measurements), project.costing
        standard, person = project.standard, project.person
    else:
        from planner.project.loading import open_bytes
        plan, measurements, state = open_bytes(data, Path(path).name, units=units).plan, [], {}
        standard, person = None, None
    plan, _ = apply_measurements(plan, latest(measurements + extra))
    return plan, state, standard, person


def _text(result, lang: str) -> str:
    from costing import texts  # noqa: F401  (registers the texts)
    from planner.i18n import fmt_nok, t
    out = []
    for b in result.barriers:
        out.append(t(f"barrier.{b.finding.code}", lang, element=b.finding.element) + f"  [{b.finding.rule}]")
        for r in b.remedies:
            s = b.splits[r.id]
            mark = "*" if r.id == b.chosen else " "
            paid = ", ".join(f"{t('scheme.' + k, lang)} {fmt_nok(v)}" for k, v in s.amounts.items() if v)
            extra = "" if r.ramp is None else ("  " + t("cli.ramp", lang, **r.ramp.text_params(lang))
                                               + ("" if r.fits is None else " " + t(f"cli.fits.{r.fits}", lang)))
            if not r.adequate:
                extra += "  (" + t("cli.not_adequate", lang) + ")"
            out.append(f" {mark} {t('remedy.' + r.option, lang)}: {fmt_nok(r.total_nok)}; "
                       f"{t('cli.you_pay', lang, nok=fmt_nok(s.household_now_nok))}{extra}\n      {paid}")
    for b, why in result.left_out():
        out.append(t(why, lang, barrier=t(f"barrier.{b.finding.code}", lang, element=b.finding.element)))
    totals = {k: fmt_nok(v) for k, v in result.to_dict()["plan"]["totals"].items()}
    out.append(t("cli.plan", lang, **totals))
    return "\n".join(out) if result.barriers else t("cli.no_barriers", lang)


def run_options(args: argparse.Namespace) -> int:
    from costing import texts  # noqa: F401  (registers the texts)
    from costing.plan import build_plan
    from planner.i18n import t
    from planner.project.profile import checked_for, chosen_profile, profile_json, profile_lines
    from planner.model.plan import PlanError
    from planner.rules import rules_for
    from costing.plan import contexts
    from costing.renovation import renovation_plan, renovation_state
    plan, state, standard, person = load_plan_and_state(args.plan, args.units, args.measure)
    standard = rules_for(args.standard, standard)
    person = chosen_profile(args.profile, person)
    findings, rules = checked_for(plan, standard, person)   # remedies sized for this person, as in the app
    try:
        result = build_plan(plan, findings, state, rules)
        rooms, new_build = renovation_state(state)
        ctx, _ = contexts(state, rules)
        advice = renovation_plan(plan, findings, rules, ctx.prices, rooms, new_build, ctx) if rooms or new_build else []
    except ValueError as exc:
        if isinstance(exc, PlanError):
            raise
        raise PlanError(str(exc)) from None
    if args.json:
        print(json.dumps({"standard": rules.id, "profile": profile_json(person, standard), **result.to_dict(),
                          "renovation": [a.to_dict() for a in advice]}, ensure_ascii=False, indent=1))
    else:
        print("\n".join([t("cli.standard", args.lang, standard=rules.id), *profile_lines(person, standard, args.lang),
                         _text(result, args.lang)])
              + ("\n" + _renovation_text(plan, advice, args.lang) if advice else ""))
    return 0


def _renovation_text(plan, advice, lang: str) -> str:
    """The renovation plan: per room, each measure with its status, cost during and after the work."""
    from costing import texts  # noqa: F401  (registers the texts)
    from costing.renovation import ENTRANCE
    from planner.i18n import fmt_nok, t
    out = [t("cli.renovation", lang)]
    for a in advice:
        during = "–" if a.during_nok is None else fmt_nok(a.during_nok)
        after = "–" if a.after_nok is None else fmt_nok(a.after_nok)
        name = t("reno.entrance", lang) if a.room == ENTRANCE else a.room_name
        out.append(f"  {name}: {t('measure.' + a.measure.id, lang)} [{t('reno.status.' + a.status, lang)}] "
                   + t("cli.renovation.cost", lang, during=during, after=after))
        if a.enlarge is not None:
            out.append("    " + t("reno.enlarge", lang, room=name, side=t(f"reno.side.{a.enlarge.side}", lang),
                                  by=f"{a.enlarge.by_mm}"))
        elif a.cannot_fit:
            out.append("    " + t("reno.cannot_fit", lang, room=name))
    return "\n".join(out)
