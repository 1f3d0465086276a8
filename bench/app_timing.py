"""The app's interactions timed on the server with AppTest (the real script, no browser), each against the same
kind of interaction on a minimal Streamlit page in the same process."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

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


def measure_app(largest: Path | None, building: Path | None) -> list[dict]:
    from streamlit.testing.v1 import AppTest
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "minimal.py"
        page.write_text(MINIMAL, encoding="utf-8")
        minimal = AppTest.from_file(str(page), default_timeout=120)

        def minimal_first():
            AppTest.from_file(str(page), default_timeout=120).run()
        minimal.run()

        def minimal_change():
            minimal.selectbox(key="lang").set_value("en" if minimal.session_state["lang"] == "nb" else "nb").run()
        anchor_first, anchor_change = _best(minimal_first), _best(minimal_change)
        app_path = str(ROOT / "app.py")
        app = AppTest.from_file(app_path, default_timeout=300)
        rows = []

        def add(what: str, seconds: float, anchor: float) -> None:
            rows.append({"what": what, "time": seconds, "anchor": anchor, "ratio": seconds / anchor})

        add("first load, the default example checked", _best(lambda: AppTest.from_file(app_path, default_timeout=300).run()),
            anchor_first)
        app.run()

        def switch():
            app.selectbox(key="lang").set_value("en" if app.session_state["lang"] == "nb" else "nb").run()
        add("language switch", _best(switch), anchor_change)
        add("rerun, nothing changed", _best(lambda: app.run()), anchor_change)
        for label, path in (("the largest corpus file", largest), ("the 200-flat building", building)):
            if path is None:
                continue
            data = path.read_bytes()

            def upload():
                fresh = AppTest.from_file(app_path, default_timeout=600)
                fresh.run()
                fresh.file_uploader(key="upload").upload(path.name, data, "application/dxf").run()
                return fresh
            start = time.perf_counter()
            opened = upload()
            first = time.perf_counter() - start
            add(f"upload of {label} (with the first load)", first, anchor_first)
            add(f"rerun with {label} open", _best(lambda: opened.run()), anchor_change)

            def switch_open():
                opened.selectbox(key="lang").set_value("en" if opened.session_state["lang"] == "nb" else "nb").run()
            add(f"language switch with {label} open", _best(switch_open), anchor_change)
        return rows
