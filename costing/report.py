"""The funding plan as an HTML section of the application report: chosen remedies, who pays, totals, checklist."""
from __future__ import annotations

from html import escape

from costing import texts  # noqa: F401  (registers the costing texts)
from costing.plan import build_plan
from costing.process import CHECKLIST, checklist_state
from costing.schemes import NAMES
from planner.findings import Finding
from planner.i18n import fmt_nok, register, t
from planner.model import Plan
from planner.rules import Rules

register({
    "report.fund.none": {"en": "No barrier needs a remedy.", "nb": "Ingen hindringer trenger tiltak."},
    "report.fund.estimates": {
        "en": "Prices are estimates unless a contractor's quote was imported; NAV's grant instead of an aid is at "
              "most the alternative aid's cost and never more than the real cost.",
        "nb": "Prisene er anslag med mindre et tilbud fra entreprenør er lagt inn; tilskudd fra NAV i stedet for "
              "hjelpemiddel er høyst det alternative hjelpemidlets kostnad og aldri mer enn den reelle kostnaden."},
    "report.fund.checklist": {"en": "Application checklist", "nb": "Sjekkliste for søknaden"},
})


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"


def funding_html(plan: Plan, findings: list[Finding], state: dict, lang: str, rules: Rules | None = None) -> str:
    """An escaped HTML fragment: the whole-home funding plan of the chosen remedies, and the checklist.
    rules: the standard the findings were made by."""
    fp = build_plan(plan, findings, state, rules)
    if not fp.chosen:
        return f"<p>{escape(t('report.fund.none', lang))}</p>"
    used = [n for n in NAMES if fp.total(n)]
    head = [t("fund.col.barrier", lang), t("fund.col.option", lang), t("fund.col.total", lang),
            *[t(f"scheme.{n}", lang) for n in used], t("fund.col.now", lang)]
    by_remedy = {b.chosen: b for b in fp.barriers if b.chosen}
    rows = []
    for s in fp.chosen:
        b = by_remedy[s.remedy_id]
        rows.append(_row([t("barrier." + b.finding.code, lang, element=b.finding.element),
                          t("remedy." + b.remedy(s.remedy_id).option, lang), fmt_nok(s.total_nok),
                          *[fmt_nok(s.amounts.get(n, 0)) for n in used], fmt_nok(s.household_now_nok)]))
    rows.append("<tr><th colspan='2'></th>" + "".join(
        f"<th>{escape(fmt_nok(v))}</th>" for v in (fp.total("total"), *[fp.total(n) for n in used],
                                                   fp.total("household_now"))) + "</tr>")
    included = [f"<p>{escape(t(why, lang, barrier=t('barrier.' + b.finding.code, lang, element=b.finding.element)))}</p>"
                for b, why in fp.left_out()]
    done = checklist_state(state)
    checklist = "".join(f"<li>{'☑' if done.get(k) else '☐'} {escape(t(k, lang))}</li>" for k in CHECKLIST)
    return ("<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>"
            + "".join(included) + f"<p><i>{escape(t('report.fund.estimates', lang))}</i></p>"
            + f"<h3>{escape(t('report.fund.checklist', lang))}</h3><ul>{checklist}</ul>")


def renovation_html(plan: Plan, findings: list[Finding], state: dict, rules, lang: str) -> str:
    """An escaped HTML fragment: the renovation plan of the rooms marked for renovation (empty when none is)."""
    from costing.plan import contexts
    from costing.renovation import ENTRANCE, renovation_plan, renovation_state
    rooms, new_build = renovation_state(state)
    if not rooms and not new_build:
        return ""
    ctx, _ = contexts(state)
    advice = renovation_plan(plan, findings, rules, ctx.prices, rooms, new_build, ctx)
    head = [t("reno.col.room", lang), t("reno.col.measure", lang), t("reno.col.status", lang),
            t("reno.col.during", lang), t("reno.col.after", lang), t("reno.col.source", lang)]
    rows = []
    for a in advice:
        name = t("reno.entrance", lang) if a.room == ENTRANCE else a.room_name
        rows.append(_row([name, t(f"measure.{a.measure.id}", lang), t(f"reno.status.{a.status}", lang),
                          "–" if a.during_nok is None else fmt_nok(a.during_nok),
                          "–" if a.after_nok is None else fmt_nok(a.after_nok),
                          f"{a.measure.source} ({a.measure.confidence})"]))
        if a.enlarge is not None:
            rows.append(_row(["", t("reno.enlarge", lang, room=name, side=t(f"reno.side.{a.enlarge.side}", lang),
                                    by=f"{a.enlarge.by_mm}"), "", "", "", ""]))
    return (f"<h3>{escape(t('cli.renovation', lang))}</h3><table><tr>"
            + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>")
