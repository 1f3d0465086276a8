"""The application form and the package's download buttons in the app, through AppTest."""
from __future__ import annotations

from planner.project.file import dumps_project, loads_project
from tests.test_app import at, pk  # noqa: F401  (the app fixture and the project-bound widget keys)


def _downloads(node) -> list[str]:
    found = [node.proto.label] if type(node).__name__ == "DownloadButton" else []
    return found + [x for child in getattr(node, "children", {}).values() for x in _downloads(child)]


def test_the_household_typed_in_the_form_is_kept_in_the_project_and_its_file(at):
    at.text_input(key=pk(at, "app_applicant")).set_value("Kari Nordmann").run()
    at.selectbox(key=pk(at, "app_tenure")).set_value("tenant").run()
    at.radio(key=pk(at, "app_cond_lasting")).set_value(True).run()
    at.selectbox(key=pk(at, "app_step")).set_value(4).run()
    assert not at.exception, at.exception
    household = at.session_state["project"].household
    assert (household.applicant, household.tenure, household.condition("lasting"), household.case_step) == \
        ("Kari Nordmann", "tenant", True, 4)
    assert household.address == "" and household.condition("necessary") is None   # left empty stays empty
    again = loads_project(dumps_project(at.session_state["project"]))
    assert again.household == household


def test_the_project_tab_offers_the_application_files(at):
    labels = _downloads(at._tree)
    for label in ("Søknadsrapport (PDF, A4)", "Tilbudsgrunnlag til entreprenøren (XLSX)", "Målsatt skisse (SVG)",
                  "Målsatt skisse (PNG)", "Plan med funn til DAK (DXF)"):
        assert label in labels


def test_prices_that_cannot_be_used_block_the_files_with_a_sentence(at):
    project = at.session_state["project"]
    at.session_state["project"] = project.replace(costing={"prices": {"grab_rail": "mange"}})
    at.run()
    assert "Søknadsrapport (PDF, A4)" not in _downloads(at._tree)
    assert any("trenger priser som kan brukes" in w.value for w in at.warning)
