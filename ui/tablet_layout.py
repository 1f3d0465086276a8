"""The page's width, told by the browser: a narrow screen (a tablet in portrait) starts with the sidebar closed,
and the canvas and charts are sized to fit what is left. A tiny component of our own (Components v2, no assets).

Streamlit's own "auto" sidebar closes only below 768 px, so an 820 px tablet would keep it open beside a
cut-off canvas.

A window wide enough for the largest canvas does not report its width: the page then loads in one run, not two
(the report reruns the whole page, which the browser then draws again), and the canvas takes its default size,
the largest, as the width would have chosen.
"""
from __future__ import annotations

import streamlit as st

NARROW_PX = 1024        # at or below this width the sidebar starts closed
SIDEBAR_PX, PADDING_PX = 300, 48
CANVAS_SIZES = {"large": (720, 540), "tablet": (460, 460)}  # px; the tablet size fits beside the open sidebar
KEY = "tablet_layout"

_JS = """
export default function(component) {
  const { setStateValue } = component;
  const width = Math.round(window.innerWidth);
  // Close the sidebar once per page load, as soon as its button is there (it may render after this component).
  const settle = (tries) => {
    if (window.__tilpassSidebarSettled || width > %(narrow)d) return;
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button[aria-expanded="true"]');
    if (close) { window.__tilpassSidebarSettled = true; close.click(); }
    else if (tries > 0) setTimeout(() => settle(tries - 1), 100);
  };
  settle(100);
  if (width < component.data.report_below) setStateValue("width", width);
}
""" % {"narrow": NARROW_PX}
_mount = None


def report_below() -> int:
    """The narrowest window from which on every wider one fits the largest canvas beside the open sidebar (a
    narrower one may close it, or need the smaller canvas): narrower ones say their width."""
    return max(w for w, _ in CANVAS_SIZES.values()) + SIDEBAR_PX + 2 * PADDING_PX


def viewport_width() -> int | None:
    """The browser window's width in CSS pixels, once the browser has said it (None on the first run, and always
    for a window at least report_below() wide)."""
    global _mount
    if _mount is None:
        _mount = st.components.v2.component("tilpass.tablet_layout", js=_JS, html="<span></span>")
    result = _mount(key=KEY, data={"report_below": report_below()}, default={"width": None},
                    on_width_change=lambda: None, width="content", height="content")
    width = result.get("width")
    return int(width) if isinstance(width, (int, float)) and width > 0 else None


def content_width(viewport_px: int | None) -> int | None:
    """The width the main area gives its elements (the viewport less Streamlit's padding and, when the window is
    wide, the open sidebar)."""
    if viewport_px is None:
        return None
    sidebar = 0 if viewport_px <= NARROW_PX else SIDEBAR_PX
    return max(viewport_px - sidebar - 2 * PADDING_PX, 240)
