"""What each rule value means, in Norwegian and English, for tables a person reads (never the raw key)."""
from __future__ import annotations

import re

from planner.i18n import fmt_mm, keys, register, t

register({
    "rulevalue.door_clear_width_entrance_mm": {
        "en": "Clear width of entrance doors and doors on communication routes",
        "nb": "Fri bredde for inngangsdør og dører i kommunikasjonsvei"},
    "rulevalue.door_clear_width_internal_mm": {"en": "Clear width of doors inside the dwelling",
                                               "nb": "Fri bredde for dører inne i boligen"},
    "rulevalue.door_leaf_to_clear_deduction_mm": {
        "en": "Deducted from the drawn leaf width to estimate the clear width",
        "nb": "Trekkes fra tegnet dørbladbredde for å anslå fri bredde"},
    "rulevalue.entrance_rise_max_mm": {"en": "Largest level difference at a step-free entrance",
                                       "nb": "Største høydeforskjell ved trinnfri inngang"},
    "rulevalue.remeasure_margin_mm": {"en": "A result this close to its limit is to be measured again",
                                      "nb": "Et resultat så nær grensen skal måles på nytt"},
    "rulevalue.shower_lip_max_mm": {"en": "Highest kerb into a step-free shower",
                                    "nb": "Høyeste kant inn til trinnfri dusj"},
    "rulevalue.threshold_max_mm": {"en": "Highest threshold, bevelled", "nb": "Høyeste terskel, avfaset"},
    "rulevalue.turning_circle_diameter_mm": {"en": "Diameter of the free wheelchair turning circle",
                                             "nb": "Diameter på fri snusirkel for rullestol"},
    "rulevalue.turning_rectangle_length_mm": {"en": "Length of the turning rectangle accepted instead",
                                              "nb": "Lengde på snurektangelet som godtas i stedet"},
    "rulevalue.turning_rectangle_width_mm": {"en": "Width of the turning rectangle accepted instead",
                                             "nb": "Bredde på snurektangelet som godtas i stedet"},
    "rulevalue.turning_space_under_fixture_mm": {
        "en": "Free height under a fixture for its floor to count in the turning space",
        "nb": "Fri høyde under innredning for at gulvet under skal telle i snuarealet"},
    "rulevalue.see_clause": {"en": "see the rule", "nb": "se regelhenvisningen"},
    "rulevalue.unnamed": {"en": "Rule value (not described)", "nb": "Kravverdi (ikke beskrevet)"},
})


def rule_value_name(key: str, note: str, lang: str) -> str:
    """What a rule value means: its registered text; in English the rule file's own note when it has no text."""
    if f"rulevalue.{key}" in keys():
        return t(f"rulevalue.{key}", lang)
    return note if lang == "en" and note else t("rulevalue.unnamed", lang)


def rule_value_text(key: str, value: float) -> str:
    """A rule value with its unit as a person reads it: 860 mm, 1 500 mm."""
    return f"{fmt_mm(value)} mm" if key.endswith("_mm") else f"{value:g}"



def rule_source_text(source: str, lang: str) -> str:
    """Where a rule value comes from: the rule file's own words in English; in Norwegian its addresses only (the
    file's explanations are English), or a pointer to the rule when it has none."""
    if lang == "en":
        return source
    urls = re.findall(r"https?://\S+", source or "")
    return "\n".join(u.rstrip(").,;") for u in urls) or t("rulevalue.see_clause", lang)


# Clauses the rule files write in English, as a Norwegian report names them (the rest are citations: § 12-13)
CLAUSES_NB = {"Tilpass assumption": "Tilpass-antakelse", "Tilpass practice": "Tilpass-praksis",
              "BBR sets no maximum": "BBR setter ingen grense",
              "BBR 3:146 (accessible bathroom)": "BBR 3:146 (tilgjengelig bad)",
              "ADM vol. 1, definition of accessible threshold": "ADM vol. 1, definisjonen av tilgjengelig terskel",
              "ADM vol. 1 M4(3) level-access shower": "ADM vol. 1 M4(3) dusj uten nivåforskjell"}


def rule_clause_text(clause: str, lang: str) -> str:
    """A rule's clause as a report in lang cites it."""
    return CLAUSES_NB.get(clause, clause) if lang == "nb" else clause
