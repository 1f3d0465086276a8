"""CostingError, the one sentence a user sees for a costing input that cannot be used, and its sentences.

Raised with `CostingError.text(key, **params)` (or QuoteError.text, GrantInputError.text, which are made from
it): str(err) is the English sentence it has always been (the `python -m costing` CLI and tests rely on it) and
err.message(lang) the sentence in the user's language (the app). Values the user typed, file contents, item and
rate names come in as params. Importing this module registers the sentences.
"""
from __future__ import annotations

from planner.i18n import TextError, register

register({
    # A contractor's quote file (costing/quotes.py)
    "err.quote.empty": {"en": "The quote file is empty.", "nb": "Tilbudsfilen er tom."},
    "err.quote.too_large": {"en": "The quote file is larger than 10 MB; it cannot be a price quote.",
                            "nb": "Tilbudsfilen er større enn 10 MB; det kan ikke være et pristilbud."},
    "err.quote.excel": {"en": "The Excel file could not be read; save it again as .xlsx or as CSV.",
                        "nb": "Excel-filen kunne ikke leses; lagre den på nytt som .xlsx eller som CSV."},
    "err.quote.no_header": {
        "en": "No header with a description and an amount column (e.g. 'Beskrivelse' and 'Sum') was found in the "
              "quote.",
        "nb": "Fant ingen overskriftsrad med en kolonne for beskrivelse og en for beløp (f.eks. 'Beskrivelse' og "
              "'Sum') i tilbudet."},
    "err.quote.no_lines": {"en": "The quote has no lines with a description and an amount.",
                           "nb": "Tilbudet har ingen linjer med både beskrivelse og beløp."},
    # Prices and rates the user gives (costing/prices.py, costing/rates.py) and a ramp's rise (costing/remedies.py)
    "err.price.not_number": {"en": "The price of {what} must be a number of kroner, not {value}.",
                             "nb": "Prisen for {what} må være et beløp i kroner, ikke {value}."},
    "err.price.negative": {"en": "The price of {what} must be 0 kr or more, not {value}.",
                           "nb": "Prisen for {what} må være 0 kr eller mer, ikke {value}."},
    "err.rate": {"en": "The rate {rate} must be a number of 0 or more, not {value}.",
                 "nb": "Satsen {rate} må være et tall på 0 eller mer, ikke {value}."},
    "err.ramp_rise": {"en": "A ramp needs a rise above 0 mm, not {rise}.",
                      "nb": "En rampe må ha en høydeforskjell over 0 mm, ikke {rise}."},
    # NAV's grant instead of an aid (costing/grants.py); {name} is one of err.grant.field.*
    "err.grant.missing": {"en": "{name} is missing; give a number.", "nb": "{name} mangler; oppgi et tall."},
    "err.grant.not_number": {"en": "{name} must be a number, not {value}.", "nb": "{name} må være et tall, ikke {value}."},
    "err.grant.not_finite": {"en": "{name} must be a finite number, not {value}.",
                             "nb": "{name} må være et gyldig tall, ikke {value}."},
    "err.grant.above_zero": {"en": "{name} must be above 0, not {number}.", "nb": "{name} må være over 0, ikke {number}."},
    "err.grant.at_least_zero": {"en": "{name} must be at least 0, not {number}.",
                                "nb": "{name} må være minst 0, ikke {number}."},
    "err.grant.field.rise": {"en": "The rise (mm)", "nb": "Høydeforskjellen (mm)"},
    "err.grant.field.alternative_price": {"en": "The price of the alternative aid (kr)",
                                          "nb": "Prisen på det alternative hjelpemiddelet (kr)"},
    "err.grant.field.cost": {"en": "The cost of the permanent solution (kr)",
                             "nb": "Kostnaden for den varige løsningen (kr)"},
    "err.grant.field.lift_estimate": {"en": "The estimated lift price (kr)", "nb": "Den anslåtte heisprisen (kr)"},
    "err.grant.alternative": {"en": "The alternative aid must be one of {choices}, not {alternative}.",
                              "nb": "Det alternative hjelpemiddelet må være ett av {choices}, ikke {alternative}."},
    "err.grant.lift_price": {
        "en": "NAV's price for {lift} is not public; give the lift's price incl. VAT, excl. installation (stair lifts "
              "cost about 70 000–350 000 kr).",
        "nb": "NAVs pris for {lift} er ikke offentlig; oppgi prisen på heisen inkl. mva, uten montering (trappeheiser "
              "koster omtrent 70 000–350 000 kr)."},
    "err.grant.lift.stairlift": {"en": "a stair lift", "nb": "en trappeheis"},
    "err.grant.lift.platformlift": {"en": "a platform lift", "nb": "en løfteplattform"},
})


class CostingError(TextError, ValueError):
    """A costing input that cannot be used (a price, a rate, a ramp's rise). The message is one sentence."""

    TEXTS = __name__
