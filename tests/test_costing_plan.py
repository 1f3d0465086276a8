"""Funding routes on one remedy and on the whole home: splits add up, never above the cost; eligibility blocks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from costing.eligibility import assess_answers
from costing.grants import nav_grant
from costing.plan import build_plan
from costing.prices import default_prices
from costing.rates import load_rates
from costing.remedies import NAV_AID, OWNER, PERMANENT, SMALL_AID, LineItem, Remedy
from costing.schemes import FundingContext, split
from planner.checks import assess
from planner.project.file import Project, dumps_project
from planner.rules import load_rules
from tests.test_costing_remedies import flat

ROOT = Path(__file__).resolve().parents[1]
RATES = load_rates()
FLAT_GRANT = round(RATES["small_aids_flat_grant_nok"].value)


def remedy(lines, alternative=None, rise_mm=None) -> Remedy:
    return Remedy(id="b:x", barrier="b", option="x", lines=tuple(lines), lasting=True, fixed=True,
                  grant_alternative=alternative, rise_mm=rise_mm)


def fctx(answers=None, alternative_price_nok=None) -> FundingContext:
    return FundingContext(rates=RATES, prices=default_prices(), eligibility=assess_answers(answers),
                          alternative_price_nok=alternative_price_nok)


@pytest.mark.parametrize("cost", [30_000, 37_125, 90_000])
def test_permanent_solution_gets_the_grant_rule_and_husbanken_only_the_rest(cost):
    s = split(remedy([LineItem("regrade", 1, PERMANENT, cost)], "ramp", 400), fctx(),
              {"husbanken": 20_000})
    grant = nav_grant(400, cost).grant_nok
    assert s.amounts["nav_grant"] == grant
    assert s.amounts["husbanken"] == min(20_000, cost - grant)
    assert s.amounts["own_money"] == cost - grant - s.amounts["husbanken"]


def test_lent_aid_costs_the_household_only_the_owner_works():
    s = split(remedy([LineItem("lift", 1, NAV_AID, 180_000), LineItem("foundation", 1, OWNER, 25_000),
                      LineItem("power", 1, OWNER, 500, yearly=True)]), fctx())
    assert (s.total_nok, s.amounts["nav_loan"], s.household_now_nok, s.yearly_nok) == (205_000, 180_000, 25_000, 500)


def test_small_aids_flat_grant_is_shared_once_across_the_home():
    fp = build_plan(flat(bath=True), assess(flat(bath=True), load_rules()), {})
    assert sum(s.amounts["small_aids"] for s in fp.chosen) <= FLAT_GRANT


@pytest.mark.parametrize("answers, blocked", [
    ({"member": False}, {"nav_loan", "nav_grant", "small_aids"}),
    ({"lasting_need": False}, {"nav_loan", "nav_grant", "small_aids"}),
    ({"work_started": True}, {"nav_grant"}),
    ({"member": True, "lasting_need": True, "work_started": False}, set()),
])
def test_answers_block_routes(answers, blocked):
    s = split(remedy([LineItem("regrade", 1, PERMANENT, 30_000), LineItem("ramp", 1, NAV_AID, 5_000)], "ramp", 300),
              fctx(answers))
    assert assess_answers(answers).blocked == blocked
    assert {k for k in ("nav_loan", "nav_grant") if s.amounts[k] == 0} == {"nav_loan", "nav_grant"} & blocked
    assert sum(s.amounts.values()) == s.total_nok


def test_tenant_without_consent_is_warned():
    keys = {w.key for w in assess_answers({"tenant": True}).warnings}
    assert "elig.landlord" in keys
    assert "elig.landlord" not in {w.key for w in assess_answers({"tenant": True, "landlord_consent": True}).warnings}


def test_lift_alternative_uses_the_users_price_over_the_estimate():
    r = remedy([LineItem("regrade", 1, PERMANENT, 200_000)], "platformlift", 800)
    assert split(r, fctx()).amounts["nav_grant"] == default_prices()["platformlift"].value
    assert split(r, fctx(alternative_price_nok=150_000)).amounts["nav_grant"] == 150_000


def test_missing_price_is_reported_not_guessed():
    s = split(remedy([LineItem("door", 1, OWNER, None)]), fctx())
    assert s.total_nok is None and s.household_now_nok is None and "note.price_missing" in s.notes


lines = st.lists(st.tuples(st.sampled_from((NAV_AID, PERMANENT, OWNER, SMALL_AID)),
                           st.integers(min_value=0, max_value=400_000)), min_size=1, max_size=5)


@settings(max_examples=150, deadline=None)
@given(lines=lines, rise_mm=st.floats(min_value=1, max_value=3000),
       alternative=st.sampled_from(("ramp", "platformlift", "stairlift")),
       husbanken=st.integers(min_value=0, max_value=1_000_000), startlan=st.integers(min_value=0, max_value=1_000_000),
       price=st.one_of(st.none(), st.integers(min_value=1, max_value=500_000)))
def test_public_money_never_exceeds_the_cost(lines, rise_mm, alternative, husbanken, startlan, price):
    r = remedy([LineItem(f"i{i}", 1, route, nok) for i, (route, nok) in enumerate(lines)], alternative, rise_mm)
    s = split(r, fctx(alternative_price_nok=price), {"husbanken": husbanken, "startlan": startlan})
    assert all(v >= 0 for v in s.amounts.values())
    assert sum(s.amounts.values()) == s.total_nok
    assert s.public_nok <= s.total_nok
    assert s.amounts["husbanken"] <= husbanken and s.amounts["startlan"] <= startlan


@settings(max_examples=25, deadline=None)
@given(husbanken=st.integers(min_value=0, max_value=500_000), rise_mm=st.integers(min_value=30, max_value=1500))
def test_whole_home_plan_shares_the_husbanken_budget(husbanken, rise_mm):
    plan = flat(rise_mm=rise_mm, space_mm=20_000)
    fp = build_plan(plan, assess(plan, load_rules()), {"husbanken_expected_nok": husbanken})
    assert fp.total("husbanken") <= husbanken
    assert fp.total("public") <= fp.total("total")
    assert fp.total("total") == sum(fp.total(k) for k in ("nav_loan", "nav_grant", "small_aids", "husbanken",
                                                          "startlan", "own_money"))


def test_saved_choice_wins_and_default_is_adequate_and_fits():
    plan = flat(rise_mm=600, space_mm=5000)
    findings = assess(plan, load_rules())
    fp = build_plan(plan, findings, {})
    entrance = next(b for b in fp.barriers if b.key == "step_free_entrance:entrance")
    chosen = entrance.remedy(entrance.chosen)
    assert chosen.adequate and chosen.fits is not False
    fp2 = build_plan(plan, findings, {"choices": {entrance.key: "step_free_entrance:entrance:regrade"}})
    assert next(b for b in fp2.barriers if b.key == entrance.key).chosen.endswith(":regrade")


def test_bad_number_in_the_state_is_a_sentence():
    with pytest.raises(ValueError, match="husbanken_expected_nok"):
        build_plan(flat(), [], {"husbanken_expected_nok": "-5"})


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "costing", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_cli_options_on_a_project_file(tmp_path):
    path = tmp_path / "home.json"
    path.write_text(dumps_project(Project(plan=flat(rise_mm=300, space_mm=12_000),
                                          costing={"husbanken_expected_nok": 10_000})), encoding="utf-8")
    proc = run_cli("options", str(path), "--json", "--measure", "entrance.rise_mm=600")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    codes = {b["code"] for b in out["barriers"]}
    assert {"DOOR_TOO_NARROW", "BATH_ONLY", "ENTRANCE_STEPPED"} <= codes
    entrance = next(b for b in out["barriers"] if b["code"] == "ENTRANCE_STEPPED")
    built = next(r for r in entrance["remedies"] if r["option"] == "ramp_built")
    assert built["ramp"]["run_mm"] == 9000  # the measured 600 mm rise, not the drawn 300 mm
    assert built["grant_alternative"] == "ramp"  # a 10.5 m ramp fits the 12 m given
    assert built["funding"]["nav_grant_nok"] == min(66_250, built["total_nok"])
    assert out["plan"]["totals"]["husbanken_nok"] <= 10_000


@pytest.mark.parametrize("args", [["options", "/no/such/file.json"], ["options"],
                                  ["options", "{plan}", "--measure", "D1.clear_width_mm=abc"]])
def test_cli_options_bad_input_exits_2(args, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(dumps_project(Project(plan=flat())), encoding="utf-8")
    proc = run_cli(*[a.format(plan=path) for a in args])
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_cli_options_reads_a_dxf():
    pytest.importorskip("planner.importers")
    dxf = ROOT / "examples" / "house-stepped-entrance.dxf"
    if not dxf.exists():
        pytest.skip("example DXF not there")
    proc = run_cli("options", str(dxf), "--json", "--measure", "entrance.rise_mm=450")
    assert proc.returncode == 0, proc.stderr
    assert any(b["code"] == "ENTRANCE_STEPPED" for b in json.loads(proc.stdout)["barriers"])


def test_a_rebuilt_bathroom_includes_its_new_shower_so_it_is_not_paid_twice():
    from examples.make_examples import build_narrow_bathroom_flat
    from planner.checks import assess
    from planner.rules import load_rules
    plan = build_narrow_bathroom_flat().measured_plan()[0]
    findings = assess(plan, load_rules())
    bath = next(f for f in findings if f.code == "BATH_ONLY")
    turning = next(f for f in findings if f.code == "TURNING_TOO_SMALL" and f.element == bath.element)
    alone = build_plan(plan, findings, {"choices": {f"{turning.check}:{turning.element}":
                                                    f"{turning.check}:{turning.element}:sliding_door"}})
    both = build_plan(plan, findings, {"choices": {f"{turning.check}:{turning.element}":
                                                   f"{turning.check}:{turning.element}:bathroom_layout"}})
    key = f"{bath.check}:{bath.element}"
    assert key not in alone.included and key in both.included
    rebuild = next(b for b in both.barriers if b.key == f"{turning.check}:{turning.element}")
    shower = next(b for b in both.barriers if b.key == key)
    # The whole-home total holds the rebuild once and not the bath conversion on top of it.
    others = sum(b.splits[b.chosen].total_nok for b in both.barriers if b.key not in (key, rebuild.key))
    assert both.total("total") == others + rebuild.splits[rebuild.chosen].total_nok
    assert shower.chosen is not None
