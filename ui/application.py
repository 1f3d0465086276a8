"""The application form: the household, the home, the professional who visited and the case in the applicant's
own words (planner.project.household), and the files for the application and the contractor."""
from __future__ import annotations

from datetime import date

import streamlit as st

import planner.output.report_pdf  # noqa: F401  (registers the report's labels, which the form shares)
from costing import texts  # noqa: F401  (registers the step texts)
from costing.process import STEPS
from planner.project.household import CONDITIONS, LONG_TEXT_CHARS, SHORT_TEXT_CHARS, TENURES, Household
from planner.i18n import register, t
from planner.model.plan import PlanError
from planner.project.file import Project
from ui.keys import project_key
from ui.plain import plain

register({
    "app.form.title": {"en": "Application: household, home and who visited",
                       "nb": "Søknad: husstand, bolig og hvem som var på befaring"},
    "app.form.intro": {"en": "What you fill in here goes into the PDF report. Leave a field empty when you do not know: "
                             "the report shows it as a blank to fill in, never a guess.",
                       "nb": "Det du fyller inn her, kommer med i PDF-rapporten. La et felt stå tomt når du ikke vet: "
                             "rapporten viser det som et tomt felt å fylle ut, aldri en gjetning."},
    "app.form.not_given": {"en": "not given", "nb": "ikke oppgitt"},
    "app.form.no_date": {"en": "no date", "nb": "ingen dato"},
    "app.form.conditions": {"en": "NAV's conditions (as the professional judges them)",
                            "nb": "NAVs vilkår (slik fagpersonen vurderer dem)"},
    "app.form.impairment_help": {
        "en": "NAV asks for a lasting (over two years) and substantial impairment: what is it, and since when?",
        "nb": "NAV krever en varig (over to år) og vesentlig funksjonsnedsettelse: hva er den, og siden når?"},
    "app.form.daily_life_help": {
        "en": "Which practical problems in daily life does it cause at home: getting in, the bathroom, turning?",
        "nb": "Hvilke praktiske problemer i dagliglivet gir den hjemme: å komme inn, badet, å snu?"},
    "app.form.justification_help": {
        "en": "Why the solution is necessary and appropriate, why simpler aids are not enough, and that the "
              "person can use it.",
        "nb": "Hvorfor løsningen er nødvendig og hensiktsmessig, hvorfor enklere hjelpemidler ikke holder, og at "
              "personen kan bruke den."},
    "app.form.step": {"en": "Where the case stands (NAV's nine steps)", "nb": "Hvor saken står (NAVs ni steg)"},
    "app.files": {"en": "Files for the application and the contractor", "nb": "Filer til søknaden og entreprenøren"},
    "app.file.pdf": {"en": "Application report (PDF, A4)", "nb": "Søknadsrapport (PDF, A4)"},
    "app.file.xlsx": {"en": "Quote sheet for the contractor (XLSX)", "nb": "Tilbudsgrunnlag til entreprenøren (XLSX)"},
    "app.file.svg": {"en": "Dimensioned sketch (SVG)", "nb": "Målsatt skisse (SVG)"},
    "app.file.sketch_png": {"en": "Dimensioned sketch (PNG)", "nb": "Målsatt skisse (PNG)"},
    "app.file.dxf": {"en": "Plan with findings for CAD (DXF)", "nb": "Plan med funn til DAK (DXF)"},
    "app.file.blocked": {"en": "The report and the quote need usable prices: {reason}",
                         "nb": "Rapporten og tilbudsgrunnlaget trenger priser som kan brukes: {reason}"},
})


def _yes_no(label: str, value: bool | None, key: str, lang: str) -> bool | None:
    options = [None, True, False]
    names = {None: t("app.form.not_given", lang), True: t("pdf.yes", lang), False: t("pdf.no", lang)}
    return st.radio(label, options, index=options.index(value), horizontal=True, format_func=names.get,
                    key=project_key(key))


def render_application(project: Project, lang: str) -> Project:
    """The form; returns the project with the household as the user left it (a bad value: one sentence)."""
    h = project.household
    with st.expander(t("app.form.title", lang), expanded=False):
        st.caption(t("app.form.intro", lang))
        values: dict = {}
        labels = {"applicant": "pdf.f.applicant", "address": "pdf.f.address", "landlord": "pdf.f.landlord",
                  "therapist": "pdf.f.therapist", "therapist_role": "pdf.f.role"}

        def text(col, name: str) -> None:
            values[name] = col.text_input(t(labels[name], lang), value=getattr(h, name), max_chars=SHORT_TEXT_CHARS,
                                          key=project_key(f"app_{name}"))

        left, right = st.columns(2)        # in the report's order: the applicant and the home, then who visited
        text(left, "applicant")
        text(right, "address")
        tenures = ["", *TENURES]
        values["tenure"] = left.selectbox(
            t("pdf.f.tenure", lang), tenures, index=tenures.index(h.tenure) if h.tenure in tenures else 0,
            format_func=lambda v: t(f"pdf.tenure.{v}", lang) if v else t("app.form.not_given", lang),
            key=project_key("app_tenure"))
        text(right, "landlord")
        with left:
            values["landlord_consent"] = _yes_no(t("pdf.f.consent", lang), h.landlord_consent, "app_consent", lang)
        left, right = st.columns(2)
        text(left, "therapist")
        text(right, "therapist_role")
        visit = left.date_input(t("pdf.f.visit", lang), value=date.fromisoformat(h.visit_date) if h.visit_date
                                else None, format="DD.MM.YYYY", key=project_key("app_visit"))
        values["visit_date"] = visit.isoformat() if visit else ""
        for name in ("impairment", "daily_life", "justification"):
            values[name] = st.text_area(t(f"pdf.f.{name}", lang), value=getattr(h, name), max_chars=LONG_TEXT_CHARS,
                                        help=t(f"app.form.{name}_help", lang), key=project_key(f"app_{name}"))
        st.markdown(f"**{t('app.form.conditions', lang)}**")
        values["conditions"] = {c: _yes_no(t(f"pdf.cond.{c}", lang), h.condition(c), f"app_cond_{c}", lang)
                                for c in CONDITIONS}
        steps = [None, *range(1, len(STEPS) + 1)]
        values["case_step"] = st.selectbox(
            t("app.form.step", lang), steps, index=steps.index(h.case_step),
            format_func=lambda i: t("app.form.not_given", lang) if i is None else f"{i}. {t(STEPS[i - 1][0], lang)}",
            key=project_key("app_step"))
        try:
            household = Household.from_dict(values)
        except PlanError as exc:
            st.error(plain(exc.message(lang)))
            return project
    if household != h:
        project = project.replace(household=household)
        st.session_state.project = project
    return project


def render_files(project: Project, plan, findings, rules, name: str, lang: str) -> None:
    """Download buttons for the application PDF, the quote sheet, the sketch and the DXF with the findings.
    Each file is made only when its button is pressed."""
    from costing.package import application_pdf, project_sketch
    from costing.plan import build_plan, contexts
    from costing.quote_xlsx import quote_xlsx
    from costing.report import entrance_works
    from planner.output.dxf_export import plan_to_dxf_bytes
    st.markdown(f"**{t('app.files', lang)}**")
    state = dict(project.costing)
    try:
        ctx, fctx = contexts(state, rules)
    except ValueError as exc:   # a saved price or rate that cannot be used: say so instead of a broken file
        st.warning(plain(t("app.file.blocked", lang, reason=exc.message(lang) if hasattr(exc, "message") else str(exc))))
    else:
        st.download_button(t("app.file.pdf", lang), lambda: application_pdf(project, rules, lang),
                           file_name=f"{name}-soknad.pdf", mime="application/pdf", key="save_pdf", on_click="ignore")
        st.download_button(t("app.file.xlsx", lang),
                           lambda: quote_xlsx(build_plan(plan, findings, state, rules), ctx.prices, fctx.rates["vat"].value,
                                              name, lang),
                           file_name=f"{name}-tilbud.xlsx", key="save_xlsx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        st.download_button(t("app.file.svg", lang), lambda: project_sketch(project, rules, lang, "svg"),
                           file_name=f"{name}-skisse.svg", mime="image/svg+xml", key="save_sketch_svg", on_click="ignore")
        st.download_button(t("app.file.sketch_png", lang), lambda: project_sketch(project, rules, lang, "png"),
                           file_name=f"{name}-skisse.png", mime="image/png", key="save_sketch_png", on_click="ignore")
        st.download_button(t("app.file.dxf", lang),
                           lambda: plan_to_dxf_bytes(plan, findings, lang,
                                                     entrance_works(plan, findings, state, rules)),
                           file_name=f"{name}-funn.dxf", mime="application/dxf", key="save_dxf_findings", on_click="ignore")
