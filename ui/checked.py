"""The open project as the page shows it, worked out once per change: the plan with its site measurements and the
findings of the checks. A rerun that changed neither (a language switch, a tab opened, a table filtered) takes
the last ones from the session instead of applying the measurements and running every check again.

The findings and the plan's pictures are also kept for every session of this server (shared()): a plan opened
again (the example each new visitor sees first, the same drawing in another tab) is neither checked nor drawn
again. They are found by the content of what made them, never by a session's name."""
from __future__ import annotations

import threading
from typing import Any, Callable

import streamlit as st

from planner.model.findings import Finding
from planner.model.plan import Plan
from planner.project.profile import Profile, checked_for
from planner.project.file import Project
from planner.rules import Rules


def _same(a: tuple, b: tuple) -> bool:
    """Keys match when each part is the same object or equal (objects first: comparing two large plans field by
    field would cost what the cache saves)."""
    return len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b))


def remembered(name: str, key: tuple, compute: Callable[[], Any]) -> Any:
    """compute(), or what it gave last time in this session for an equal key (one value kept per name)."""
    held = st.session_state.get(name)
    if held is not None and _same(held[0], key):
        return held[1]
    value = compute()
    st.session_state[name] = (key, value)
    return value


_SHARED: dict[str, list[tuple[tuple, Any]]] = {}
_SHARED_LOCK = threading.Lock()
SHARED_KEPT = 8   # values kept per name, the last used first: a few plans' findings and pictures


def shared(name: str, key: tuple, compute: Callable[[], Any]) -> Any:
    """compute(), or what it gave for an equal key in any session of this server (SHARED_KEPT values per name).
    Only for values nobody changes (findings, a picture's bytes): every session gets the same object."""
    with _SHARED_LOCK:
        held = _SHARED.setdefault(name, [])
        found = next((i for i, (k, _) in enumerate(held) if _same(k, key)), None)
        if found is not None:
            entry = held.pop(found)
            held.insert(0, entry)
            return entry[1]
    value = compute()   # outside the lock: one session's long drawing does not hold up the others
    with _SHARED_LOCK:
        held = _SHARED.setdefault(name, [])
        held.insert(0, (key, value))
        del held[SHARED_KEPT:]
    return value


def clear_shared() -> None:
    """Forget every value shared() keeps."""
    with _SHARED_LOCK:
        _SHARED.clear()


def per_language(name: str, key: tuple, lang: str, compute: Callable[[], Any]) -> Any:
    """remembered() for what is made in one language (a picture, a table): each language's is kept, so switching
    back and forth makes nothing again."""
    made = remembered(name, key, dict)
    if lang not in made:
        made[lang] = compute()
    return made[lang]


def plan_key(plan: Plan) -> Any:
    """What tells two plans apart for the caches: their content hash (computed once per plan); for the measured
    plan of the open project, what it is made from (the plan's hash and the measurements), so that a measurement
    typed on a large plan does not hash the whole plan again."""
    held = st.session_state.get("_measured")
    if held is not None and held[1][0] is plan:
        return held[0]
    return plan.content_hash


def measured(project: Project) -> tuple[Plan, list[str]]:
    """project.measured_plan(), applied again only when the plan or a measurement changed."""
    return remembered("_measured", (plan_key(project.plan), project.measurements), project.measured_plan)


def checked(plan: Plan, rules: Rules, person: Profile | None) -> tuple[list[Finding], Rules]:
    """checked_for(plan, rules, person): the findings and the rules they were found with, worked out again only when
    the plan, the standard or the person changed."""
    key = (plan_key(plan), rules, person)
    return remembered(f"_findings_{'person' if person is not None else 'standard'}", key,
                      lambda: shared("findings", key, lambda: checked_for(plan, rules, person)))


def findings(plan: Plan, rules: Rules, person: Profile | None) -> list[Finding]:
    """The findings of checked()."""
    return checked(plan, rules, person)[0]
