"""Who lives there: the person's mobility aid and, where known, its size. It sets which checks apply and, through
`Rules.with_overrides` (every override marked as the user's own), the turning space and the widths the checks use.

Sizes come only from what the user types: a reference size (ISO 7176-5's 800 × 1300 mm wheelchair envelope, as
ISO 21542 quotes it) is shown as a hint, never applied by itself, since TEK17's values are already set for a
wheelchair user and a real chair is usually smaller than the envelope.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from planner.model.findings import Finding
from planner.i18n import fmt_mm, register, t
from planner.model.plan import Plan, PlanError
from planner.rules import Rules

KINDS = ("manual_wheelchair", "electric_wheelchair", "rollator", "walking_aid", "none")
WHEELCHAIRS = ("manual_wheelchair", "electric_wheelchair")
# checks about using a wheelchair (transfer beside the WC, pulling a door open from the chair): they do not apply
# to a person who walks, with or without an aid
WHEELCHAIR_ONLY = frozenset({"wc_side_space", "door_side_space"})
# a wheelchair's width plus room for the hands on the push rims, 50 mm a side: this tool's assumption
HANDS_MM = 100.0
# rule values a chair's width raises, where width + HANDS_MM is more than the standard asks
WIDTH_KEYS = ("door_clear_width_internal_mm", "door_clear_width_entrance_mm", "free_passage_mm", "wc_passage_mm",
              "shower_passage_mm", "wc_side_space_wide_mm")
REFERENCE_CHAIR_MM = (800, 1300)   # ISO 7176-5 envelope (ISO 21542:2021), a hint only
SIZE_LIMITS_MM = (300, 3000)

register({
    "profile.kind.manual_wheelchair": {"en": "Manual wheelchair", "nb": "Manuell rullestol"},
    "profile.kind.electric_wheelchair": {"en": "Electric wheelchair", "nb": "Elektrisk rullestol"},
    "profile.kind.rollator": {"en": "Rollator", "nb": "Rullator"},
    "profile.kind.walking_aid": {"en": "Walking aid (crutches, stick)", "nb": "Ganghjelpemiddel (krykker, stokk)"},
    "profile.kind.none": {"en": "No aid", "nb": "Ingen hjelpemidler"},
    "cli.profile": {"en": "  who lives there: {kind}", "nb": "  hvem som bor der: {kind}"},
    "cli.override": {"en": "  overridden for this person: {what} {value} mm (the standard says {was})",
                     "nb": "  overstyrt for denne personen: {what} {value} mm (regelverket sier {was})"},
    "rules.overridden": {"en": " — overridden for this person", "nb": " — overstyrt for denne personen"},
    "err.profile.kind": {"en": "Unknown profile {kind}; choose one of: {kinds}.",
                         "nb": "Ukjent profil {kind}; velg en av: {kinds}."},
    "err.profile.size": {"en": "The {what} {value} is not a size in millimetres between {low} and {high}.",
                         "nb": "{what} {value} er ikke et mål i millimeter mellom {low} og {high}."},
    "err.profile.arg": {"en": "--profile {text} is not KIND or KIND:width=MM,length=MM,turning=MM.",
                        "nb": "--profile {text} er ikke en gyldig profil: skriv typen, eventuelt med målene i "
                              "millimeter slik --help viser."},
    "profile.rule.turning_circle_diameter_mm": {"en": "turning circle", "nb": "snusirkel"},
    "profile.rule.door_clear_width_internal_mm": {"en": "clear width of doors inside the dwelling",
                                                  "nb": "fri bredde for dører inne i boligen"},
    "profile.rule.door_clear_width_entrance_mm": {"en": "clear width of the entrance door",
                                                  "nb": "fri bredde for inngangsdøren"},
    "profile.rule.free_passage_mm": {"en": "free passage", "nb": "fri passasje"},
    "profile.rule.wc_passage_mm": {"en": "passage to the WC's side space", "nb": "passasje til sideplassen ved WC"},
    "profile.rule.shower_passage_mm": {"en": "passage to the shower", "nb": "passasje til dusjen"},
    "profile.rule.wc_side_space_wide_mm": {"en": "side space beside the WC", "nb": "sideplass ved WC"},
    "profile.size.width_mm": {"en": "chair width", "nb": "Stolbredden"},
    "profile.size.length_mm": {"en": "chair length", "nb": "Stollengden"},
    "profile.size.turning_mm": {"en": "turning diameter", "nb": "Snudiameteren"},
})


def _size(value: Any, what: str) -> float | None:
    if value is None or value == "":
        return None
    low, high = SIZE_LIMITS_MM
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
        and low <= value <= high
    if not ok:
        raise PlanError.text("err.profile.size", what=f"@profile.size.{what}", value=repr(value), low=low, high=high)
    return float(value)


@dataclass(frozen=True, slots=True)
class Profile:
    """kind: one of KINDS; width_mm, length_mm, turning_mm: the person's own chair as measured (None: the
    standard's values are used)."""

    kind: str
    width_mm: float | None = None
    length_mm: float | None = None
    turning_mm: float | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise PlanError.text("err.profile.kind", kind=repr(self.kind), kinds=", ".join(KINDS))
        for what in ("width_mm", "length_mm", "turning_mm"):
            _size(getattr(self, what), what)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "width_mm": self.width_mm, "length_mm": self.length_mm,
                "turning_mm": self.turning_mm}

    @classmethod
    def from_dict(cls, data: Any) -> "Profile | None":
        """A profile read from a project file; None for none saved. Damage is a PlanError sentence."""
        if not data:
            return None
        if not isinstance(data, dict):
            raise PlanError.text("err.profile.kind", kind=repr(data), kinds=", ".join(KINDS))
        return cls(kind=data.get("kind"), width_mm=_size(data.get("width_mm"), "width_mm"),
                   length_mm=_size(data.get("length_mm"), "length_mm"),
                   turning_mm=_size(data.get("turning_mm"), "turning_mm"))

    @classmethod
    def parse(cls, text: str) -> "Profile":
        """`KIND` or `KIND:width=MM,length=MM,turning=MM` (the --profile argument)."""
        kind, _, sizes = text.partition(":")
        values: dict[str, float] = {}
        for part in filter(None, (p.strip() for p in sizes.split(","))):
            name, eq, number = part.partition("=")
            if not eq or name.strip() not in ("width", "length", "turning"):
                raise PlanError.text("err.profile.arg", text=repr(text))
            try:
                values[f"{name.strip()}_mm"] = float(number)
            except ValueError:
                raise PlanError.text("err.profile.arg", text=repr(text)) from None
        return cls(kind=kind.strip(), **values)

    def applies(self, check: str) -> bool:
        return self.kind in WHEELCHAIRS or check not in WHEELCHAIR_ONLY

    def overrides(self, rules: Rules) -> dict[str, float]:
        """The rule values this person's chair changes: the turning diameter as typed, and the widths a chair
        wider than the standard allows for (width + HANDS_MM) raises. Nothing for a person who walks."""
        if self.kind not in WHEELCHAIRS:
            return {}
        out: dict[str, float] = {}
        key = "turning_circle_diameter_mm"
        if self.turning_mm is not None and key in rules.values and self.turning_mm != rules.value(key):
            out[key] = self.turning_mm
        if self.width_mm is not None:
            need = self.width_mm + HANDS_MM
            out.update({k: need for k in WIDTH_KEYS if k in rules.values and need > rules.value(k)})
        return out


PROFILE_ARGUMENT = {
    "metavar": "KIND[:width=MM,length=MM,turning=MM]",
    "help": "who lives there: manual_wheelchair, electric_wheelchair, rollator, walking_aid or none, with their "
            "chair's size (overrides the project's profile)"}


def chosen_profile(typed: str | None, saved: "Profile | None") -> "Profile | None":
    """The profile a command runs with: the one typed on the command line, else the project's own."""
    return Profile.parse(typed) if typed else saved


def profile_json(profile: "Profile | None", rules: Rules) -> dict | None:
    """The profile as the commands' --json output names it: kind, sizes and the rule values it overrides."""
    return None if profile is None else {**profile.to_dict(), "overrides": profile.overrides(rules)}


def profile_lines(profile: "Profile | None", rules: Rules, lang: str) -> list[str]:
    """The commands' text output about the person: who lives there and each value their chair overrides."""
    if profile is None:
        return []
    return [t("cli.profile", lang, kind=f"@profile.kind.{profile.kind}")] + [
        t("cli.override", lang, what=f"@profile.rule.{key}", value=fmt_mm(value), was=fmt_mm(rules.value(key)))
        for key, value in profile.overrides(rules).items()]


def person_rules(rules: Rules, profile: Profile | None) -> Rules:
    """The standard's rules with this person's overrides (each marked as the user's own)."""
    overrides = {} if profile is None else profile.overrides(rules)
    return rules.with_overrides(overrides) if overrides else rules


def checked_for(plan: Plan, standard: Rules, profile: Profile | None) -> tuple[list[Finding], Rules]:
    """The findings for this person and the rules they were found with (the standard's, with this person's overrides
    marked as the user's): what the app, the reports, costing and every command check and price with."""
    return assess_for(plan, standard, profile), person_rules(standard, profile)


def assess_for(plan: Plan, rules: Rules, profile: Profile | None) -> list[Finding]:
    """assess(plan, rules) for this person: only the checks that apply to them, with their overrides."""
    from planner.checks import CHECKS, assess
    if profile is None:
        return assess(plan, rules)
    person = person_rules(rules, profile)
    return [f for name, check in CHECKS.items() if profile.applies(name) for f in check(plan, person)]
