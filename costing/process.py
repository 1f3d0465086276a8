"""The nine steps of a grant case, who does each, and what an application needs (NAV Vestland 2025)."""
from __future__ import annotations

# (text key, who): who is a text key too. Source: NAV Hjelpemiddelsentral Vestland presentation 2025 (C).
STEPS = (
    ("proc.1", "who.user"), ("proc.2", "who.therapist"), ("proc.3", "who.therapist"),
    ("proc.4", "who.nav"), ("proc.5", "who.all"), ("proc.6", "who.user"), ("proc.7", "who.all"),
    ("proc.8", "who.nav"), ("proc.9", "who.therapist_nav"),
)
CHECKLIST = ("check.signature", "check.landlord", "check.impairment", "check.justification", "check.doctor",
             "check.trial", "check.quote", "check.sketch", "check.financing", "check.form", "check.appeal")


def checklist_state(state: dict | None) -> dict[str, bool]:
    """Which checklist items the user has ticked (stored in the costing dict under "checklist")."""
    ticked = (state or {}).get("checklist") or {}
    return {key: bool(ticked.get(key)) for key in CHECKLIST}
