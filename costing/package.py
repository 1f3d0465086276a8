"""The application package of a project: the PDF report and the dimensioned sketch with the chosen entrance
works, put together from planner (plan, findings, layout) and costing (remedies, funding plan)."""
from __future__ import annotations

from datetime import datetime

from costing.report import application_sections, entrance_works, home_sections, renovation_section
from planner.project.profile import checked_for
from planner.project.file import Project
from planner.output.report_pdf import build_pdf
from planner.rules import Rules
from planner.output.sketch import sketch_bytes


def project_sketch(project: Project, rules: Rules, lang: str, fmt: str = "svg") -> bytes:
    """The dimensioned sketch of the measured plan, with the ramp or raised ground chosen in the funding plan."""
    plan, _ = project.measured_plan()
    findings, rules = checked_for(plan, rules, project.person)
    return sketch_bytes(plan, findings, lang, entrance_works(plan, findings, dict(project.costing), rules), fmt=fmt)


def application_pdf(project: Project, rules: Rules, lang: str, made_at: datetime | None = None) -> bytes:
    """The whole application report as PDF bytes. Raises ValueError (a CostingError or PlanError sentence) when
    a saved price or rate cannot be used."""
    plan, _ = project.measured_plan()
    findings, rules = checked_for(plan, rules, project.person)   # as the app checks it: with this person's values
    state = dict(project.costing)
    svg = sketch_bytes(plan, findings, lang, entrance_works(plan, findings, state, rules), fmt="svg")
    sections = home_sections(project, plan, lang) + application_sections(plan, findings, state, project.household,
                                                                          lang, rules)
    renovation = renovation_section(plan, findings, state, rules, lang)
    if renovation is not None:
        sections.insert(len(sections) - 2, renovation)   # after the funding plan, before the steps and checklist
    return build_pdf(project, findings, rules, lang, plan, svg, sections, made_at)
