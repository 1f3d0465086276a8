"""The price list's items and units as people read them (the price table shows these, never the ids)."""
from __future__ import annotations

from planner.i18n import register, t

ITEMS = {
    "door_widen_internal": ("Widen an inside door", "Utvide innvendig dør"),
    "door_widen_entrance": ("Widen the entrance door", "Utvide inngangsdør"),
    "door_offset_hinges": ("Swing-clear hinges", "Utsvingshengsler"),
    "threshold_removal": ("Remove a threshold", "Fjerne terskel"),
    "threshold_ramp_aid": ("Threshold ramp (aid)", "Terskelrampe (hjelpemiddel)"),
    "bath_to_shower": ("Bath to step-free shower", "Badekar til trinnfri dusj"),
    "shower_kerb_removal": ("Remove a shower kerb", "Fjerne dusjkant"),
    "wall_reinforcement": ("Wall backing for grab rails", "Forsterkning i vegg for støttehåndtak"),
    "grab_rail": ("Grab rail", "Støttehåndtak"),
    "bath_lift_aid": ("Bath lift (aid)", "Badekarløfter (hjelpemiddel)"),
    "sliding_door": ("Sliding door", "Skyvedør"),
    "room_enlarge": ("Enlarge a room", "Utvide rom"),
    "bathroom_layout_rebuild": ("Rebuild the bathroom layout", "Bygge om badet"),
    "ramp_aid_per_m": ("Ramp (aid), per metre", "Rampe (hjelpemiddel), per meter"),
    "ramp_built_per_m": ("Built ramp, per metre", "Bygget rampe, per meter"),
    "ramp_landing_built": ("Ramp landing, built", "Hvilerepos, bygget"),
    "regrade_base": ("Raising the ground, base cost", "Heve terrenget, grunnkostnad"),
    "regrade_per_m2": ("Raising the ground, per m²", "Heve terrenget, per m²"),
    "stairlift": ("Stair lift", "Trappeheis"),
    "platformlift": ("Platform lift", "Løfteplattform"),
    "shaftlift": ("Shaft lift", "Heis i sjakt"),
    "lift_installation": ("Installing a lift", "Montering av heis"),
    "lift_foundation": ("Lift foundation", "Fundament for heis"),
    "electrical_circuit": ("Electrical circuit", "Elektrisk kurs"),
    "stairlift_permit_fee": ("Permit fee for a lift", "Søknadsgebyr for heis"),
    "shaft_alarm_link": ("Alarm link for a shaft lift", "Alarmoverføring for heis"),
    "lift_electricity": ("Lift electricity", "Strøm til heis"),
    "future_step_free_floor_during": ("Step-free floor, while renovating", "Trinnfritt gulv, under oppussing"),
    "future_wall_backing_during": ("Wall backing, while renovating", "Forsterkning i vegg, under oppussing"),
    "wall_reinforcement_after": ("Wall backing, afterwards", "Forsterkning i vegg, i etterkant"),
    "future_wide_door_during": ("Wide door, while renovating", "Bred dør, under oppussing"),
    "future_threshold_free_during": ("No threshold, while renovating", "Uten terskel, under oppussing"),
    "future_floor_toilet_during": ("Floor space at the toilet, while renovating",
                                   "Plass ved toalettet, under oppussing"),
    "floor_toilet_after": ("Floor space at the toilet, afterwards", "Plass ved toalettet, i etterkant"),
    "future_ceiling_hoist_during": ("Ceiling hoist backing, while renovating",
                                    "Forsterkning for takheis, under oppussing"),
    "ceiling_hoist_backing_after": ("Ceiling hoist backing, afterwards", "Forsterkning for takheis, i etterkant"),
    "future_enlarge_during": ("Enlarge a room, while renovating", "Utvide rom, under oppussing"),
    "future_regrade_during": ("Raise the ground, while building", "Heve terrenget, under byggingen"),
}
UNITS = {"each": ("each", "stk."), "per door": ("per door", "per dør"), "per bathroom": ("per bathroom", "per bad"),
         "per case": ("per case", "per sak"), "per circuit": ("per circuit", "per kurs"),
         "per job": ("per job", "per jobb"), "per lift": ("per lift", "per heis"), "per m2": ("per m²", "per m²"),
         "per metre": ("per metre", "per meter"), "per room": ("per room", "per rom"),
         "per shower": ("per shower", "per dusj"), "per year": ("per year", "per år"), "unit": ("unit", "enhet")}

register({f"price.item.{k}": {"en": en, "nb": nb} for k, (en, nb) in ITEMS.items()})
register({f"price.unit.{k}": {"en": en, "nb": nb} for k, (en, nb) in UNITS.items()})


def item_name(item: str, lang: str) -> str:
    """An item of the price list by name (an item added by a quote or a newer list keeps its id)."""
    return t(f"price.item.{item}", lang) if item in ITEMS else item


def unit_name(unit: str, lang: str) -> str:
    return t(f"price.unit.{unit}", lang) if unit in UNITS else unit
