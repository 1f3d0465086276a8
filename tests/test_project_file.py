"""The project file: versioned JSON, lossless, with one sentence for anything that is not one."""
import json

import pytest

from examples.make_examples import EXAMPLES
from planner.model import PlanError
from planner.project import FORMAT_VERSION, dumps_project, loads_project


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_round_trip_losslessly(name):
    project = EXAMPLES[name]()
    again = loads_project(dumps_project(project).encode())
    assert again == project
    assert dumps_project(again) == dumps_project(project)


@pytest.mark.parametrize("data, words", [
    (b"", "not valid JSON"), (b"\xff\xfe", "not UTF-8"), (b"[1, 2]", "not a Tilpass project"),
    (b'{"format": "tilpass-project"}', "no valid format version"),
    (b'{"format": "tilpass-project", "version": 99, "plan": {}}', "newer than this Tilpass"),
    (b'{"format": "tilpass-project", "version": 1, "plan": {"rooms": [{"id": 1}]}}', "damaged"),
])
def test_broken_project_files_get_one_sentence(data, words):
    with pytest.raises(PlanError, match=words):
        loads_project(data)


def test_version_is_written():
    data = json.loads(dumps_project(EXAMPLES["accessible-flat"]()))
    assert (data["format"], data["version"]) == ("tilpass-project", FORMAT_VERSION)
