"""The municipal start loan (Husbanken startlån): means-tested, for necessary adaptation, secured within 100 %
of the home's value after the work (husbanken.no, C). A loan: the household repays it."""
NAME, PUBLIC, LOAN = "startlan", False, True
RULE = "Husbanken startlån via the municipality: means-tested loan for necessary adaptation"


def pays(remedy, ctx, remaining_nok, pot_nok):
    from costing.schemes import Contribution
    return Contribution(NAME, min(remaining_nok, pot_nok or 0))
