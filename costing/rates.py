"""Funding rates as data (costing/data/rates-no.toml), each with source, date and confidence; user overrides win."""
from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path

from costing.errors import CostingError
from planner.model.sourced import CONFIDENCE, USER, Sourced

DATA_DIR = Path(__file__).parent / "data"
RATES_FILE = DATA_DIR / "rates-no.toml"
Rate = Sourced   # a rate is a value with its source; its edition is the date the source gives
__all__ = ["CONFIDENCE", "DATA_DIR", "RATES_FILE", "Rate", "USER", "load_rates"]


@lru_cache(maxsize=1)
def _default_rates() -> dict[str, Rate]:
    data = tomllib.loads(RATES_FILE.read_text(encoding="utf-8"))
    return {key: Rate(key=key, value=float(v["value"]), unit=v["unit"], source=v["source"], edition=str(v["date"]),
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
        rates[key] = old.overridden(number, f"entered by the user (default {old.value:g}: {old.source})")
    return rates
