"""The day in the home: a short questionnaire from waking to bed (NAV Hjelpemiddelsentral Vestland's list,
docs/renovation.md), saved in the project. It points to the rooms and checks that matter for this person, names
the aids for each activity, and gives the sentences that describe the daily-life consequences in an application."""
from __future__ import annotations

from dataclasses import dataclass

from planner.project import falls as _falls  # noqa: F401  (registers the names of the aids both lists share)
from planner.i18n import register, t

EASY, HARD, CANNOT = "easy", "hard", "cannot"
ANSWERS = (EASY, HARD, CANNOT)
MAX_NOTE = 2000


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    rooms: tuple[str, ...]     # room types where it happens ("entrance": the way in and out)
    checks: tuple[str, ...]    # the checks that decide whether the home allows it
    aids: tuple[str, ...]      # aids the presentation names for it


QUESTIONS = (
    Question("turn_in_bed", ("bedroom",), ("turning_circle",), ("bed_height", "bed_handle")),
    Question("get_up", ("bedroom",), ("turning_circle", "door_clear_width"), ("bed_height", "bed_placement", "bed_handle")),
    Question("dress", ("bedroom",), ("turning_circle",), ("sock_aid", "reacher")),
    Question("wash", ("bathroom",), ("step_free_shower", "turning_circle", "threshold", "door_clear_width"),
             ("shower_stool", "grab_rail")),
    Question("toilet", ("bathroom", "wc"), ("turning_circle", "door_clear_width", "wc_side_space"),
             ("toilet_raiser", "grab_rail")),
    Question("cook", ("kitchen",), ("turning_circle", "door_clear_width"), ("kitchen_stool", "reacher")),
    Question("eat", ("kitchen", "living"), ("turning_circle",), ("cutlery_grip",)),
    Question("sit_and_rise", ("living",), ("turning_circle",), ("chair_armrests", "lift_chair")),
    Question("stairs", ("entrance",), ("step_free_entrance", "step_free_route"), ("second_handrail",)),
    Question("out_and_in", ("entrance",), ("step_free_entrance", "door_clear_width", "threshold", "entrance_landing"),
             ("door_opener",)),
    Question("letterbox", ("entrance",), ("step_free_entrance",), ("reacher",)),
)
QUESTION_IDS = tuple(q.id for q in QUESTIONS)


def validate(data: object) -> dict:
    """The answers from a project file: {question: {"answer", "note"}}, anything unknown dropped."""
    if not isinstance(data, dict):
        return {}
    out = {}
    for qid, value in data.items():
        if qid in QUESTION_IDS and isinstance(value, dict):
            answer = value.get("answer") if value.get("answer") in ANSWERS else None
            note = value.get("note") if isinstance(value.get("note"), str) else ""
            if answer or note:
                out[qid] = {"answer": answer, "note": note[:MAX_NOTE]}
    return out


def hard(answers: dict) -> list[Question]:
    """The activities this person finds hard or cannot do, in the order of the day."""
    return [q for q in QUESTIONS if (answers.get(q.id) or {}).get("answer") in (HARD, CANNOT)]


def focus(answers: dict, present: set[str] | None = None) -> tuple[list[str], list[str]]:
    """The room types and the registered checks that matter most for this person (from the activities that are
    hard), in the order of the day; with `present` (the room types the plan has, and "entrance"), only those."""
    from planner.checks import CHECKS
    rooms: list[str] = []
    checks: list[str] = []
    for q in hard(answers):
        rooms += [r for r in q.rooms if r not in rooms and (present is None or r in present)]
        checks += [c for c in q.checks if c not in checks and c in CHECKS]
    return rooms, checks


def describe(answers: dict, lang: str) -> list[str]:
    """One sentence per activity answered, for the application's description of daily life (user notes verbatim)."""
    out = []
    for q in QUESTIONS:
        given = answers.get(q.id) or {}
        if not given.get("answer") and not given.get("note"):
            continue
        sentence = t(f"day.{q.id}", lang)
        if given.get("answer"):
            sentence += ": " + t(f"day.answer.{given['answer']}", lang).lower()
        if given.get("note"):
            sentence += f" — {given['note']}"
        out.append(sentence)
    return out


register({
    "day.turn_in_bed": {"en": "Turning in bed", "nb": "Snu seg i sengen"},
    "day.get_up": {"en": "Getting up out of bed", "nb": "Komme seg opp av sengen"},
    "day.dress": {"en": "Dressing", "nb": "Kle på seg"},
    "day.wash": {"en": "Washing and showering", "nb": "Vaske seg og dusje"},
    "day.toilet": {"en": "Using the toilet", "nb": "Bruke toalettet"},
    "day.cook": {"en": "Cooking", "nb": "Lage mat"},
    "day.eat": {"en": "Eating", "nb": "Spise"},
    "day.sit_and_rise": {"en": "Sitting down in and rising from a chair", "nb": "Sette seg i og reise seg fra en stol"},
    "day.stairs": {"en": "Stairs and steps", "nb": "Trapper og trinn"},
    "day.out_and_in": {"en": "Getting out of and into the home", "nb": "Komme seg ut og inn av boligen"},
    "day.letterbox": {"en": "Fetching the post from the letterbox", "nb": "Hente post i postkassen"},
    "day.answer.easy": {"en": "Manages", "nb": "Klarer det selv"},
    "day.answer.hard": {"en": "With difficulty or help", "nb": "Med vansker eller hjelp"},
    "day.answer.cannot": {"en": "Cannot", "nb": "Klarer det ikke"},
    "aid.bed_height": {"en": "a bed at the right height (a care bed)", "nb": "seng i riktig høyde (omsorgsseng)"},
    "aid.bed_handle": {"en": "bed handle", "nb": "sengehåndtak"},
    "aid.bed_placement": {"en": "a bed free on several sides", "nb": "seng som står fritt på flere sider"},
    "aid.sock_aid": {"en": "sock aid", "nb": "strømpepåtrekker"},
    "aid.reacher": {"en": "reacher", "nb": "gripetang"},
    "aid.toilet_raiser": {"en": "toilet raiser or frame", "nb": "toalettforhøyer eller toalettstøtte"},
    "aid.kitchen_stool": {"en": "kitchen work stool", "nb": "arbeidsstol til kjøkkenet"},
    "aid.cutlery_grip": {"en": "cutlery with a thick grip", "nb": "bestikk med tykt grep"},
    "aid.chair_armrests": {"en": "a chair with armrests, four legs and a high seat",
                           "nb": "stol med armlener, fire ben og høyt sete"},
    "aid.lift_chair": {"en": "lift-assist chair", "nb": "løftestol"},
    "aid.door_opener": {"en": "automatic door opener", "nb": "automatisk døråpner"},
})
