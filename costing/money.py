"""Money: whole kroner (`*_nok`, int), one rounding (half up, to the krone) and one VAT function.

Every path that turns an amount into kroner or adds or removes VAT goes through here, so a 1 002 kr line
excluding VAT is 1 253 kr including it whichever way it came in (price list, quote, grant rate).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def _decimal(x: float | int) -> Decimal:
    return Decimal(repr(float(x))) if not isinstance(x, int) else Decimal(x)


def nok(amount: float | int | Decimal) -> int:
    """An amount to whole kroner, rounded half up (1 252,5 kr is 1 253 kr; -0,5 kr is -1 kr)."""
    value = amount if isinstance(amount, Decimal) else _decimal(amount)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def with_vat_nok(ex_vat: float | int, vat: float) -> int:
    """An amount excluding VAT to whole kroner including VAT at the rate `vat` (0.25 = 25 %), rounded once."""
    return nok(_decimal(ex_vat) * (1 + _decimal(vat)))


def without_vat_nok(inc_vat: float | int, vat: float) -> int:
    """An amount including VAT to whole kroner excluding it, rounded once."""
    return nok(_decimal(inc_vat) / (1 + _decimal(vat)))


def times_nok(quantity: float, unit_price_nok: int) -> int:
    """quantity × a unit price, in whole kroner (a ramp of 6,3 m at 4 000 kr/m)."""
    return nok(_decimal(quantity) * unit_price_nok)
