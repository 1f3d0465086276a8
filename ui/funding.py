"""The funding tab: remedies per barrier side by side, the whole-home plan, prices, quote, questions, process.

UI only: every number comes from costing/. Entry point: render_funding(plan, findings, costing_state, lang).
"""
from __future__ import annotations

import copy
import io

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
import pandas as pd
import streamlit as st

from costing.texts import note_text  # (importing it registers the costing texts)
from costing.eligibility import QUESTIONS
from costing.money import nok
from costing.grants import ALTERNATIVES
from costing.offices import COPIED_ON, NATIONAL_PHONE, counties, offices_in
from costing.plan import build_plan, contexts
from costing.errors import CostingError
from costing.item_texts import item_name, unit_name
from costing.prices import default_prices, overrides_from_table, price_number
from costing.process import CHECKLIST, STEPS, checklist_state
from costing.quotes import QUOTABLE, QuoteError, quote_state, read_quote
from costing.schemes import NAMES
from planner.model.findings import Finding
from planner.i18n import TextError, fmt_mm, fmt_nok, register, t
from planner.model.plan import Plan
from planner.model.numbers import fmt_number
from planner.rules import Rules
from ui.keys import project_key
from ui.plain import plain

PENDING = "funding_pending_state"
register({"fund.col.item": {"en": "item", "nb": "post"}, "fund.col.unit": {"en": "unit", "nb": "enhet"},
          "fund.col.confidence": {"en": "confidence", "nb": "sikkerhet"},
          "fund.col.source": {"en": "source", "nb": "kilde"}})
MAX_BARRIERS_SHOWN = 8  # more than this, and the tab shows one barrier at a time (each has a chart)
COLOURS = {"nav_loan": "#2a7ab0", "nav_grant": "#5aa9d6", "small_aids": "#9fd0ec", "husbanken": "#4caf50",
           "startlan": "#f0b429", "own_money": "#d9534f"}


@st.cache_data(show_spinner=False)
def _read_quote(data: bytes, name: str, vat_included: bool | None, vat: float):
    return read_quote(data, name, vat_included, vat)


@st.cache_data(show_spinner=False, max_entries=64)
def _chart_png(rows: tuple[tuple[str, tuple[tuple[str, int], ...]], ...], lang: str) -> bytes:
    """The chart as PNG, drawn again only when its bars change (every click reruns every tab)."""
    buffer = io.BytesIO()
    _chart([(label, dict(amounts)) for label, amounts in rows], lang).savefig(buffer, format="png")
    return buffer.getvalue()


def _chart(rows: list[tuple[str, dict[str, int]]], lang: str) -> Figure:
    """Stacked bars, one per option; the legend below lists only the routes that pay something."""
    fig = Figure(figsize=(7, 0.45 * len(rows) + 1.4), dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    labels = [label for label, _ in rows]
    left = [0] * len(rows)
    for name in NAMES:
        values = [amounts.get(name, 0) for _, amounts in rows]
        if not any(values):
            continue
        ax.barh(labels, values, left=left, color=COLOURS[name], label=t(f"scheme.{name}", lang))
        left = [a + b for a, b in zip(left, values)]  # stacking bars: drawing, not money arithmetic
    ax.invert_yaxis()
    ax.tick_params(labelsize=9)
    # at most five ticks, the unit once on the axis: "150 000 kr" on every tick ran together above 100 000 kr
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_mm(v)))
    ax.set_xlabel("kr", fontsize=9, loc="right")
    ax.grid(True, axis="x", linewidth=0.3)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.24), ncol=3, frameon=False)
    fig.tight_layout()
    return fig


def _option_label(remedy, lang: str) -> str:
    return t(f"remedy.{remedy.option}", lang)


def _barrier_title(barrier, lang: str) -> str:
    return t("barrier." + barrier.finding.code, lang, element=barrier.finding.element)


def _barrier(barrier, state: dict, lang: str) -> None:
    f = barrier.finding
    st.markdown(f"**{plain(_barrier_title(barrier, lang))}** — {plain(f.message(lang))}  \n*{plain(f.rule)}*")
    table, bars = [], []
    for r in barrier.remedies:
        s = barrier.splits[r.id]
        row = {t("fund.col.option", lang): _option_label(r, lang), t("fund.col.total", lang): fmt_nok(r.total_nok),
               t("fund.col.now", lang): fmt_nok(s.household_now_nok),
               t("fund.col.yearly", lang): fmt_nok(s.yearly_nok)}
        row.update({t(f"scheme.{n}", lang): fmt_nok(s.amounts.get(n)) for n in NAMES})
        row[t("fund.col.lasting", lang)] = "✓" if r.lasting else ""
        row[t("fund.col.fits", lang)] = {True: "✓", False: "✗", None: "?"}[r.fits]
        row[t("fund.col.adequate", lang)] = "✓" if r.adequate else "✗"
        table.append(row)
        if s.total_nok is not None:
            bars.append((_option_label(r, lang), s.amounts))
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    if bars:
        st.image(_chart_png(tuple((label, tuple(sorted(amounts.items()))) for label, amounts in bars), lang),
                 width="stretch")
    ids = [r.id for r in barrier.remedies]
    chosen = st.selectbox(t("fund.choose", lang), ids, index=ids.index(barrier.chosen) if barrier.chosen in ids else 0,
                          format_func=lambda i: _option_label(barrier.remedy(i), lang), key=project_key(f"funding_choice_{barrier.key}"))
    if chosen != barrier.chosen:
        state.setdefault("choices", {})[barrier.key] = chosen
    ramp = next((r.ramp for r in barrier.remedies if r.ramp is not None), None)
    if ramp is not None:
        st.caption(t("fund.ramp", lang, **ramp.text_params(lang),
                     fits=t({True: "fund.fits", False: "fund.fits_not", None: "fund.fits_unknown"}[ramp.fits], lang)))
    if any(r.lasting and r.grant_alternative for r in barrier.remedies):
        st.caption(f"{t('lasting.pros', lang)} {t('lasting.cons', lang)}")
    notes = {n for r in barrier.remedies for n in barrier.splits[r.id].notes}
    for n in sorted(notes):
        st.caption("• " + note_text(n, lang))
    grant = next((barrier.splits[r.id].detail.get("grant") for r in barrier.remedies
                  if barrier.splits[r.id].detail.get("grant")), None)
    if grant:
        st.caption(t("fund.grant_rule", lang, cap=fmt_nok(grant["cap_nok"]), alt=t(f"fund.alt.{grant['alternative']}", lang),
                     rule=t(grant["cap_rule_key"], lang, **grant["cap_params"]),
                     conf=t(f"confidence.{grant['cap_confidence']}", lang)))


def _whole_home(fp, lang: str) -> None:
    st.subheader(t("fund.plan", lang))
    if not fp.chosen:
        st.info(t("fund.nothing", lang))
        return
    rows = []
    by_remedy = {b.chosen: b for b in fp.barriers if b.chosen}
    for s in fp.chosen:
        b = by_remedy[s.remedy_id]
        row = {t("fund.col.barrier", lang): t("barrier." + b.finding.code, lang, element=b.finding.element),
               t("fund.col.option", lang): _option_label(b.remedy(s.remedy_id), lang),
               t("fund.col.total", lang): fmt_nok(s.total_nok)}
        row.update({t(f"scheme.{n}", lang): fmt_nok(s.amounts.get(n)) for n in NAMES})
        row[t("fund.col.now", lang)] = fmt_nok(s.household_now_nok)
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for b, why in fp.left_out():
        st.caption(plain(t(why, lang, barrier=_barrier_title(b, lang))))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("fund.col.total", lang), fmt_nok(fp.total("total")))
    c2.metric(t("fund.public", lang), fmt_nok(fp.total("public")))
    c3.metric(t("fund.col.now", lang), fmt_nok(fp.total("household_now")))
    c4.metric(t("fund.col.yearly", lang), fmt_nok(fp.total("yearly")))
    if fp.unpriced:
        st.warning(t("note.price_missing", lang))
    st.caption(t("fund.estimates", lang))


def _money_input(label: str, state: dict, key: str, lang: str, help_text: str | None = None) -> None:
    """An amount in kroner as typed ("12 500", "12 500 kr", "12,5 k" is asked about), read by the one number parser;
    empty is "not given". A value that cannot be read is said, and the one before it kept."""
    shown = "" if not state.get(key) else fmt_number(state[key], lang)
    typed = st.text_input(label, value=shown, key=project_key(f"funding_{key}"), help=help_text,
                          placeholder="–").strip()
    if typed == shown:
        return
    try:
        state[key] = price_number(typed, label) if typed else None
    except CostingError as exc:
        st.error(plain(f"{exc.message(lang)} {t('num.kept', lang)}"))


def _inputs(state: dict, lang: str, rates) -> None:
    high = fmt_nok(rates["husbanken_example_high_nok"].value)
    _money_input(t("fund.husbanken", lang), state, "husbanken_expected_nok", lang,
                 t("fund.husbanken_help", lang, high=high))
    _money_input(t("fund.startlan", lang), state, "startlan_nok", lang)
    options = ["auto", *ALTERNATIVES]
    current = state.get("grant_alternative") or "auto"
    alt = st.selectbox(t("fund.alternative", lang), options, index=options.index(current) if current in options else 0,
                       format_func=lambda a: t(f"fund.alt.{a}", lang), key=project_key("funding_grant_alternative"))
    if (alt if alt != "auto" else None) != state.get("grant_alternative"):
        state["grant_alternative"] = None if alt == "auto" else alt
    _money_input(t("fund.alt_price", lang), state, "alternative_price_nok", lang, t("fund.alt_price_help", lang))
    if state.get("alternative_price_nok") == 0:
        state["alternative_price_nok"] = None  # 0 means "not given": the rate or the estimate applies


def _prices(state: dict, lang: str, prices, vat: float) -> None:
    """The price list; a price typed over is read by the one number parser ("22 000", "22 000 kr"). A price that
    cannot be read is said in one sentence and the price before it is kept. vat: the project's VAT rate."""
    items = list(prices)
    rows = [{"item": item_name(p.key, lang), "unit": unit_name(p.unit, lang),
             "price_inc_vat_nok": fmt_number(nok(p.value), lang),
             "confidence": t(f"confidence.{p.confidence}", lang), "source": p.source} for p in prices.values()]
    key = project_key("funding_prices")
    st.data_editor(pd.DataFrame(rows), hide_index=True, key=key, width="stretch",
                   disabled=["item", "unit", "confidence", "source"],
                   column_config={"item": st.column_config.TextColumn(t("fund.col.item", lang)),
                                  "unit": st.column_config.TextColumn(t("fund.col.unit", lang)),
                                  "price_inc_vat_nok": st.column_config.TextColumn(t("fund.price_inc", lang)),
                                  "confidence": st.column_config.TextColumn(t("fund.col.confidence", lang)),
                                  "source": st.column_config.TextColumn(t("fund.col.source", lang))})
    typed = {}
    for row, cells in ((st.session_state.get(key) or {}).get("edited_rows") or {}).items():
        if "price_inc_vat_nok" in cells and int(row) < len(items):
            typed[items[int(row)]] = cells["price_inc_vat_nok"]
    good = {}
    for item, value in typed.items():
        try:
            good[item] = None if value in (None, "") else price_number(value, item_name(item, lang))
        except CostingError as exc:
            st.warning(f"{exc.message(lang)} {t('num.kept', lang)}")
    listed = default_prices(vat)    # an emptied cell goes back to the list price (at the project's VAT)
    rows = [{"item": item, "price_inc_vat_nok": value if value is not None else
             nok((listed[item] if item in listed else prices[item]).value)} for item, value in good.items()]
    overrides = overrides_from_table(rows, state.get("prices") or {}, vat)
    if overrides != (state.get("prices") or {}):
        state["prices"] = overrides
    st.caption(t("fund.price_legend", lang))


def _quote(state: dict, lang: str, vat: float) -> None:
    """The quote upload and its mapping; vat: the project's VAT rate (the user's override, if any)."""
    upload = st.file_uploader(t("fund.quote_upload", lang), type=["csv", "xlsx", "txt"], key=project_key("funding_quote_file"))
    if upload is not None and (state.get("quote") or {}).get("name") != upload.name:
        try:
            lines, notes = _read_quote(upload.getvalue(), upload.name, None, vat)
            state["quote"] = quote_state(lines, upload.name)
            for n in notes:
                st.caption(plain(note_text(n, lang)))
        except QuoteError as exc:
            st.error(plain(exc.message(lang)))
    quote = state.get("quote")
    if not quote:
        return
    options = ["", *QUOTABLE]
    edited = st.data_editor(pd.DataFrame(quote["lines"]).fillna(""), hide_index=True, key=project_key("funding_quote_lines"),
                            disabled=["description", "amount_nok"], width="stretch",
                            column_config={"option": st.column_config.SelectboxColumn(t("fund.quote_map", lang),
                                                                                      options=options)})
    mapped = [{**line, "option": line.get("option") or None} for line in edited.to_dict("records")]
    if mapped != quote["lines"]:
        state["quote"] = {**quote, "lines": mapped}
    if st.button(t("fund.quote_remove", lang), key=project_key("funding_quote_remove")):
        state.pop("quote", None)


def _questions(state: dict, lang: str, fp) -> None:
    answers = dict(state.get("answers") or {})
    choices = [None, True, False]
    labels = {None: t("fund.unknown", lang), True: t("fund.yes", lang), False: t("fund.no", lang)}
    for q in QUESTIONS:
        value = st.radio(t(f"q.{q}", lang), choices, index=choices.index(answers.get(q)), horizontal=True,
                         format_func=lambda v: labels[v], key=project_key(f"funding_q_{q}"))
        answers[q] = value
    stored = state.get("answers") or {}
    if answers != {q: stored.get(q) for q in QUESTIONS}:
        state["answers"] = answers
    for w in fp.eligibility.warnings:
        (st.error if w.severity == "block" else st.warning if w.severity == "warn" else st.info)(
            f"{t(w.key, lang)} ({w.rule})")


def _process(state: dict, lang: str) -> None:
    for i, (key, who) in enumerate(STEPS, start=1):
        st.markdown(f"{i}. {t(key, lang)} — *{t(who, lang)}*")
    st.markdown(f"**{t('fund.checklist', lang)}**")
    ticked = checklist_state(state)
    for key in CHECKLIST:
        ticked[key] = st.checkbox(t(key, lang), value=ticked[key], key=project_key(f"funding_check_{key}"))
    if any(ticked.values()) or state.get("checklist"):
        state["checklist"] = ticked


def _office(state: dict, lang: str) -> None:
    names = ["", *counties()]
    current = state.get("county") or ""
    county = st.selectbox(t("fund.county", lang), names, index=names.index(current) if current in names else 0,
                          key=project_key("funding_county"), format_func=lambda c: c or t("fund.county_none", lang))
    if (county or None) != state.get("county"):
        state["county"] = county or None
    for o in offices_in(county):
        st.markdown(f"**{o.name}**  \n{o.visiting_address}  \n{o.email} · {o.phone} ({o.phone_hours})")
    st.caption(t("fund.office_note", lang, date=COPIED_ON, phone=NATIONAL_PHONE))


def render_funding(plan: Plan, findings: list[Finding], costing_state: dict, lang: str,
                   rules: Rules | None = None) -> dict:
    """Draw the funding tab into the current container; return the (possibly changed) costing state.
    rules: the standard the findings were made by (the project's)."""
    pending = st.session_state.pop(project_key(PENDING), None)  # a change made by a widget on the previous run
    state = copy.deepcopy(pending if pending is not None else (costing_state or {}))
    before = copy.deepcopy(state)
    try:
        _, fctx = contexts(state, rules)
        fp = build_plan(plan, findings, state, rules)
    except ValueError as exc:  # a price or rate that cannot be used: one sentence in the user's language
        st.error(plain(exc.message(lang) if isinstance(exc, TextError) else str(exc)))
        return state
    tabs = st.tabs([t(f"fund.tab.{k}", lang) for k in ("compare", "plan", "prices", "questions", "process")])
    with tabs[0]:
        st.caption(t("fund.intro", lang))
        if not fp.barriers:
            st.success(t("fund.nothing", lang))
        shown = fp.barriers
        if len(fp.barriers) > MAX_BARRIERS_SHOWN:  # a large building: one barrier at a time, picked from a list
            st.info(t("fund.many", lang, n=len(fp.barriers)))
            keys = [b.key for b in fp.barriers]
            pick = st.selectbox(t("fund.pick", lang), keys, key=project_key("funding_pick"),
                                format_func=lambda k: _barrier_title(fp.barriers[keys.index(k)], lang))
            shown = [fp.barriers[keys.index(pick)]]
        for barrier in shown:
            with st.container(border=True):
                _barrier(barrier, state, lang)
    with tabs[1]:
        _whole_home(fp, lang)
        _inputs(state, lang, fctx.rates)
    with tabs[2]:
        _prices(state, lang, fctx.prices, fctx.rates["vat"].value)
        st.markdown(f"**{t('fund.quote', lang)}**")
        _quote(state, lang, fctx.rates["vat"].value)
    with tabs[3]:
        _questions(state, lang, fp)
    with tabs[4]:
        _process(state, lang)
        _office(state, lang)
    if state != before:  # recompute at once so the tables show what the user just changed
        st.session_state[project_key(PENDING)] = state
        st.rerun()
    return state


__all__ = ["render_funding", "default_prices"]
