"""Husbanken's adaptation grant through the municipality ("tilskudd til tilpasning", FOR-2011-02-23-191):
means-tested and discretionary, for work NAV does not pay (doors, thresholds, terrain, one-level living).
The tool cannot predict it: the user enters the amount the municipality is expected to give (default 0)."""
from costing.remedies import SMALL_AID

NAME, PUBLIC, LOAN = "husbanken", True, False
RULE = "Husbanken tilskudd til tilpasning via the municipality (means-tested, at the municipality's discretion)"


def pays(remedy, ctx, remaining_nok, pot_nok):
    from costing.schemes import Contribution
    eligible = max(0, remaining_nok - remedy.route_nok(SMALL_AID))
    pot = pot_nok or 0
    return Contribution(NAME, min(eligible, pot), ("note.husbanken_discretionary",) if pot else ())
