"""Rule values as data: one TOML file per standard, each value with its clause, source and confidence."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from planner.model.sourced import CONFIDENCE_MARKS, Sourced

RULES_DIR = Path(__file__).parent
DEFAULT_STANDARD = "no-tek17"
RuleValue = Sourced   # a rule value is a value with its source; its clause says where in the standard
__all__ = ["CONFIDENCE_MARKS", "DEFAULT_STANDARD", "RuleValue", "Rules", "available_standards", "load_rules",
           "rules_for"]


@dataclass(frozen=True, slots=True)
class Rules:
    """A standard's rule values. Overrides change a value and mark it as the user's own."""

    id: str
    name: str
    name_nb: str
    country: str
    edition: str
    values: dict[str, RuleValue]
    lists: dict[str, dict] = field(default_factory=dict)

    def __getitem__(self, key: str) -> RuleValue:
        return self.values[key]

    def value(self, key: str) -> float:
        return self.values[key].value

    def clause(self, key: str) -> str:
        return self.values[key].clause

    def refs(self, *keys: str) -> tuple[RuleValue, ...]:
        """The rule values a finding is judged by (Finding.rule_values), those of keys this standard has."""
        return tuple(self.values[k] for k in keys if k in self.values)

    def text_params(self) -> dict[str, str]:
        """Every value as a text's parameter ({door_clear_width_internal_mm} -> "760") and every clause as
        {<key without its unit>_clause}, so a text shows the numbers of the standard in use."""
        out = {k: f"{v.value:g}" for k, v in self.values.items()}
        out.update({f"{k.removesuffix('_mm')}_clause": v.clause for k, v in self.values.items()})
        return out

    def setting(self, section: str, key: str, default=None):
        return self.lists.get(section, {}).get(key, default)

    def with_overrides(self, overrides: dict[str, float]) -> "Rules":
        """The same standard with some values replaced by the user's (marked as such)."""
        values = dict(self.values)
        for key, new in overrides.items():
            if key not in values:
                raise KeyError(f"{key} is not a rule value of {self.id}")
            old = values[key]
            values[key] = old.overridden(float(new), f"overridden by the user (was {old.value:g})")
        return Rules(self.id, self.name, self.name_nb, self.country, self.edition, values, self.lists)


def available_standards() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.toml"))


def load_rules(standard: str = DEFAULT_STANDARD) -> Rules:
    """Load a standard by id (the file name without .toml). Read once per process; Rules is immutable and
    with_overrides returns a copy."""
    if standard not in available_standards():
        known = ", ".join(available_standards())
        raise ValueError(f"Unknown standard {standard!r}; choose one of: {known}.")
    return _load(standard)


def _unit(key: str) -> str:
    """The unit a rule value's name gives (docs/glossary.md): *_mm millimetres, else a ratio."""
    return "mm" if key.endswith("_mm") else "ratio"


def rules_for(given: str | None, saved: str | None = None) -> Rules:
    """The rules of the standard asked for (a command's --standard), else the project's own (saved), else the
    default. One sentence (PlanError) for a standard that is not known, e.g. in an edited project file."""
    standard = given or saved or DEFAULT_STANDARD
    if standard not in available_standards():
        from planner.model.plan import PlanError
        raise PlanError.text("err.standard_unknown", standard=repr(standard), known=", ".join(available_standards()))
    return load_rules(standard)


@lru_cache(maxsize=None)
def _load(standard: str) -> Rules:
    path = RULES_DIR / f"{standard}.toml"
    if standard not in available_standards():
        known = ", ".join(available_standards())
        raise ValueError(f"Unknown standard {standard!r}; choose one of: {known}.")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data["standard"]
    values = {key: RuleValue(key=key, value=float(v["value"]), unit=v.get("unit", _unit(key)), clause=v["clause"],
                             source=v["source"], edition=v.get("edition", meta.get("edition", "")),
                             confidence=v["confidence"], note=v.get("note", ""))
              for key, v in data["values"].items()}
    lists = {k: v for k, v in data.items() if k not in ("standard", "values")}
    return Rules(id=meta["id"], name=meta["name"], name_nb=meta.get("name_nb", meta["name"]),
                 country=meta.get("country", ""), edition=meta.get("edition", ""), values=values, lists=lists)
