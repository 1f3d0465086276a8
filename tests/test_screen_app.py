"""The housing-stock tab through AppTest: open a register, filter it, open a dwelling in the plan view."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from stock import run as stock_run
from tests.app_tabs import opened

ROOT = Path(__file__).resolve().parents[1]


def test_a_register_opens_filters_and_opens_a_dwelling(tmp_path):
    folder = tmp_path / "stock"
    folder.mkdir()
    for p in (ROOT / "examples").glob("*.tilpass.json"):
        shutil.copy(p, folder / p.name)
    (folder / "broken.dxf").write_bytes(b"0\nSECTION\n")
    out = tmp_path / "register.csv"
    stock_run.screen([str(folder)], out, workers=1, progress_stream=open(os.devnull, "w"))

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    opened(at, "stock")
    at.file_uploader(key="stock_upload").upload("register.csv", out.read_bytes(), "text/csv").run()
    assert not at.exception, at.exception
    table = next(d for d in at.dataframe if "Karakter" in d.value.columns)
    assert len(table.value) == 4
    assert "avvist" in set(table.value["Lest"])   # the broken file is a row with its reason
    assert any("kr" in v for v in table.value["Kostnad"] if v)

    at.multiselect(key="stock_grades").set_value(["1"]).run()
    table = next(d for d in at.dataframe if "Karakter" in d.value.columns)
    assert list(table.value["Fil"]) == ["accessible-flat.tilpass.json"]

    at.text_input(key="stock_max_cost").set_value("tjue").run()
    assert any("helt antall kroner" in w.value for w in at.warning)

    at.session_state["stock_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    at.button(key="stock_open").click().run()
    assert not at.exception, at.exception
    assert at.session_state["project"].plan.name != "Enebolig med trapp"   # the accessible flat is open
    assert "accessible-flat" in at.session_state["project_name"]


def test_the_stock_table_has_no_placeholder_text_for_missing_values():
    import pandas as pd
    from ui.stock import _text_table
    df = pd.DataFrame([{"file": "a.json", "region": pd.NA, "status": "read", "grade": "1", "cost_total_nok": 1200.0},
                       {"file": "b.dxf", "region": 2, "status": "refused", "grade": None, "cost_total_nok": None}])
    df["region"] = df["region"].astype("Int64")
    table = _text_table(df, "nb")
    assert list(table["Tegning"]) == ["", "2"] and list(table["Kostnad"]) == ["1 200 kr", ""]
    assert "<NA>" not in table.to_string() and "nan" not in table.to_string()
