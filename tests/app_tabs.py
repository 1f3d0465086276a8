"""Opening one of the app's tabs in an AppTest, as a click on it does: only the open tab is drawn (ui/tabs.py), so a
test that works a tab's widgets opens that tab first."""
from __future__ import annotations

from ui.tabs import choose


def opened(at, tab: str, lang: str = "nb"):
    """The page with tab `tab` open (after a rerun)."""
    choose(at.session_state, tab, lang)
    return at.run()
