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
    "wc_side.NO_WC_ROOM": {
        "en": "No bathroom or WC found in the plan: the space at the WC could not be checked.",
        "nb": "Fant ikke bad eller WC i planen: plassen ved WC kunne ikke sjekkes."},
})
