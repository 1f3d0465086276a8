"""IFC models and RoomPlan scans uploaded in the app open like a DXF: the plan, its findings and the import report,
and a storey chosen in the import tab is read again from the kept upload."""
from tests import roomplan_factory as rp
from tests.app_tabs import opened
from tests.test_app import at  # noqa: F401  (the app, run once, as a fixture)


def labels(at) -> list[str]:
    return [m.label for m in at.metric]


def test_an_uploaded_roomplan_scan_opens_as_a_plan_with_its_import_report(at):
    opened(at, "import")
    at.file_uploader(key="upload").upload("skanning.json", rp.as_bytes(rp.two_rooms(0.82)), "application/json").run()
    assert not at.exception and not at.error
    project = at.session_state["project"]
    assert project.source["kind"] == "roomplan"
    assert sorted(r.type for r in project.plan.rooms) == ["bathroom", "bedroom"]
    assert project.plan.doors[0].clear_width_source == "scanned"
    assert "Rom" in labels(at) and "Dører" in labels(at)          # the import tab's counts, in Norwegian
    warnings = " ".join(w.value for w in at.warning)
    assert "En skanning viser ikke hvilken vei dørene slår" in warnings


def test_an_uploaded_ifc_storey_can_be_chosen_in_the_import_tab(at):
    from tests.test_import_ifc import two_storeys     # skipped with it when ifcopenshell is missing
    opened(at, "import")
    at.file_uploader(key="upload").upload("hus.ifc", two_storeys(), "application/octet-stream").run()
    assert not at.exception and not at.error
    assert sorted(r.name for r in at.session_state["project"].plan.rooms) == ["Bad", "Soverom", "Stue"]
    generation = at.session_state["generation"]
    at.radio(key=f"import_region__p{generation}").set_value(1).run()
    at.button(key="import_reread").click().run()
    assert not at.exception and not at.error
    project = at.session_state["project"]
    assert [r.name for r in project.plan.rooms] == ["Bod"]
    assert project.source["kind"] == "ifc" and project.source["region"] == 1


def test_a_damaged_scan_gets_one_sentence_and_keeps_the_open_plan(at):
    before = at.session_state["project"].plan.name
    at.file_uploader(key="upload").upload("skanning.json", b'{"walls": [1], "transform": 0, "dimensions": 0}',
                                          "application/json").run()
    assert not at.exception
    assert "RoomPlan-skanningen kan ikke leses" in at.error[0].value    # above the (kept) plan's own findings
    assert at.session_state["project"].plan.name == before
