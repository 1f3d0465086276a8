"""Widget keys bound to the open project."""
from __future__ import annotations

import streamlit as st


def project_key(name: str) -> str:
    """A key that changes whenever another project is opened.

    The browser keeps a widget's value under its key and sends it back on the next run, so a widget that shows
    the open project's values (a measurement, a funding choice, a layer role) must not reuse its key for the
    next project: the old value would be written into the new plan.
    """
    return f"{name}__p{st.session_state.get('generation', 0)}"
