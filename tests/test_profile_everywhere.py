"""The person's profile saved in a project is the one source for every command: `planner check`, `costing options`,
`costing quote` and the screening of a stock check and price with it, as the app does (issue: one source of
truth, the project's standard and profile)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from costing.__main__ import main as costing_main
from planner.__main__ import main as planner_main
from planner.project.file import dumps_project, loads_project
from planner.project.profile import Profile
from stock.screen import screen_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "accessible-flat.tilpass.json"
WIDE_CHAIR = Profile("electric_wheelchair", width_mm=820)   # needs 920 mm doors: D5 (840 mm) is too narrow


@pytest.fixture
def with_profile(tmp_path) -> Path:
    project = loads_project(EXAMPLE.read_bytes()).replace(profile=WIDE_CHAIR.to_dict())
    path = tmp_path / "wide-chair.tilpass.json"
    path.write_text(dumps_project(project), encoding="utf-8")
    return path


def _json(main, argv, capsys) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _barriers(options: dict) -> set[tuple[str, str]]:
    return {(b["code"], b["element"]) for b in options["barriers"]}


def test_costing_options_prices_the_barriers_of_the_saved_profile(with_profile, capsys):
    plain = _json(costing_main, ["options", str(EXAMPLE), "--json"], capsys)
    person = _json(costing_main, ["options", str(with_profile), "--json"], capsys)
    assert plain["profile"] is None and person["profile"]["kind"] == "electric_wheelchair"
    assert person["profile"]["overrides"]["door_clear_width_internal_mm"] == 920
    assert not any(element == "D5" for _, element in _barriers(plain))
    assert any(element == "D5" for _, element in _barriers(person))
    checked = _json(planner_main, ["check", str(with_profile), "--json"], capsys)
    failing = {(f["code"], f["element"]) for f in checked["findings"] if f["status"] == "fail"}
    assert _barriers(person) <= failing   # costing prices exactly what the check found for this person


def test_profile_typed_on_the_command_line_overrides_the_saved_one(with_profile, capsys):
    walker = _json(costing_main, ["options", str(with_profile), "--json", "--profile", "rollator"], capsys)
    assert walker["profile"] == {**Profile("rollator").to_dict(), "overrides": {}}
    assert not any(element == "D5" for _, element in _barriers(walker))


def test_text_output_names_who_lives_there(with_profile, capsys):
    assert costing_main(["options", str(with_profile), "--lang", "nb"]) == 0
    out = capsys.readouterr().out
    assert "hvem som bor der: Elektrisk rullestol" in out and "920 mm (regelverket sier 760)" in out


def test_the_screening_row_is_checked_with_the_saved_profile(with_profile, capsys):
    (row,) = screen_path(str(with_profile), lang="nb")
    (plain,) = screen_path(str(EXAMPLE), lang="nb")
    assert (row["profile"], plain["profile"]) == ("electric_wheelchair", "")
    checked = _json(planner_main, ["check", str(with_profile), "--json"], capsys)
    assert row["fail"] == [f["status"] for f in checked["findings"]].count("fail") > plain["fail"]


def test_the_quote_prices_the_same_plan_as_the_options(with_profile, tmp_path, capsys):
    options = _json(costing_main, ["options", str(with_profile), "--json"], capsys)
    out = tmp_path / "quote.xlsx"
    assert costing_main(["quote", str(with_profile), "--xlsx", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    from planner.i18n import fmt_nok
    assert fmt_nok(options["plan"]["totals"]["total_nok"]) in printed
