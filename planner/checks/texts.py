"""The words of the WC, passage, route, landing and door-side checks, in Norwegian and English."""
from __future__ import annotations

from planner.i18n import register

register({
    "check.wc_side_space": {"en": "Space at the WC", "nb": "Plass ved WC"},
    "wc_side.WC_SIDE_SPACE_OK": {
        "en": "{room}: {wide} mm free beside WC {wc} on one side and {narrow} mm on the other (needs {wide_required} "
              "and {narrow_required} mm), a turning space in front and a {passage} mm passage to the side space.",
        "nb": "{room}: {wide} mm fritt ved siden av WC {wc} på den ene siden og {narrow} mm på den andre (krav "
              "{wide_required} og {narrow_required} mm), snuareal foran og {passage} mm passasje til sideplassen."},
    "wc_side.WC_SIDE_SPACE_TOO_NARROW": {
        "en": "{room}: the wider side of WC {wc} has {wide} mm of free floor, less than the {wide_required} mm a "
              "wheelchair needs beside it (the other side: {narrow} mm).",
        "nb": "{room}: den bredeste siden av WC {wc} har {wide} mm fritt gulv, mindre enn de {wide_required} mm en "
              "rullestol trenger ved siden av (den andre siden: {narrow} mm)."},
    "wc_side.WC_OTHER_SIDE_TOO_NARROW": {
        "en": "{room}: WC {wc} has {wide} mm free on one side but only {narrow} mm on the other, less than "
              "{narrow_required} mm.",
        "nb": "{room}: WC {wc} har {wide} mm fritt på den ene siden, men bare {narrow} mm på den andre, mindre enn "
              "{narrow_required} mm."},
    "wc_side.WC_NO_TURNING_IN_FRONT": {
        "en": "{room}: there is room beside WC {wc} ({wide} and {narrow} mm), but no Ø {diameter} mm turning space "
              "of free floor in front of it.",
        "nb": "{room}: det er plass ved siden av WC {wc} ({wide} og {narrow} mm), men ikke snuareal på Ø {diameter} mm "
              "med fritt gulv foran det."},
    "wc_side.WC_NO_PASSAGE_TO_SIDE": {
        "en": "{room}: there is room beside WC {wc} ({wide} mm), but no {passage} mm wide passage from the door to it.",
        "nb": "{room}: det er plass ved siden av WC {wc} ({wide} mm), men ingen {passage} mm bred passasje fra døren "
              "dit."},
    "wc_side.WC_PASSAGE_NO_DOOR": {
        "en": "{room}: there is room beside and in front of WC {wc}, but the room has no door in the plan, so the "
              "passage to it could not be checked: draw the door.",
        "nb": "{room}: det er plass ved siden av og foran WC {wc}, men rommet har ingen dør i planen, så passasjen "
              "dit kunne ikke sjekkes: tegn inn døren."},
    "wc_side.WC_IF_SHOWER_STEP_FREE": {
        "en": "{room}: the space at WC {wc} is enough only if the shower beside it is step-free floor: measure its "
              "kerb.",
        "nb": "{room}: plassen ved WC {wc} er nok bare hvis dusjen ved siden av er trinnfritt gulv: mål dusjkanten."},
    "wc_side.NO_WC_FOUND": {
        "en": "{room}: no WC found in the plan: the space beside it could not be checked; check on site.",
        "nb": "{room}: ingen WC funnet i planen: plassen ved siden av kunne ikke sjekkes; sjekk på stedet."},
    "wc_side.WC_NO_FOOTPRINT": {
        "en": "{room}: WC {wc} has no outline in the plan to measure from: draw it again or check on site.",
        "nb": "{room}: WC {wc} har ingen omriss i planen å måle fra: tegn det på nytt eller sjekk på stedet."},
    "wc_side.NO_WC_ROOM": {
        "en": "No bathroom or WC found in the plan: the space at the WC could not be checked.",
        "nb": "Fant ikke bad eller WC i planen: plassen ved WC kunne ikke sjekkes."},

    "check.step_free_route": {"en": "Route on one level", "nb": "Vei på ett plan"},
    "function.living": {"en": "the living room", "nb": "stuen"},
    "function.kitchen": {"en": "the kitchen", "nb": "kjøkkenet"},
    "function.bedroom": {"en": "a bedroom", "nb": "et soverom"},
    "function.bathroom": {"en": "a bathroom", "nb": "et bad"},
    "route.ROUTE_OK": {
        "en": "A wheelchair reaches {function} ({room}) from the entrance step-free: {path}.",
        "nb": "En rullestol kommer trinnfritt fra inngangen til {function} ({room}): {path}."},
    "route.ROUTE_BLOCKED": {
        "en": "No step-free route from the entrance to {function} ({room}): door {door} stops it ({why}); "
              "route {path}.",
        "nb": "Ingen trinnfri vei fra inngangen til {function} ({room}): dør {door} stanser den ({why}); "
              "vei {path}."},
    "route.ROUTE_UNMEASURED": {
        "en": "The route from the entrance to {function} ({room}) passes door {door}, which is not known to pass "
              "({why}): measure it. Route {path}.",
        "nb": "Veien fra inngangen til {function} ({room}) går gjennom dør {door}, som ikke er kjent å være "
              "passerbar ({why}): mål den. Vei {path}."},
    "route.door.DOOR_TOO_NARROW": {"en": "too narrow", "nb": "for smal"},
    "route.door.THRESHOLD_TOO_HIGH": {"en": "threshold too high", "nb": "for høy terskel"},
    "route.door.THRESHOLD_NOT_MEASURED": {"en": "threshold not measured", "nb": "terskelen er ikke målt"},
    "route.door.DOOR_WIDTH_DEPENDS_ON_FAR_SIDE": {"en": "width depends on what is behind it",
                                                  "nb": "bredden avhenger av hva som er bak den"},
    "route.NOT_CONNECTED": {
        "en": "{room} ({function}) is joined to the entrance by no door or opening in the plan: check the plan.",
        "nb": "{room} ({function}) er ikke forbundet med inngangen med noen dør eller åpning i planen: sjekk "
              "planen."},
    "route.NO_ENTRANCE": {
        "en": "No entrance door found in the plan, so the route to {function} ({room}) could not be checked: "
              "mark the entrance door.",
        "nb": "Fant ingen inngangsdør i planen, så veien til {function} ({room}) kunne ikke sjekkes: merk "
              "inngangsdøren."},
    "route.NO_ROOM_FOR_FUNCTION": {
        "en": "No room for {function} found in the plan: check the room names.",
        "nb": "Fant ikke rom for {function} i planen: sjekk romnavnene."},
    "route.NOT_ON_ENTRANCE_LEVEL": {
        "en": "Not on the entrance level: {function} ({why}). TEK17 asks for every main function on the "
              "entrance level, and NAV can fund rebuilding onto one level.",
        "nb": "Ikke på inngangsplanet: {function} ({why}). TEK17 krever alle hovedfunksjoner på "
              "inngangsplanet, og NAV kan gi tilskudd til å bygge om til ett plan."},
    "route.why.stair": {"en": "the plan has a stair to another storey", "nb": "planen har trapp til en annen etasje"},
    "route.NOT_ON_THIS_PLAN": {
        "en": "No room for {function} on this plan; the drawing holds other plans: if it is on another storey, the "
              "home does not have its main functions on the entrance level (TEK17), which NAV can fund rebuilding "
              "for. Check the other plans (--region).",
        "nb": "Ingen rom for {function} på denne planen; tegningen har flere planer: ligger det i en annen etasje, "
              "har ikke boligen hovedfunksjonene på inngangsplanet (TEK17), og NAV kan gi tilskudd til ombygging. "
              "Sjekk de andre planene (--region)."},
    "route.NO_MAIN_FUNCTIONS": {
        "en": "No living room, kitchen, bedroom or bathroom found in the plan: the route on one level could not be "
              "checked; check the room names.",
        "nb": "Fant ikke stue, kjøkken, soverom eller bad i planen: veien på ett plan kunne ikke sjekkes; sjekk "
              "romnavnene."},

    "check.free_passage": {"en": "Free passage", "nb": "Fri passasje"},
    "passage.PASSAGE_OK": {
        "en": "{room}: a free passage of {measured} mm outside the furniture reaches every door (needs {required} mm).",
        "nb": "{room}: en fri passasje på {measured} mm utenom møblene når alle dørene (krav {required} mm)."},
    "passage.PASSAGE_TOO_NARROW": {
        "en": "{room}: the free passage outside the furniture to the doors is only {measured} mm wide, less than "
              "{required} mm.",
        "nb": "{room}: den frie passasjen utenom møblene til dørene er bare {measured} mm bred, mindre enn "
              "{required} mm."},
    "passage.PASSAGE_NO_DOOR": {
        "en": "{room}: no door in the plan, so the passage to it could not be checked: draw the door.",
        "nb": "{room}: ingen dør i planen, så passasjen til den kunne ikke sjekkes: tegn inn døren."},
    "passage.SHOWER_PASSAGE_OK": {
        "en": "{room}: a free passage of {measured} mm leads from the door to the shower zone (needs {required} mm).",
        "nb": "{room}: en fri passasje på {measured} mm fører fra døren til dusjsonen (krav {required} mm)."},
    "passage.SHOWER_PASSAGE_TOO_NARROW": {
        "en": "{room}: the passage from the door to the shower zone is only {measured} mm wide, less than {required} mm.",
        "nb": "{room}: passasjen fra døren til dusjsonen er bare {measured} mm bred, mindre enn {required} mm."},
    "passage.SHOWER_PASSAGE_NO_DOOR": {
        "en": "{room}: no door in the plan, so the passage to the shower could not be checked: draw the door.",
        "nb": "{room}: ingen dør i planen, så passasjen til dusjen kunne ikke sjekkes: tegn inn døren."},

    "check.entrance_landing": {"en": "Landing outside the entrance", "nb": "Flatt felt utenfor inngangen"},
    "landing.LANDING_OK": {
        "en": "Outside door {door}: a level field of {measured} mm, measured (needs {required} × {required} mm).",
        "nb": "Utenfor dør {door}: et flatt felt på {measured} mm, målt (krav {required} × {required} mm)."},
    "landing.LANDING_TOO_SMALL": {
        "en": "Outside door {door}: the level field is {measured} mm, less than {required} × {required} mm "
              "outside the door's swing.",
        "nb": "Utenfor dør {door}: det flate feltet er {measured} mm, mindre enn {required} × {required} mm "
              "utenfor dørens slagområde."},
    "landing.LANDING_NO_ROOM": {
        "en": "Outside door {door}: the drawing leaves no {required} × {required} mm field outside the door and "
              "its swing.",
        "nb": "Utenfor dør {door}: tegningen gir ikke plass til et felt på {required} × {required} mm utenfor "
              "døren og slagområdet."},
    "landing.LANDING_NOT_MEASURED": {
        "en": "Outside door {door}: whether there is a level {required} × {required} mm field outside the door "
              "and its swing is not known: measure it (Site visit, entrance).",
        "nb": "Utenfor dør {door}: det er ikke kjent om det er et flatt felt på {required} × {required} mm utenfor "
              "døren og slagområdet: mål det (Hjemmebesøk, inngang)."},

    "check.door_side_space": {"en": "Side space at the latch", "nb": "Sideplass ved låsen"},
    "door_side.pass": {
        "en": "Door {door}: {measured} mm free beside the latch in {room}, where it opens (needs {required} mm).",
        "nb": "Dør {door}: {measured} mm fritt ved siden av låsen i {room}, der den åpner (krav {required} mm)."},
    "door_side.no_room": {
        "en": "Door {door} opens into a space that is not a room of the plan, so the space beside its latch could "
              "not be measured: check on site that {required} mm are free beside the latch, on the side it opens "
              "towards.",
        "nb": "Dør {door} åpner mot et område som ikke er et rom i planen, så plassen ved siden av låsen kunne ikke "
              "måles: kontroller på stedet at det er {required} mm fritt ved siden av låsen, på siden den åpner "
              "mot."},
    "door_side.fail": {
        "en": "Door {door}: only {measured} mm free beside the latch in {room}, less than the {required} mm a "
              "wheelchair user needs to reach the handle and pull the door open.",
        "nb": "Dør {door}: bare {measured} mm fritt ved siden av låsen i {room}, mindre enn de {required} mm en "
              "rullestolbruker trenger for å nå håndtaket og trekke døren opp."},

    "turning.if_shower_step_free": {
        "en": "{room}: the largest free circle is {measured} mm with the shower counted as an obstacle, but there is "
              "room to turn if the shower zone is step-free floor a wheelchair may use: measure its kerb.",
        "nb": "{room}: den største frie sirkelen er {measured} mm når dusjen regnes som hindring, men det er plass "
              "til å snu hvis dusjsonen er trinnfritt gulv en rullestol kan bruke: mål dusjkanten."},

    "turning.pass_square": {
        "en": "{room}: a {side} × {side} mm square of free floor fits, the turning space the standard asks for.",
        "nb": "{room}: et kvadrat på {side} × {side} mm fritt gulv får plass, snuarealet regelverket krever."},
    "turning.fail_square": {
        "en": "{room}: the largest square of free floor is {measured} × {measured} mm, less than the {side} × {side} mm "
              "turning space the standard asks for.",
        "nb": "{room}: det største kvadratet med fritt gulv er {measured} × {measured} mm, mindre enn snuarealet på "
              "{side} × {side} mm regelverket krever."},
    "turning.pass_ellipse": {
        "en": "{room}: a {ellipse_length} × {ellipse_width} mm ellipse of free floor fits, which the standard accepts "
              "instead of the {required} mm circle (the largest free circle is {measured} mm).",
        "nb": "{room}: en ellipse på {ellipse_length} × {ellipse_width} mm fritt gulv får plass, som regelverket "
              "godtar i stedet for sirkelen på {required} mm (den største frie sirkelen er {measured} mm)."},
    "turning.fail_ellipse": {
        "en": "{room}: the largest free circle is {measured} mm, less than the {required} mm turning circle, and no "
              "{ellipse_length} × {ellipse_width} mm ellipse fits either.",
        "nb": "{room}: den største frie sirkelen er {measured} mm, mindre enn snusirkelen på {required} mm, og en "
              "ellipse på {ellipse_length} × {ellipse_width} mm får heller ikke plass."},
    "turning.pass_t": {
        "en": "{room}: a T-shaped turning space ({t_arm} mm arms within a {t_size} mm square) of free floor fits, which "
              "the standard accepts instead of the {required} mm circle (the largest free circle is {measured} mm).",
        "nb": "{room}: et T-formet snuareal ({t_arm} mm brede armer i et kvadrat på {t_size} mm) med fritt gulv får "
              "plass, som regelverket godtar i stedet for sirkelen på {required} mm (den største frie sirkelen er "
              "{measured} mm)."},
    "turning.fail_t": {
        "en": "{room}: the largest free circle is {measured} mm, less than the {required} mm turning circle, and no "
              "T-shaped turning space ({t_arm} mm arms within a {t_size} mm square) fits either.",
        "nb": "{room}: den største frie sirkelen er {measured} mm, mindre enn snusirkelen på {required} mm, og et "
              "T-formet snuareal ({t_arm} mm brede armer i et kvadrat på {t_size} mm) får heller ikke plass."},

    # what the new checks' rule values mean, for the table of values used (planner/rules/texts.py)
    "rulevalue.wc_side_space_wide_mm": {"en": "Free floor on one side of the WC", "nb": "Fritt gulv på den ene siden av WC"},
    "rulevalue.wc_side_space_narrow_mm": {"en": "Free floor on the other side of the WC",
                                          "nb": "Fritt gulv på den andre siden av WC"},
    "rulevalue.wc_passage_mm": {"en": "Passage to the side space beside the WC", "nb": "Passasje til sideplassen ved WC"},
    "rulevalue.free_passage_mm": {"en": "Free passage outside the furniture to the doors",
                                  "nb": "Fri passasje utenom møblene til dørene"},
    "rulevalue.shower_passage_mm": {"en": "Free passage to the shower zone", "nb": "Fri passasje til dusjsonen"},
    "rulevalue.entrance_landing_mm": {"en": "Level field outside the entrance door (side)",
                                      "nb": "Flatt felt utenfor inngangsdøren (side)"},
    "rulevalue.door_side_space_mm": {"en": "Free floor beside a door's latch", "nb": "Fritt gulv ved siden av dørens lås"},
    "rulevalue.turning_square_mm": {"en": "Side of the square movement area", "nb": "Side i det kvadratiske bevegelsesarealet"},
    "rulevalue.turning_square_bedroom_mm": {"en": "Side of the bedroom's square turning space",
                                            "nb": "Side i soverommets kvadratiske snuareal"},
    "rulevalue.turning_ellipse_length_mm": {"en": "Length of the turning ellipse accepted in living spaces",
                                            "nb": "Lengde på snuellipsen som godtas i oppholdsrom"},
    "rulevalue.turning_ellipse_width_mm": {"en": "Width of the turning ellipse accepted in living spaces",
                                           "nb": "Bredde på snuellipsen som godtas i oppholdsrom"},
    "rulevalue.turning_t_size_mm": {"en": "Square holding the T-shaped turning space",
                                    "nb": "Kvadratet det T-formede snuarealet ligger i"},
    "rulevalue.turning_t_arm_mm": {"en": "Width of the T-shaped turning space's arms",
                                   "nb": "Bredde på armene i det T-formede snuarealet"},
    "rulevalue.threshold_existing_max_mm": {"en": "Highest existing threshold, bevelled",
                                            "nb": "Høyeste eksisterende terskel, avfaset"},
})
