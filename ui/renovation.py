"""Renovating anyway ("Pusse opp?"), the fall-prevention walk and the day in the home: three short screens that
only wire widgets to costing.renovation, planner.project.falls and planner.project.daily."""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from costing.plan import contexts
from costing.renovation import ENTRANCE, renovation_plan, renovation_state
from planner.project import daily, falls
from planner.model.findings import Finding
from planner.i18n import fmt_mm, fmt_nok, register, t
from planner.model.plan import Plan
from planner.project.file import Project
from planner.rules import Rules
from ui.keys import project_key
from ui.plain import plain

register({
    "reno.intro": {"en": "Renovating a room anyway? While walls and floors are open, making it fit for the future "
                         "costs little; afterwards it costs much more. Choose the rooms you are renovating.",
                   "nb": "Skal du pusse opp likevel? Mens vegger og gulv er åpne, koster det lite å gjøre rommet klart "
                         "for framtiden; etterpå koster det mye mer. Velg rommene du skal pusse opp."},
    "reno.pick": {"en": "Choose rooms", "nb": "Velg rom"},
    "reno.rooms": {"en": "Rooms being renovated", "nb": "Rom som pusses opp"},
    "reno.new_build": {"en": "Building new (every room)", "nb": "Bygger nytt (alle rom)"},
    "reno.none": {"en": "Choose a room to see what to do while the work is on.",
                  "nb": "Velg et rom for å se hva som bør gjøres mens arbeidet pågår."},
    "reno.estimate": {"en": "Prices marked ~ are estimates: get a quote. Prices can be changed under Costs and grants.",
                      "nb": "Priser merket ~ er anslag: hent inn tilbud. Prisene kan endres under Kostnader og tilskudd."},
    "falls.intro": {"en": "Walk through the home and mark each item.", "nb": "Gå gjennom boligen og merk hvert punkt."},
    "falls.none": {"en": "The plan has no rooms to walk through.", "nb": "Planen har ingen rom å gå gjennom."},
    "falls.todo": {"en": "To do: {items}", "nb": "Å gjøre: {items}"},
    "day.intro": {"en": "Think through the day from waking to bed: how does each part go? This shows which rooms and "
                        "checks matter most for this person, and feeds the application's description of daily life.",
                  "nb": "Tenk gjennom dagen fra man våkner til man legger seg: hvordan går hver del? Dette viser hvilke "
                        "rom og sjekker som betyr mest for denne personen, og brukes i søknadens beskrivelse av "
                        "hverdagen."},
    "day.unanswered": {"en": "Not answered", "nb": "Ikke besvart"},
    "day.note": {"en": "Note", "nb": "Merknad"},
    "day.focus": {"en": "Matters most for this person: rooms {rooms}; checks {checks}.",
                  "nb": "Betyr mest for denne personen: rom {rooms}; sjekker {checks}."},
    "day.aids": {"en": "Aids to consider: {aids}", "nb": "Hjelpemidler å vurdere: {aids}"},
    "day.room.entrance": {"en": "entrance", "nb": "inngang"},
})


def _room_label(plan: Plan, room_id: str, lang: str) -> str:
    if room_id == ENTRANCE:
        return t("reno.entrance", lang)
    room = plan.room(room_id)
    return room.name or room_id if room else room_id


def render_renovation(plan: Plan, findings: list[Finding], rules: Rules, project: Project, lang: str) -> Project:
    """The renovation plan; returns the project with the rooms chosen (kept in its costing dict)."""
    st.write(t("reno.intro", lang))
    state = dict(project.costing)
    rooms, new_build = renovation_state(state)
    options = [ENTRANCE, *(r.id for r in plan.rooms)]
    chosen = st.multiselect(t("reno.rooms", lang), options, default=[r for r in rooms if r in options],
                            format_func=lambda r: _room_label(plan, r, lang), key=project_key("reno_rooms"),
                            placeholder=t("reno.pick", lang))
    new = st.checkbox(t("reno.new_build", lang), value=new_build, key=project_key("reno_new_build"))
    if (chosen, new) != ([r for r in rooms if r in options], new_build):
        state["renovation"] = {"rooms": chosen, "new_build": new}
        project = project.replace(costing=state)
    if not chosen and not new:
        st.info(t("reno.none", lang))
        return project
    try:
        ctx, _ = contexts(state, rules)
    except ValueError as exc:   # a price or rate the user typed that is not a number: the costs tab says which
        st.warning(plain(str(exc)))
        return project
    advice = renovation_plan(plan, findings, rules, ctx.prices, rooms=chosen, new_build=new, ctx=ctx)
    rows = []
    for a in advice:
        mark = "~" if a.estimate else ""
        rows.append({
            t("reno.col.room", lang): _room_label(plan, a.room, lang),
            t("reno.col.measure", lang): t(f"measure.{a.measure.id}", lang),
            t("reno.col.status", lang): t(f"reno.status.{a.status}", lang),
            t("reno.col.during", lang): "" if a.during_nok is None else (mark if a.during_nok else "") + fmt_nok(a.during_nok),
            t("reno.col.after", lang): "" if a.after_nok is None else (mark if a.after_nok else "") + fmt_nok(a.after_nok),
            t("reno.col.grants", lang): "; ".join(t(f"reno.grant.{g}", lang) for g in a.measure.grants),
            t("reno.col.source", lang): f"{a.measure.source} ({a.measure.confidence})",
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for a in advice:
        name = _room_label(plan, a.room, lang)
        if a.enlarge is not None:
            st.warning(plain(t("reno.enlarge", lang, room=name, side=t(f"reno.side.{a.enlarge.side}", lang),
                               by=fmt_mm(a.enlarge.by_mm))))
        elif a.cannot_fit:
            st.warning(plain(t("reno.cannot_fit", lang, room=name)))
    st.caption(t("reno.estimate", lang))
    return project


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def render_falls(project: Project, plan: Plan, lang: str) -> Project:
    """The fall-prevention walk: each item that applies, per room, answered with one tap."""
    st.subheader(t("falls.title", lang))
    items = falls.items_for(plan)
    if not items:
        st.info(t("falls.none", lang))
        return project
    st.caption(t("falls.intro", lang))
    answers = {room: dict(v) for room, v in project.falls.items()}
    changed = False
    for room_id, room_name, item in items:
        label = f"{t('fall.entrance', lang) if room_id == falls.ENTRANCE else room_name}: {t('fall.' + item.id, lang)}"
        current = (answers.get(room_id) or {}).get(item.id, {}).get("answer")
        picked = st.radio(plain(label), falls.ANSWERS, index=falls.ANSWERS.index(current) if current in falls.ANSWERS else None,
                          horizontal=True, key=project_key(f"fall_{room_id}_{item.id}"),
                          format_func=lambda a: t(f"fall.answer.{a}", lang))
        if picked is not None and picked != current:
            answers.setdefault(room_id, {})[item.id] = {"answer": picked, "at": _now()}
            changed = True
    if changed:
        project = project.replace(falls=answers)
    todo = falls.to_do(plan, project.falls)
    if todo:
        lines = []
        for room_id, item in todo:
            aids = ", ".join(t(f"aid.{a}", lang) for a in item.aids)
            pays = t("fall.small_aids" if item.small_aids else "fall.own", lang)
            lines.append(f"{_room_label(plan, room_id, lang)}: {t('fall.' + item.id, lang)} — {aids} ({pays})")
        st.text(t("falls.todo", lang, items="") + "\n" + "\n".join(lines))
    return project


def render_day(project: Project, lang: str) -> Project:
    """The day in the home: one answer and an optional note per activity."""
    st.subheader(t("day.title", lang))
    st.caption(t("day.intro", lang))
    answers = {k: dict(v) for k, v in project.daily.items()}
    for q in daily.QUESTIONS:
        given = answers.get(q.id) or {}
        cols = st.columns([3, 2])
        picked = cols[0].radio(t(f"day.{q.id}", lang), daily.ANSWERS,
                               index=daily.ANSWERS.index(given["answer"]) if given.get("answer") in daily.ANSWERS else None,
                               horizontal=True, key=project_key(f"day_{q.id}"),
                               format_func=lambda a: t(f"day.answer.{a}", lang))
        note = cols[1].text_input(t("day.note", lang), value=given.get("note", ""), key=project_key(f"day_note_{q.id}"),
                                  max_chars=daily.MAX_NOTE)
        if picked != given.get("answer") or note != given.get("note", ""):
            answers[q.id] = {"answer": picked, "note": note}
    kept = daily.validate(answers)
    if kept != project.daily:
        project = project.replace(daily=kept)
    present = {r.type for r in project.plan.rooms} | {"entrance"}
    rooms, checks = daily.focus(project.daily, present)
    if rooms:
        st.text(t("day.focus", lang, rooms=", ".join(t("day.room.entrance", lang) if r == "entrance"
                                                      else t(f"room.{r}", lang) for r in rooms),
                  checks=", ".join(t(f"check.{c}", lang) for c in checks)))
        aids = []
        for q in daily.hard(project.daily):
            aids += [t(f"aid.{a}", lang) for a in q.aids if t(f"aid.{a}", lang) not in aids]
        st.text(t("day.aids", lang, aids=", ".join(aids)))
    return project
