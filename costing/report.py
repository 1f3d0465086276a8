"""The funding plan for the application report: chosen remedies, who pays, totals, the options compared, the
nine steps and the checklist — as an HTML section and as report sections for the PDF (planner.output.report_pdf)."""
from __future__ import annotations

from html import escape

from costing import texts  # noqa: F401  (registers the costing texts)
from costing.plan import SCHEME_RULES, FundingPlan, build_plan, contexts
from costing.process import CHECKLIST, STEPS, checklist_state
from costing.schemes import NAMES
from planner.model.findings import Finding
from planner.project.household import Household
from planner.i18n import fmt_nok, register, t
from planner.model.plan import Plan
from planner.output.report_pdf import Section, Table
from planner.rules import Rules
from planner.output.sketch import EntranceWorks

register({
    "report.fund.none": {"en": "No barrier needs a remedy.", "nb": "Ingen hindringer trenger tiltak."},
    "report.fund.estimates": {
        "en": "Prices are estimates unless a contractor's quote was imported; NAV's grant instead of an aid is at "
              "most the alternative aid's cost and never more than the real cost.",
        "nb": "Prisene er anslag med mindre et tilbud fra entreprenør er lagt inn; tilskudd fra NAV i stedet for "
              "hjelpemiddel er høyst det alternative hjelpemidlets kostnad og aldri mer enn den reelle kostnaden."},
    "report.fund.checklist": {"en": "Application checklist", "nb": "Sjekkliste for søknaden"},
    "report.h.options": {"en": "5 The options compared", "nb": "5 Løsningene sammenlignet"},
    "report.h.funding": {"en": "6 Funding plan", "nb": "6 Finansieringsplan"},
    "report.h.steps": {"en": "7 The nine steps of the case", "nb": "7 Sakens ni steg"},
    "report.h.checklist": {"en": "8 What to attach", "nb": "8 Hva som skal legges ved"},
    "report.chosen": {"en": "chosen", "nb": "valgt"},
    "report.col.scheme": {"en": "Who pays", "nb": "Hvem betaler"},
    "report.col.amount": {"en": "Amount", "nb": "Beløp"},
    "report.col.rule": {"en": "Rule", "nb": "Regel"},
    "report.col.who": {"en": "Who", "nb": "Hvem"},
    "report.col.step": {"en": "Step", "nb": "Steg"},
    "report.col.state": {"en": "Where the case stands", "nb": "Hvor saken står"},
    "report.step.done": {"en": "done", "nb": "gjort"},
    "report.step.now": {"en": "now", "nb": "nå"},
    "report.step.unknown": {"en": "Where the case stands is not filled in.", "nb": "Hvor saken står er ikke fylt ut."},
    "report.grant": {"en": "NAV grant instead of aid for {barrier}: {grant} = the lower of the cap {cap} ({alt}: "
                           "{rule}; {conf}) and the real cost {cost}.",
                     "nb": "Tilskudd fra NAV i stedet for hjelpemiddel for {barrier}: {grant} = det laveste av taket "
                           "{cap} ({alt}: {rule}; {conf}) og den reelle kostnaden {cost}."},
    "schemerule.nav_loan": {"en": "", "nb": "Folketrygdloven § 10-7: NAV låner ut hjelpemidlet og betaler montering, "
                                           "service og henting"},
    "schemerule.nav_grant": {"en": "", "nb": "Folketrygdloven § 10-7, tilskudd i stedet for hjelpemiddel: det laveste av "
                                            "taket for det alternative hjelpemidlet og den reelle kostnaden"},
    "schemerule.small_aids": {"en": "", "nb": "NAVs tilskudd til rimelige hjelpemidler: et fast beløp per person, ny "
                                             "søknad etter 4 år"},
    "schemerule.husbanken": {"en": "", "nb": "Husbankens tilskudd til tilpasning via kommunen (behovsprøvd, etter "
                                            "kommunens skjønn)"},
    "schemerule.startlan": {"en": "", "nb": "Husbankens startlån via kommunen: behovsprøvd lån til nødvendig tilpasning"},
    "schemerule.own_money": {"en": "", "nb": "Husstanden betaler resten"},
    "report.conf.user": {"en": "given by the user", "nb": "oppgitt av brukeren"},
    "report.yes": {"en": "yes", "nb": "ja"}, "report.no": {"en": "no", "nb": "nei"},
    "report.unknown": {"en": "not known", "nb": "ukjent"},
})

# Column shares of the report's tables (layout, not rule values): barrier, option, total, each scheme, now …
TABLE_COLUMNS = {"renovation": (16, 34, 18, 16, 16), "falls": (25, 40, 35), "funding": (20, 22, 11, 13, 11), "options": (15, 21, 10, 10, 10, 8, 7, 8, 10, 7),
                 "schemes": (40, 15, 45), "steps": (6, 60, 22, 12)}
ENTRANCE_WORKS = {"ramp_built": "ramp", "ramp_lent": "ramp", "regrade": "raised_ground"}


def funding_table(fp: FundingPlan, lang: str) -> Table:
    """The whole-home plan: one row per chosen remedy, a column per scheme that pays anything, and the totals."""
    used = [n for n in NAMES if fp.total(n)]
    head = (t("fund.col.barrier", lang), t("fund.col.option", lang), t("fund.col.total", lang),
            *[t(f"scheme.{n}", lang) for n in used], t("fund.col.now", lang))
    by_remedy = {b.chosen: b for b in fp.barriers if b.chosen}
    rows = []
    for s in fp.chosen:
        b = by_remedy[s.remedy_id]
        rows.append((_barrier_title(b, lang), t("remedy." + b.remedy(s.remedy_id).option, lang),
                     fmt_nok(s.total_nok), *[fmt_nok(s.amounts.get(n, 0)) for n in used],
                     fmt_nok(s.household_now_nok)))
    rows.append(("", "", fmt_nok(fp.total("total")), *[fmt_nok(fp.total(n)) for n in used],
                 fmt_nok(fp.total("household_now"))))
    bar, option, total, scheme, now = TABLE_COLUMNS["funding"]
    return Table(head, tuple(rows), (bar, option, total, *[scheme] * len(used), now), last_bold=True, size=7)


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"


def _barrier_title(barrier, lang: str) -> str:
    return t("barrier." + barrier.finding.code, lang, element=barrier.finding.element)


def funding_html(plan: Plan, findings: list[Finding], state: dict, lang: str, rules: Rules | None = None) -> str:
    """An escaped HTML fragment: the whole-home funding plan of the chosen remedies, and the checklist.
    rules: the standard the findings were made by."""
    fp = build_plan(plan, findings, state, rules)
    if not fp.chosen:
        return f"<p>{escape(t('report.fund.none', lang))}</p>"
    table = funding_table(fp, lang)
    rows = "".join(_row(row) for row in table.rows[:-1])
    rows += "<tr>" + "".join(f"<th>{escape(c)}</th>" for c in table.rows[-1]) + "</tr>"
    included = [f"<p>{escape(t(why, lang, barrier=_barrier_title(b, lang)))}</p>" for b, why in fp.left_out()]
    done = checklist_state(state)
    checklist = "".join(f"<li>{'☑' if done.get(k) else '☐'} {escape(t(k, lang))}</li>" for k in CHECKLIST)
    return ("<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.headers) + "</tr>" + rows + "</table>"
            + "".join(included) + f"<p><i>{escape(t('report.fund.estimates', lang))}</i></p>"
            + f"<h3>{escape(t('report.fund.checklist', lang))}</h3><ul>{checklist}</ul>")


def _yes_no(value: bool | None, lang: str) -> str:
    return t({True: "report.yes", False: "report.no", None: "report.unknown"}[value], lang)


def options_section(fp: FundingPlan, lang: str) -> Section:
    """Every barrier's remedies side by side: cost, what the public pays, what the household pays, the choice."""
    head = (t("fund.col.barrier", lang), t("fund.col.option", lang), t("fund.col.total", lang),
            t("fund.public", lang), t("fund.col.now", lang), t("fund.col.yearly", lang), t("fund.col.lasting", lang),
            t("fund.col.fits", lang), t("fund.col.adequate", lang), t("report.chosen", lang))
    rows = []
    for b in fp.barriers:
        for i, r in enumerate(b.remedies):
            s = b.splits[r.id]
            rows.append((_barrier_title(b, lang) if i == 0 else "", t(f"remedy.{r.option}", lang),
                         fmt_nok(s.total_nok), fmt_nok(None if s.total_nok is None else s.public_nok),
                         fmt_nok(s.household_now_nok), fmt_nok(s.yearly_nok),
                         _yes_no(r.lasting, lang), _yes_no(r.fits, lang), _yes_no(r.adequate, lang),
                         "✔" if r.id == b.chosen else ""))
    if not rows:
        return Section(t("report.h.options", lang), paragraphs=(t("report.fund.none", lang),))
    return Section(t("report.h.options", lang), tables=(Table(head, tuple(rows), TABLE_COLUMNS["options"], size=7),))


def grant_lines(fp: FundingPlan, lang: str) -> tuple[str, ...]:
    """For each chosen remedy NAV gives a grant for: the grant, its cap and the rule that caps it."""
    by_remedy = {b.chosen: b for b in fp.barriers if b.chosen}
    out = []
    for s in fp.chosen:
        grant = s.detail.get("grant")
        if not grant or not s.amounts.get("nav_grant"):
            continue
        alt = grant["alternative"]
        out.append(t("report.grant", lang, barrier=_barrier_title(by_remedy[s.remedy_id], lang),
                     grant=fmt_nok(s.amounts["nav_grant"]), cap=fmt_nok(grant["cap_nok"]),
                     alt=t("remedy.ramp_lent" if alt == "ramp" else f"remedy.{alt}", lang),
                     rule=cap_rule(grant, lang), cost=fmt_nok(s.total_nok),
                     conf=t(f"confidence.{grant['cap_confidence']}" if grant["cap_confidence"] in "CSUA"
                            else "report.conf.user", lang)))
    return tuple(out)


def cap_rule(grant: dict, lang: str) -> str:
    """The rule behind the cap of NAV's grant, in lang (costing.grants: its text key and numbers)."""
    key = grant.get("cap_rule_key")
    return t(key, lang, **grant.get("cap_params", {})) if key else grant.get("cap_rule", "")


def scheme_rule(name: str, lang: str) -> str:
    """The rule a funding scheme follows, in lang (the schemes cite theirs in English)."""
    return SCHEME_RULES.get(name, "") if lang == "en" else t(f"schemerule.{name}", lang)


def funding_section(fp: FundingPlan, lang: str) -> Section:
    title = t("report.h.funding", lang)
    if not fp.chosen:
        return Section(title, paragraphs=(t("report.fund.none", lang),))
    rules = Table((t("report.col.scheme", lang), t("report.col.amount", lang), t("report.col.rule", lang)),
                  tuple((t(f"scheme.{n}", lang), fmt_nok(fp.total(n)), scheme_rule(n, lang))
                        for n in NAMES if fp.total(n)), TABLE_COLUMNS["schemes"])
    included = tuple(t(why, lang, barrier=_barrier_title(b, lang)) for b, why in fp.left_out())
    return Section(title, paragraphs=grant_lines(fp, lang) + included, tables=(funding_table(fp, lang), rules),
                   notes=(t("report.fund.estimates", lang),))


def steps_section(case_step: int | None, lang: str) -> Section:
    """NAV's nine steps, who does each, and where the case stands (the household's case_step)."""
    rows = []
    for i, (key, who) in enumerate(STEPS, start=1):
        state = "" if case_step is None else t("report.step.done" if i < case_step else "report.step.now", lang) \
            if i <= case_step else ""
        rows.append((str(i), t(key, lang), t(who, lang), state))
    table = Table((t("report.col.step", lang), "", t("report.col.who", lang), t("report.col.state", lang)),
                  tuple(rows), TABLE_COLUMNS["steps"])
    return Section(t("report.h.steps", lang), tables=(table,),
                   notes=() if case_step is not None else (t("report.step.unknown", lang),))


def checklist_section(state: dict, lang: str) -> Section:
    done = checklist_state(state)
    return Section(t("report.h.checklist", lang), items=tuple((t(k, lang), done[k]) for k in CHECKLIST))


def application_sections(plan: Plan, findings: list[Finding], state: dict, household: Household,
                         lang: str, rules: Rules | None = None) -> list[Section]:
    """The costing parts of the application PDF, in the order a case officer reads them."""
    fp = build_plan(plan, findings, state, rules)
    return [options_section(fp, lang), funding_section(fp, lang), steps_section(household.case_step, lang),
            checklist_section(state, lang)]


def entrance_works(plan: Plan, findings: list[Finding], state: dict,
                   rules: Rules | None = None) -> EntranceWorks | None:
    """The ramp or raised ground chosen at the entrance, sized per TEK17 § 12-16, for the sketch; None when the
    entrance needs none or another remedy (a lift) was chosen."""
    fp = build_plan(plan, findings, state, rules)
    for b in fp.barriers:
        remedy = b.remedy(b.chosen) if b.chosen else None
        if remedy is None or remedy.ramp is None or remedy.option not in ENTRANCE_WORKS:
            continue
        ramp = remedy.ramp
        kind = ENTRANCE_WORKS[remedy.option]
        width = contexts(state, rules)[0].rates["regrade_width_mm"].value if kind == "raised_ground" else ramp.width_mm
        return EntranceWorks(kind=kind, rise_mm=ramp.rise_mm, slope=ramp.slope, run_mm=ramp.run_mm,
                             landings=ramp.landings, landing_mm=ramp.landing_mm,
                             top_landing_mm=ramp.entrance_landing_mm, width_mm=width)
    return None


def _renovation(plan: Plan, findings: list[Finding], state: dict, rules, lang: str) -> list | None:
    """(advice, its five cells: room, measure, status, cost now, cost afterwards) of the rooms marked for
    renovation, priced with the rules the plan was checked by; None when no room is marked."""
    from costing.plan import contexts
    from costing.renovation import ENTRANCE, renovation_plan, renovation_state
    rooms, new_build = renovation_state(state)
    if not rooms and not new_build:
        return None
    ctx, _ = contexts(state, rules)
    out = []
    for a in renovation_plan(plan, findings, rules, ctx.prices, rooms, new_build, ctx):
        name = t("reno.entrance", lang) if a.room == ENTRANCE else a.room_name
        out.append((a, (name, t(f"measure.{a.measure.id}", lang), t(f"reno.status.{a.status}", lang),
                        "–" if a.during_nok is None else fmt_nok(a.during_nok),
                        "–" if a.after_nok is None else fmt_nok(a.after_nok))))
    return out


def _renovation_head(lang: str) -> tuple[str, ...]:
    return (t("reno.col.room", lang), t("reno.col.measure", lang), t("reno.col.status", lang),
            t("reno.col.during", lang), t("reno.col.after", lang))


def renovation_html(plan: Plan, findings: list[Finding], state: dict, rules, lang: str) -> str:
    """An escaped HTML fragment: the renovation plan of the rooms marked for renovation (empty when none is)."""
    advice = _renovation(plan, findings, state, rules, lang)
    if advice is None:
        return ""
    head = [*_renovation_head(lang), t("reno.col.source", lang)]
    rows = []
    for a, cells in advice:
        rows.append(_row([*cells, f"{a.measure.source} ({a.measure.confidence})"]))
        if a.enlarge is not None:
            rows.append(_row(["", t("reno.enlarge", lang, room=cells[0], side=t(f"reno.side.{a.enlarge.side}", lang),
                                    by=f"{a.enlarge.by_mm}"), "", "", "", ""]))
    return (f"<h3>{escape(t('cli.renovation', lang))}</h3><table><tr>"
            + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>")


def renovation_section(plan: Plan, findings: list[Finding], state: dict, rules, lang: str) -> Section | None:
    """The renovation plan for the PDF (None when no room is marked for renovation)."""
    advice = _renovation(plan, findings, state, rules, lang)
    if advice is None:
        return None
    table = Table(_renovation_head(lang), tuple(cells for _, cells in advice), TABLE_COLUMNS["renovation"])
    return Section(t("cli.renovation", lang), tables=(table,), notes=(t("report.fund.estimates", lang),))


def home_sections(project, plan: Plan, lang: str) -> list[Section]:
    """The day in the home (the household's own words) and the fall-prevention items to do, for the PDF."""
    from planner.output import application_report as _texts  # noqa: F401  (the section titles and column names)
    from planner.project import daily, falls
    out = []
    day = daily.describe(project.daily, lang)
    if day:
        out.append(Section(t("day.title", lang), paragraphs=tuple(day)))
    todo = falls.to_do(plan, project.falls)
    if todo:
        rows = tuple((t("fall.entrance", lang) if room == falls.ENTRANCE else
                      (plan.room(room).name if plan.room(room) else room), t(f"fall.{item.id}", lang),
                      ", ".join(t(f"aid.{a}", lang) for a in item.aids)) for room, item in todo)
        out.append(Section(t("falls.title", lang), tables=(Table((t("report.col.room", lang),
                                                                  t("report.col.item", lang),
                                                                  t("report.col.aids", lang)), rows, TABLE_COLUMNS["falls"]),)))
    return out
