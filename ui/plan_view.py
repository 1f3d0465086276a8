"""The plan drawing and the findings table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.checks.turning import rectangle_sizes
from planner.model.numbers import fmt_number
from planner.output.drawing import plan_parts, plan_png
from planner.model.findings import Finding
from planner.i18n import fmt_mm, register, t
from planner.model.plan import Plan
import planner.project.profile  # noqa: F401  (registers the words for an overridden value)
from planner.model.sourced import USER
from planner.rules.texts import rule_value_name, rule_value_text
from planner.rules import Rules, load_rules
from planner.model.status import ICONS, worst_first
from ui.checked import per_language, plan_key, remembered
from ui.keys import project_key

register({
    "plan.part": {"en": "Show", "nb": "Vis"},
    "plan.part.whole": {"en": "The whole plan", "nb": "Hele planen"},
    "plan.part.n": {"en": "Part {n}: x {x0}–{x1} m, y {y0}–{y1} m", "nb": "Del {n}: x {x0}–{x1} m, y {y0}–{y1} m"},
    "plan.part.help": {"en": "A large plan is hard to read whole: choose a part to see its rooms and doors with their "
                             "names. The findings table always lists every element.",
                       "nb": "En stor plan er vanskelig å lese i sin helhet: velg en del for å se rommene og dørene "
                             "med navn. Funntabellen viser alltid alle elementene."}})



def findings_table(findings: list[Finding], lang: str, problems_only: bool) -> pd.DataFrame:
    rows = [f for f in worst_first(findings)
            if not problems_only or f.status != "pass"]
    return pd.DataFrame([{
        t("col.status", lang): f"{ICONS[f.status]} {t('status.' + f.status, lang)}",
        t("col.element", lang): f.element,
        t("col.check", lang): t(f"check.{f.check}", lang),
        t("col.message", lang): f.message(lang),
        t("col.measured", lang): fmt_mm(f.measured),
        t("col.required", lang): fmt_mm(f.required),
        t("col.remeasure", lang): t("remeasure.yes", lang) if f.remeasure else "",
        t("col.rule", lang): f.rule,
        t("col.confidence", lang): t(f"confidence.{f.confidence}", lang),
    } for f in rows])


def plan_image(plan: Plan, findings: list[Finding], lang: str, view=None) -> bytes:
    """The drawing as PNG, drawn again only when the plan, a finding or the part shown changed (a large plan takes
    a second); the picture in each language is kept, so switching back and forth draws nothing."""
    return per_language("_plan_picture", (plan_key(plan), findings, view), lang,
                        lambda: plan_png(plan, findings, lang, view=view))


def _part(plan: Plan, lang: str):
    """A large plan is read in parts: the part chosen (None: the whole plan), or None for a plan read whole."""
    parts = remembered("_plan_parts", (plan_key(plan),), lambda: plan_parts(plan))
    if not parts:
        return None

    def name(i):
        if i is None:
            return t("plan.part.whole", lang)
        x0, y0, x1, y1 = (fmt_number(v / 1000, lang, 0) for v in parts[i])
        return t("plan.part.n", lang, n=i + 1, x0=x0, x1=x1, y0=y0, y1=y1)
    pick = st.selectbox(t("plan.part", lang), [None, *range(len(parts))], format_func=name,
                        key=project_key("plan_part"), persist_state="page", help=t("plan.part.help", lang))
    return None if pick is None or pick >= len(parts) else parts[pick]


def render_plan(plan: Plan, findings: list[Finding], lang: str, rules: Rules | None = None,
                note: str | None = None) -> None:
    """The plan drawing with its legend (in the numbers of `rules`, the standard in use), and the findings; note
    (the findings are provisional) goes under the drawing and over the list."""
    rules = rules or load_rules()
    if not plan.rooms and not plan.doors:
        st.info(t("plan.no_rooms", lang))
    else:
        view = _part(plan, lang)
        st.image(plan_image(plan, findings, lang, view), width="stretch")
        legend = t("plan.legend" if rectangle_sizes(rules) else "plan.legend_circle", lang, **rules.text_params())
        st.caption(f"{note} {legend}" if note else legend)
    choice = st.radio(t("findings.show", lang), ["problems", "all"], horizontal=True, key="findings_filter",
                      persist_state="page",   # kept while another tab is open
                      format_func=lambda v: t(f"findings.{v}", lang))
    if note:
        st.caption(note)
    # made again only when the findings, the language or the filter changed (thousands of rows on a large plan)
    table = per_language("_findings_table", (plan_key(plan), findings, choice), lang,
                         lambda: findings_table(findings, lang, problems_only=choice == "problems"))
    st.dataframe(table, hide_index=True, width="stretch")


def rules_table(rules: Rules, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{t("rules.col.what", lang): rule_value_name(k, v.note, lang)
                          + (t("rules.overridden", lang) if v.confidence == USER else ""),
                          t("rules.col.value", lang): rule_value_text(k, v.value),
                          t("col.rule", lang): v.clause, t("col.confidence", lang): t(f"confidence.{v.confidence}", lang)}
                         for k, v in rules.values.items()])
