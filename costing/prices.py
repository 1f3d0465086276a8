"""Prices as data (costing/data/prices-no.csv): item, unit, price excl. and incl. 25 % VAT, source, date, confidence.

Norwegian contractor prices vary widely; most rows are this tool's estimates (confidence "A") and say so.
The user overrides any price (confidence "user") or imports a contractor's quote (confidence "quote").
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass, replace
from functools import lru_cache

from costing.errors import CostingError
from costing.rates import DATA_DIR, USER

PRICES_FILE = DATA_DIR / "prices-no.csv"
QUOTE = "quote"
FIELDS = ("item", "unit", "price_ex_vat_nok", "price_inc_vat_nok", "source", "date", "confidence", "note")


@dataclass(frozen=True, slots=True)
class Price:
    """One price in whole kroner, incl. and excl. VAT, with where it comes from."""

    item: str
    unit: str
    price_ex_vat_nok: int
    price_inc_vat_nok: int
    source: str
    date: str
    confidence: str
    note: str = ""

    @property
    def estimate(self) -> bool:
        return self.confidence not in ("C", USER, QUOTE)

    def to_dict(self) -> dict:
        return {f: getattr(self, f) for f in FIELDS}


@lru_cache(maxsize=1)
def default_prices() -> dict[str, Price]:
    with PRICES_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {r["item"]: Price(item=r["item"], unit=r["unit"], price_ex_vat_nok=int(r["price_ex_vat_nok"]),
                             price_inc_vat_nok=int(r["price_inc_vat_nok"]), source=r["source"], date=r["date"],
                             confidence=r["confidence"], note=r.get("note", "")) for r in rows}


def price_number(value, what: str) -> int:
    """A price given by a person: whole kroner, 0 or more, read by the one number parser ("22 000", "22 000 kr",
    "1 200,50"; "40.250" is asked about). Raises CostingError (a ValueError) with one sentence."""
    from planner.measurements import FIELD_RANGES
    from planner.numbers import NumberError, parse_number
    try:
        return round(parse_number(value, "measure.field.price_nok", FIELD_RANGES["price_nok"], element=what))
    except NumberError as exc:
        error = CostingError(str(exc), exc.key, exc.params)
        error.message = exc.message          # the parser's sentence, in the user's language
        raise error from None


def load_prices(overrides: dict[str, object] | None = None, quote_prices: dict[str, int] | None = None,
                vat: float = 0.25) -> dict[str, Price]:
    """The price list with a quote's prices and then the user's own (both incl. VAT) in place.

    An override of None removes the price (the item is then priced as missing)."""
    prices = dict(default_prices())
    for layer, mark in ((quote_prices or {}, QUOTE), (overrides or {}, USER)):
        for item, value in layer.items():
            if value is None:
                prices.pop(item, None)
                continue
            inc = price_number(value, item)
            base = prices.get(item) or Price(item, "each", 0, 0, "", "", mark)
            prices[item] = replace(base, price_inc_vat_nok=inc, price_ex_vat_nok=round(inc / (1 + vat)),
                                   confidence=mark, source=f"{'your quote' if mark == QUOTE else 'entered by you'}"
                                                           f" (list price {base.price_inc_vat_nok} kr)")
    return prices


def overrides_from_table(rows: list[dict], previous: dict[str, object]) -> dict[str, int]:
    """The user's overrides from an edited price table: every row whose price differs from the list price.

    rows: {"item", "price_inc_vat_nok"}; previous overrides of items not in the table are kept."""
    defaults = default_prices()
    out = {k: v for k, v in previous.items() if k not in {r["item"] for r in rows}}
    for row in rows:
        value = row.get("price_inc_vat_nok")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        price = price_number(value, row["item"])
        default = defaults.get(row["item"])
        if default is None or price != default.price_inc_vat_nok:
            out[row["item"]] = price
    return out
