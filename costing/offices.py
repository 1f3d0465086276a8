"""The NAV Hjelpemiddelsentraler, one or more per county (costing/data/hjelpemiddelsentraler.csv).

Copied from ../shared/domain/hjelpemiddelsentraler.csv on COPIED_ON; check nav.no for changes.
National service phone: 55 55 11 11 (NAV Vestland presentation 2025).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from costing.rates import DATA_DIR

OFFICES_FILE = DATA_DIR / "hjelpemiddelsentraler.csv"
COPIED_ON = "2026-11-22"
NATIONAL_PHONE = "55 55 11 11"


@dataclass(frozen=True, slots=True)
class Office:
    name: str
    county: str
    visiting_address: str
    email: str
    phone: str
    phone_hours: str
    visiting_hours: str


@lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    with OFFICES_FILE.open(encoding="utf-8", newline="") as fh:
        return tuple(Office(**{k: (v or "").strip() for k, v in row.items()}) for row in csv.DictReader(fh))


def counties() -> list[str]:
    return sorted({o.county for o in offices()})


def offices_in(county: str | None) -> list[Office]:
    return [o for o in offices() if o.county == county]
