"""Tracing over a plan image in the "Draw a plan" tab: upload a PNG, JPEG or PDF page, set its scale by drawing
one line along a known length, then draw over it. The image lives in session state as `draw_underlay`; the
geometry and the scale are planner.importers.underlay's."""
from __future__ import annotations

import math

import streamlit as st

from planner.i18n import fmt_decimal, register, t
from planner.model.fields import FIELD_RANGES
from planner.model.plan import PlanError
from planner.model.numbers import parse_number
from planner.importers.underlay import Underlay

register({
    "trace.title": {"en": "Trace over a plan image (PNG, JPEG or PDF)", "nb": "Tegn over en plantegning (PNG, JPEG "
                                                                            "eller PDF)"},
    "trace.intro": {
        "en": "A plan from the estate agent or the building archive: upload it, draw a line along a wall whose "
              "length you know to set the scale, then draw the rooms, doors and fixtures over it.",
        "nb": "En plantegning fra prospektet eller byggesaksarkivet: last den opp, tegn en linje langs en vegg du "
              "vet lengden på for å sette målestokken, og tegn så rom, dører og innredning over den."},
    "trace.upload": {"en": "Plan image", "nb": "Plantegning"},
    "trace.page": {"en": "Page of the PDF", "nb": "Side i PDF-en"},
    "trace.remove": {"en": "Remove the plan image", "nb": "Fjern plantegningen"},
    "trace.unscaled": {
        "en": "{name}: the scale is not set yet. Choose the tool “Scale” and draw a line along a wall whose length "
              "you know.",
        "nb": "{name}: målestokken er ikke satt ennå. Velg verktøyet «Målestokk» og tegn en linje langs en vegg du "
              "vet lengden på."},
    "trace.scaled": {"en": "{name}: 1 pixel of the image is {mm} mm.", "nb": "{name}: 1 piksel i bildet er {mm} mm."},
    "trace.length": {"en": "How long is the line you drew? (mm, or with a unit: 3,60 m)",
                     "nb": "Hvor lang er linjen du tegnet? (mm, eller med enhet: 3,60 m)"},
    "trace.set": {"en": "Set the scale", "nb": "Sett målestokken"},
    "trace.line_drawn": {"en": "Line drawn: {length} mm at the image's present scale.",
                         "nb": "Linje tegnet: {length} mm med bildets målestokk nå."},
    "draw.tool.scale": {"en": "Scale", "nb": "Målestokk"},
    "draw.help.scale": {"en": "Drag a line along a wall whose length you know, from end to end.",
                        "nb": "Dra en linje langs en vegg du vet lengden på, fra ende til ende."},
    "measure.field.scale_length_mm": {"en": "the line's length", "nb": "linjens lengde"},
})


def render_upload(frame, lang: str) -> None:
    """The upload, the PDF page and the scale's state; a new image is laid over the view shown now."""
    ss = st.session_state
    underlay: Underlay | None = ss.get("draw_underlay")
    with st.expander(t("trace.title", lang), expanded=underlay is not None and not underlay.scaled):
        st.caption(t("trace.intro", lang))
        cols = st.columns([3, 1])
        upload = cols[0].file_uploader(t("trace.upload", lang), type=None, key="draw_underlay_upload")
        page = cols[1].number_input(t("trace.page", lang), 1, 999, 1, 1, key="draw_underlay_page")
        if upload is not None and ss.get("draw_underlay_id") != (upload.file_id, page):
            ss.draw_underlay_id = (upload.file_id, page)
            try:
                read = Underlay.read(upload.getvalue(), upload.name, page=int(page))
            except PlanError as exc:
                st.error(exc.message(lang))
            else:
                ss.draw_underlay = read.fitted(frame.origin_x_mm, frame.origin_y_mm, frame.view_width_mm)
                ss.pop("draw_scale_line", None)
                st.rerun()
        if underlay is not None and st.button(t("trace.remove", lang), key="draw_underlay_remove"):
            ss.draw_underlay = None
            ss.pop("draw_scale_line", None)
            st.rerun()
    if underlay is not None:
        if underlay.scaled:
            st.caption(t("trace.scaled", lang, name=underlay.name, mm=fmt_decimal(underlay.mm_per_px, lang)))
        else:
            st.warning(t("trace.unscaled", lang, name=underlay.name))


def take_line(line_mm: tuple[tuple[float, float], tuple[float, float]]) -> None:
    """Keep the scale line just drawn (plan mm) until its length is given."""
    st.session_state.draw_scale_line = line_mm


def render_scale(lang: str, canvas_size: tuple[int, int]) -> None:
    """After a scale line: its length as typed (one number parser), then the image rescaled and shown whole."""
    ss = st.session_state
    line, underlay = ss.get("draw_scale_line"), ss.get("draw_underlay")
    if line is None or underlay is None:
        return
    drawn = math.dist(*line)
    st.info(t("trace.line_drawn", lang, length=f"{drawn:,.0f}".replace(",", " ")))
    with st.form("draw_scale_form"):
        typed = st.text_input(t("trace.length", lang), key="draw_scale_length")
        if st.form_submit_button(t("trace.set", lang)):
            try:
                length = parse_number(typed, "measure.field.scale_length_mm", FIELD_RANGES["scale_length_mm"])
                ss.draw_underlay = underlay.scaled_by(line[0], line[1], length)
            except PlanError as exc:
                st.error(exc.message(lang))
                return
            ss.pop("draw_scale_line", None)
            ss.draw_pending_view = view_of(ss.draw_underlay.bounds_mm, *canvas_size)
            st.rerun()


def view_of(bounds_mm: tuple[float, float, float, float], width_px: int, height_px: int):
    """(origin, whole metres across) that show bounds_mm with a margin: the value of draw_pending_view."""
    minx, miny, maxx, maxy = bounds_mm
    need = max(maxx - minx + 1000, (maxy - miny + 1000) * width_px / height_px)
    view_m = int(min(max(math.ceil(need / 1000), 2), 200))
    return (math.floor((minx - 500) / 1000) * 1000.0, math.floor((miny - 500) / 1000) * 1000.0), view_m
