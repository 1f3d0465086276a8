"""NAV's flat grant for cheap aids ("rimelige hjelpemidler"): one fixed amount, re-apply after 4 years, no
receipt (nav.no, C for the scheme; the amount in costing/data/rates-no.toml is U, unconfirmed)."""
from costing.money import nok
from costing.texts import Note
from planner.i18n import fmt_nok
from costing.remedies import SMALL_AID

NAME, PUBLIC, LOAN = "small_aids", True, False
RULE = "NAV tilskudd til rimelige hjelpemidler: a flat amount per person, re-apply after 4 years"


def pays(remedy, ctx, remaining_nok, pot_nok):
    from costing.schemes import Contribution
    rate = ctx.rates["small_aids_flat_grant_nok"]
    flat = nok(rate.value)
    pot = flat if pot_nok is None else pot_nok
    cost = remedy.route_nok(SMALL_AID)
    notes = (Note("note.small_aids_unconfirmed", amount=fmt_nok(flat), date=rate.edition),) \
        if cost and rate.uncertain else ()
    return Contribution(NAME, min(cost, pot), notes)
