"""Real drawings from the shared corpus beside the repository, read as the app reads them (for the checks' tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dxf"
needs_corpus = [pytest.mark.corpus, pytest.mark.skipif(not CORPUS.is_dir(), reason=f"DXF corpus not found at {CORPUS}")]


def corpus_plan(stem: str, units: str | None = None):
    """The measured plan of a corpus drawing, by its file name without .dxf."""
    from planner.project.loading import open_path
    plan, _ = open_path(str(CORPUS / f"{stem}.dxf"), units=units).measured_plan()
    return plan
