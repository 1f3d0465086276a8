"""NAV lends the aid (folketrygdloven § 10-7): the aid and its installation, service and removal cost the
household nothing; foundations, new circuits, permit fees and alarm links are the owner's (nav.no, C)."""
from costing.remedies import NAV_AID

NAME, PUBLIC, LOAN = "nav_loan", True, False
RULE = "Folketrygdloven § 10-7: NAV lends the aid and pays installation, service and removal"


def pays(remedy, ctx, remaining_nok, pot_nok):
    from costing.schemes import Contribution
    return Contribution(NAME, remedy.route_nok(NAV_AID))
