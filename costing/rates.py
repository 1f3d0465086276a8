"""Funding rates as data (costing/data/rates-no.toml), each with source, date and confidence; user overrides win."""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from costing.errors import CostingError

DATA_DIR = Path(__file__).parent / "data"
RATES_FILE = DATA_DIR / "rates-no.toml"
# C = read in the source named, S = secondary source only, U = unconfirmed, A = assumption of this tool.
CONFIDENCE = ("C", "S", "U", "A")
USER = "user"


@dataclass(frozen=True, slots=True)
class Rate:
    """One rate: value in `unit`, where it comes from, and how sure we are (a user override is marked "user")."""

    key: str
    value: float
    unit: str
    source: str
    date: str
    confidence: str
    note: str = ""

    @property
    def uncertain(self) -> bool:
        return self.confidence != "C"

    def to_dict(self) -> dict:
        return {"key": self.key, "value": self.value, "unit": self.unit, "source": self.source,
                "date": self.date, "confidence": self.confidence, "note": self.note}


@lru_cache(maxsize=1)
def _default_rates() -> dict[str, Rate]:
    data = tomllib.loads(RATES_FILE.read_text(encoding="utf-8"))
    return {key: Rate(key=key, value=float(v["value"]), unit=v["unit"], source=v["source"], date=str(v["date"]),
                      confidence=v["confidence"], note=v.get("note", ""))
            for key, v in data.items()}


def load_rates(overrides: dict[str, float] | None = None) -> dict[str, Rate]:
    """The rates, with any user override in place and marked confidence "user"."""
    rates = dict(_default_rates())
    for key, value in (overrides or {}).items():
        if key not in rates:
            continue  # an override for a rate that no longer exists is ignored, not fatal
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise CostingError.text("err.rate", rate=key, value=repr(value))
        old = rates[key]
        rates[key] = replace(old, value=number, confidence=USER,
                             source=f"entered by the user (default {old.value:g}: {old.source})")
    return rates


def with_vat_nok(price_ex_vat_nok: float, vat: float) -> int:
    """A price excluding VAT to whole kroner including VAT, rounded half up."""
    return int(math.floor(price_ex_vat_nok * (1 + vat) + 0.5))
