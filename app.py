"""Tilpass — the Streamlit app. UI only: every rule, geometry and sum comes from planner/ and costing/."""
from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

import ui.texts  # noqa: F401  (registers the app's texts)
from costing.package import project_sketch
from costing.report import funding_html, renovation_html
from planner.output.application_report import build_html
from planner.checks import summary
from planner.output.drawing import plan_png
from planner.importers import UnitsUnknownError
from planner.importers.doubts import open_doubts
from planner.output.dxf_export import plan_to_dxf_bytes
from planner.i18n import LANGUAGES, app_texts, render, t
from planner.project.loading import UNITS, open_bytes, read_limited
from planner.model.gc_pause import collect_once_read
from planner.model.plan import PlanError
from planner.project.file import Project, dumps_project, loads_project
from planner.rules import DEFAULT_STANDARD, available_standards, load_rules
from planner.model.text import text_only
from ui.boundary import guard, logged, safe_file
from ui.checked import checked, measured
from ui.doubts_view import provisional, render_doubts
from ui.funding import render_funding
from ui.overlay_view import render_overlay
from ui.keys import project_key
from ui.measure import DOOR_KEY, render_measurements
from ui.plain import plain
from ui.privacy import hold as hold_privacy_settings
from ui.plan_view import render_plan, render_rules
from ui.profile import render_profile
from ui.renovation import render_day, render_falls, render_renovation
from ui.site_visit import render_site_visit
from ui.stock import render_stock
from ui.tablet_layout import viewport_width
from ui.tabs import open_tab

EXAMPLES_DIR = Path(__file__).parent / "examples"
DEFAULT_EXAMPLE = "house-stepped-entrance"

hold_privacy_settings()
st.set_page_config(page_title="Tilpass", page_icon="♿", layout="wide")


def open_with_progress(data: bytes, name: str, units: str | None, roles: dict | None, region: int | None,
                       bar) -> Project:
    """Parse an upload, showing progress. It runs once per event (a new file, a re-read), never on a rerun: the
    result is kept in the session. (Not st.cache_data: a cache hit would replay the progress bar's calls into
    a block that no longer exists.)"""
    return open_bytes(data, name, units=units, layer_roles=roles or None, region=region,
                      progress=lambda share, what: bar.progress(min(max(share, 0.0), 1.0), text=what))


@st.cache_data(show_spinner=False)
def example_names() -> list[str]:
    return sorted(p.name.removesuffix(".tilpass.json") for p in EXAMPLES_DIR.glob("*.tilpass.json"))


@st.cache_data(show_spinner=False)
def standard_name(standard: str, lang: str) -> str:
    rules = load_rules(standard)
    return rules.name_nb if lang == "nb" else rules.name


def set_project(project: Project, name: str) -> None:
    """Make `project` the open one; the editors start again from its values."""
    st.session_state.project = project
    st.session_state.project_name = name
    st.session_state.base_plan = project.measured_plan()[0]
    st.session_state.generation = st.session_state.get("generation", 0) + 1  # fresh widget keys (ui/keys.py)
    st.session_state.pending_standard = project.standard   # the sidebar shows it from the next draw on
    st.session_state.pop("unknown_standard", None)


def open_example(name: str) -> None:
    st.session_state.source_upload = None
    set_project(loads_project((EXAMPLES_DIR / f"{name}.tilpass.json").read_bytes()), name)


def open_upload(data: bytes, name: str, units: str | None = None, roles: dict | None = None,
                region: int | None = None) -> None:
    """Open uploaded bytes; on a problem keep the open plan and say what is wrong in one sentence."""
    st.session_state.pop("pending_units", None)
    st.session_state.pop("open_error", None)
    st.session_state.pop("refused_upload", None)
    st.session_state.pop("open_notices", None)
    bar = st.sidebar.progress(0.0)
    try:
        project = open_with_progress(data, name, units, roles, region, bar)
        checked(measured(project)[0], load_rules(st.session_state.get("standard", DEFAULT_STANDARD)),
                project.person)   # kept: the page shows the same findings without running them again
        collect_once_read()
    except PlanError as exc:
        if isinstance(exc, UnitsUnknownError):
            st.session_state.pending_units = {"data": data, "name": name, "guess": exc.guess, "why": exc.why or ""}
        else:
            st.session_state.open_error = (name, exc)
            report = getattr(exc, "report", None)
            if report and report.get("layers"):   # a drawing refused for what its layers seem to hold: let them fix it
                st.session_state.refusals = st.session_state.get("refusals", 0) + 1
                st.session_state.refused_upload = {"data": data, "name": name, "units": units, "roles": roles or {},
                                                   "region": region, "report": report,
                                                   "n": st.session_state.refusals}
        return
    except Exception:  # noqa: BLE001 - a file that breaks Tilpass is refused like a bad one; the open plan stays
        st.session_state.open_error = (name, PlanError.text("error.open_unexpected", ref=logged(f"opening {name!r}")))
        return
    finally:
        bar.empty()
    project = project.replace(source={**project.source, "file": name})
    set_project(project, name)
    if project.notices:   # what a project file held that could not be kept
        st.session_state.open_notices = project.notices
    # Keep the drawing's bytes for this session only, so a re-read with other layer roles needs no new upload.
    is_drawing = project.source.get("kind") in ("dxf", "ifc", "roomplan")
    st.session_state.source_upload = ({"data": data, "name": name, "units": units, "roles": roles or {}}
                                      if is_drawing else None)


def sidebar(lang_default: str) -> str:
    lang = st.sidebar.selectbox("Språk / Language", list(LANGUAGES), format_func=LANGUAGES.get, key="lang",
                                index=list(LANGUAGES).index(lang_default))
    st.sidebar.header(t("side.open", lang))
    names = example_names()
    choice = st.sidebar.selectbox(t("side.example", lang), names, key="example_choice",
                                  index=names.index(DEFAULT_EXAMPLE) if DEFAULT_EXAMPLE in names else 0,
                                  format_func=lambda n: t(f"example.{n}", lang))
    if st.sidebar.button(t("side.open_example", lang), key="open_example"):
        open_example(choice)
    # Any file is taken in and the app says itself what it cannot open (Streamlit's own refusal of a .dwg was an
    # English "image/vnd.dwg files are not allowed"); planner.project.loading reads the bytes, whatever the name says.
    upload = st.sidebar.file_uploader(t("side.upload", lang), type=None, key="upload")
    if upload is not None and st.session_state.get("upload_id") != upload.file_id:
        st.session_state.upload_id = upload.file_id
        open_upload(upload.getvalue(), upload.name)
    pending = st.session_state.get("pending_units")
    if pending:
        guess = pending["guess"]
        st.sidebar.warning(plain(t("units.ask", lang, name=pending["name"],
                                   why=t(f"units.{guess}", lang) if guess else t("units.no_guess", lang))))
        options = list(UNITS)
        unit = st.sidebar.radio(t("units.label", lang), options, key="units_choice",
                                index=options.index(pending["guess"]) if pending["guess"] in options else 0,
                                format_func=lambda u: t(f"units.{u}", lang), label_visibility="collapsed")
        if st.sidebar.button(t("units.read", lang), key="units_read"):
            open_upload(pending["data"], pending["name"], units=unit)
            st.rerun()
    standards = available_standards()
    pending = st.session_state.pop("pending_standard", None)   # the project's own standard, once it is opened
    if pending in standards:
        st.session_state.standard = pending
    elif pending is not None:   # shown as it is written, but only its letters, digits, dots and dashes
        st.session_state.unknown_standard = re.sub(r"[^\w.-]", "?", str(pending))[:40]
    if st.session_state.get("unknown_standard"):
        st.sidebar.warning(t("side.standard_unknown", lang, standard=st.session_state.unknown_standard,
                             used=standard_name(st.session_state.get("standard", DEFAULT_STANDARD), lang)))
    if st.session_state.get("standard") not in standards:
        st.session_state.standard = DEFAULT_STANDARD
    st.sidebar.selectbox(t("side.standard", lang), standards, key="standard",
                         format_func=lambda s: standard_name(s, lang))
    st.sidebar.caption(t("side.privacy", lang))
    with st.sidebar:
        st.session_state.viewport_px = viewport_width()   # a narrow screen closes the sidebar; sizes follow it
    return lang


def main() -> None:
    if "project" not in st.session_state:
        open_example(DEFAULT_EXAMPLE)
    lang = sidebar("nb")
    rules = load_rules(st.session_state.get("standard", DEFAULT_STANDARD))
    st.title("Tilpass")
    st.markdown(t("app.title", lang))
    st.caption(t("app.caption", lang, standard=standard_name(rules.id, lang)))
    if st.session_state.get("open_error"):
        name, reason = st.session_state.open_error  # a PlanError: its sentence in the user's language
        st.error(plain(t("error.open", lang, name=name, reason=reason.message(lang)) + " " + t("error.kept", lang)))
    for notice in st.session_state.get("open_notices", ()):
        st.warning(plain(render(notice, lang)))
    if st.session_state.get("refused_upload"):
        render_refused(st.session_state.refused_upload, lang)

    header = st.container()
    tab, tab_box = open_tab(lang)
    if tab == "draw":
        with tab_box, guard("drawing", lang):
            render_drawing(lang)
    project: Project = st.session_state.project
    if tab == "visit":
        with tab_box, guard("site visit", lang):
            project = render_site_visit(project, lang)
            project = render_falls(project, measured(project)[0], lang)
    elif tab == "day":
        with tab_box, guard("day", lang):
            project = render_day(project, lang)
    elif tab == "measure":
        with tab_box, guard("measurements", lang):
            if project_key(DOOR_KEY) not in st.session_state:   # the editors start afresh: from today's values
                st.session_state.base_plan = measured(project)[0]
            project, problems = render_measurements(project, st.session_state.base_plan, lang, rules)
            for problem in problems:
                st.warning(plain(t("measure.bad", lang, problem=problem)))
    project = render_profile(project, lang)
    if project.standard != rules.id:   # the standard chosen is the project's: saved, reported and costed with it
        project = project.replace(standard=rules.id)
    st.session_state.project = project
    plan, unattached = measured(project)  # measurements whose element is gone (e.g. after a re-import)
    findings, rules = checked(plan, rules, project.person)   # the person's overrides marked as the user's
    counts = summary(findings)

    header.markdown(f"**{plain(t('loaded', lang, name=plan.name or st.session_state.project_name))}**")
    doubts = open_doubts(plan, project.source)
    project = render_doubts(header, project, doubts, lang)
    cols = header.columns(4)
    cols[0].metric(provisional(t("metric.fail", lang), doubts, lang), counts["fail"])
    cols[1].metric(provisional(t("metric.unknown", lang), doubts, lang), counts["unknown"])
    cols[2].metric(provisional(t("metric.pass", lang), doubts, lang), counts["pass"])
    cols[3].metric(t("metric.rooms", lang), f"{len(plan.rooms)} / {len(plan.doors)}")
    for problem in unattached:
        header.warning(plain(t("measure.bad", lang, problem=problem)))
    if tab == "plan":
        with tab_box, guard("plan", lang):
            render_plan(plan, findings, lang, rules, note=t("doubts.provisional_note", lang) if doubts else None)
            render_rules(rules, lang)
    elif tab == "renovate":
        with tab_box, guard("renovation", lang):
            project = render_renovation(plan, findings, rules, project, lang)
            st.session_state.project = project
    elif tab == "funding":
        with tab_box, guard("funding", lang):
            project = render_costs(plan, findings, project, rules, lang)
    elif tab == "import":
        with tab_box, guard("import", lang):
            render_import(plan, lang)
    elif tab == "project":
        with tab_box, guard("save", lang):
            render_save(project, plan, findings, rules, lang)
    elif tab == "stock":
        with tab_box, guard("stock", lang):
            render_stock(lang, open_dwelling)


def open_dwelling(path: str, region: int | None) -> None:
    """Open one dwelling of a screening register in the plan view (its file is on this machine)."""
    try:
        data = read_limited(path)
    except OSError as exc:
        st.session_state.open_error = (Path(path).name, PlanError.text("err.path.unreadable", path=path,
                                                                       reason=str(exc.strerror or exc)))
        return
    except PlanError as exc:   # larger than a file Tilpass reads
        st.session_state.open_error = (Path(path).name, exc)
        return
    open_upload(data, Path(path).name, region=region)
    st.rerun()


def render_drawing(lang: str) -> None:
    """A plan drawn in the browser or built from numbers replaces the open one when the user says so."""
    from ui.draw import render_draw  # imported here: the canvas component registers only inside a running app
    drawn = render_draw(st.session_state.project, lang)
    if drawn is not None:   # a plan drawn here is checked by the standard already chosen
        set_project(drawn.replace(standard=st.session_state.get("standard", drawn.standard)), drawn.plan.name or "plan")


def render_costs(plan, findings, project: Project, rules, lang: str) -> Project:
    """The funding tab; returns the project with the user's costing choices."""
    state = render_funding(plan, findings, dict(project.costing), lang, rules)
    if state != project.costing:
        project = project.replace(costing=state)
        st.session_state.project = project
    return project


def render_import(plan, lang: str) -> None:
    """What the importer found, ignored and guessed; for a DXF, the layer roles and the region to read."""
    from ui.import_view import render_import_report
    if not plan.import_report:
        st.info(t("import.none", lang))
        return
    render_import_report(plan.import_report, lang)
    source = st.session_state.get("source_upload")
    if source is None:
        st.caption(t("imp.reupload", lang))
        return
    render_overlay(plan, plan.import_report, lang, lambda roles: reread_roles(source, plan.import_report, roles))
    reread(source, plan.import_report, keys=("import_layers", "import_region", "import_units", "import_reread"),
           lang=lang)


def reread(source: dict, report: dict, keys: tuple[str, str, str, str], lang: str) -> None:
    """The choices an import can be read again with (layer roles, the plan in the file, the unit) and the button
    that reads the kept bytes again with them. source: the upload's data, name and the choices it was read with."""
    from ui.import_view import choose_region, edit_layer_roles
    roles = {**source.get("roles", {}), **edit_layer_roles(report, lang, key=keys[0])}
    region = choose_region(report, lang, key=keys[1]) or source.get("region")
    read_in = report.get("units", {}).get("used")
    options = list(UNITS)
    unit = st.selectbox(t("units.label", lang), options, index=options.index(read_in) if read_in in options else 0,
                        format_func=lambda u: t(f"units.{u}", lang), key=project_key(keys[2]),
                        help=t("imp.unit_help", lang))
    if st.button(t("imp.reread", lang), key=keys[3]):
        units = unit if unit != read_in else source.get("units")
        open_upload(source["data"], source["name"], units=units, roles=roles, region=region)
        st.rerun()


def reread_roles(source: dict, report: dict, roles: dict[str, str]) -> None:
    """Read the kept bytes again at once with these layer roles (a line pointed at in the drawing)."""
    region = report.get("region") if len(report.get("regions", [])) > 1 else None
    open_upload(source["data"], source["name"], units=source.get("units"), roles={**source.get("roles", {}), **roles},
                region=region)
    st.rerun()


def render_refused(refused: dict, lang: str) -> None:
    """A drawing that gave no plan: what each layer was taken to hold (and which plan in the file), to correct and
    read again without uploading it again."""
    n = refused["n"]   # fresh widget keys for each refused upload
    with st.expander(plain(t("imp.fix_roles", lang, name=refused["name"])), expanded=True):
        reread(refused, refused["report"], lang=lang,
               keys=(f"refused_layers_{n}", f"refused_region_{n}", f"refused_units_{n}", f"refused_reread_{n}"))
        render_overlay(None, refused["report"], lang, lambda roles: reread_roles(refused, refused["report"], roles),
                       key=f"refused_overlay_{n}")


def render_save(project: Project, plan, findings, rules, lang: str) -> None:
    """Each file is built only when its button is pressed: a large plan takes seconds to draw. A tap downloads
    without running the app again (on_click="ignore"): a rerun replaced every button's file, so a second tap
    within a second of the first found its file gone ("Deferred file not found") and gave nothing."""
    from ui.application import render_application, render_files
    project = render_application(project, lang)
    name = (plan.name or st.session_state.project_name or "plan").replace(" ", "-")
    st.download_button(t("project.save", lang), lambda: dumps_project(project).encode("utf-8"),
                       file_name=f"{name}.tilpass.json", mime="application/json", key="save_project", on_click="ignore",
                       help=t("project.save_help", lang))

    def report() -> bytes:
        extra = funding_html(plan, findings, dict(project.costing), lang, rules) + \
            renovation_html(plan, findings, dict(project.costing), rules, lang)
        html = build_html(project, findings, rules, lang, project_sketch(project, rules, lang, "png"), extra)
        return text_only(html).encode("utf-8")
    st.download_button(t("project.report", lang), safe_file(report, "the report", lang),
                       file_name=f"{name}-rapport.html", mime="text/html", key="save_report", on_click="ignore")
    st.download_button(t("project.png", lang), lambda: plan_png(plan, findings, lang), file_name=f"{name}.png",
                       mime="image/png", key="save_png", on_click="ignore")
    st.download_button(t("project.dxf", lang), lambda: plan_to_dxf_bytes(project.plan), file_name=f"{name}.dxf",
                       mime="application/dxf", key="save_dxf", on_click="ignore")
    render_files(project, plan, findings, rules, name, lang)

with app_texts(), guard("page"):
    main()
