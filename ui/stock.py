"""The "Housing stock" tab: open a screening register, filter and sort it, see the stock as charts, open a dwelling."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd
import streamlit as st

from planner.i18n import fmt_nok, register, t
from planner.model.plan import PlanError
from stock import register as reg
from stock.view import SORTS, barrier_checks, by_grade, select
from ui.plain import plain

register({
    "stock.intro": {"en": "A register made with `python -m planner screen` (docs/screening.md): one row per dwelling.",
                    "nb": "Et register laget med `python -m planner screen` (docs/screening.md): én rad per bolig."},
    "stock.upload": {"en": "Open a register (.xlsx, .csv or .parquet)", "nb": "Åpne et register (.xlsx, .csv eller .parquet)"},
    "stock.any": {"en": "Any", "nb": "Alle"},
    "stock.none": {"en": "No register is open.", "nb": "Ingen register er åpnet."},
    "stock.grades": {"en": "Dwelling grade", "nb": "Boligens karakter"},
    "stock.barriers": {"en": "Fails the check", "nb": "Har avvik på"},
    "stock.max_cost": {"en": "At most this cost (kr, empty: any)", "nb": "Koster høyst (kr, tomt: alle)"},
    "stock.refused": {"en": "Show files that could not be read", "nb": "Vis filer som ikke kunne leses"},
    "stock.sort": {"en": "Sort by", "nb": "Sorter etter"},
    "stock.sort.grade": {"en": "grade, worst first", "nb": "karakter, dårligst først"},
    "stock.sort.cost": {"en": "cost, highest first", "nb": "kostnad, høyest først"},
    "stock.sort.barriers": {"en": "number of barriers", "nb": "antall avvik"},
    "stock.count": {"en": "{shown} of {total} rows", "nb": "{shown} av {total} rader"},
    "stock.chart.dwellings": {"en": "Dwellings per grade", "nb": "Boliger per karakter"},
    "stock.chart.cost": {"en": "Cost per grade (kr)", "nb": "Kostnad per karakter (kr)"},
    "stock.open": {"en": "Open the selected dwelling", "nb": "Åpne valgt bolig"},
    "stock.pick": {"en": "Select a row to open that dwelling.", "nb": "Velg en rad for å åpne boligen."},
    "stock.missing": {"en": "{file} is not on this computer, so it cannot be opened here.",
                      "nb": "{file} finnes ikke på denne maskinen, så den kan ikke åpnes her."},
    "stock.bad_cost": {"en": "The cost limit must be a whole number of kroner; it is left out.",
                       "nb": "Kostnadsgrensen må være et helt antall kroner; den er ikke brukt."},
    "stock.col.file": {"en": "File", "nb": "Fil"}, "stock.col.region": {"en": "Drawing", "nb": "Tegning"},
    "stock.col.status": {"en": "Read", "nb": "Lest"}, "stock.col.reason": {"en": "Why not", "nb": "Hvorfor ikke"},
    "stock.col.rooms": {"en": "Rooms", "nb": "Rom"}, "stock.col.area_m2": {"en": "Area (m²)", "nb": "Areal (m²)"},
    "stock.col.grade": {"en": "Grade", "nb": "Karakter"},
    "stock.col.grade_entrance": {"en": "Entrance", "nb": "Inngang"},
    "stock.col.grade_living": {"en": "Living room", "nb": "Stue"},
    "stock.col.grade_kitchen": {"en": "Kitchen", "nb": "Kjøkken"},
    "stock.col.grade_bedroom": {"en": "Bedroom", "nb": "Soverom"},
    "stock.col.grade_bathroom": {"en": "Bathroom", "nb": "Bad"},
    "stock.col.fail": {"en": "Barriers", "nb": "Avvik"}, "stock.col.unknown": {"en": "Unknown", "nb": "Ukjent"},
    "stock.col.cost_total_nok": {"en": "Cost", "nb": "Kostnad"},
    "stock.col.nav_nok": {"en": "NAV", "nb": "NAV"}, "stock.col.husbanken_nok": {"en": "Husbanken", "nb": "Husbanken"},
    "stock.col.owner_nok": {"en": "Household pays", "nb": "Husstanden betaler"},
    "stock.col.provisional": {"en": "Doubted", "nb": "Usikker"}, "stock.col.doubts": {"en": "Doubts", "nb": "Tvil"},
    "stock.status.read": {"en": "yes", "nb": "ja"}, "stock.status.refused": {"en": "refused", "nb": "avvist"},
    "stock.status.error": {"en": "failed", "nb": "feilet"},
    "stock.yes": {"en": "yes", "nb": "ja"}, "stock.no": {"en": "", "nb": ""},
})

SHOWN = ("file", "region", "status", "grade", "grade_entrance", "grade_living", "grade_kitchen", "grade_bedroom",
         "grade_bathroom", "rooms", "area_m2", "fail", "unknown", "cost_total_nok", "nav_nok", "husbanken_nok",
         "owner_nok", "provisional", "doubts", "reason")
MONEY = ("cost_total_nok", "nav_nok", "husbanken_nok", "owner_nok")


def _text_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows as the user reads them: words for statuses, kroner with thousands spaces, empty for none."""
    out = pd.DataFrame(index=df.index)
    for col in SHOWN:
        if col not in df:
            continue
        values = df[col]
        if col in MONEY:
            values = values.map(lambda v: "" if pd.isna(v) else fmt_nok(v))
        elif col == "status":
            values = values.map(lambda v: t(f"stock.status.{v}", lang))
        elif col == "provisional":
            values = values.map(lambda v: t("stock.yes" if v is True or v == "True" else "stock.no", lang))
        elif col == "area_m2":
            values = values.map(lambda v: "" if pd.isna(v) else (f"{float(v):.1f}".replace(".", ",") if lang == "nb"
                                                                  else f"{float(v):.1f}"))
        elif col == "file":
            values = values.map(lambda v: Path(str(v)).name)
        else:
            values = values.map(lambda v: "" if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v))
                                else str(v))
        out[t(f"stock.col.{col}", lang)] = values
    return out


def _bars(summary: pd.DataFrame, column: str, lang: str):
    """A bar per grade, in grade order, the values written with thousands spaces as in Norwegian."""
    import altair as alt
    label = ("replace(format(datum.value, ',.0f'), /,/g, '\u00a0')" if lang == "nb"
             else "format(datum.value, ',.0f')")
    return alt.Chart(summary).mark_bar().encode(
        x=alt.X("grade:N", sort=list(summary["grade"]), title=t("stock.col.grade", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{column}:Q", title=None, axis=alt.Axis(labelExpr=label, tickMinStep=1)),
    ).properties(height=220)


def _open_register(lang: str) -> pd.DataFrame | None:
    upload = st.file_uploader(t("stock.upload", lang), type=["xlsx", "csv", "parquet"], key="stock_upload")
    if upload is None:
        st.session_state.pop("stock_rows", None)
        return None
    if st.session_state.get("stock_upload_id") != upload.file_id:
        try:
            st.session_state.stock_rows = reg.read(upload.name, upload.getvalue())
            st.session_state.stock_upload_id = upload.file_id
        except PlanError as exc:
            st.error(plain(exc.message(lang)))
            return None
    return reg.frame(st.session_state.get("stock_rows") or [])


def render_stock(lang: str, open_dwelling: Callable[[str, int | None], None]) -> None:
    st.caption(t("stock.intro", lang))
    df = _open_register(lang)
    if df is None:
        st.info(t("stock.none", lang))
        return
    cols = st.columns(4)
    grades = cols[0].multiselect(t("stock.grades", lang), sorted({g for g in df["grade"].dropna()}), key="stock_grades",
                                 placeholder=t("stock.any", lang))
    barriers = cols[1].multiselect(t("stock.barriers", lang), barrier_checks(df), key="stock_barriers",
                                   format_func=lambda c: t(f"check.{c}", lang), placeholder=t("stock.any", lang))
    cost_text = cols[2].text_input(t("stock.max_cost", lang), key="stock_max_cost")
    sort = cols[3].selectbox(t("stock.sort", lang), SORTS, key="stock_sort",
                             format_func=lambda s: t(f"stock.sort.{s}", lang))
    include = st.checkbox(t("stock.refused", lang), value=True, key="stock_include_refused")
    max_cost = None
    if cost_text.strip():
        digits = cost_text.replace(" ", "").replace("\u00a0", "").removesuffix("kr")
        if digits.isdigit():
            max_cost = int(digits)
        else:
            st.warning(t("stock.bad_cost", lang))
    view = select(df, grades=grades, barriers=barriers, max_cost_nok=max_cost, sort=sort, include_refused=include)
    summary = by_grade(df)
    if not summary.empty:
        charts = st.columns(2)
        charts[0].caption(t("stock.chart.dwellings", lang))
        charts[0].altair_chart(_bars(summary, "dwellings", lang), width="stretch")
        charts[1].caption(t("stock.chart.cost", lang))
        charts[1].altair_chart(_bars(summary, "cost_nok", lang), width="stretch")
    st.caption(t("stock.count", lang, shown=len(view), total=len(df)))
    table = _text_table(view, lang)
    event = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="stock_table")
    picked = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not picked:
        st.caption(t("stock.pick", lang))
        return
    row = view.iloc[picked[0]]
    if st.button(t("stock.open", lang), key="stock_open"):
        path = str(row["file"])
        if not Path(path).is_file():
            st.warning(plain(t("stock.missing", lang, file=Path(path).name)))
            return
        region = None if pd.isna(row.get("region")) else int(row["region"])
        open_dwelling(path, region)
