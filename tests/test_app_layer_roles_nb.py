"""The layer table of the import tab says what each layer holds in the user's language. Found using the app: the
role column showed the codes walls, doors, unknown, ignore in the Norwegian page."""
from __future__ import annotations

from pathlib import Path

from planner.i18n import t
from tests.app_tabs import opened
from tests.test_app import at, pk  # noqa: F401  (the app, run once, as a fixture)

ROOT = Path(__file__).resolve().parents[1]
CODES = {"walls", "doors", "rooms", "labels", "fixtures", "ignore", "unknown"}


def test_the_layer_roles_are_shown_in_norwegian_and_a_changed_one_is_read_with_its_code(at):  # noqa: F811
    data = (ROOT / "examples" / "flat-narrow-bathroom.dxf").read_bytes()
    at.file_uploader(key="upload").upload("flat.dxf", data, "application/dxf").run()
    opened(at, "import")
    table = at.data_editor(key=pk(at, "import_layers")).value
    shown = set(table["role"])
    assert shown and not shown & CODES, shown
    assert t("imp.role.walls", "nb") in shown
    layers = list(at.session_state["project"].plan.import_report["layers"])
    at.session_state[pk(at, "import_layers")] = {
        "edited_rows": {str(layers.index("A-DOOR")): {"role": t("imp.role.ignore", "nb")}}, "added_rows": [],
        "deleted_rows": []}
    at.run()
    at.button(key="import_reread").click().run()
    assert not at.exception
    project = at.session_state["project"]
    assert len(project.plan.doors) == 0 and project.source["layer_roles"]["A-DOOR"] == "ignore"
