"""No rule value or funding rate is written as a literal outside the rule and rate files: the checks and costing
read them from the Rules and the rates, and every text the user reads takes them as parameters."""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from costing.rates import load_rates
from planner import i18n
from planner.rules import available_standards, load_rules

ROOT = Path(__file__).resolve().parents[1]
# Numbers too common to mean a rule value: unit conversions, counts, halves.
COMMON = {0, 1, 2, 10, 100, 1000, 1e6}
# Module-level names whose numbers are no rule value (name: why).
NOT_RULES = {
    "COARSE_TOLERANCE_MM": "search tolerance of the turning check", "FINE_TOLERANCE_MM": "search tolerance",
    "REFINE_WITHIN_MM": "search tolerance", "HEADER_WITHIN_ROWS": "rows searched for a quote's header",
    "MAX_QUOTE_BYTES": "size bound of an upload", "MAX_BARRIERS_SHOWN": "layout of the funding tab",
    "ENLARGE_MAX_MM": "how far the renovation advice moves one wall before it calls it a new layout",
    "TABLE_COLUMNS": "column shares of the application report's tables",
    "SHEET_LAYOUT": "font size and column widths of the quote sheet",
    "SWEPT_SHARE": "how much of a drawn swing makes the room the door opens into",
    "WALL_FACE_MM": "how far off a drawn wall face the latch side space is measured (frames, jogs)",
    "REVEAL_SAME_MM": "how alike the two jambs of a drawn reveal are",
}
# Texts whose numbers are no rule value, or still carry one with the work that will render it (text key: why).
KNOWN_TEXTS = {
    "edit.door_width": "the range a drawn door may have (200–3000 mm), not a rule value",
    "imp.guess.door_enclosed_why": "importer text (planner/importers/pipeline.py), being reworked into stages",
    "rp.ign.door_narrow": "the narrowest door a scan may hold (200 mm), not a rule value",
}
# The text modules that register what the user reads.
TEXT_MODULES = ("ui.texts", "ui.draw_texts", "costing.texts", "costing.errors", "costing.report", "planner.model.errors",
                "planner.__main__", "planner.output.application_report", "planner.importers.pipeline")


def _values() -> dict[float, str]:
    out = {v.value: f"rates:{k}" for k, v in load_rates().items()}
    for standard in available_standards():
        out.update({v.value: f"{standard}:{k}" for k, v in load_rules(standard).values.items()})
    return {n: k for n, k in out.items() if n not in COMMON}


def _sources() -> list[Path]:
    return sorted([*(ROOT / "planner" / "checks").glob("*.py"), *(ROOT / "costing").rglob("*.py")])


def _literals(path: Path):
    """(line, number) of every numeric literal, except in module-level constants named in NOT_RULES."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in NOT_RULES for t in node.targets):
            skip |= {id(n) for n in ast.walk(node.value)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float) and id(node) not in skip:
            yield node.lineno, node.value


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_rule_value_is_a_literal_in_the_checks_or_costing(path):
    values = _values()
    found = [f"{path.name}:{line}: {n:g} looks like {values[n]}" for line, n in _literals(path) if n in values]
    assert not found, "read it from the Rules or the rates: " + "; ".join(found)


def test_no_text_the_user_reads_bakes_in_a_rule_value():
    for module in TEXT_MODULES:
        importlib.import_module(module)
    values = _values()
    number = re.compile(r"(?<![\d{])(\d{1,3}(?:[  ]\d{3})+|\d+)(?=\s?(?:mm|kr|%))")
    found = []
    for key, langs in i18n._TABLE.items():
        for lang, text in langs.items():
            for m in number.finditer(text):
                n = float(m.group(1).replace(" ", "").replace("\u00a0", ""))
                if n in values and key not in KNOWN_TEXTS:
                    found.append(f"{key} [{lang}]: {m.group(0)} looks like {values[n]}")
    assert not found, "pass it as a parameter from the Rules or the rates: " + "; ".join(found)


def test_the_scan_finds_a_rule_value_where_one_is_written(tmp_path):
    """The scan itself: a remedy that writes TEK17's 900 mm ramp width again is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("RAMP_WIDTH_MM = 900\nHEADER_WITHIN_ROWS = 20\n", encoding="utf-8")
    assert [n for _, n in _literals(bad) if n in _values()] == [900]
