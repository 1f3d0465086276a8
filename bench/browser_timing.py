"""`python -m bench.browser_timing` (`make bench-browser`): what a person waits for in a real browser, the app
against a minimal Streamlit page served the same way at the same time.

Both are started with `streamlit run` on ports of their own and opened in Debian's Chromium through Playwright.
Each interaction is timed from the user's action to the page being settled: the script has stopped running
(`stApp[data-test-script-state=notRunning]`), nothing is stale, and the text the action should bring is shown.
The rows are the first load (to the checked example plan; to the minimal page's title) and a language switch
through the sidebar's language box (the app's; the minimal page's own box), each the best of ROUNDS, the two pages
interleaved so that a busy machine slows both alike. Prints the table; `--markdown` prints it for
docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.serve import CHROMIUM, LAUNCH_ARGS, served

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 3
TIMEOUT_MS = 120_000
MINIMAL = '''import streamlit as st
st.title("Minimal")
lang = st.selectbox("Language", ["nb", "en"], key="lang")
st.number_input("A number", value=1, key="n")
st.write(f"Language: {lang}")
'''
# the language box of each page, its two choices as shown, and a text that is on the page only in that language
APP = {"box": "Språk / Language", "choices": {"nb": "Norsk (bokmål)", "en": "English"},
       "shows": {"nb": "Hindringer", "en": "Barriers"}, "loaded": "Hindringer"}
PAGE = {"box": "Language", "choices": {"nb": "nb", "en": "en"},
        "shows": {"nb": "Language: nb", "en": "Language: en"}, "loaded": "Minimal"}


def settled(page, text: str) -> None:
    """Wait until text is shown, the script has stopped and no element is stale."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => { const app = document.querySelector('[data-testid=stApp]');"
        " return app && app.getAttribute('data-test-script-state') === 'notRunning'"
        " && document.querySelectorAll('[data-stale=true]').length === 0; }", timeout=TIMEOUT_MS)


def first_load(context, url: str, spec: dict) -> tuple[float, object]:
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    settled(page, spec["loaded"])
    return time.perf_counter() - start, page


def switch_language(page, spec: dict, to: str) -> float:
    """Choose `to` in the page's language box; the time until the page shows it, settled."""
    page.get_by_role("combobox", name=spec["box"]).first.click()
    option = page.get_by_role("option", name=spec["choices"][to], exact=True).first
    option.wait_for(timeout=TIMEOUT_MS)
    start = time.perf_counter()
    option.click()
    settled(page, spec["shows"][to])
    return time.perf_counter() - start


def measure(rounds: int = ROUNDS) -> list[dict]:
    from playwright.sync_api import sync_playwright
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install --no-install-recommends chromium")
    times: dict[str, dict[str, list[float]]] = {"load": {"app": [], "page": []}, "lang": {"app": [], "page": []}}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        with served(ROOT / "app.py", ROOT) as app_url, served(minimal, Path(tmp)) as page_url:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            try:
                # one load of each first, not timed: the browser's own caches and the servers' imports
                for url, spec in ((app_url, APP), (page_url, PAGE)):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    first_load(ctx, url, spec)
                    ctx.close()
                for k in range(rounds):
                    order = (("app", app_url, APP), ("page", page_url, PAGE))
                    for who, url, spec in (order if k % 2 == 0 else order[::-1]):
                        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                        took, page = first_load(ctx, url, spec)
                        times["load"][who].append(took)
                        times["lang"][who].append(switch_language(page, spec, "en"))
                        times["lang"][who].append(switch_language(page, spec, "nb"))
                        ctx.close()
            finally:
                browser.close()
    rows = []
    for key, what in (("load", "first load (the app: to the checked example plan)"),
                      ("lang", "language switch through the sidebar's box")):
        app, page = min(times[key]["app"]), min(times[key]["page"])
        rows.append({"what": what, "app": app, "page": page, "ratio": app / page})
    return rows


def markdown(rows: list[dict]) -> str:
    lines = ["| interaction, in the browser | the app | minimal page | ratio |", "|---|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['what']} | {r['app'] * 1000:,.0f} ms | {r['page'] * 1000:,.0f} ms | "
                     f"{r['ratio']:.2f}× |".replace(",", " "))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.browser_timing", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("--markdown", action="store_true", help="print the table for docs/benchmarks.md")
    args = ap.parse_args(argv)
    rows = measure(args.rounds)
    if args.markdown:
        print(markdown(rows))
    else:
        for r in rows:
            print(f"{r['what']:52} app {r['app'] * 1000:7.0f} ms   minimal page {r['page'] * 1000:6.0f} ms   "
                  f"{r['ratio']:5.2f}x")
    try:
        load = os.getloadavg()[0]
        print(f"load average: {load:.2f}")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
