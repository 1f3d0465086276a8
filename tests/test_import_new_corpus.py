"""Real drawings kept in the repository (tests/corpus, see SOURCES.md there): each ends in a right plan within
its hand count, or a refusal with a sentence — never a silently wrong plan."""
from __future__ import annotations

from pathlib import Path

import pytest

from planner.importers import read_dxf
from planner.model.plan import PlanError

CORPUS = Path(__file__).resolve().parent / "corpus"

# file -> (units to give, None for a refusal or (rooms range, doors range))
EXPECTED = {
    # a house's plot drawn in SolveSpace: boundary, house, sheds and a path as closed polylines, no doors, no names
    "site-plan-house-plot-solvespace-r2007-cc0": [(None, None), ("m", None)],
}


def test_every_corpus_file_has_a_source_row_and_an_expectation():
    files = {p.stem for p in CORPUS.glob("*.dxf")}
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert files == set(EXPECTED)
    assert all(f"`{stem}.dxf`" in sources for stem in files)
    assert sum(p.stat().st_size for p in CORPUS.glob("*.dxf")) <= 15 * 2 ** 20
    assert all(p.stat().st_size <= 2 * 2 ** 20 for p in CORPUS.glob("*.dxf"))


@pytest.mark.parametrize("stem, units, expected", [(s, u, e) for s, runs in sorted(EXPECTED.items()) for u, e in runs])
def test_corpus_drawing_is_read_right_or_refused_with_a_sentence(stem, units, expected):
    data = (CORPUS / f"{stem}.dxf").read_bytes()
    if expected is None:
        with pytest.raises(PlanError) as err:
            read_dxf(data, units=units)
        sentence = str(err.value)
        assert sentence.endswith(".") and "Traceback" not in sentence and len(sentence) < 600
        return
    (r0, r1), (d0, d1) = expected
    plan = read_dxf(data, units=units).plan
    assert r0 <= len(plan.rooms) <= r1 and d0 <= len(plan.doors) <= d1
