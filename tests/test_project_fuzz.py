"""A broken or hostile project file gets one sentence (PlanError), never another exception; what opens saves to a
file that opens again, unchanged."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from examples.make_examples import build_stepped_entrance_house
from planner.checks import assess
from planner.model.plan import PlanError
from planner.rules import load_rules
from planner.project.file import dumps_project, loads_project

RULES = load_rules()
VALID = json.loads(dumps_project(build_stepped_entrance_house()))
JUNK = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                 st.text(max_size=5), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3),
                                                                                         st.integers(), max_size=2))


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


PATHS = [p for p in _paths(VALID) if p]


def _replace(node, path, value):
    if len(path) == 1:
        node[path[0]] = value
        return
    _replace(node[path[0]], path[1:], value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), JUNK), min_size=1, max_size=3))
def test_mutated_project_files_open_or_get_one_sentence(edits):
    data = json.loads(json.dumps(VALID))
    for path, value in edits:
        try:
            _replace(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed the parent
    try:
        project = loads_project(json.dumps(data))
        plan, _ = project.measured_plan()
        assess(plan, RULES)  # what loads must also be checkable: the app does this next
    except PlanError as exc:
        assert str(exc).endswith(".") and "\n" not in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_with_one_sentence(data):
    try:
        loads_project(data)
    except PlanError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), JUNK), min_size=1, max_size=3))
def test_open_save_open_is_identity_for_anything_that_opened(edits):
    data = json.loads(json.dumps(VALID))
    for path, value in edits:
        try:
            _replace(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue
    try:
        project = loads_project(json.dumps(data))
    except PlanError as exc:
        assert str(exc).endswith(".") and "\n" not in str(exc)
        return
    saved = dumps_project(project)
    again = loads_project(saved.encode("utf-8"))
    assert dumps_project(again) == saved and again.notices == ()   # nothing more to leave out the second time
    assess(again.measured_plan()[0], RULES)
