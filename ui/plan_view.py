"""The plan drawing and the findings table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.checks.turning import rectangle_sizes
from planner.model.numbers import fmt_number
from planner.output.drawing import overview_png, plan_parts, plan_png, screen_dpi
from planner.model.findings import Finding
from planner.model.gc_pause import with_gc_paused
from planner.i18n import fmt_mm, register, t
from planner.model.plan import Plan
import planner.project.profile  # noqa: F401  (registers the words for an overridden value)
from planner.model.sourced import USER
from planner.rules.texts import rule_value_name, rule_value_text
from planner.rules import Rules, load_rules
from planner.model.status import ICONS, worst_first
from ui.checked import per_language, plan_key, remembered, shared
from ui.keys import project_key

register({
    "plan.part": {"en": "Part of the plan", "nb": "Del av planen"},
    "plan.part.overview": {"en": "Overview: the whole plan, each room in the colour of its findings",
                           "nb": "Oversikt: hele planen, hvert rom i fargen til funnene"},
    "plan.part.whole": {"en": "The whole plan in detail", "nb": "Hele planen i detalj"},
    "plan.part.n": {"en": "Part {n}: x {x0}–{x1} m, y {y0}–{y1} m", "nb": "Del {n}: x {x0}–{x1} m, y {y0}–{y1} m"},
    "plan.part.help": {"en": "A large plan is hard to read whole: the overview shows each room in the colour of its "
                             "findings and numbers the parts; choose a part to see its rooms and doors with their "
                             "names. The whole plan in detail takes a while to draw. The findings table always "
                             "lists every element.",
                       "nb": "En stor plan er vanskelig å lese i sin helhet: oversikten viser hvert rom i fargen til "
                             "funnene og nummererer delene; velg en del for å se rommene og dørene med navn. Hele "
                             "planen i detalj tar litt tid å tegne. Funntabellen viser alltid alle elementene."},
    "plan.overview.legend": {
        "en": "Each room is filled by the worst of its own findings and those of the fixtures in it. Red: at least "
              "one fails. Amber: none fails, but at least one is unknown (measure it), or nothing was checked there. "
              "Green: every one passes. Door openings are coloured the same way by their own findings. The blue "
              "squares are the parts: choose one by its number in “Part of the plan” above the picture to see its "
              "rooms and doors with their names.",
        "nb": "Hvert rom er fylt etter det dårligste av funnene for rommet og innredningen i det. Rødt: minst ett "
              "avvik. Gult: ingen avvik, men minst ett funn er ukjent (mål det), eller ingenting er kontrollert der. "
              "Grønt: alle funn er ok. Døråpningene er farget på samme måte etter sine egne funn. De blå rutene "
              "er delene: velg en etter nummeret i «Del av planen» over bildet for å se rommene og dørene med "
              "navn."}})

OVERVIEW, WHOLE = None, "whole"   # the part box's first two choices; then each part by its index
# A plan in parts of up to this many rooms opens on the whole plan in detail (readable, and drawn in a fraction of a
# second), the overview offered next; a larger one opens on the overview.
OVERVIEW_FROM_ROOMS = 150


@with_gc_paused   # tens of thousands of strings and no cycles (planner/model/gc_pause.py)
def findings_table(findings: list[Finding], lang: str, problems_only: bool) -> pd.DataFrame:
    """One row per finding, worst first. Built column by column, each fixed word translated once per value: a large
    building has tens of thousands of findings, and a row-by-row table took seconds to make in a new language."""
    rows = [f for f in worst_first(findings)
            if not problems_only or f.status != "pass"]
    words: dict[str, str] = {}

    def said(key: str) -> str:
        if key not in words:
            words[key] = t(key, lang)
        return words[key]
    status = {s: f"{ICONS[s]} {t('status.' + s, lang)}" for s in ICONS}
    remeasure = said("remeasure.yes")
    return pd.DataFrame({
        said("col.status"): [status[f.status] for f in rows],
        said("col.element"): [f.element for f in rows],
        said("col.check"): [said(f"check.{f.check}") for f in rows],
        said("col.message"): [f.message(lang) for f in rows],
        said("col.measured"): [fmt_mm(f.measured) for f in rows],
        said("col.required"): [fmt_mm(f.required) for f in rows],
        said("col.remeasure"): [remeasure if f.remeasure else "" for f in rows],
        said("col.rule"): [f.rule for f in rows],
        said("col.confidence"): [said(f"confidence.{f.confidence}") for f in rows],
    }, columns=[said(k) for k in ("col.status", "col.element", "col.check", "col.message", "col.measured",
                                   "col.required", "col.remeasure", "col.rule", "col.confidence")])


def plan_image(plan: Plan, findings: list[Finding], lang: str, view=None) -> bytes:
    """The drawing as PNG, drawn again only when the plan, a finding or the part shown changed (a large plan takes
    a second); the picture in each language is kept, so switching back and forth draws nothing."""
    key = (plan_key(plan), findings, view)
    return per_language("_plan_picture", key, lang,
                        lambda: shared("plan_picture", (*key, lang),
                                       lambda: plan_png(plan, findings, lang, screen_dpi(plan, view), view=view)))


def overview_image(plan: Plan, findings: list[Finding], parts: list) -> bytes:
    """The overview as PNG, drawn again only when the plan or a finding changed; it holds no words, so a language
    switch draws nothing."""
    key = (plan_key(plan), findings)
    return remembered("_plan_overview", key, lambda: shared("plan_overview", key,
                                                            lambda: overview_png(plan, findings, parts)))


def _shown(plan: Plan, lang: str) -> tuple[list, object]:
    """The plan's parts ([] for a plan read whole) and what the picture shows: for a plan read in parts the choice
    in the part box, OVERVIEW (the default above OVERVIEW_FROM_ROOMS rooms), WHOLE (below) or a part's index, kept
    across reruns; WHOLE for any other."""
    parts = remembered("_plan_parts", (plan_key(plan),), lambda: plan_parts(plan))
    if not parts:
        return parts, WHOLE

    def name(choice):
        if choice is OVERVIEW:
            return t("plan.part.overview", lang)
        if choice == WHOLE:
            return t("plan.part.whole", lang)
        x0, y0, x1, y1 = (fmt_number(v / 1000, lang, 0) for v in parts[choice])
        return t("plan.part.n", lang, n=choice + 1, x0=x0, x1=x1, y0=y0, y1=y1)
    first = [OVERVIEW, WHOLE] if len(plan.rooms) > OVERVIEW_FROM_ROOMS else [WHOLE, OVERVIEW]
    pick = st.selectbox(t("plan.part", lang), [*first, *range(len(parts))], format_func=name,
                        key=project_key("plan_part"), persist_state="page", help=t("plan.part.help", lang))
    if isinstance(pick, int) and pick >= len(parts):   # a part of a plan since changed
        return parts, first[0]
    return parts, pick


def render_plan(plan: Plan, findings: list[Finding], lang: str, rules: Rules | None = None,
                note: str | None = None) -> None:
    """The plan drawing with its legend (in the numbers of `rules`, the standard in use), and the findings; note
    (the findings are provisional) goes under the drawing and over the list."""
    rules = rules or load_rules()
    if not plan.rooms and not plan.doors:
        st.info(t("plan.no_rooms", lang))
    else:
        parts, shown = _shown(plan, lang)
        if shown is OVERVIEW:
            st.image(overview_image(plan, findings, parts), width="stretch")
            legend = t("plan.overview.legend", lang)
        else:
            st.image(plan_image(plan, findings, lang, None if shown == WHOLE else parts[shown]), width="stretch")
            legend = t("plan.legend" if rectangle_sizes(rules) else "plan.legend_circle", lang,
                       **rules.text_params())
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


RULES_OPEN = "rules_open"   # session key: whether the rule values are shown, kept across a language switch


def render_rules(rules: Rules, lang: str) -> None:
    """The rule values in use, under an expander whose table is made and sent only while it is open: closed (as it
    starts) it costs a rerun nothing but its title. Open or closed, it stays so when the language changes (the
    title in the new language is a new expander, opened as the last one was)."""
    key = f"rules_box_{lang}"
    box = st.expander(t("rules.title", lang), expanded=st.session_state.get(RULES_OPEN, False), key=key,
                      on_change=lambda: st.session_state.__setitem__(RULES_OPEN, bool(st.session_state[key])))
    if box.open:
        with box:
            st.dataframe(rules_table(rules, lang), hide_index=True, width="stretch")


def rules_table(rules: Rules, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{t("rules.col.what", lang): rule_value_name(k, v.note, lang)
                          + (t("rules.overridden", lang) if v.confidence == USER else ""),
                          t("rules.col.value", lang): rule_value_text(k, v.value),
                          t("col.rule", lang): v.clause, t("col.confidence", lang): t(f"confidence.{v.confidence}", lang)}
                         for k, v in rules.values.items()])
