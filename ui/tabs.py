"""The app's tabs, of which only the open one is drawn.

Each tab takes what it shows from the session (the project, and the findings worked out once per change in
ui/checked.py), never from another tab drawn before it in the same run. The choice is kept by name, so it survives a
language switch: the labels change with the language, and with them the widget's key."""
from __future__ import annotations

import streamlit as st

import ui.texts  # noqa: F401  (registers the tab labels)
from planner.i18n import t

# The tabs in the order a household meets them.
TABS = ("plan", "measure", "visit", "day", "funding", "renovate", "draw", "import", "project", "stock")
OPEN = "open_tab"   # session key: the name of the open tab
DEFAULTS = "_tab_defaults"   # session key: the default of each language's tabs


def tabs_key(lang: str) -> str:
    return f"tabs_{lang}"


def open_tab(lang: str):
    """Draw the tab bar; returns the open tab's name and its container. Choosing another tab reruns the page."""
    labels = [t(f"tab.{name}", lang) for name in TABS]
    key = tabs_key(lang)
    # The default is part of the widget's identity: it is set when the tabs of this language appear (the tab open
    # before a language switch) and kept while they stay, or each tab chosen would make a new widget.
    defaults = st.session_state.setdefault(DEFAULTS, {})
    if key not in st.session_state or key not in defaults:
        chosen = st.session_state.get(OPEN, TABS[0])
        defaults[key] = labels[TABS.index(chosen) if chosen in TABS else 0]
    boxes = st.tabs(labels, key=key, on_change="rerun", default=defaults[key])
    name, box = next(((n, b) for n, b in zip(TABS, boxes) if b.open), (TABS[0], boxes[0]))
    st.session_state[OPEN] = name
    return name, box


def choose(session_state, name: str, lang: str = "nb") -> None:
    """Open tab `name` from outside the page (AppTest: `choose(at.session_state, "measure")`, then `at.run()`), as
    a click on it does."""
    session_state[tabs_key(lang)] = t(f"tab.{name}", lang)
