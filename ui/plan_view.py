"""The plan drawing and the findings table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import hashlib
import json

from planner.checks.turning import rectangle_sizes
from planner.output.drawing import plan_png
from planner.model.findings import Finding
from planner.i18n import fmt_mm, t
from planner.model.plan import Plan
import planner.project.profile  # noqa: F401  (registers the words for an overridden value)
from planner.model.sourced import USER
from planner.rules.texts import rule_value_name, rule_value_text
from planner.rules import Rules, load_rules
from planner.model.status import ICONS, worst_first



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


@st.cache_data(max_entries=8, show_spinner=False)
def _cached_png(key: str, _plan: Plan, _findings: list[Finding], lang: str) -> bytes:
    return plan_png(_plan, _findings, lang)


def plan_image(plan: Plan, findings: list[Finding], lang: str) -> bytes:
    """The drawing as PNG, drawn again only when the plan or a finding changed (a large plan takes a second)."""
    content = json.dumps([plan.to_dict(), [f.to_dict("en") for f in findings]], sort_keys=True, default=str)
    return _cached_png(hashlib.sha256(content.encode()).hexdigest(), plan, findings, lang)


def render_plan(plan: Plan, findings: list[Finding], lang: str, rules: Rules | None = None,
                note: str | None = None) -> None:
    """The plan drawing with its legend (in the numbers of `rules`, the standard in use), and the findings; note
    (the findings are provisional) goes under the drawing and over the list."""
    rules = rules or load_rules()
    if not plan.rooms and not plan.doors:
        st.info(t("plan.no_rooms", lang))
    else:
        st.image(plan_image(plan, findings, lang), width="stretch")
        legend = t("plan.legend" if rectangle_sizes(rules) else "plan.legend_circle", lang, **rules.text_params())
        st.caption(f"{note} {legend}" if note else legend)
    choice = st.radio(t("findings.show", lang), ["problems", "all"], horizontal=True, key="findings_filter",
                      format_func=lambda v: t(f"findings.{v}", lang))
    if note:
        st.caption(note)
    table = findings_table(findings, lang, problems_only=choice == "problems")
    st.dataframe(table, hide_index=True, width="stretch")


def rules_table(rules: Rules, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{t("rules.col.what", lang): rule_value_name(k, v.note, lang)
                          + (t("rules.overridden", lang) if v.confidence == USER else ""),
                          t("rules.col.value", lang): rule_value_text(k, v.value),
                          t("col.rule", lang): v.clause, t("col.confidence", lang): t(f"confidence.{v.confidence}", lang)}
                         for k, v in rules.values.items()])
