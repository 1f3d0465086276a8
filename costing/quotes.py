"""Import a contractor's quote (CSV or Excel) and map its lines to remedies; mapped totals replace list prices.

A quote line is a description and an amount. Amounts are stored incl. VAT (the project's rate); a quote whose header says
"eks. mva"/"excl. VAT" is converted. Lines are mapped by keywords in Norwegian and English; the user can
change each mapping in the app. Only building work is quoted: NAV procures the aids it lends itself.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass

from costing.errors import CostingError
from costing.money import nok, with_vat_nok
from costing.rates import load_rates
from costing.texts import Note
from planner.model.numbers import NumberError

QUOTABLE = ("door_widen", "offset_hinges", "threshold_removal", "bath_to_shower", "shower_kerb_removal",
            "sliding_door", "bathroom_layout", "ramp_built", "regrade")
# First match wins, so the more specific words come first.
KEYWORDS = (
    ("sliding_door", ("skyvedør", "skyvedor", "sliding door")),
    ("offset_hinges", ("hengsel", "hengsler", "hinge")),
    ("shower_kerb_removal", ("dusjkant", "dusjterskel", "shower kerb", "shower lip", "kerb")),
    ("threshold_removal", ("terskel", "threshold")),
    ("bathroom_layout", ("ombygging av bad", "flytte", "layout", "relocate")),
    ("bath_to_shower", ("badekar", "bath", "dusj", "shower", "våtrom", "membran", "sluk", "flis", "bad ")),
    ("regrade", ("oppfylling", "terreng", "grunnarbeid", "grave", "belegning", "heller", "asfalt", "regrad",
                 "fill", "paving", "groundwork", "raise the ground")),
    ("ramp_built", ("rampe", "ramp")),
    ("door_widen", ("dør", "dor ", "karm", "door", "utvid", "widen")),
)
DESCRIPTION_COLUMNS = ("beskrivelse", "description", "tekst", "text", "post", "arbeid", "item", "linje", "line")
AMOUNT_COLUMNS = ("sum", "beløp", "belop", "amount", "total", "pris", "price", "kr")
QUANTITY_COLUMNS = ("antall", "mengde", "qty", "quantity")
MAX_QUOTE_BYTES = 10 * 1024 * 1024
HEADER_WITHIN_ROWS = 20   # a quote's header row is looked for among its first rows only


class QuoteError(CostingError):
    """A quote file that cannot be read; the message is one sentence (costing/errors.py)."""


@dataclass(frozen=True, slots=True)
class QuoteLine:
    description: str
    amount_nok: int  # incl. VAT
    option: str | None

    def to_dict(self) -> dict:
        return {"description": self.description, "amount_nok": self.amount_nok, "option": self.option}


def guess_option(description: str) -> str | None:
    text = f" {description.lower()} "
    for option, words in KEYWORDS:
        if any(w in text for w in words):
            return option
    return None


def _amount(value) -> float | None:
    """A quote cell's amount, read by the one number parser ("12 500", "12.500,00", "kr 12 500,-"); None for an
    empty cell. A cell that is not an amount, or one that can be read two ways ("12.500"), raises NumberError."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == "":
        return None
    from planner.model.fields import FIELD_RANGES
    from planner.model.numbers import parse_number
    return parse_number(value, "measure.field.quote_line_nok", FIELD_RANGES["quote_line_nok"])


def _unreadable(description: str, exc: NumberError) -> Note:
    """The note for a line whose amount cannot be read: the parser's sentence in each language."""
    return Note("quote.unreadable", line=description, en=exc.message("en"), nb=exc.message("nb"))


def _column(header: list[str], names: tuple[str, ...], *, besides: int | None = None) -> int | None:
    """The first column named one of names: the whole name first, then inside a longer name ("Totalbeløp");
    a name of two letters ("kr") only as a word of its own, never inside one ("beskrivelse"). besides: a column
    that is already taken."""
    lowered = [h.lower().strip() for h in header]
    for name in names:
        for i, h in enumerate(lowered):
            if i != besides and (h == name or h.startswith(name + " ") or h.startswith(name + ".")):
                return i
    for name in names:
        for i, h in enumerate(lowered):
            found = re.search(rf"\b{re.escape(name)}\b", h) if len(name) <= 2 else name in h
            if i != besides and found:
                return i
    return None


def _header_columns(header: list[str]) -> tuple[int | None, int | None]:
    """The description and the amount column of a header row (never the same column)."""
    desc = _column(header, DESCRIPTION_COLUMNS)
    return desc, _column(header, AMOUNT_COLUMNS, besides=desc)


def _rows(data: bytes, filename: str) -> list[list]:
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        from openpyxl import load_workbook
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception:  # openpyxl raises many types for a broken workbook
            raise QuoteError.text("err.quote.excel") from None
        return [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def read_quote(data: bytes, filename: str = "", vat_included: bool | None = None,
               vat: float | None = None) -> tuple[list[QuoteLine], list[str]]:
    """The quote's priced lines (incl. VAT) and notes (costing.texts.Note, shown with note_text) about what was
    skipped or assumed.

    vat_included: None reads it from the header ("eks. mva"/"excl" means excluding VAT), else assumes incl.
    vat: the VAT rate to add to a quote excluding VAT (the user's, from the project's rates); None: the rate file's.
    """
    if vat is None:
        vat = load_rates()["vat"].value
    if not data:
        raise QuoteError.text("err.quote.empty")
    if len(data) > MAX_QUOTE_BYTES:
        raise QuoteError.text("err.quote.too_large")
    rows = [r for r in _rows(data, filename) if any(str(c).strip() for c in r)]
    header_at = next((i for i, r in enumerate(rows[:HEADER_WITHIN_ROWS])
                      if None not in _header_columns([str(c) for c in r])), None)
    if header_at is None:
        raise QuoteError.text("err.quote.no_header")
    header = [str(c) for c in rows[header_at]]
    desc_col, amount_col = _header_columns(header)
    qty_col = _column(header, QUANTITY_COLUMNS)
    notes = []
    if vat_included is None:
        head = " ".join(header).lower()
        vat_included = not re.search(r"eks|excl|ex\.? ?vat|ex\.? ?mva|uten mva", head)
        notes.append(Note("quote.vat_included") if vat_included else Note("quote.vat_added", vat=f"{vat * 100:g}"))
    lines, skipped = [], 0
    for row in rows[header_at + 1:]:
        cells = list(row) + [""] * (len(header) - len(row))
        description = str(cells[desc_col]).strip()
        try:
            amount = _amount(cells[amount_col])
        except NumberError as exc:
            if description:
                notes.append(_unreadable(description, exc))   # left out, never read as another amount
            skipped += 1
            continue
        if amount is None or not description:
            skipped += 1
            continue
        if description.lower().startswith(("sum", "total", "mva", "vat", "herav")):
            continue  # totals and VAT lines are not work
        if qty_col is not None and amount_col != qty_col and "enhet" in header[amount_col].lower():
            try:
                amount *= _amount(cells[qty_col]) or 1
            except NumberError as exc:
                notes.append(_unreadable(description, exc))
                skipped += 1
                continue
        if amount < 0:
            notes.append(Note("quote.discount", line=description))
        inc = nok(amount) if vat_included else with_vat_nok(amount, vat)
        lines.append(QuoteLine(description, inc, guess_option(description)))
    if not lines:
        raise QuoteError.text("err.quote.no_lines")
    if skipped:
        notes.append(Note("quote.skipped", n=str(skipped)))
    return lines, notes


def quote_state(lines: list[QuoteLine], filename: str) -> dict:
    """The quote as stored in the project's costing dict."""
    return {"name": filename, "lines": [line.to_dict() for line in lines]}


def quoted_amounts(quote: dict | None) -> dict[str, int]:
    """Mapped totals per remedy option (sum of the lines mapped to it) from the stored quote."""
    totals: dict[str, int] = {}
    for line in (quote or {}).get("lines", []):
        option = line.get("option")
        if option in QUOTABLE:
            totals[option] = totals.get(option, 0) + int(line.get("amount_nok") or 0)
    return {k: max(0, v) for k, v in totals.items()}
