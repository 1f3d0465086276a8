"""The import report and the choices that change an import: layer roles and which plan in the file."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.i18n import register, t
from planner.importers.layers import ROLES
from ui.keys import project_key

register({
    "imp.found": {"en": "Found", "nb": "Funnet"},
    "imp.rooms": {"en": "Rooms", "nb": "Rom"}, "imp.doors": {"en": "Doors", "nb": "Dører"},
    "imp.fixtures": {"en": "Fixtures", "nb": "Innredning"}, "imp.walls": {"en": "Wall lines", "nb": "Vegglinjer"},
    "imp.units": {"en": "Units: {used} — {why}", "nb": "Enhet: {used} — {why}"},
    "imp.rooms_from": {"en": "Rooms read from: {how}", "nb": "Rom lest fra: {how}"},
    "imp.guesses": {"en": "Every guess made ({n})", "nb": "Alle antakelser ({n})"},
    "imp.ignored": {"en": "What was ignored, and why ({n})", "nb": "Hva som ble oversett, og hvorfor ({n})"},
    "imp.col.what": {"en": "What", "nb": "Hva"}, "imp.col.why": {"en": "Why", "nb": "Hvorfor"},
    "imp.layers": {"en": "What each layer holds", "nb": "Hva hvert lag inneholder"},
    "imp.layers_help": {"en": "Change a role if the guess is wrong, then read the drawing again.",
                        "nb": "Endre rollen hvis gjetningen er feil, og les tegningen på nytt."},
    "imp.col.layer": {"en": "Layer", "nb": "Lag"}, "imp.col.role": {"en": "Role", "nb": "Rolle"},
    "imp.region": {"en": "This file holds several plans; which one to read?",
                   "nb": "Filen inneholder flere planer; hvilken skal leses?"},
    "imp.region_label": {"en": "{index}: {count} elements, {w:.0f} × {h:.0f} m",
                         "nb": "{index}: {count} elementer, {w:.0f} × {h:.0f} m"},
    "imp.reread": {"en": "Read the drawing again with these choices", "nb": "Les tegningen på nytt med disse valgene"},
    "imp.reupload": {"en": "Upload the DXF again to change layer roles or the plan read.",
                     "nb": "Last opp DXF-en på nytt for å endre lagroller eller hvilken plan som leses."},
})


def render_import_report(report: dict, lang: str) -> None:
    """Found counts, units (with why), warnings, every guess and everything ignored."""
    found = report.get("found", {})
    st.markdown(f"**{t('imp.found', lang)}**")
    cols = st.columns(4)
    for col, what in zip(cols, ("rooms", "doors", "fixtures", "walls")):
        col.metric(t(f"imp.{what}", lang), found.get(what, 0))
    units = report.get("units", {})
    if units:
        st.caption(t("imp.units", lang, used=units.get("used", "?"), why=units.get("why", "")))
    if report.get("rooms_from"):
        st.caption(t("imp.rooms_from", lang, how=report["rooms_from"]))
    for sentence in [*report.get("warnings", []), *report.get("issues", [])]:
        st.warning(sentence)
    for key, rows in (("imp.guesses", report.get("guesses", [])), ("imp.ignored", report.get("ignored", []))):
        with st.expander(t(key, lang, n=len(rows))):
            frame = pd.DataFrame(rows, columns=["what", "why"]).rename(
                columns={"what": t("imp.col.what", lang), "why": t("imp.col.why", lang)})
            st.dataframe(frame, hide_index=True, width="stretch")


def edit_layer_roles(report: dict, lang: str, *, key: str = "import_layers") -> dict[str, str]:
    key = project_key(key)
    """Editable table layer → role; returns {layer: role} for the layers the user changed."""
    layers = report.get("layers", {})
    reasons = report.get("layer_reasons", {})
    frame = pd.DataFrame([{"layer": name, "role": role, "why": reasons.get(name, "")}
                          for name, role in layers.items()], columns=["layer", "role", "why"])
    if frame.empty:
        return {}
    st.markdown(f"**{t('imp.layers', lang)}**")
    st.caption(t("imp.layers_help", lang))
    edited = st.data_editor(frame, key=key, hide_index=True, disabled=["layer", "why"], width="stretch",
                            column_config={
                                "layer": st.column_config.TextColumn(t("imp.col.layer", lang)),
                                "role": st.column_config.SelectboxColumn(t("imp.col.role", lang),
                                                                         options=[*ROLES, "unknown"], required=True),
                                "why": st.column_config.TextColumn(t("imp.col.why", lang))})
    return {row.layer: row.role for row in edited.itertuples()
            if row.role != layers.get(row.layer) and row.role in ROLES}


def choose_region(report: dict, lang: str, *, key: str = "import_region") -> int | None:
    key = project_key(key)
    """When the file holds several plans: a picker; returns the chosen region index (1-based) or None."""
    regions = report.get("regions", [])
    if len(regions) < 2:
        return None
    labels = {r["index"]: t("imp.region_label", lang, index=r["index"], count=r["entity_count"],
                            w=(r["bbox_mm"][2] - r["bbox_mm"][0]) / 1000, h=(r["bbox_mm"][3] - r["bbox_mm"][1]) / 1000)
              for r in regions}
    current = report.get("region") or regions[0]["index"]
    return st.radio(t("imp.region", lang), list(labels), index=list(labels).index(current),
                    format_func=labels.get, key=key)
