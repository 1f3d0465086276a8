"""NAV's grant instead of an aid: min(cap of the alternative aid, real cost of the permanent part)
(costing.grants; NAV Hjelpemiddelsentral Vestland 2025, C)."""
from costing.grants import PLATFORMLIFT, RAMP, RULE as GRANT_RULE, nav_grant
from costing.money import nok
from costing.remedies import PERMANENT, lift_item

NAME, PUBLIC, LOAN = "nav_grant", True, False
RULE = GRANT_RULE


def lift_estimate_nok(alternative, rise_mm, ctx):
    """The price list's price of the lift NAV would install, an estimate (None for a ramp or no price)."""
    if alternative == RAMP:
        return None
    item = lift_item(rise_mm, ctx.rates) if alternative == PLATFORMLIFT else alternative
    price = ctx.prices.get(item)
    return None if price is None else nok(price.value)


def pays(remedy, ctx, remaining_nok, pot_nok):
    from costing.schemes import Contribution
    permanent = remedy.route_nok(PERMANENT)
    if remedy.grant_alternative is None or permanent == 0 or not remedy.rise_mm:
        return Contribution(NAME, 0)
    estimate = lift_estimate_nok(remedy.grant_alternative, remedy.rise_mm, ctx)
    price = ctx.alternative_price_nok
    if price is None and remedy.grant_alternative != RAMP and estimate is None:
        return Contribution(NAME, 0, ("note.lift_price_missing",))
    result = nav_grant(remedy.rise_mm, permanent, remedy.grant_alternative, price, ctx.rates,
                       lift_estimate_nok=estimate)
    notes = ("note.nav_grant_cap",) + (("note.cap_estimate",) if result.cap_confidence == "A" else ())
    return Contribution(NAME, result.grant_nok, notes, {"grant": result.to_dict()})
