"""Who the application is for and who visited: the household section of a project (NAV 10-07.03 with T09).

Every field may be empty, and an empty field stays empty: the report shows it as a blank to fill in, never a
guess. `Household.from_dict` checks every field of a saved file and raises a PlanError sentence on a bad one.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from planner.i18n import register
from planner.model.plan import PlanError

TENURES = ("owner", "cooperative", "tenant")     # selveier, borettslag/andel, leier
# NAV's conditions an application argues (nav.no, confidence C; rules-and-grants-research.md § 10)
CONDITIONS = ("lasting", "necessary", "simpler_not_enough", "able_to_use")
CASE_STEPS = range(1, 10)                          # the nine steps of a grant case (costing/process.py)
SHORT_TEXT_CHARS = 300
LONG_TEXT_CHARS = 5000
SHORT_FIELDS = ("applicant", "address", "landlord", "therapist", "therapist_role")
LONG_FIELDS = ("impairment", "daily_life", "justification")

register({
    "err.household.not_object": {"en": "The household section of the project file is not an object; remove it "
                                       "or save the project again from Tilpass.",
                                 "nb": "Husstandsdelen i prosjektfilen er ikke et objekt; fjern den eller lagre "
                                       "prosjektet på nytt fra Tilpass."},
    "err.household.unknown": {"en": "The household section has an unknown field {field}; known fields are {choices}.",
                              "nb": "Husstandsdelen har et ukjent felt {field}; kjente felt er {choices}."},
    "err.household.text": {"en": "Household field {field} must be text of at most {limit} characters.",
                           "nb": "Husstandsfeltet {field} må være tekst på høyst {limit} tegn."},
    "err.household.choice": {"en": "Household field {field} must be one of {choices}, or empty.",
                             "nb": "Husstandsfeltet {field} må være en av {choices}, eller tomt."},
    "err.household.yes_no": {"en": "Household field {field} must be true, false or empty.",
                             "nb": "Husstandsfeltet {field} må være true, false eller tomt."},
    "err.household.date": {"en": "Household field {field} must be a date written YYYY-MM-DD, not {value}.",
                           "nb": "Husstandsfeltet {field} må være en dato skrevet ÅÅÅÅ-MM-DD, ikke {value}."},
    "err.household.step": {"en": "Household field case_step must be a whole number from 1 to 9, or empty.",
                           "nb": "Husstandsfeltet case_step må være et heltall fra 1 til 9, eller tomt."},
})


@dataclass(frozen=True, slots=True)
class Household:
    """The applicant and home, the professional who visited, and the case in the applicant's own words.

    tenure: one of TENURES or "" (not given); landlord_consent: the landlord has signed for fixed
    installations (True/False/None = not asked yet); visit_date: YYYY-MM-DD; conditions: NAV's four conditions
    (CONDITIONS) as True/False/None, how the therapist judges them; case_step: where the case stands (1–9)."""

    applicant: str = ""
    address: str = ""
    tenure: str = ""
    landlord: str = ""
    landlord_consent: bool | None = None
    therapist: str = ""
    therapist_role: str = ""
    visit_date: str = ""
    impairment: str = ""
    daily_life: str = ""
    justification: str = ""
    conditions: tuple[tuple[str, bool | None], ...] = tuple((c, None) for c in CONDITIONS)
    case_step: int | None = None

    def condition(self, name: str) -> bool | None:
        return dict(self.conditions).get(name)

    def with_condition(self, name: str, value: bool | None) -> "Household":
        return replace(self, conditions=tuple((c, value if c == name else v) for c, v in self.conditions))

    @property
    def is_empty(self) -> bool:
        return self == Household()

    def to_dict(self) -> dict:
        data = asdict(self)
        data["conditions"] = dict(self.conditions)
        return data

    @classmethod
    def from_dict(cls, data) -> "Household":
        """Read the saved section, checking every field; a bad one raises PlanError with one sentence."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise PlanError.text("err.household.not_object")
        known = {f.name for f in fields(cls)}
        for name in data:
            if name not in known:
                raise PlanError.text("err.household.unknown", field=repr(name), choices=", ".join(sorted(known)))
        values = {}
        for name in SHORT_FIELDS + LONG_FIELDS:
            values[name] = _text(data, name, SHORT_TEXT_CHARS if name in SHORT_FIELDS else LONG_TEXT_CHARS)
        tenure = _text(data, "tenure", SHORT_TEXT_CHARS)
        if tenure and tenure not in TENURES:
            raise PlanError.text("err.household.choice", field="tenure", choices=", ".join(TENURES))
        values["tenure"] = tenure
        values["landlord_consent"] = _yes_no(data.get("landlord_consent"), "landlord_consent")
        values["visit_date"] = _date(data, "visit_date")
        conditions = data.get("conditions") or {}
        if not isinstance(conditions, dict):
            raise PlanError.text("err.household.choice", field="conditions", choices=", ".join(CONDITIONS))
        for name in conditions:
            if name not in CONDITIONS:
                raise PlanError.text("err.household.choice", field="conditions", choices=", ".join(CONDITIONS))
        values["conditions"] = tuple((c, _yes_no(conditions.get(c), f"conditions.{c}")) for c in CONDITIONS)
        step = data.get("case_step")
        if step is not None and (isinstance(step, bool) or not isinstance(step, int) or step not in CASE_STEPS):
            raise PlanError.text("err.household.step")
        values["case_step"] = step
        return cls(**values)


def _text(data: dict, name: str, limit: int) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise PlanError.text("err.household.text", field=name, limit=limit)
    return value.strip()


def _yes_no(value, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise PlanError.text("err.household.yes_no", field=name)


def _date(data: dict, name: str) -> str:
    value = _text(data, name, SHORT_TEXT_CHARS)
    if not value:
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise PlanError.text("err.household.date", field=name, value=repr(value[:40])) from None
