"""Browser fixtures: Debian's Chromium through Playwright, and the app served by `streamlit run` on a free port.

Without /usr/bin/chromium the browser tests are skipped, unless REQUIRE_BROWSER=1 (CI) turns that into a failure.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.serve import CHROMIUM, LAUNCH_ARGS, served

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"

try:
    from playwright.sync_api import expect
    expect.set_options(timeout=30_000)  # the first script run can take longer than Playwright's 5 s default
except ImportError:  # the browser tests skip (or fail under REQUIRE_BROWSER) below
    expect = None


@pytest.fixture(autouse=True)
def fresh_shared_values():
    """Each test starts without the findings and pictures other tests left for every session (ui/checked.shared):
    a test that counts the checks or drawings run sees its own."""
    import sys
    checked = sys.modules.get("ui.checked")
    if checked is not None:
        checked.clear_shared()
    yield


def need_browser() -> None:
    missing = None
    if expect is None:
        missing = "playwright is not installed"
    elif not os.access(CHROMIUM, os.X_OK):
        missing = f"{CHROMIUM} is missing (apt-get install --no-install-recommends chromium)"
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    need_browser()
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Streamlit scrolls inside its own container, so a full-page screenshot is the viewport: make it tall.
    return {**browser_context_args, "viewport": {"width": 1280, "height": 2000}, "accept_downloads": True}


@pytest.fixture(scope="session")
def st_url():
    """The app, started as a user would (`streamlit run app.py`), on a free port; stopped after the session."""
    need_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "streamlit.log", "w") as log:
        try:
            with served(ROOT / "app.py", ROOT, log) as url:
                yield url
        except RuntimeError:
            pytest.fail(f"streamlit did not start; see {ARTIFACTS / 'streamlit.log'}")
