"""The questionnaire: answers that block a funding route, shown as warnings (ftrl § 10-2 to § 10-7, NAV practice).

Answers are True, False or None (not answered). A "no" that blocks a route removes that route from the
funding split and says why; an unanswered question only reminds the user what NAV will ask.
"""
from __future__ import annotations

from dataclasses import dataclass

QUESTIONS = ("member", "lasting_need", "work_started", "tenant", "landlord_consent", "shared_stairwell")
NAV_ROUTES = frozenset({"nav_loan", "nav_grant", "small_aids"})
BLOCK, WARN, INFO = "block", "warn", "info"


@dataclass(frozen=True, slots=True)
class Warning:
    """A text key (costing.texts), the routes it blocks (empty: a warning only) and its severity."""

    key: str
    blocks: frozenset[str]
    severity: str
    rule: str


@dataclass(frozen=True, slots=True)
class Eligibility:
    warnings: tuple[Warning, ...]
    fixed_needs_consent: bool

    @property
    def blocked(self) -> frozenset[str]:
        return frozenset().union(*(w.blocks for w in self.warnings)) if self.warnings else frozenset()


def clean_answers(raw: dict | None) -> dict[str, bool | None]:
    """Only the known questions, each True, False or None."""
    raw = raw or {}
    return {q: raw.get(q) if isinstance(raw.get(q), bool) else None for q in QUESTIONS}


def assess_answers(raw: dict | None) -> Eligibility:
    """Which routes the answers block and what to warn about."""
    a = clean_answers(raw)
    out: list[Warning] = []
    if a["member"] is False:
        out.append(Warning("elig.not_member", NAV_ROUTES, BLOCK, "Folketrygdloven § 10-2"))
    elif a["member"] is None:
        out.append(Warning("elig.member_unknown", frozenset(), INFO, "Folketrygdloven § 10-2"))
    if a["lasting_need"] is False:
        out.append(Warning("elig.short_need", NAV_ROUTES, BLOCK, "Folketrygdloven § 10-7; nav.no"))
    elif a["lasting_need"] is None:
        out.append(Warning("elig.need_unknown", frozenset(), INFO, "Folketrygdloven § 10-7"))
    if a["work_started"] is True:
        out.append(Warning("elig.work_started", frozenset({"nav_grant"}), BLOCK,
                           "NAV Hjelpemiddelsentral (saksgang, steg 8)"))
    else:
        out.append(Warning("elig.decision_first", frozenset(), INFO, "NAV Hjelpemiddelsentral (saksgang, steg 8)"))
    needs_consent = a["tenant"] is True and a["landlord_consent"] is not True
    if needs_consent:
        out.append(Warning("elig.landlord", frozenset(), WARN,
                           "NAV Hjelpemiddelsentral; Husbanken (tilskudd til tilpasning)"))
    return Eligibility(tuple(out), needs_consent)
