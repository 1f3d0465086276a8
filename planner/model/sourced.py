"""A value with its source: one type for rule values, funding rates and prices, with one confidence vocabulary."""
from __future__ import annotations

from dataclasses import dataclass, replace

CONFIRMED, SECONDARY, UNCONFIRMED, ASSUMED, USER = "C", "S", "U", "A", "user"
# C = read in the source named, S = only a secondary source gives it, U = unconfirmed, A = an assumption of this
# tool, user = the user's own value (typed in, or taken from the user's contractor quote).
CONFIDENCE_MARKS = {CONFIRMED: "confirmed in the source", SECONDARY: "secondary source only",
                    UNCONFIRMED: "unconfirmed", ASSUMED: "assumption of this tool", USER: "the user's own value"}
CONFIDENCE = tuple(CONFIDENCE_MARKS)


@dataclass(frozen=True, slots=True)
class Sourced:
    """One value in `unit`, with where it comes from: the clause (for a rule), the source, the edition or date of
    the source, and how sure we are (`confidence`, one of CONFIDENCE)."""

    key: str
    value: float
    unit: str
    source: str
    confidence: str
    clause: str = ""
    edition: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.confidence not in CONFIDENCE_MARKS:
            raise ValueError(f"{self.key}: confidence {self.confidence!r} is not one of {', '.join(CONFIDENCE)}")

    @property
    def uncertain(self) -> bool:
        """True unless the value was read in its source (a user's own value is the user's to vouch for)."""
        return self.confidence not in (CONFIRMED, USER)

    @property
    def estimate(self) -> bool:
        """True for a value that is neither confirmed nor the user's own (shown as an estimate)."""
        return self.uncertain

    def overridden(self, value: float, source: str) -> "Sourced":
        """The same value replaced by the user's, marked as such; source says what it replaced."""
        return replace(self, value=value, confidence=USER, source=source)

    def to_dict(self) -> dict:
        return {"key": self.key, "value": self.value, "unit": self.unit, "source": self.source,
                "confidence": self.confidence, "clause": self.clause, "edition": self.edition, "note": self.note}
