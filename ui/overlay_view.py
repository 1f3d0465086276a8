"""The drawing as read, over the original: rooms filled, doors marked, ignored layers faded; point at a line to say
what its layer holds, and the drawing is read again at once."""
from __future__ import annotations

from typing import Callable

import altair as alt
import streamlit as st

from planner.i18n import register, t
from planner.model.plan import Plan
from ui.keys import project_key

POINT_ROLES = ("walls", "doors", "rooms", "ignore")   # what a pointed-at line's layer can be said to hold
FADED = ("ignore", "unknown", "labels", "fixtures")   # roles whose lines are not read as walls, doors or rooms
ROLE_COLOUR = {"walls": "#222222", "doors": "#d95f02", "rooms": "#1b9e77"}
SELECTION = "line"

register({
    "overlay.title": {"en": "The drawing as read", "nb": "Tegningen slik den ble lest"},
    "overlay.help": {
        "en": "Rooms are filled, doors are red dots, faded lines are on layers that were not read. Tap a line to "
              "say what its layer holds.",
        "nb": "Rom er fylt, dører er røde prikker, bleke linjer ligger på lag som ikke ble lest. Trykk på en linje "
              "for å si hva laget dens inneholder."},
    "overlay.picked": {"en": "Layer {layer} (read as: {role}). What does it hold?",
                       "nb": "Laget {layer} (lest som: {role}). Hva inneholder det?"},
    "overlay.none": {"en": "The drawing kept no lines to show.", "nb": "Tegningen har ingen linjer å vise."},
    "overlay.role.walls": {"en": "Walls", "nb": "Vegger"}, "overlay.role.doors": {"en": "Doors", "nb": "Dører"},
    "overlay.role.rooms": {"en": "Rooms", "nb": "Rom"}, "overlay.role.ignore": {"en": "Ignore", "nb": "Overse"},
    "overlay.role.unknown": {"en": "unknown", "nb": "ukjent"}, "overlay.role.labels": {"en": "labels", "nb": "tekster"},
    "overlay.role.fixtures": {"en": "fixtures", "nb": "innredning"},
})


def _features(plan: Plan, report: dict) -> tuple[list, list, list]:
    """GeoJSON features (coordinates in mm) of the lines and arcs read, the rooms and the doors."""
    data = report.get("overlay") or {}
    layers, roles = data.get("layers", []), report.get("layers", {})

    def line(coords, k):
        layer = layers[k] if 0 <= k < len(layers) else "0"
        role = roles.get(layer, "unknown")
        return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
                "properties": {"layer": layer, "role": role, "faded": role in FADED}}

    lines = [line([[x1, y1], [x2, y2]], k) for x1, y1, x2, y2, k in data.get("lines", [])]
    lines += [line([arc[i:i + 2] for i in range(0, len(arc) - 1, 2)], arc[-1]) for arc in data.get("arcs", [])]
    rooms = [{"type": "Feature", "geometry": {"type": "Polygon",
                                              "coordinates": [[list(c) for c in r.polygon.exterior.coords]]},
              "properties": {"name": r.name or r.id, "id": r.id}} for r in plan.rooms]
    doors = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [d.position.x, d.position.y]},
              "properties": {"id": d.id, "width": round(d.clear_width_mm)}} for d in plan.doors]
    return lines, rooms, doors


def overlay_chart(plan: Plan, report: dict) -> alt.LayerChart | None:
    """The layered chart: rooms, faded and read lines (each line pickable by its layer), doors."""
    lines, rooms, doors = _features(plan, report)
    if not lines:
        return None
    pick = alt.selection_point(name=SELECTION, fields=["layer"], on="click", clear="dblclick")

    def geo(features):
        return alt.Chart(alt.Data(values=features, format=alt.DataFormat(property="features", type="json")))

    room_layer = geo({"type": "FeatureCollection", "features": rooms}).mark_geoshape(
        fill="#9ecae1", fillOpacity=0.45, stroke=None).encode(tooltip=[alt.Tooltip("properties.name:N", title="")])
    # the layer, role and fading at the top of each feature, where a selection's fields are looked up
    line_data = {"type": "FeatureCollection", "features": [{**f, **f["properties"]} for f in lines]}
    seen = geo(line_data).mark_geoshape(filled=False).encode(
        stroke=alt.condition("datum.faded", alt.value("#bbbbbb"), alt.Color("role:N", legend=None, scale=alt.Scale(
            domain=list(ROLE_COLOUR), range=list(ROLE_COLOUR.values())))),
        strokeWidth=alt.condition(pick, alt.value(3), alt.value(1)),
        tooltip=[alt.Tooltip("layer:N"), alt.Tooltip("role:N")])
    # a wide, nearly invisible copy of each line: a finger finds it
    target = geo(line_data).mark_geoshape(filled=False, stroke="#000000", strokeOpacity=0.01, strokeWidth=14).encode(
        tooltip=[alt.Tooltip("layer:N")]).add_params(pick)
    door_layer = geo({"type": "FeatureCollection", "features": doors}).mark_geoshape(
        fill="#d62728", stroke="#d62728", strokeWidth=6).encode(tooltip=[alt.Tooltip("properties.id:N", title="")])
    return alt.layer(room_layer, seen, target, door_layer).project(type="identity", reflectY=True).properties(height=520)


def picked_layer(event) -> str | None:
    """The layer of the line the user pointed at, from st.altair_chart's selection state."""
    selection = getattr(event, "selection", None) or (event.get("selection") if isinstance(event, dict) else None)
    rows = (selection or {}).get(SELECTION) or []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and row.get("layer"):
            return str(row["layer"])
    return None


def render_overlay(plan: Plan | None, report: dict, lang: str, reread: Callable[[dict[str, str]], None], *,
                   key: str = "overlay") -> None:
    """The chart, and for the layer pointed at the roles to give it; choosing one reads the drawing again.
    plan: None for a refused drawing (its lines only)."""
    plan = plan or Plan()
    st.markdown(f"**{t('overlay.title', lang)}**")
    chart = overlay_chart(plan, report)
    if chart is None:
        st.caption(t("overlay.none", lang))
        return
    st.caption(t("overlay.help", lang))
    event = st.altair_chart(chart, on_select="rerun", selection_mode=SELECTION, key=project_key(key),
                            width="stretch")
    layer = picked_layer(event)
    if layer is None:
        return
    role = report.get("layers", {}).get(layer, "unknown")
    st.text(t("overlay.picked", lang, layer=layer, role=t(f"overlay.role.{role}", lang)))
    cols = st.columns(len(POINT_ROLES))
    for col, new in zip(cols, POINT_ROLES):
        if col.button(t(f"overlay.role.{new}", lang), key=project_key(f"{key}_role_{new}"), disabled=new == role):
            reread({layer: new})
