"""`python -m bench.browser_timing` (`make bench-browser`): what a person waits for in a real browser, the app
against a minimal Streamlit page served the same way at the same time.

Both are started with `streamlit run` on ports of their own and opened in Debian's Chromium through Playwright.
Each interaction is timed from the user's action to the page being settled: the script has stopped running
(`stApp[data-test-script-state=notRunning]`), nothing is stale, and the text the action should bring is shown.
The rows are the first load (to the checked example plan; to the minimal page's title), a language switch through
the sidebar's language box, a measurement change (the measure tab's entrance rise typed; the minimal page's number),
the upload of the largest corpus drawing (to its checked plan, the unit it asks for confirmed; against the minimal
page's first load) and the switch and the change again with it open. Each is the best of ROUNDS, the pages
interleaved so that a busy machine slows them alike; `--against DIR` also serves the app of another checkout (the
code before a change) in the same rounds, a before and after that the machine's load cannot tell apart. Beside each time: the bytes the server sent over the websocket
and the CPU time of the browser's main thread (its script, style, layout and paint), medians of the rounds, which
tell where the time goes. Prints the table; `--markdown` prints it for docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench.serve import CHROMIUM, LAUNCH_ARGS, served

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus/dxf")
ROUNDS = 3
TIMEOUT_MS = 120_000
MINIMAL = '''import streamlit as st
st.title("Minimal")
lang = st.selectbox("Language", ["nb", "en"], key="lang")
n = st.number_input("A number", value=1, key="n")
st.write(f"Language: {lang}")
st.write(f"Number: {n}")
'''
# the language box of each page, its two choices as shown, and a text that is on the page only in that language
APP = {"box": "Språk / Language", "choices": {"nb": "Norsk (bokmål)", "en": "English"},
       "shows": {"nb": "Hindringer", "en": "Barriers"}, "loaded": "Hindringer"}
PAGE = {"box": "Language", "choices": {"nb": "nb", "en": "en"},
        "shows": {"nb": "Language: nb", "en": "Language: en"}, "loaded": "Minimal"}
ROWS = (("load", "first load (the app: to the checked example plan)"),
        ("lang", "language switch through the sidebar's box"),
        ("measure", "measurement change (the app: the entrance rise typed)"),
        ("upload", "upload of the largest corpus file (against the minimal page's first load)"),
        ("lang_large", "language switch with the largest corpus file open"),
        ("measure_large", "measurement change with the largest corpus file open"))


def largest_drawing() -> Path | None:
    drawings = sorted(CORPUS.glob("*.dxf"), key=lambda p: p.stat().st_size)
    return drawings[-1] if drawings else None


class Watched:
    """A page with what its interactions cost beside their time: the websocket bytes received and the CPU time
    of the browser's main thread."""

    def __init__(self, context):
        self.page = context.new_page()
        self.cdp = context.new_cdp_session(self.page)
        self.cdp.send("Performance.enable")
        self.received = 0
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        self.received += len(payload)

    def cpu(self) -> float:
        metrics = self.cdp.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "ThreadTime")

    def timed(self, act, done) -> dict:
        """act(), then done() waits for its outcome; the seconds between, bytes received and browser CPU seconds."""
        sent, cpu, start = self.received, self.cpu(), time.perf_counter()
        act()
        done()
        took = time.perf_counter() - start
        return {"time": took, "bytes": self.received - sent, "cpu": self.cpu() - cpu}


def settled(page, text: str) -> None:
    """Wait until text is shown, the script has stopped and no element is stale."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => { const app = document.querySelector('[data-testid=stApp]');"
        " return app && app.getAttribute('data-test-script-state') === 'notRunning'"
        " && document.querySelectorAll('[data-stale=true]').length === 0; }", timeout=TIMEOUT_MS)


def first_load(context, url: str, spec: dict) -> tuple[dict, Watched]:
    watched = Watched(context)
    took = watched.timed(lambda: watched.page.goto(url), lambda: settled(watched.page, spec["loaded"]))
    return took, watched


def switch_language(watched: Watched, spec: dict, to: str) -> dict:
    """Choose `to` in the page's language box; the time until the page shows it, settled."""
    page = watched.page
    page.get_by_role("combobox", name=spec["box"]).first.click()
    option = page.get_by_role("option", name=spec["choices"][to], exact=True).first
    option.wait_for(timeout=TIMEOUT_MS)
    return watched.timed(option.click, lambda: settled(page, spec["shows"][to]))


def type_number(watched: Watched, label: str, value: str, shows: str) -> dict:
    """Type value into the box labelled label and press Enter; the time until `shows` is on the page, settled."""
    page = watched.page
    if page.get_by_text(shows, exact=False).count():   # it would be "shown" before the rerun had even started
        raise RuntimeError(f"{shows!r} is on the page before {value} is typed: time another value")
    box = page.get_by_label(label, exact=True).first
    box.fill(value)
    return watched.timed(lambda: box.press("Enter"), lambda: settled(page, shows))


def app_measurement(watched: Watched, value: int) -> dict:
    """The measure tab's entrance rise typed (the tab opened first, not timed), as in bench.app_timing."""
    from planner.i18n import t
    from planner.project.measurements import describe
    import ui.texts  # noqa: F401  (registers the tab labels and the measure tab's words)
    page = watched.page
    tab = page.get_by_role("tab", name=t("tab.measure", "nb"), exact=True).first
    if tab.get_attribute("aria-selected") != "true":
        tab.click()
        settled(page, t("measure.rise", "nb"))
    return type_number(watched, t("measure.rise", "nb"), str(value), " ".join(describe("rise_mm", value, "nb")))


def app_plan_tab(page) -> None:
    from planner.i18n import t
    page.get_by_role("tab", name=t("tab.plan", "nb"), exact=True).first.click()
    settled(page, t("findings.problems", "nb"))


def upload(watched: Watched, path: Path) -> dict:
    """The drawing chosen in the sidebar's file box, its unit confirmed if it asks, to its checked plan."""
    from planner.i18n import t
    page = watched.page

    def done():
        read = page.get_by_role("button", name=t("units.read", "nb"))
        loaded = page.get_by_text(t("loaded", "nb", name=path.name), exact=False)
        read.or_(loaded).first.wait_for(timeout=TIMEOUT_MS)
        if read.count():
            read.first.click()
        settled(page, t("loaded", "nb", name=path.name))
    return watched.timed(lambda: page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path)), done)


def typed_rises(k: int) -> tuple[int, int]:
    """The two entrance rises typed in round k: new in every round, and odd, so that neither is already on the page
    (the example's own rise is 350 mm)."""
    return 301 + 4 * k, 303 + 4 * k


def app_round(context, url: str, drawing: Path | None, k: int) -> dict[str, list[dict]]:
    took, watched = first_load(context, url, APP)
    got = {"load": [took], "lang": [switch_language(watched, APP, "en"), switch_language(watched, APP, "nb")],
           "measure": [app_measurement(watched, rise) for rise in typed_rises(k)]}
    if drawing is not None:
        app_plan_tab(watched.page)
        got["upload"] = [upload(watched, drawing)]
        got["lang_large"] = [switch_language(watched, APP, "en"), switch_language(watched, APP, "nb")]
        got["measure_large"] = [app_measurement(watched, rise) for rise in typed_rises(k)]
    return got


def page_round(context, url: str, k: int) -> dict[str, list[dict]]:
    took, watched = first_load(context, url, PAGE)
    lang = [switch_language(watched, PAGE, "en"), switch_language(watched, PAGE, "nb")]
    measure = [type_number(watched, "A number", str(v), f"Number: {v}") for v in (2 + 2 * k, 3 + 2 * k)]
    return {"load": [took], "lang": lang, "measure": measure, "upload": [took], "lang_large": lang,
            "measure_large": measure}


def measure(rounds: int = ROUNDS, drawing: Path | None = None, against: Path | None = None) -> list[dict]:
    """The rows; with against (another checkout's root), each with that app's time and ratio too ("before")."""
    from playwright.sync_api import sync_playwright
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install --no-install-recommends chromium")
    apps = {"app": ROOT, **({"before": against} if against else {})}
    times: dict[str, dict[str, list[dict]]] = {key: {who: [] for who in (*apps, "page")} for key, _ in ROWS}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw, ExitStack() as servers:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        urls = {who: servers.enter_context(served(root / "app.py", root)) for who, root in apps.items()}
        page_url = servers.enter_context(served(minimal, Path(tmp)))
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            # one load of each first, not timed: the browser's own caches and the servers' imports
            for url, spec in [*((url, APP) for url in urls.values()), (page_url, PAGE)]:
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                first_load(ctx, url, spec)
                ctx.close()
            for k in range(rounds):
                order = [*((who, lambda c, url=url: app_round(c, url, drawing, k)) for who, url in urls.items()),
                         ("page", lambda c: page_round(c, page_url, k))]
                for who, one in (order if k % 2 == 0 else order[::-1]):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    for key, got in one(ctx).items():
                        times[key][who] += got
                    ctx.close()
        finally:
            browser.close()
    rows = []
    for key, what in ROWS:
        if not times[key]["app"]:
            continue
        row = {"what": what}
        for who, got in times[key].items():
            row[who] = min(r["time"] for r in got)
            row[f"{who}_kib"] = statistics.median(r["bytes"] for r in got) / 1024
            row[f"{who}_cpu"] = statistics.median(r["cpu"] for r in got)
        row["ratio"] = row["app"] / row["page"]
        if against:
            row["before_ratio"] = row["before"] / row["page"]
        rows.append(row)
    return rows


def markdown(rows: list[dict]) -> str:
    """The table for docs/benchmarks.md; with a "before" app, its time, ratio, bytes and CPU first (before → after)."""
    before = rows and "before" in rows[0]

    def two(r, field: str, scale: float, unit: str) -> str:
        now = f"{r[f'app{field}'] * scale:,.0f}"
        return (f"{r[f'before{field}'] * scale:,.0f} → {now}" if before else now) + f" / {r[f'page{field}'] * scale:,.0f} {unit}"
    head = "the app before → after" if before else "the app"
    lines = [f"| interaction, in the browser | {head} | minimal page | ratio | sent (app / page) | "
             "browser CPU (app / page) |", "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        took = f"{r['before'] * 1000:,.0f} → {r['app'] * 1000:,.0f}" if before else f"{r['app'] * 1000:,.0f}"
        ratio = f"{r['before_ratio']:.2f}× → {r['ratio']:.2f}×" if before else f"{r['ratio']:.2f}×"
        lines.append(f"| {r['what']} | {took} ms | {r['page'] * 1000:,.0f} ms | {ratio} | {two(r, '_kib', 1, 'KiB')} | "
                     f"{two(r, '_cpu', 1000, 'ms')} |".replace(",", " ").replace(".", ","))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.browser_timing", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("--no-large", action="store_true", help="leave out the rows with the largest corpus file")
    ap.add_argument("--against", type=Path, metavar="DIR",
                    help="also time the app of this checkout (e.g. `git archive REV | tar -x -C DIR`) in the same rounds")
    ap.add_argument("--markdown", action="store_true", help="print the table for docs/benchmarks.md")
    args = ap.parse_args(argv)
    if args.against is not None and not (args.against / "app.py").is_file():
        ap.error(f"{args.against} has no app.py: give the root of a checkout of Tilpass")
    before = os.getloadavg()[0]
    rows = measure(args.rounds, None if args.no_large else largest_drawing(), args.against)
    if args.markdown:
        print(markdown(rows))
    else:
        for r in rows:
            was = (f"(before {r['before'] * 1000:6.0f} ms {r['before_ratio']:5.2f}x, "
                   f"CPU {r['before_cpu'] * 1000:5.0f} ms)   " if "before" in r else "")
            print(f"{r['what']:76} app {r['app'] * 1000:7.0f} ms   minimal page {r['page'] * 1000:6.0f} ms   "
                  f"{r['ratio']:5.2f}x   {was}sent {r['app_kib']:6.0f} / {r['page_kib']:4.0f} KiB   "
                  f"browser CPU {r['app_cpu'] * 1000:5.0f} / {r['page_cpu'] * 1000:4.0f} ms")
    print(f"load average: {before:.2f} before, {os.getloadavg()[0]:.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
