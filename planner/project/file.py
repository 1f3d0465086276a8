"""A project: a plan with everything the user added to it, saved as one versioned JSON file.

The format is documented in docs/project-file.md. `FORMAT_VERSION` goes up whenever the shape changes;
`load_project` upgrades every older version it knows, so old files keep opening.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from shapely.errors import ShapelyError

from planner.project import daily, falls
from planner.project.profile import Profile
from planner.project.household import Household
from planner.project.measurements import Measurement, apply_measurements, latest
from planner.model.plan import Plan, PlanError
from planner.rules import DEFAULT_STANDARD
from planner.importers.underlay import Underlay

FORMAT = "tilpass-project"
FORMAT_VERSION = 1
MAX_PROJECT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Project:
    """plan: the plan as imported or drawn (without measurements); measurements: site values that override
    it; notes: element id → text; photos: list of {element, name, mime, data (base64), taken_at};
    standard: the rules used; costing: prices, quotes and choices of the funding plan (costing/ owns it);
    source: where the plan came from (file name, units, layer roles, region, drawing). notices: what was left
    out or replaced when the file was opened (planner.i18n.said texts; not saved)."""

    plan: Plan
    measurements: tuple[Measurement, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)
    photos: tuple[dict, ...] = ()
    standard: str = DEFAULT_STANDARD
    costing: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    falls: dict[str, dict] = field(default_factory=dict)   # the fall-prevention walk (planner/project/falls.py)
    daily: dict[str, dict] = field(default_factory=dict)   # the day in the home (planner/project/daily.py)
    profile: dict[str, Any] = field(default_factory=dict)  # who lives there (planner/project/profile.py); {}: not said

    @property
    def person(self) -> Profile | None:
        return Profile.from_dict(self.profile)
    household: Household = field(default_factory=Household)  # the applicant, the home, who visited (optional)
    notices: tuple = field(default=(), compare=False)
    underlay: Underlay | None = None   # the plan image the plan was traced over (planner/importers/underlay.py)

    def measured_plan(self) -> tuple[Plan, list[str]]:
        """The plan with the site measurements applied, and any measurement that found no element."""
        return apply_measurements(self.plan, latest(list(self.measurements)))

    def with_measurement(self, m: Measurement) -> "Project":
        kept = tuple(x for x in self.measurements if (x.element, x.field) != (m.element, m.field))
        return replace(self, measurements=kept + (m,))

    def replace(self, **changes: Any) -> "Project":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": FORMAT_VERSION, "standard": self.standard,
                "plan": self.plan.to_dict(), "measurements": [m.to_dict() for m in self.measurements],
                "notes": dict(self.notes), "photos": list(self.photos), "costing": self.costing,
                "source": self.source, "extra": self.extra, "falls": self.falls, "daily": self.daily,
                **({} if self.household.is_empty else {"household": self.household.to_dict()}),
                **({"profile": self.profile} if self.profile else {}),
                **({"underlay": self.underlay.to_dict()} if self.underlay is not None else {})}

    @classmethod
    def from_dict(cls, data: dict) -> "Project":
        """A project from a file's contents, every field checked first (planner.project.checked)."""
        from planner.project.checked import check_project
        data, notices = check_project(upgrade(data))
        return cls(plan=Plan.from_dict(data["plan"]), notices=tuple(notices),
                   measurements=tuple(Measurement.from_dict(m) for m in data.get("measurements", [])),
                   notes={str(k): str(v) for k, v in data.get("notes", {}).items()},
                   photos=tuple(data.get("photos", [])), standard=data.get("standard", DEFAULT_STANDARD),
                   costing=dict(data.get("costing", {})), source=dict(data.get("source", {})),
                   extra=dict(data.get("extra", {})), falls=falls.validate(data.get("falls")),
                   daily=daily.validate(data.get("daily")), household=Household.from_dict(data.get("household")),
                   profile=_profile(data.get("profile")),
                   underlay=data.get("underlay"))   # built (and checked) by check_project


def _profile(data: Any) -> dict[str, Any]:
    person = Profile.from_dict(data)
    return {} if person is None else person.to_dict()


def upgrade(data: dict) -> dict:
    """Bring an older project file up to FORMAT_VERSION. Version 1 is the first; later versions add steps."""
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise PlanError.text("err.project.no_version")
    if version > FORMAT_VERSION:
        raise PlanError.text("err.project.newer", version=version, supported=FORMAT_VERSION)
    return data


def dumps_project(project: Project) -> str:
    """The project file's text: valid JSON in valid UTF-8 (a lone surrogate pasted into a note becomes U+FFFD, a
    NaN from an import report null), so that what is saved always opens again."""
    from planner.project.checked import clean_tree
    return json.dumps(clean_tree(project.to_dict(), []), ensure_ascii=False, indent=1, allow_nan=False)


def loads_project(data: bytes | str) -> Project:
    """Read a project file; any problem becomes one PlanError sentence."""
    if isinstance(data, bytes):
        if len(data) > MAX_PROJECT_BYTES:
            raise PlanError.text("err.project.too_large")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PlanError.text("err.project.not_utf8") from None
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise PlanError.text("err.project.not_json", line=exc.lineno) from None
    except (ValueError, RecursionError):   # an integer of thousands of digits, nesting deeper than the stack
        raise PlanError.text("err.project.damaged", error="@proj.unreadable") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise PlanError.text("err.project.not_tilpass")
    try:
        return Project.from_dict(raw)
    except PlanError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, ShapelyError) as exc:
        raise PlanError.text("err.project.damaged", error=type(exc).__name__) from None


def is_project_bytes(data: bytes) -> bool:
    head = data[:4096].lstrip()
    return head.startswith(b"{") and b"tilpass-project" in data[:65536]
