"""PlanError, the one sentence a user sees for bad input, is a registered text: English as it always was (str(err),
the CLI), and Norwegian for the app (err.message("nb")). So are the costing errors made from the same TextError
(CostingError, QuoteError, GrantInputError: a quote file, a price, a rate, a grant input)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from planner.i18n import TextError, keys, missing, t
from planner.model.plan import PlanError
from tests import dxf_factory as F
from tests.test_import_regions import two_flats

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("planner", "costing", "ui")
ENGLISH = re.compile(r"\b(the|is|are|of|on|and|or|layer|layers|holds|not|no|from|named|inside|text|lines|"
                     r"door|doors|room|rooms|leaf|clear|width|units|unit|says|file|number|give|use|one|"
                     r"there|outside|check|above|reads|choose|region|drawing|this|tool|export)\b")


IMPORT_KEYS = {"file.too_large", "file.unreadable", "file.repaired_no_plan", "file.reason.cut_off",
               "file.reason.structure", "file.reason.damaged", "imp.too_many", "imp.too_many_expanded",
               "imp.region_unknown", "imp.role_unknown"}


def _sources() -> list[Path]:
    files = [p for d in SCANNED for p in sorted((ROOT / d).rglob("*.py"))]
    return files + [ROOT / "app.py"]


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """TextError and every class made from it (PlanError, UnitsUnknownError, CostingError, QuoteError, ...)."""
    names, grew = {"TextError", "PlanError"}, True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        (b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)) in names for b in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _has_words(node: ast.AST) -> bool:
    return any(isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
               for n in ast.walk(node))


def test_no_plan_error_is_made_from_english_written_in_the_code():
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in _sources()}
    classes = _error_classes(trees)
    assert {"PlanError", "CostingError", "QuoteError", "GrantInputError"} <= classes, classes
    offenders = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name not in classes or (isinstance(func, ast.Attribute) and func.attr == "text"):
                continue
            if any(_has_words(arg) for arg in (*node.args, *(k.value for k in node.keywords))):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not offenders, "raise PlanError.text(key, **params) (or QuoteError.text, ...) with a registered key " \
        "instead of:\n" + \
        "\n".join(offenders)


def test_every_error_text_has_norwegian_without_english_words():
    import costing.errors  # noqa: F401
    import planner.model.errors  # noqa: F401
    ours = {k for k in keys() if k.startswith("err.")} | IMPORT_KEYS
    assert ours and not ours & missing("nb"), ours & missing("nb")
    from planner.i18n import _TABLE
    for key in sorted(ours):
        norwegian = re.sub(r"\{[^}]*\}|--[\w-]+", "", _TABLE[key]["nb"])   # params and CLI options are not words
        assert not ENGLISH.search(norwegian), (key, norwegian)


def _raised(make) -> TextError:
    with pytest.raises(TextError) as info:
        make()
    return info.value


def _not_a_number():
    from planner.project.measurements import make_measurement
    make_measurement("D2", "threshold_mm", "abc")


def _unknown_unit():
    from planner.project.loading import open_bytes
    open_bytes(b"0\nSECTION\n", "plan.dxf", units="yard")


def _too_large():
    from planner.importers.dxf import check_bytes
    check_bytes(b"0\nSECTION\n" + b" " * 3_000_000, max_bytes=1_000_000)


def _unknown_region():
    from planner.importers import read_dxf
    read_dxf(F.to_bytes(two_flats()), region=3)


def _outside_range():
    from planner.project.measurements import make_measurement
    make_measurement("D2", "threshold_mm", "4000")


def _not_a_project():
    from planner.project.file import loads_project
    loads_project(b'{"format": "something else"}')


def _quote_without_an_amount_column():
    from costing.quotes import read_quote
    read_quote("Beskrivelse;Antall\nNy dør til bad;1\nFjerne terskel;2\n".encode(), "tilbud.csv")   # "kr" is inside "beskrivelse", not an amount column


def _negative_price():
    from costing.plan import contexts
    contexts({"prices": {"door_widen_internal": -100}})


def _rate_not_a_number():
    from costing.rates import load_rates
    load_rates({"vat": "abc"})


def _grant_cost_not_a_number():
    from costing.grants import nav_grant
    nav_grant(rise_mm=300, permanent_cost_nok="lots")


def _lift_price_not_given():
    from costing.grants import nav_grant
    nav_grant(rise_mm=900, permanent_cost_nok=100_000, alternative="platformlift")


CASES = {
    "not a number": (_not_a_number, "D2 threshold: “abc” is not a number; type digits, e.g. 250.",
                     "D2 terskel: «abc» er ikke et tall; skriv sifre, f.eks. 250."),
    "unknown unit": (_unknown_unit, "Unknown unit 'yard'; use one of mm, cm, m, in, ft.",
                     "Ukjent enhet 'yard'; bruk en av mm, cm, m, in, ft."),
    "too large": (_too_large, "The file is 3 MB, above the 1 MB this tool reads; export only the floor you need "
                              "(one layout, no xrefs or images) as DXF.", None),
    "unknown region": (_unknown_region, "There is no region 3 in this drawing; choose one of 1, 2.",
                       "Tegningen har ikke noe område 3; velg et av 1, 2."),
    "outside range": (_outside_range, "D2 threshold: 4 000 mm is outside 0–500 mm; check the number and its unit.",
                      "D2 terskel: 4 000 mm er utenfor 0–500 mm; sjekk tallet og enheten."),
    "not a project": (_not_a_project,
                      "This JSON file is not a Tilpass project (it has no \"format\": \"tilpass-project\").", None),
    "quote without an amount column": (
        _quote_without_an_amount_column,
        "No header with a description and an amount column (e.g. 'Beskrivelse' and 'Sum') was found in the quote.",
        "Fant ingen overskriftsrad med en kolonne for beskrivelse og en for beløp (f.eks. 'Beskrivelse' og 'Sum') i "
        "tilbudet."),
    # a price is read by the one number parser (planner/model/numbers.py), which names the field and its range
    "negative price": (_negative_price, "door_widen_internal price: -100 kr is outside 0–10 000 000 kr; check the "
                                        "number and its unit.",
                       "door_widen_internal pris: -100 kr er utenfor 0–10 000 000 kr; sjekk tallet og enheten."),
    # the English a non-numeric rate gets is the rate's sentence (it was Python's "could not convert string to float")
    "rate not a number": (_rate_not_a_number, "The rate vat must be a number of 0 or more, not 'abc'.",
                          "Satsen vat må være et tall på 0 eller mer, ikke 'abc'."),
    "grant cost not a number": (_grant_cost_not_a_number,
                                "The cost of the permanent solution (kr) must be a number, not 'lots'.",
                                "Kostnaden for den varige løsningen (kr) må være et tall, ikke 'lots'."),
    "lift price not given": (_lift_price_not_given,
                             "NAV's price for a platform lift is not public; give the lift's price incl. VAT, excl. "
                             "installation (stair lifts cost about 70 000–350 000 kr).", None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_error_reads_as_before_in_english_and_in_norwegian_without_english_words(case):
    make, english, norwegian = CASES[case]
    err = _raised(make)
    assert err.key is not None
    assert str(err) == english
    assert err.message("en") == english
    nb = err.message("nb")
    assert nb != english
    if norwegian is not None:
        assert nb == norwegian
    words = re.sub(r"'[^']*'", "", nb)   # the user's own input may be any word
    assert not ENGLISH.search(words), nb


def test_a_nested_reason_is_said_in_the_same_language():
    err = PlanError.text("file.unreadable", reason="@file.reason.cut_off")
    assert str(err) == ("The DXF file cannot be read because it ends before the drawing is complete; export it "
                        "again from the CAD program and upload the new file.")
    assert "slutter før tegningen er ferdig" in err.message("nb")
    assert t("file.reason.cut_off", "nb") in err.message("nb")


def test_the_app_and_the_reports_say_no_command_line_options_and_name_roles_as_the_app_shows_them():
    """A sentence that tells the command line's user which option to give ("(CLI: --units mm)") and names a layer
    role by the word that option takes ('walls') says neither in the app and the reports, where the boxes are
    named in the user's language; on the command line it says both."""
    import ui.texts  # noqa: F401
    import ui.draw_texts  # noqa: F401
    from planner.i18n import _TABLE, app_texts
    import planner.importers  # noqa: F401
    hinted = [k for k, v in _TABLE.items() if "(CLI:" in v["en"]]
    assert len(hinted) >= 10, hinted
    params = {"layers": "A", "faces": 3, "doors": 2, "unit": "mm", "code": "mm", "first": "A", "other_first": "B"}
    for key in sorted(hinted):
        assert "(CLI:" in t(key, "en", **params) and "(CLI:" in t(key, "nb", **params)
        with app_texts():
            for lang in ("en", "nb"):
                said = t(key, lang, **params)
                assert "CLI" not in said and not re.search(r"--[a-z]", said), (key, lang, said)
                if lang == "nb":
                    assert not re.search(r"'(walls|doors|rooms|fixtures|ignore|labels)'", said), (key, said)
    with app_texts():
        assert "«vegger»" in t("imp.no_walls", "nb") and "'walls'" in t("imp.no_walls", "en")
        assert "(tegningene under fanen for import)" in t("doubt.several_drawings", "nb", count=2, chosen=1)
        named = [k for k, v in _TABLE.items() if re.search(r"«(walls|ignore|fixtures)»", v.get("nb", ""))]
        assert named and all(not re.search(r"«(walls|ignore|fixtures)»", t(k, "nb")) for k in named), named
        assert "«ingenting som brukes»" in t("doubt.room_too_large", "nb", rooms="R1", area=120)
    assert "«ignore»" in t("doubt.room_too_large", "nb", rooms="R1", area=120)   # the command line's word


def test_lengths_in_sentences_carry_thousands_spaces():
    """A chair's turning circle of 1 600 mm against the standard's 1 500 mm is written as Norwegians write it."""
    from planner.project.profile import Profile, profile_lines
    from planner.rules import load_rules
    lines = profile_lines(Profile("electric_wheelchair", turning_mm=1600), load_rules("no-tek17"), "nb")
    assert any("1 600" in line and "1 500" in line for line in lines), lines
