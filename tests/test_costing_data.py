"""The costing data files: every price and rate has a source, date and confidence; texts exist in both languages."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from costing import texts
from costing.offices import OFFICES_FILE, counties, offices_in
from costing.money import with_vat_nok
from costing.prices import PRICES_FILE, default_prices
from costing.rates import CONFIDENCE, load_rates
from costing.remedies import REMEDIES

SHARED = Path(__file__).resolve().parents[2] / "shared" / "domain" / "hjelpemiddelsentraler.csv"


@pytest.mark.parametrize("price", default_prices().values(), ids=lambda p: p.key)
def test_each_price_has_source_date_confidence_and_vat(price):
    assert price.source and price.edition and price.confidence in CONFIDENCE


def test_the_price_files_columns_excl_and_incl_vat_agree():
    with PRICES_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if "no VAT" not in row["note"]:
                assert abs(with_vat_nok(int(row["price_ex_vat_nok"]), 0.25) - int(row["price_inc_vat_nok"])) <= 1


@pytest.mark.parametrize("rate", load_rates().values(), ids=lambda r: r.key)
def test_each_rate_has_source_date_and_confidence(rate):
    assert rate.source and rate.edition and rate.confidence in CONFIDENCE


def test_the_small_aids_grant_stays_marked_unconfirmed():
    assert load_rates()["small_aids_flat_grant_nok"].confidence == "U"


def test_every_text_has_norwegian():
    assert not [k for k, v in texts.TEXTS.items() if not v.get("nb")]
    assert {f"barrier.{code}" for code in REMEDIES} <= set(texts.TEXTS)


def test_offices_cover_every_county_and_match_the_shared_copy():
    assert "Vestland" in counties() and len(offices_in("Vestland")) == 2
    if SHARED.exists():
        assert SHARED.read_bytes() == OFFICES_FILE.read_bytes()
