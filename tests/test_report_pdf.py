"""The application PDF read back: the household, every finding, the grant, the photos, no English in nb; and the
household section of a project, validated field by field."""
from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from costing.package import application_pdf
from costing.plan import build_plan
from planner.__main__ import main as planner_main
from planner.checks import assess
from planner.project.household import Household
from planner.i18n import fmt_nok
from planner.model.plan import PlanError
from planner.project.file import dumps_project, loads_project
from planner.rules import load_rules
from planner.project.visit import add_photo

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = sorted(p.name.removesuffix(".tilpass.json") for p in EXAMPLES.glob("*.tilpass.json"))
# Words that show an English sentence or heading slipped into a Norwegian report (the nb texts use none of them)
ENGLISH = re.compile(r"\b(the|is|are|of|and|not|from|door|doors|room|width|measured|entrance|unknown|pass|fail|"
                     r"threshold|photo|page|household|grant|aid|ramp|estimated|drawn|which|when|with|rise|up|including|VAT|"
                     r"price|rate|given|user|lift|level|free|assumption|practice|sets|accessible|shower|definition)\b", re.I)
HOUSEHOLD = Household(applicant="Kari Nordmann", address="Åsveien 7, 5003 Bergen", tenure="owner",
                      therapist="Øystein Ærø", therapist_role="ergoterapeut, Bergen kommune", visit_date="2026-11-01",
                      impairment="Bruker rullestol etter ryggmargsskade.", case_step=3).with_condition("lasting", True)


def _photo() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 90, 40)).save(buf, "JPEG")
    return buf.getvalue()


REGRADE = {"choices": {"step_free_entrance:entrance": "step_free_entrance:entrance:regrade"}}


def _project(name: str):
    project = loads_project((EXAMPLES / f"{name}.tilpass.json").read_bytes()).replace(household=HOUSEHOLD)
    if name == "house-stepped-entrance":   # the lasting solution: NAV's grant instead of the ramp it would lend
        project = project.replace(costing=REGRADE)
    return add_photo(project, "D1", "dør.jpg", "image/jpeg", _photo(), taken_at="2026-11-01T10:00:00+00:00")


@lru_cache(maxsize=None)
def _read(name: str, lang: str) -> tuple[str, PdfReader]:
    project = _project(name)
    data = application_pdf(project, load_rules(project.standard), lang)
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages), reader


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_report_holds_the_household_every_finding_and_the_photo(name, lang):
    text, reader = _read(name, lang)
    assert reader.pages[0].extract_text().startswith(("Tilpasning av bolig", "Home adaptation"))
    for value in ("Kari Nordmann", "Åsveien 7, 5003 Bergen", "Øystein Ærø", "Bruker rullestol etter ryggmargsskade."):
        assert value in text
    project = _project(name)
    plan, _ = project.measured_plan()
    findings = assess(plan, load_rules(project.standard))
    for f in findings:
        assert " ".join(f.message(lang).split()) in text, f.code
    assert sum(len(page.images) for page in reader.pages) == 1   # the photo; the sketch is vector, not an image
    assert re.search(r"(Side|Page) 1 (av|of) \d+", text)


@pytest.mark.parametrize("name", NAMES)
def test_norwegian_report_has_no_english_words_or_raw_keys(name):
    text, _ = _read(name, "nb")
    words = [w for w in ENGLISH.findall(re.sub(r"https?://\S+", "", text))]
    assert not words, words[:10]
    assert not re.search(r"\b[a-z]+(_[a-z]+)+\b", text), re.search(r"\b[a-z]+(_[a-z]+)+\b", text)[0]
    assert "UTC" not in text


def test_report_states_the_nav_grant_of_the_stepped_entrance():
    project = _project("house-stepped-entrance")
    plan, _ = project.measured_plan()
    fp = build_plan(plan, assess(plan, load_rules(project.standard)), dict(project.costing))
    grant = fp.total("nav_grant")
    assert grant > 0
    text, _ = _read("house-stepped-entrance", "nb")
    assert f"Tilskudd fra NAV i stedet for hjelpemiddel for Trinn ved inngangen: {fmt_nok(grant)}" in text
    assert "Målestokk 1:" in text and "Rampe" in text   # the sketch's text is text: vector, searchable


def test_fields_left_empty_are_shown_empty_never_filled_in():
    project = loads_project((EXAMPLES / "flat-narrow-bathroom.tilpass.json").read_bytes())
    data = application_pdf(project, load_rules(project.standard), "nb")
    text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert text.count("(ikke fylt ut)") == 11   # 8 household fields and 3 free texts
    assert "☐ ja ☐ nei" in text and "☒" not in text


def test_measurement_times_are_local_and_norwegian():
    text, _ = _read("house-stepped-entrance", "nb")
    assert "1.11.2026 kl. 11.00" in text     # stored 10:00 UTC
    assert "Befaring: 1.11.2026, ved Øystein Ærø, ergoterapeut, Bergen kommune." in text


def test_cli_writes_the_pdf(tmp_path, capsys):
    out = tmp_path / "søknad.pdf"
    assert planner_main(["report", str(EXAMPLES / "house-stepped-entrance.tilpass.json"), "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Skrev" in capsys.readouterr().out


def test_cli_report_to_a_folder_that_does_not_exist_is_one_sentence(tmp_path, capsys):
    code = planner_main(["report", str(EXAMPLES / "accessible-flat.tilpass.json"), "--pdf",
                         str(tmp_path / "nope" / "x.pdf"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Choose another place" in err


def test_household_round_trips_through_the_project_file():
    project = _project("accessible-flat")
    again = loads_project(dumps_project(project))
    assert again.household == HOUSEHOLD
    assert "household" not in loads_project(dumps_project(project.replace(household=Household()))).to_dict()


@pytest.mark.parametrize("bad, says", [
    ({"applicant": 5}, "applicant must be text"),
    ({"applicant": "x" * 301}, "at most 300"),
    ({"tenure": "squatter"}, "tenure must be one of owner, cooperative, tenant"),
    ({"landlord_consent": "yes"}, "landlord_consent must be true, false or empty"),
    ({"visit_date": "1. november"}, "visit_date must be a date"),
    ({"conditions": {"lasting": 1}}, "conditions.lasting must be true"),
    ({"conditions": {"forever": True}}, "conditions must be one of"),
    ({"case_step": 10}, "case_step must be a whole number from 1 to 9"),
    ({"case_step": True}, "case_step must be a whole number"),
    ({"nickname": "x"}, "unknown field 'nickname'"),
    ([1, 2], "not an object"),
])
def test_a_bad_household_field_is_one_sentence(bad, says):
    with pytest.raises(PlanError) as err:
        Household.from_dict(bad)
    assert says in str(err.value)
    assert err.value.message("nb") != str(err.value)


def test_a_bad_household_in_a_project_file_is_left_out_with_its_sentence():
    from planner.i18n import render
    raw = dumps_project(_project("accessible-flat")).replace('"case_step": 3', '"case_step": 12')
    opened = loads_project(raw)
    assert opened.household == Household() and opened.plan.rooms
    (notice,) = [render(n, "en") for n in opened.notices]
    assert "household" in notice and "case_step" in notice


def test_a_photo_that_cannot_be_shown_is_named_not_dropped():
    project = _project("accessible-flat")
    broken = ({"element": "D2", "name": "dør2.heic", "mime": "image/heic", "data": "bm90IGFuIGltYWdl",
               "taken_at": ""},
              {"element": "D3", "name": "skadet.jpg", "mime": "image/jpeg", "data": "@@@", "taken_at": ""})
    project = project.replace(photos=project.photos + broken)
    data = application_pdf(project, load_rules(project.standard), "nb")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Bildet dør2.heic av D2 kunne ikke vises (image/heic); legg det ved separat." in text
    assert "Bildet skadet.jpg av D3 kunne ikke vises" in text
    assert sum(len(page.images) for page in reader.pages) == 1   # the good photo is still there
