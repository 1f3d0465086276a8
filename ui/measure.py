"""The measurement editor: tables of doors and showers, and the entrance, whose edits become Measurements."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from planner.checks.doors import dead_end_passages, far_side_open
from planner.i18n import register, t
from planner.model.numbers import NumberError, fmt_number
from planner.project.measurements import ENTRANCE_ID, FAR_SIDE_CODES, choices, describe, local_time, make_measurement
from planner.model.plan import Plan, PlanError
from planner.project.file import Project
from planner.rules import Rules, load_rules
import ui.draw_texts  # noqa: F401  (registers "visit.outside")
from ui.checked import per_language
from ui.keys import project_key
from ui.plain import plain

DOOR_KEY, SHOWER_KEY, BASIN_KEY = "measure_doors", "measure_showers", "measure_basins"
register({"measure.not_said": {"en": "Not said", "nb": "Ikke angitt"}, "measure.col.typed_help": {
    "en": "Millimetres, e.g. 840, 1 200 or 86 cm. Typing the value shown confirms it as measured.",
    "nb": "Millimeter, f.eks. 840, 1 200 eller 86 cm. Skriver du verdien som står der, blir den registrert som "
          "målt."}})

def _empty(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _changes(key: str, base: pd.DataFrame, id_col: str, fields: dict[str, str]) -> list[tuple]:
    """(element, field, text typed or None) for every cell the user has edited in the editor under `key`, even
    when the value typed is the one shown: confirming the drawn value on site makes it measured."""
    edited = (st.session_state.get(key) or {}).get("edited_rows") or {}
    out = []
    for row, cells in edited.items():
        for col, field in fields.items():
            if col in cells and int(row) < len(base):
                out.append((base.iloc[int(row)][id_col], field, None if _empty(cells[col]) else cells[col]))
    return out


def _shown(value: float | None, lang: str) -> str:
    """A millimetre value as the table shows it for typing over: thousands spaced, a decimal comma in Norwegian;
    an empty cell when unknown (never "None")."""
    return "" if value is None else fmt_number(value, lang, decimals=1)


def door_between(plan: Plan, door, lang: str) -> str:
    """The rooms a door joins, by name: "Gang ↔ Bad", "Gang ↔ ute" for an exterior door, "Gang ↔ ?" when the
    drawing does not say what is behind it."""
    names = [plan.room(r).name if plan.room(r) else r for r in door.rooms]
    if door.exterior:
        names.append(t("visit.outside", lang))
    elif len(door.rooms) < 2 and far_side_open(door):
        names.append("?")
    return " ↔ ".join(names)


def _offered(field: str, lang: str) -> list[str]:
    """A coded field's choices as its column offers them: "not said" first (an empty cell would read "None"),
    then what each code means."""
    return [t("measure.not_said", lang), *choices(field, lang).values()]


def _choice_changes(base: pd.DataFrame, edited: pd.DataFrame, col: str, field: str, lang: str) -> list[tuple]:
    """(element, field, code or None) for every choice the user changed in column col of a coded field."""
    code_of = {label: code for code, label in choices(field, lang).items()}
    unsaid = t("measure.not_said", lang)
    out = []
    # by column, not row by row: pandas makes a Series of every row it iterates (a second at 15 000 doors)
    for element, old, new in zip(base["id"].tolist(), base[col].tolist(), edited[col].tolist()):
        a, b = (None if _empty(v) or v == unsaid else v for v in (old, new))
        if a != b:
            out.append((element, field, None if b is None else code_of.get(b)))
    return out


def door_side_open(plan: Plan) -> bool:
    """True when the table asks what is behind a door: some door the drawing leaves open, or one someone has
    already said."""
    dead_ends = dead_end_passages(plan)   # once for the plan, not once per door
    return any(far_side_open(d, plan, dead_ends) or d.far_side for d in plan.doors)


def door_table(plan: Plan, lang: str) -> pd.DataFrame:
    labels = choices("far_side", lang)
    codes = {side: code for code, side in FAR_SIDE_CODES.items()}
    return pd.DataFrame([{
        "id": d.id, "rooms": door_between(plan, d, lang),
        "leaf": round(d.leaf_width_mm), "clear": _shown(d.clear_width_mm, lang),
        "threshold": _shown(d.threshold_mm, lang),
        "behind": labels[codes[d.far_side]] if d.far_side else t("measure.not_said", lang)} for d in plan.doors],
        columns=["id", "rooms", "leaf", "clear", "threshold", "behind"])


def basin_table(plan: Plan, lang: str) -> pd.DataFrame:
    labels = {True: choices("space_under", lang)[1], False: choices("space_under", lang)[0]}
    return pd.DataFrame([{"id": f.id, "room": plan.room(f.room).name if f.room and plan.room(f.room) else "",
                          "under": t("measure.not_said", lang) if f.space_under is None else labels[f.space_under]}
                         for f in plan.fixtures if f.type == "sink"], columns=["id", "room", "under"])


def shower_table(plan: Plan, lang: str = "nb") -> pd.DataFrame:
    return pd.DataFrame([{"id": f.id, "room": plan.room(f.room).name if f.room and plan.room(f.room) else "",
                          "lip": _shown(f.lip_mm, lang)}
                         for f in plan.fixtures if f.type == "shower"], columns=["id", "room", "lip"])


def apply_change(project: Project, element: str, field: str, value) -> Project:
    """Set (or, with None, remove) one measurement."""
    if value is None:
        kept = tuple(m for m in project.measurements if (m.element, m.field) != (element, field))
        return project.replace(measurements=kept)
    return project.with_measurement(make_measurement(element, field, value))


def render_measurements(project: Project, base: Plan, lang: str,
                        rules: Rules | None = None) -> tuple[Project, list[str]]:
    """Draw the editors for `base` (the plan with measurements as they were when opened) and return the project
    with every edit applied, plus a sentence for each value that could not be used. rules: the standard in use
    (its numbers are in the help texts)."""
    rules = rules or load_rules()
    numbers = rules.text_params()
    st.caption(t("measure.intro", lang))
    errors: list[str] = []
    changes: list[tuple] = []
    st.subheader(t("measure.doors", lang))
    # made once per plan and language (a rerun of the tab after a measurement typed makes neither again)
    doors, open_side = per_language("_measure_doors", (base,), lang,
                                    lambda: (door_table(base, lang), door_side_open(base)))
    edited = st.data_editor(
        doors, key=project_key(DOOR_KEY), hide_index=True, width="stretch", disabled=["id", "rooms", "leaf"],
        column_order=[c for c in doors.columns if c != "behind" or open_side],
        column_config={
            "id": st.column_config.TextColumn(t("measure.col.door", lang), width="small"),
            "rooms": st.column_config.TextColumn(t("measure.col.rooms", lang)),
            "leaf": st.column_config.NumberColumn(t("measure.col.leaf", lang), format="%d"),
            # text, read by the one number parser: a number column turned "abc" into 0 and -300 into 300
            "clear": st.column_config.TextColumn(t("measure.col.clear", lang), help=t("measure.col.typed_help", lang)),
            "threshold": st.column_config.TextColumn(t("measure.col.threshold", lang),
                                                     help=t("measure.col.typed_help", lang)),
            "behind": st.column_config.SelectboxColumn(t("measure.col.behind", lang),
                                                       options=_offered("far_side", lang),
                                                       help=t("measure.col.behind_help", lang, **numbers))})
    changes += _changes(project_key(DOOR_KEY), doors, "id", {"clear": "clear_width_mm", "threshold": "threshold_mm"})
    changes += _choice_changes(doors, edited, "behind", "far_side", lang)
    showers = shower_table(base, lang)
    if len(showers):
        st.subheader(t("measure.showers", lang))
        edited = st.data_editor(
            showers, key=project_key(SHOWER_KEY), hide_index=True, width="stretch", disabled=["id", "room"],
            column_config={"id": st.column_config.TextColumn(t("measure.col.shower", lang), width="small"),
                           "room": st.column_config.TextColumn(t("measure.col.room", lang)),
                           "lip": st.column_config.TextColumn(t("measure.col.lip", lang),
                                                              help=t("measure.col.typed_help", lang))})
        changes += _changes(project_key(SHOWER_KEY), showers, "id", {"lip": "lip_mm"})
    basins = basin_table(base, lang)
    if len(basins):
        st.subheader(t("measure.basins", lang))
        edited = st.data_editor(
            basins, key=project_key(BASIN_KEY), hide_index=True, width="stretch", disabled=["id", "room"],
            column_config={"id": st.column_config.TextColumn(t("measure.col.basin", lang), width="small"),
                           "room": st.column_config.TextColumn(t("measure.col.room", lang)),
                           "under": st.column_config.SelectboxColumn(
                               t("measure.col.under", lang), options=_offered("space_under", lang),
                               help=t("measure.col.under_help" if "turning_space_under_fixture_mm" in rules.values
                                      else "measure.col.under_help_none", lang, **numbers))})
        changes += _choice_changes(basins, edited, "under", "space_under", lang)
    st.subheader(t("measure.entrance", lang))
    entrance = base.entrance
    cols = st.columns(4)
    fields = (("rise_mm", "measure_rise", "measure.rise", None if entrance is None else entrance.rise_mm, 10000),
              ("steps", "measure_steps", "measure.steps", None if entrance is None else entrance.steps, 60),
              ("space_length_mm", "measure_space", "measure.space",
               None if entrance is None else entrance.space_length_mm, 100000),
              ("landing_mm", "measure_landing", "visit.field.landing_mm",
               None if entrance is None else entrance.landing_mm, 100000))
    for col, (field, key, label, current, _) in zip(cols, fields):
        shown = _shown(current, lang)
        value = col.text_input(t(label, lang), value=shown, key=project_key(key), placeholder="–",
                               help=t("measure.col.typed_help", lang))
        if value.strip() != shown:
            changes.append((ENTRANCE_ID, field, value.strip() or None))
    for element, field, value in changes:
        try:
            project = apply_change(project, element, field, value)
        except PlanError as exc:
            errors.append(f"{exc.message(lang)} {t('num.kept', lang)}" if isinstance(exc, NumberError)
                          else exc.message(lang))
    if project.measurements:
        st.caption(t("measure.log", lang) + " " + plain("; ".join(
            f"{m.element} {' '.join(describe(m.field, m.value, lang))} ({t('source.' + m.source, lang)}, "
            f"{local_time(m.taken_at)})" for m in project.measurements)))
    else:
        st.caption(t("measure.none", lang))
    return project, errors


