"""Own money: whatever no other route pays."""
NAME, PUBLIC, LOAN = "own_money", False, False
RULE = "The household pays the rest"


def pays(remedy, ctx, remaining_nok, pot_nok):
    from costing.schemes import Contribution
    return Contribution(NAME, remaining_nok)
