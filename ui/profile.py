"""Who lives there: the person's aid and chair size, in the sidebar, saved in the project (planner/project/profile.py)."""
from __future__ import annotations

import streamlit as st

from planner.i18n import register, t
from planner.project.profile import KINDS, REFERENCE_CHAIR_MM, SIZE_LIMITS_MM, WHEELCHAIRS, Profile
from planner.project.file import Project

NOT_SAID = "unsaid"

register({
    "profile.title": {"en": "Who lives there", "nb": "Hvem bor der"},
    "profile.kind": {"en": "Mobility aid", "nb": "Hjelpemiddel"},
    "profile.kind.unsaid": {"en": "Not said (the standard's values)", "nb": "Ikke oppgitt (regelverkets verdier)"},
    "profile.width": {"en": "Chair width (mm)", "nb": "Stolbredde (mm)"},
    "profile.length": {"en": "Chair length (mm)", "nb": "Stollengde (mm)"},
    "profile.turning": {"en": "Turning diameter (mm)", "nb": "Snudiameter (mm)"},
    "profile.size_help": {
        "en": "Measure the person's own chair; leave empty to use the standard's values. ISO 7176-5's reference "
              "wheelchair is {w} × {l} mm.",
        "nb": "Mål personens egen stol; la stå tomt for å bruke regelverkets verdier. Referanserullestolen i "
              "ISO 7176-5 er {w} × {l} mm."},
    "profile.walks": {"en": "The checks for using a wheelchair (side space at the WC and at door latches) do not "
                            "apply.",
                      "nb": "Kontrollene for bruk av rullestol (sideplass ved WC og ved dørlåser) gjelder ikke."},
})


def render_profile(project: Project, lang: str) -> Project:
    """The sidebar's profile: the aid, and for a wheelchair its size; returns the project with it saved."""
    person = project.person
    st.sidebar.header(t("profile.title", lang))
    options = [NOT_SAID, *KINDS]
    kind = st.sidebar.selectbox(t("profile.kind", lang), options, key="profile_kind",
                                index=options.index(person.kind) if person else 0,
                                format_func=lambda k: t(f"profile.kind.{k}", lang))
    if kind == NOT_SAID:
        return project.replace(profile={})
    sizes = {}
    if kind in WHEELCHAIRS:
        low, high = SIZE_LIMITS_MM
        w, l = REFERENCE_CHAIR_MM
        for field, label in (("width_mm", "profile.width"), ("length_mm", "profile.length"),
                             ("turning_mm", "profile.turning")):
            current = None if person is None else getattr(person, field)
            sizes[field] = st.sidebar.number_input(t(label, lang), min_value=float(low), max_value=float(high),
                                                   value=current, step=10.0, format="%.0f", placeholder="–",
                                                   key=f"profile_{field}", help=t("profile.size_help", lang, w=w, l=l))
    else:
        st.sidebar.caption(t("profile.walks", lang))
    return project.replace(profile=Profile(kind=kind, **sizes).to_dict())
