"""Rule values as data: one TOML file per standard, each value with its clause, source and confidence."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

RULES_DIR = Path(__file__).parent
DEFAULT_STANDARD = "no-tek17"
OVERRIDDEN = "overridden by the user"
CONFIDENCE_MARKS = {"C": "confirmed in the source", "S": "secondary source only",
                    "U": "unconfirmed", "A": "assumption of this tool"}


@dataclass(frozen=True, slots=True)
class RuleValue:
    """One rule value in millimetres (or as stated), with where it comes from."""

    key: str
    value: float
    clause: str
    source: str
    edition: str
    confidence: str
    note: str = ""

    @property
    def uncertain(self) -> bool:
        return self.confidence != "C"

    @property
    def overridden(self) -> bool:
        """True for a value the user (or the person's profile) set in place of the standard's."""
        return self.source.startswith(OVERRIDDEN)


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

    def setting(self, section: str, key: str, default=None):
        return self.lists.get(section, {}).get(key, default)

    def with_overrides(self, overrides: dict[str, float]) -> "Rules":
        """The same standard with some values replaced by the user's (marked as such)."""
        values = dict(self.values)
        for key, new in overrides.items():
            if key not in values:
                raise KeyError(f"{key} is not a rule value of {self.id}")
            old = values[key]
            values[key] = RuleValue(key, float(new), old.clause, f"{OVERRIDDEN} (was {old.value:g})",
                                    old.edition, "A", old.note)
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


@lru_cache(maxsize=None)
def _load(standard: str) -> Rules:
    path = RULES_DIR / f"{standard}.toml"
    if standard not in available_standards():
        known = ", ".join(available_standards())
        raise ValueError(f"Unknown standard {standard!r}; choose one of: {known}.")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data["standard"]
    values = {key: RuleValue(key=key, value=float(v["value"]), clause=v["clause"], source=v["source"],
                             edition=v.get("edition", meta.get("edition", "")), confidence=v["confidence"],
                             note=v.get("note", ""))
              for key, v in data["values"].items()}
    lists = {k: v for k, v in data.items() if k not in ("standard", "values")}
    return Rules(id=meta["id"], name=meta["name"], name_nb=meta.get("name_nb", meta["name"]),
                 country=meta.get("country", ""), edition=meta.get("edition", ""), values=values, lists=lists)
