"""Streamlit rendering of the import report and the layer-role editor: data in, user choices out."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from planner.importers.layers import ROLES
from planner.units import MM_PER_UNIT, UNIT_NAMES


def render_import_report(report: dict, issues: list[str], *, key: str = "import") -> None:
    """Found counts, units (with why), warnings, guesses and what was ignored."""
    found = report.get("found", {})
    cols = st.columns(4)
    for col, what in zip(cols, ("rooms", "doors", "fixtures", "walls")):
        col.metric(what, found.get(what, 0))
    units = report.get("units", {})
    st.caption(f"Units: {units.get('used')} — {units.get('why', '')}")
    for sentence in issues:
        st.warning(sentence)
    with st.expander("Guesses", expanded=False):
        st.dataframe(pd.DataFrame(report.get("guesses", []), columns=["what", "why"]), key=f"{key}-guesses",
                     hide_index=True)
    with st.expander("Ignored", expanded=False):
        st.dataframe(pd.DataFrame(report.get("ignored", []), columns=["what", "why"]), key=f"{key}-ignored",
                     hide_index=True)


def choose_units(guess: str | None, *, key: str = "import-units") -> str | None:
    """Ask for the unit of a drawing that does not state it; returns the choice once confirmed, else None."""
    options = list(MM_PER_UNIT)
    index = options.index(guess) if guess in options else 0
    unit = st.selectbox("Drawing unit", options, index=index, format_func=lambda u: UNIT_NAMES[u], key=key)
    return unit if st.button("Use this unit", key=f"{key}-ok") else None


def edit_layer_roles(report: dict, *, key: str = "import-layers") -> dict[str, str]:
    """Editable table layer → role; returns {layer: role} for the layers the user changed."""
    layers = report.get("layers", {})
    reasons = report.get("layer_reasons", {})
    frame = pd.DataFrame([{"layer": name, "role": role, "why": reasons.get(name, "")}
                          for name, role in layers.items()])
    if frame.empty:
        return {}
    edited = st.data_editor(frame, key=key, hide_index=True, disabled=["layer", "why"], column_config={
        "role": st.column_config.SelectboxColumn("role", options=[*ROLES, "unknown"], required=True)})
    return {row.layer: row.role for row in edited.itertuples() if row.role != layers.get(row.layer)
            and row.role in ROLES}


def choose_region(report: dict, *, key: str = "import-region") -> int | None:
    """When the file holds several plans: a picker; returns the chosen region index (1-based) or None."""
    regions = report.get("regions", [])
    if len(regions) < 2:
        return None
    labels = {r["index"]: f"{r['index']}: {r['entity_count']} elements at x {r['bbox_mm'][0] / 1000:.0f} m"
              for r in regions}
    current = report.get("region") or regions[0]["index"]
    return st.radio("Plan in this file", list(labels), index=list(labels).index(current),
                    format_func=labels.get, key=key, horizontal=True)
