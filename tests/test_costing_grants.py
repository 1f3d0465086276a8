"""NAV's grant instead of an aid: the rule at its edges, and the `python -m costing grant` contract."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from costing.grants import GrantInputError, alternative_cap, nav_grant
from costing.money import with_vat_nok
from costing.rates import load_rates

ROOT = Path(__file__).resolve().parents[1]
RATES = load_rates()
SMALL_CAP = with_vat_nok(RATES["ramp_cap_small_ex_vat_nok"].value, RATES["vat"].value)
LARGE_CAP = with_vat_nok(RATES["ramp_cap_large_ex_vat_nok"].value, RATES["vat"].value)


def test_ramp_caps_are_navs_published_figures_incl_vat():
    # NAV Vestland: 29 700 kr + VAT = 37 125 kr; 53 000 kr + VAT = 66 250 kr.
    assert (SMALL_CAP, LARGE_CAP) == (37_125, 66_250)


@pytest.mark.parametrize("rise_mm, cap", [(1, 37_125), (399, 37_125), (400, 37_125), (400.4, 66_250),
                                          (401, 66_250), (1000, 66_250)])
def test_ramp_cap_by_rise_up_to_and_including_400_mm(rise_mm, cap):
    assert alternative_cap("ramp", rise_mm).cap_nok == cap


@pytest.mark.parametrize("cost, grant, limited_by", [(30_000, 30_000, "cost"), (37_125, 37_125, "cost"),
                                                     (37_126, 37_125, "cap"), (120_000, 37_125, "cap")])
def test_grant_is_the_cost_below_the_cap_and_the_cap_above(cost, grant, limited_by):
    result = nav_grant(rise_mm=300, permanent_cost_nok=cost)
    assert (result.grant_nok, result.own_share_nok, result.limited_by) == (grant, cost - grant, limited_by)


def test_lift_cap_is_the_price_the_user_gives():
    result = nav_grant(rise_mm=900, permanent_cost_nok=250_000, alternative="stairlift",
                       alternative_price_nok=140_000)
    assert (result.cap_nok, result.grant_nok, result.own_share_nok) == (140_000, 140_000, 110_000)
    assert result.cap_confidence == "user"


def test_lift_without_a_price_is_refused_unless_an_estimate_is_given():
    with pytest.raises(GrantInputError, match="not public"):
        nav_grant(rise_mm=900, permanent_cost_nok=100_000, alternative="platformlift")
    estimate = nav_grant(rise_mm=900, permanent_cost_nok=100_000, alternative="platformlift",
                         lift_estimate_nok=180_000)
    assert (estimate.cap_nok, estimate.grant_nok) == (180_000, 100_000)
    assert estimate.cap_confidence == "A" and any("estimate" in n for n in estimate.notes)


def test_above_one_metre_the_notes_say_nav_uses_a_shaft_lift():
    low = alternative_cap("platformlift", 1000, lift_estimate_nok=1)
    high = alternative_cap("platformlift", 1001, lift_estimate_nok=1)
    assert any("shaft" in n for n in high.notes) and not any("shaft" in n for n in low.notes)


def test_a_user_override_of_the_ramp_rate_is_used_and_marked():
    rates = load_rates({"ramp_cap_small_ex_vat_nok": 30_000})
    cap = alternative_cap("ramp", 200, rates=rates)
    assert (cap.cap_nok, cap.confidence) == (37_500, "user")


@pytest.mark.parametrize("kwargs", [dict(rise_mm=-1, permanent_cost_nok=1000), dict(rise_mm=0, permanent_cost_nok=1),
                                    dict(rise_mm=300, permanent_cost_nok=-5), dict(rise_mm=None, permanent_cost_nok=1),
                                    dict(rise_mm=300, permanent_cost_nok=float("nan")),
                                    dict(rise_mm=300, permanent_cost_nok="lots"),
                                    dict(rise_mm=300, permanent_cost_nok=1, alternative="elevator"),
                                    dict(rise_mm=300, permanent_cost_nok=1, alternative="stairlift",
                                         alternative_price_nok=-1)])
def test_invalid_numbers_are_refused_with_a_sentence(kwargs):
    with pytest.raises(GrantInputError) as info:
        nav_grant(**kwargs)
    assert str(info.value).endswith(".") and "\n" not in str(info.value)


@given(rise_mm=st.floats(min_value=0.5, max_value=5000), cost=st.integers(min_value=0, max_value=5_000_000),
       price=st.one_of(st.none(), st.integers(min_value=1, max_value=2_000_000)))
def test_grant_never_exceeds_cost_or_cap(rise_mm, cost, price):
    result = nav_grant(rise_mm, cost, "ramp", price)
    assert 0 <= result.grant_nok <= min(result.cap_nok, cost)
    assert result.grant_nok + result.own_share_nok == cost
    assert result.grant_nok == min(result.cap_nok, cost)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "costing", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_cli_grant_json_shape_and_values():
    proc = run_cli("grant", "--rise-mm", "400", "--permanent-cost-nok", "50000", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"alternative", "cap_nok", "permanent_cost_nok", "grant_nok", "own_share_nok", "rule"} <= set(out)
    assert (out["alternative"], out["cap_nok"], out["grant_nok"], out["own_share_nok"]) == (
        "ramp", SMALL_CAP, SMALL_CAP, 50_000 - SMALL_CAP)
    assert all(isinstance(out[k], int) for k in ("cap_nok", "permanent_cost_nok", "grant_nok", "own_share_nok"))


def test_cli_grant_401_mm_and_a_lift_with_price():
    ramp = json.loads(run_cli("grant", "--rise-mm", "401", "--permanent-cost-nok", "90000", "--json").stdout)
    assert (ramp["cap_nok"], ramp["grant_nok"]) == (LARGE_CAP, LARGE_CAP)
    lift = run_cli("grant", "--rise-mm", "1200", "--permanent-cost-nok", "60000", "--alternative", "stairlift",
                   "--alternative-price-nok", "95000", "--json")
    out = json.loads(lift.stdout)
    assert (out["alternative"], out["cap_nok"], out["grant_nok"], out["own_share_nok"]) == ("stairlift", 95_000,
                                                                                             60_000, 0)


def test_cli_grant_plain_text_names_the_grant():
    proc = run_cli("grant", "--rise-mm", "300", "--permanent-cost-nok", "20000")
    assert proc.returncode == 0 and "20 000 kr" in proc.stdout


@pytest.mark.parametrize("args", [
    ["--rise-mm", "-10", "--permanent-cost-nok", "1000"],
    ["--rise-mm", "300", "--permanent-cost-nok", "-1"],
    ["--rise-mm", "abc", "--permanent-cost-nok", "1000"],
    ["--permanent-cost-nok", "1000"],
    ["--rise-mm", "300"],
    ["--rise-mm", "300", "--permanent-cost-nok", "1000", "--alternative", "escalator"],
    ["--rise-mm", "inf", "--permanent-cost-nok", "1000"],
    ["--rise-mm", "300", "--permanent-cost-nok", "1000", "--alternative", "stairlift", "--alternative-price-nok", "0"],
])
def test_cli_grant_bad_input_exits_2_with_one_sentence(args):
    proc = run_cli("grant", *args, "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_cli_lift_without_a_price_uses_the_marked_estimate():
    proc = run_cli("grant", "--rise-mm", "600", "--permanent-cost-nok", "400000", "--alternative", "platformlift",
                   "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    from costing.prices import load_prices
    estimate = load_prices()["platformlift"].value
    assert (out["cap_nok"], out["grant_nok"], out["cap_confidence"]) == (estimate, estimate, "A")
    assert any("estimate" in note for note in out["notes"])
