"""Prices as data (costing/data/prices-no.csv): item, unit, price excl. and incl. 25 % VAT, source, date, confidence.

Norwegian contractor prices vary widely; most rows are this tool's estimates (confidence "A") and say so.
The user overrides any price or imports a contractor's quote: both are the user's own (confidence "user").
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache

from costing.errors import CostingError
from costing.money import nok, with_vat_nok
from costing.rates import DATA_DIR, load_rates
from planner.model.sourced import USER, Sourced

PRICES_FILE = DATA_DIR / "prices-no.csv"
Price = Sourced   # a price is a value with its source: value is whole kroner incl. VAT per unit
QUOTE_SOURCE, TYPED_SOURCE = "your quote", "entered by you"


@lru_cache(maxsize=8)
def default_prices(vat: float | None = None) -> dict[str, Price]:
    """The price list: value = the price incl. VAT [kr] per unit. The file's column incl. VAT is at the rate
    file's VAT; at another rate (the user's, `vat`) it is the price excl. VAT plus that VAT. A row whose two
    prices are equal bears no VAT (a municipal fee) and stays as it is."""
    file_vat = load_rates()["vat"].value
    with PRICES_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))

    def inc(row: dict) -> int:
        ex, listed = int(row["price_ex_vat_nok"]), int(row["price_inc_vat_nok"])
        return listed if vat is None or vat == file_vat or ex == listed else with_vat_nok(ex, vat)
    return {r["item"]: Price(key=r["item"], value=inc(r), unit=r["unit"], source=r["source"],
                             edition=r["date"], confidence=r["confidence"], note=r.get("note", "")) for r in rows}


def price_number(value, what: str) -> int:
    """A price given by a person: whole kroner, 0 or more, read by the one number parser ("22 000", "22 000 kr",
    "1 200,50"; "40.250" is asked about). Raises CostingError (a ValueError) with one sentence."""
    from planner.model.fields import FIELD_RANGES
    from planner.model.numbers import NumberError, parse_number
    try:
        return nok(parse_number(value, "measure.field.price_nok", FIELD_RANGES["price_nok"], element=what))
    except NumberError as exc:
        error = CostingError(str(exc), exc.key, exc.params)
        error.message = exc.message          # the parser's sentence, in the user's language
        raise error from None


def load_prices(overrides: dict[str, object] | None = None, quote_prices: dict[str, int] | None = None,
                vat: float | None = None) -> dict[str, Price]:
    """The price list at the VAT rate `vat` (the project's; None: the rate file's) with a quote's prices and then
    the user's own (both incl. VAT) in place, each marked confidence "user" with where it came from.

    An override of None removes the price (the item is then priced as missing)."""
    prices = dict(default_prices(vat))
    for layer, said in ((quote_prices or {}, QUOTE_SOURCE), (overrides or {}, TYPED_SOURCE)):
        for item, value in layer.items():
            if value is None:
                prices.pop(item, None)
                continue
            inc = price_number(value, item)
            base = prices.get(item) or Price(item, 0, "each", "", USER)
            prices[item] = base.overridden(inc, f"{said} (list price {nok(base.value)} kr)")
    return prices


def overrides_from_table(rows: list[dict], previous: dict[str, object], vat: float | None = None) -> dict[str, int]:
    """The user's overrides from an edited price table: every row whose price differs from the list price (at the
    project's VAT rate `vat`).

    rows: {"item", "price_inc_vat_nok"}; previous overrides of items not in the table are kept."""
    defaults = default_prices(vat)
    out = {k: v for k, v in previous.items() if k not in {r["item"] for r in rows}}
    for row in rows:
        value = row.get("price_inc_vat_nok")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        price = price_number(value, row["item"])
        default = defaults.get(row["item"])
        if default is None or price != default.value:
            out[row["item"]] = price
    return out
