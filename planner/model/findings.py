"""A finding: what one check found about one element, pass or not."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from planner.model.sourced import Sourced
from planner.model.status import FAIL, PASS, UNKNOWN

__all__ = ["FAIL", "PASS", "UNKNOWN", "Finding", "at_most", "near_limit"]


@dataclass(frozen=True, slots=True)
class Finding:
    """check: the check's name; code: a stable code for this outcome (e.g. DOOR_NARROW); element: the id
    it is about; measured and required in `unit`; rule: the clause; message_key and params: the message
    in any language through planner.i18n (text only: code that needs a rule value reads rule_values or the
    Rules, never params); geometry: what the drawing highlights; rule_values: the rule values the check used
    (Rules.refs), each with its clause, source and confidence."""

    check: str
    code: str
    element: str
    status: str
    measured: float | None
    required: float
    rule: str
    message_key: str
    params: dict[str, Any] = field(default_factory=dict)
    unit: str = "mm"
    remeasure: bool = False
    geometry: BaseGeometry | None = None
    confidence: str = "C"
    rule_values: tuple[Sourced, ...] = ()

    def rule_value(self, key: str) -> Sourced | None:
        """The rule value `key` this finding was judged by, or None."""
        return next((v for v in self.rule_values if v.key == key), None)

    def message(self, lang: str = "en") -> str:
        from planner.i18n import t
        return t(self.message_key, lang, **self.params)

    def to_dict(self, lang: str = "en") -> dict:
        return {"check": self.check, "code": self.code, "element": self.element, "status": self.status,
                "measured": None if self.measured is None else round(float(self.measured), 1),
                "required": self.required, "unit": self.unit, "rule": self.rule,
                "message": self.message(lang), "remeasure": bool(self.remeasure), "confidence": self.confidence,
                "rule_values": {v.key: v.value for v in self.rule_values}}


def near_limit(measured: float | None, required: float, margin_mm: float) -> bool:
    """True when a value is within margin_mm of its limit, so it should be measured again on site."""
    return measured is not None and abs(measured - required) <= margin_mm


def at_most(value: float | None, limit: float) -> str:
    """The status of a value that must not exceed a limit: unknown when it was never given."""
    if value is None:
        return UNKNOWN
    return PASS if value <= limit else FAIL
