"""The app's interactions timed on the server with AppTest (the real script, no browser), each against the same
kind of interaction on a minimal Streamlit page in the same process.

Each interaction is done as a user does it: a language switch through the sidebar's language box, a measurement
change by typing into the measure tab's own entrance box (the tab opened first, as a click on it would), an upload
through the sidebar's file box."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench import cold

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = '''import streamlit as st
st.title("Minimal")
lang = st.selectbox("Language", ["nb", "en"], key="lang")
st.number_input("A number", value=1, key="n")
st.write(lang)
'''
ROUNDS = 3


def _best(fn, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _lang(at) -> str:
    return at.session_state["lang"] if "lang" in at.session_state else "nb"


def switch_language(at) -> None:
    """The sidebar's language box set to the other language, and the rerun it causes."""
    at.selectbox(key="lang").set_value("en" if _lang(at) == "nb" else "nb").run()


def open_tab(at, name: str) -> None:
    """Open one of the app's tabs as a click on it does (a rerun with that tab chosen)."""
    import ui.texts  # noqa: F401  (registers the tab labels)
    from ui.tabs import choose
    choose(at.session_state, name, _lang(at))
    at.run()


def change_measurement(at) -> None:
    """A new entrance rise typed into the measure tab's own box (alternating between two values)."""
    key = f"measure_rise__p{at.session_state['generation']}"
    box = at.text_input(key=key)
    box.set_value("310" if box.value == "300" else "300").run()


def part_box(at):
    """The plan tab's part box, or None for a plan read whole."""
    key = f"plan_part__p{at.session_state['generation']}"
    return next((box for box in at.selectbox if box.key == key), None)


def show(at, choice) -> None:
    """The part box set to `choice` (None: the overview; "whole": the whole plan in detail; a part's index)."""
    part_box(at).set_value(choice).run()


def measure_app(largest: Path | None, buildings: list[tuple[str, Path]]) -> list[dict]:
    """The rows: first load, language switch, measurement change and rerun with the default example; then, for the
    largest corpus file and each generated building, its upload (with the first load) and the same interactions
    with it open, and for a plan read in parts one part and the whole plan in detail chosen in the part box.
    buildings: (label, path) of the generated buildings to open."""
    from streamlit.testing.v1 import AppTest
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "minimal.py"
        page.write_text(MINIMAL, encoding="utf-8")
        minimal = AppTest.from_file(str(page), default_timeout=120)

        def minimal_first():
            AppTest.from_file(str(page), default_timeout=120).run()
        minimal.run()
        anchor_first, anchor_change = _best(minimal_first), _best(lambda: switch_language(minimal))
        app_path = str(ROOT / "app.py")
        rows = []

        def add(what: str, seconds: float, anchor: float) -> None:
            rows.append({"what": what, "time": seconds, "anchor": anchor, "ratio": seconds / anchor})
            print(f"app: {what:58} {seconds * 1000:7.0f} ms  {seconds / anchor:5.2f}x the minimal page", flush=True)

        def interactions(at, label: str, rounds: int) -> None:
            add(f"rerun{label}, nothing changed", _best(lambda: at.run(), rounds), anchor_change)
            add(f"first language switch{label} (the picture drawn in it)", _best(lambda: switch_language(at), 1),
                anchor_change)
            add(f"language switch{label}", _best(lambda: switch_language(at), rounds), anchor_change)
            open_tab(at, "measure")
            add(f"measurement change{label}", _best(lambda: change_measurement(at), rounds), anchor_change)
            add(f"plan tab opened after it{label} (the picture drawn again)", _best(lambda: open_tab(at, "plan"), 1),
                anchor_change)
            if part_box(at) is not None:   # a plan read in parts: one part, then the whole plan in detail
                add(f"a part chosen{label} (drawn in detail)", _best(lambda: show(at, 0), 1), anchor_change)
                add(f"the whole plan in detail chosen{label}", _best(lambda: show(at, "whole"), 1), anchor_change)
                show(at, None)

        def first_load():
            cold()
            AppTest.from_file(app_path, default_timeout=300).run()
        add("first load, the default example checked", _best(first_load), anchor_first)
        app = AppTest.from_file(app_path, default_timeout=300)
        app.run()
        interactions(app, "", ROUNDS)
        opened = [("the largest corpus file", largest)] + list(buildings)
        for label, path in opened:
            if path is None:
                continue
            data = path.read_bytes()
            cold()   # a file opened for the first time: nothing of the import rows' readings may help
            start = time.perf_counter()
            at = AppTest.from_file(app_path, default_timeout=900)
            at.run()
            at.file_uploader(key="upload").upload(path.name, data, "application/dxf").run()
            if "pending_units" in at.session_state:   # a drawing that does not say its unit: the one the app offers
                at.button(key="units_read").click().run()
            add(f"upload of {label} (with the first load)", time.perf_counter() - start, anchor_first)
            interactions(at, f" with {label} open", 1 if "1 000" in label else ROUNDS)
        return rows
