"""A finding's status — pass, fail or unknown — and everything drawn from it: the order (worst first), the colour
the plan drawings paint it (the PNG, the canvas and the report alike), the icon, and the worst of several."""
from __future__ import annotations

from typing import Iterable

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
ORDER = (FAIL, UNKNOWN, PASS)   # worst first: an unknown is never shown as, or mixed up with, a pass
COLOURS = {FAIL: "#cf222e", UNKNOWN: "#bf8700", PASS: "#1a7f37"}        # lines and fills on a white plan
TEXT_COLOURS = {FAIL: "#cf222e", UNKNOWN: "#9a6700", PASS: "#1a7f37"}   # the same hues, dark enough for text
ICONS = {FAIL: "✘", UNKNOWN: "?", PASS: "✔"}   # glyphs every text font has
SEVERITY = {FAIL: "error", UNKNOWN: "warning", PASS: "success"}   # how loudly a status is announced


_RANK = {status: k for k, status in enumerate(ORDER)}


def rank(status: str) -> int:
    """0 for the worst status (fail), then unknown, then pass: a sort key."""
    return _RANK[status]


def worst(statuses: Iterable[str], default: str = UNKNOWN) -> str:
    """The worst of the statuses; `default` when there are none (nothing checked is not known to pass)."""
    found = list(statuses)
    return min(found, key=rank) if found else default


def worst_by_element(findings: Iterable) -> dict[str, str]:
    """Element id -> the worst status of its findings (one pass: a building has tens of thousands)."""
    out: dict[str, str] = {}
    for f in findings:
        old = out.get(f.element)
        if old is None or _RANK[f.status] < _RANK[old]:
            out[f.element] = f.status
    return out


def worst_first(findings: Iterable) -> list:
    """The findings sorted fail, unknown, pass (stable within each)."""
    return sorted(findings, key=lambda f: rank(f.status))
