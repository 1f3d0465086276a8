"""What the importer doubts about the open plan, above the findings, and the user's "this is the plan"."""
from __future__ import annotations

import streamlit as st

from planner.i18n import register, t
from planner.importers.doubts import Doubt, confirmed_source
from planner.project.file import Project

register({
    "doubts.title": {"en": "The import doubts this plan ({n})", "nb": "Importen tviler på denne planen ({n})"},
    "doubts.help": {
        "en": "Until the reading is corrected (import tab) or you confirm the plan, the findings are provisional.",
        "nb": "Til lesingen er rettet (fanen for import) eller du bekrefter planen, er funnene foreløpige."},
    "doubts.confirm": {"en": "This is the plan", "nb": "Dette er planen"},
    "doubts.confirm_help": {"en": "The plan as read is right: the findings are no longer provisional.",
                            "nb": "Planen slik den ble lest er riktig: funnene er ikke lenger foreløpige."},
    "doubts.provisional": {"en": "provisional", "nb": "foreløpig"},
    "doubts.provisional_note": {
        "en": "Provisional: the import doubts this plan (see above); the findings may be wrong.",
        "nb": "Foreløpig: importen tviler på denne planen (se over); funnene kan være feil."},
})


def provisional(label: str, doubts: list[Doubt], lang: str) -> str:
    """A label marked provisional while the plan has doubts."""
    return f"{label} ({t('doubts.provisional', lang)})" if doubts else label


def render_doubts(container, project: Project, doubts: list[Doubt], lang: str) -> Project:
    """The doubts as plain text (they quote names from the drawing) and the confirm button; returns the project,
    with the doubts confirmed when the user pressed it."""
    if not doubts:
        return project
    box = container.container(border=True)
    box.markdown(f"**{t('doubts.title', lang, n=len(doubts))}**")
    for doubt in doubts:
        box.text(doubt.message(lang), help=doubt.code)   # the stable code for a bug report, not in the sentence
    box.caption(t("doubts.help", lang))
    if box.button(t("doubts.confirm", lang), key="confirm_doubts", help=t("doubts.confirm_help", lang)):
        project = project.replace(source=confirmed_source(project.source, doubts))
        st.session_state.project = project
        st.rerun()
    return project
