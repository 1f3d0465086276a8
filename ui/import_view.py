"""The import report and the choices that change an import: layer roles and which plan in the file."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.i18n import register, render, t
from planner.importers.layers import ROLES, UNKNOWN
from ui.keys import project_key
from ui.plain import plain
from ui.region_pick import show_thumbnails

register({
    "imp.found": {"en": "Found", "nb": "Funnet"},
    "imp.rooms": {"en": "Rooms", "nb": "Rom"}, "imp.doors": {"en": "Doors", "nb": "Dører"},
    "imp.fixtures": {"en": "Fixtures", "nb": "Innredning"}, "imp.walls": {"en": "Wall lines", "nb": "Vegglinjer"},
    "imp.units": {"en": "Units: {used} — {why}", "nb": "Enhet: {used} — {why}"},
    "imp.rooms_from": {"en": "Rooms read from: {how}", "nb": "Rom lest fra: {how}"},
    "imp.from.outlines": {"en": "outlines", "nb": "romomriss"}, "imp.from.walls": {"en": "walls", "nb": "vegglinjer"},
    "imp.guesses": {"en": "Every guess made ({n})", "nb": "Alle antakelser ({n})"},
    "imp.ignored": {"en": "What was ignored, and why ({n})", "nb": "Hva som ble oversett, og hvorfor ({n})"},
    "imp.col.what": {"en": "What", "nb": "Hva"}, "imp.col.why": {"en": "Why", "nb": "Hvorfor"},
    "imp.layers": {"en": "What each layer holds", "nb": "Hva hvert lag inneholder"},
    "imp.layers_help": {"en": "Change a role if the guess is wrong, then read the drawing again.",
                        "nb": "Endre rollen hvis gjetningen er feil, og les tegningen på nytt."},
    "imp.col.layer": {"en": "Layer", "nb": "Lag"}, "imp.col.role": {"en": "Role", "nb": "Rolle"},
    "imp.region": {"en": "This file holds several plans; which one to read?",
                   "nb": "Filen inneholder flere planer; hvilken skal leses?"},
    "imp.region_label": {"en": "{index}: {kind}, {count} elements, {w} × {h} m",
                         "nb": "{index}: {kind}, {count} elementer, {w} × {h} m"},
    "imp.kind.plan": {"en": "floor plan", "nb": "plantegning"},
    "imp.kind.section": {"en": "section", "nb": "snitt"},
    "imp.kind.elevation": {"en": "elevation", "nb": "fasade"},
    "imp.kind.section_or_elevation": {"en": "section or elevation", "nb": "snitt eller fasade"},
    "imp.kind.structural": {"en": "structural plan", "nb": "konstruksjonsplan"},
})


def _said(text: list | None, english: str, lang: str) -> str:
    """A report sentence in lang from its text ([key, params]); the English alone when the report has no text (a
    project saved before reports kept them)."""
    return render(text, lang) if text else english


def _sentences(report: dict, lang: str) -> list[str]:
    """Warnings, then what may be missing from the plan, in lang."""
    warnings, texts = report.get("warnings", []), report.get("warnings_t")
    if texts is None or len(texts) != len(warnings):
        texts = [None] * len(warnings)
    issues = ([render(text, lang) for text in report["issues_t"]] if "issues_t" in report
              else report.get("issues", []))
    return [*(_said(text, w, lang) for text, w in zip(texts, warnings)), *issues]


def render_import_report(report: dict, lang: str) -> None:
    """Found counts, units (with why), warnings, every guess and everything ignored."""
    found = report.get("found", {})
    st.markdown(f"**{t('imp.found', lang)}**")
    cols = st.columns(4)
    for col, what in zip(cols, ("rooms", "doors", "fixtures", "walls")):
        col.metric(t(f"imp.{what}", lang), found.get(what, 0))
    units = report.get("units", {})
    if units:
        st.caption(plain(t("imp.units", lang, used=units.get("used", "?"),
                           why=_said(units.get("why_t"), units.get("why", ""), lang))))
    if report.get("rooms_from"):
        how = report["rooms_from"]
        st.caption(plain(t("imp.rooms_from", lang,
                           how=t(f"imp.from.{how}", lang) if how in ("outlines", "walls") else how)))
    for sentence in _sentences(report, lang):
        st.warning(plain(sentence))
    for key, rows in (("imp.guesses", report.get("guesses", [])), ("imp.ignored", report.get("ignored", []))):
        with st.expander(t(key, lang, n=len(rows))):
            frame = pd.DataFrame([{field: _said(row.get(f"{field}_t"), row.get(field, ""), lang)
                                   for field in ("what", "why")} for row in rows], columns=["what", "why"]).rename(
                columns={"what": t("imp.col.what", lang), "why": t("imp.col.why", lang)})
            st.dataframe(frame, hide_index=True, width="stretch")


def edit_layer_roles(report: dict, lang: str, *, key: str = "import_layers") -> dict[str, str]:
    """Editable table layer → role; returns {layer: role} for the layers the user changed."""
    key = project_key(key)
    layers = report.get("layers", {})
    reasons, texts = report.get("layer_reasons", {}), report.get("layer_reasons_t", {})
    names = {role: t(f"imp.role.{role}", lang) for role in (*ROLES, UNKNOWN)}   # each role as the language says it
    role_of = {**{role: role for role in names}, **{name: role for role, name in names.items()}}
    frame = pd.DataFrame([{"layer": name, "role": names.get(role, role),
                           "why": _said(texts.get(name), reasons.get(name, ""), lang)}
                          for name, role in layers.items()], columns=["layer", "role", "why"])
    if frame.empty:
        return {}
    st.markdown(f"**{t('imp.layers', lang)}**")
    st.caption(t("imp.layers_help", lang))
    edited = st.data_editor(frame, key=key, hide_index=True, disabled=["layer", "why"], width="stretch",
                            column_config={
                                "layer": st.column_config.TextColumn(t("imp.col.layer", lang)),
                                "role": st.column_config.SelectboxColumn(t("imp.col.role", lang),
                                                                         options=list(names.values()),
                                                                         required=True),
                                "why": st.column_config.TextColumn(t("imp.col.why", lang))})
    chosen = {row.layer: role_of.get(row.role) for row in edited.itertuples()}
    return {layer: role for layer, role in chosen.items() if role in ROLES and role != layers.get(layer)}


def choose_region(report: dict, lang: str, *, key: str = "import_region") -> int | None:
    """When the file holds several plans: a picker; returns the chosen region index (1-based) or None."""
    key = project_key(key)
    regions = report.get("regions", [])
    if len(regions) < 2:
        return None
    labels = {r["index"]: t("imp.region_label", lang, index=r["index"], count=r["entity_count"],
                            w=f"{(r['bbox_mm'][2] - r['bbox_mm'][0]) / 1000:.0f}",
                            h=f"{(r['bbox_mm'][3] - r['bbox_mm'][1]) / 1000:.0f}",
                            kind=t(f"imp.kind.{r.get('kind', 'plan')}", lang))
              for r in regions}
    current = report.get("region") or regions[0]["index"]
    show_thumbnails(report, labels, current)
    return st.radio(t("imp.region", lang), list(labels), index=list(labels).index(current),
                    format_func=lambda index: plain(labels[index]), key=key)
