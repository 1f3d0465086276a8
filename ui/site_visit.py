"""The "Site visit" tab: one element at a time, big controls for a tablet, values, notes and photos as they are taken."""
from __future__ import annotations


import streamlit as st

import ui.draw_texts  # noqa: F401  (registers the tab's texts)
from planner.project import visit
from planner.checks import assess
from planner.checks.doors import far_side_open
from planner.i18n import fmt_mm, t
from planner.model.status import ICONS, SEVERITY
from planner.project.measurements import CODED_FIELDS, ENTRANCE_ID, choices, local_time
from planner.model.plan import SOURCE_ESTIMATED, SOURCE_MEASURED, Plan, PlanError
from planner.model.numbers import NumberError, fmt_number
from planner.project.file import Project
from planner.rules import rules_for
from ui.measure import door_between
from ui.plain import plain



def _title(item: visit.VisitItem, plan: Plan, lang: str) -> str:
    if item.kind == "entrance":
        return t("visit.entrance", lang)
    if item.kind == "door":
        return t("visit.door", lang, id=item.element, between=door_between(plan, plan.door(item.element), lang))
    fx = plan.fixture(item.element)
    room = plan.room(fx.room) if fx.room else None
    return t(f"visit.{item.kind}", lang, id=item.element, room=room.name if room else "–")


def _plan_value(plan: Plan, element: str, field: str, lang: str) -> str:
    """What the plan says without the site measurements, for comparison."""
    if element == ENTRANCE_ID:
        value = None if plan.entrance is None else getattr(plan.entrance, field)
        return "–" if value is None else (f"{value}" if field == "steps" else f"{fmt_mm(value)} mm")
    door, fx = plan.door(element), plan.fixture(element)
    if door is not None and field == "clear_width_mm":
        return f"{fmt_mm(door.clear_width_mm)} mm ({t('source.' + door.clear_width_source, lang)})"
    if door is not None and field == "threshold_mm":
        return "–" if door.threshold_mm is None else f"{fmt_mm(door.threshold_mm)} mm"
    if fx is not None and fx.lip_mm is not None:
        return f"{fmt_mm(fx.lip_mm)} mm"
    return "–"


def _go(step: int, count: int) -> None:
    st.session_state.visit_index = (st.session_state.get("visit_index", 0) + step) % count


def _values(project: Project, item: visit.VisitItem, key: str, lang: str) -> tuple[Project, list[str]]:
    """The number boxes of one element; every change becomes a Measurement (or removes one)."""
    problems = []
    source = st.radio(t("visit.source", lang), (SOURCE_MEASURED, SOURCE_ESTIMATED), horizontal=True,
                      key=f"{key}_source", format_func=lambda s: t(f"source.{s}", lang))
    cols = st.columns(len(item.fields))
    for col, field in zip(cols, item.fields):
        current = visit.measured(project, item.element, field)
        if field in CODED_FIELDS:       # a choice seen on site, not a number
            project = _choose(project, item.element, field, col, f"{key}_{field}", "measure.col.under", lang,
                              source, problems)
            continue
        shown = "" if current is None else fmt_number(current.value, lang, decimals=1)
        # text, read by the one number parser (planner/model/numbers.py): "86 cm", "1 200", "0,9 m"
        typed = col.text_input(t(f"visit.field.{field}", lang), value=shown, key=f"{key}_{field}", placeholder="–",
                               help=t(f"visit.how.{field}", lang)).strip()
        col.caption(t("visit.plan_says", lang, value=_plan_value(project.plan, item.element, field, lang)))
        if current is not None:
            col.caption(t("visit.taken", lang, source=t(f"source.{current.source}", lang),
                          when=local_time(current.taken_at)))
        if typed != shown or (typed and current is not None and current.source != source):
            try:
                project = visit.set_value(project, item.element, field, typed or None, source=source)
            except NumberError as exc:
                problems.append(f"{exc.message(lang)} {t('num.kept', lang)}")
            except PlanError as exc:
                problems.append(exc.message(lang))
    return project, problems


def _choose(project: Project, element: str, field: str, where, key: str, label: str, lang: str, source: str,
            problems: list[str]) -> Project:
    """A radio for a coded field (what is behind a door, free floor under a basin); a change becomes a
    Measurement, or removes one."""
    labels = choices(field, lang)
    current = visit.measured(project, element, field)
    options = [None, *labels]
    choice = where.radio(t(label, lang), options, horizontal=True, key=key,
                         index=options.index(None if current is None else int(current.value)),
                         format_func=lambda code: "–" if code is None else labels[code], help=t(f"{label}_help", lang))
    if (choice is None) != (current is None) or (choice is not None and choice != int(current.value)):
        try:
            project = visit.set_value(project, element, field, choice, source=source)
        except PlanError as exc:
            problems.append(exc.message(lang))
    return project


def _far_side(project: Project, item: visit.VisitItem, key: str, lang: str) -> tuple[Project, list[str]]:
    """For a door the drawing leaves open (a room on one side only, or into a passage that leads nowhere else in a
    plan without a way out): what is behind it, as seen on site."""
    door = next((d for d in project.plan.doors if d.id == item.element), None)
    if door is None or not far_side_open(door, project.plan):
        return project, []
    problems: list[str] = []
    project = _choose(project, item.element, "far_side", st, f"{key}_far_side", "measure.col.behind", lang,
                      SOURCE_MEASURED, problems)
    return project, problems


def _photos(project: Project, item: visit.VisitItem, key: str, lang: str) -> Project:
    st.markdown(f"**{t('visit.photos', lang)}**")
    seen: set = st.session_state.setdefault("visit_seen_photos", set())
    incoming = []
    if st.toggle(t("visit.camera_on", lang), key="visit_camera_on"):
        shot = st.camera_input(t("visit.camera", lang), key=f"{key}_camera")
        if shot is not None:
            incoming.append(shot)
    uploads = st.file_uploader(t("visit.upload", lang), type=["jpg", "jpeg", "png", "webp", "heic", "heif"],
                               accept_multiple_files=True, key=f"{key}_upload")
    incoming += list(uploads or [])
    for f in incoming:
        if f.file_id in seen:
            continue
        seen.add(f.file_id)
        try:
            project = visit.add_photo(project, item.element, f.name, f.type, f.getvalue())
        except PlanError as exc:   # too large, empty or not an image
            st.warning(plain(exc.message(lang)))
    photos = visit.photos_of(project, item.element)
    if photos:
        cols = st.columns(3)
        for n, (index, photo) in enumerate(photos):
            with cols[n % 3]:
                caption = plain(f"{photo['name']} · {local_time(photo['taken_at'])}")
                try:
                    st.image(visit.photo_bytes(photo), caption=caption, width="stretch")
                except (OSError, ValueError):   # HEIC, or damaged data: the photo is kept, only not shown here
                    st.caption(caption + " — " + t("visit.photo_unshown", lang))
                if st.button(t("visit.delete_photo", lang), key=f"{key}_del_{index}_{photo['taken_at']}"):
                    project = visit.remove_photo(project, index)
                    st.session_state.project = project
                    st.rerun()
    return project


def render_site_visit(project: Project, lang: str) -> Project:
    """The tab. Returns the project with every value, note and photo entered here."""
    st.caption(t("visit.intro", lang))
    items = visit.visit_items(project.plan)
    if not items:
        st.info(t("visit.none", lang))
        return project
    gen = st.session_state.get("generation", 0)
    index = st.session_state.get("visit_index", 0) % len(items)
    st.session_state.visit_index = index
    done = sum(1 for it in items if any(visit.measured(project, it.element, f) for f in it.fields))

    nav = st.columns([1, 2, 1])
    nav[0].button(t("visit.prev", lang), key="visit_prev", on_click=_go, args=(-1, len(items)), width="stretch")
    labels = [_title(it, project.plan, lang) for it in items]
    choice = nav[1].selectbox(t("visit.element", lang), range(len(items)), index=index, key=f"visit_pick_{gen}_{index}",
                              format_func=labels.__getitem__, label_visibility="collapsed")
    if choice != index:
        st.session_state.visit_index = choice
        st.rerun()
    nav[2].button(t("visit.next", lang), key="visit_next", on_click=_go, args=(1, len(items)), width="stretch",
                  type="primary")
    st.caption(t("visit.progress", lang, n=index + 1, total=len(items), done=done))

    item = items[index]
    key = f"visit_{gen}_{item.element}"
    st.subheader(plain(labels[index]))
    project, problems = _values(project, item, key, lang)
    if item.kind == "door":
        project, more = _far_side(project, item, key, lang)
        problems += more
    for problem in problems:
        st.warning(plain(problem))

    rules = rules_for(st.session_state.get("standard"), project.standard)
    plan, _ = project.measured_plan()
    mine = visit.findings_for(plan, assess(plan, rules), item.element)
    st.markdown(f"**{t('visit.findings', lang)}**")
    if not mine:
        st.caption(t("visit.no_findings", lang))
    for f in mine:
        getattr(st, SEVERITY[f.status])(f"{ICONS[f.status]} **{t('check.' + f.check, lang)}** — {f.message(lang)}")

    note = st.text_area(t("visit.note", lang), value=project.notes.get(item.element, ""), key=f"{key}_note",
                        placeholder=t("visit.note_placeholder", lang), height=80)
    if note != project.notes.get(item.element, ""):
        project = visit.set_note(project, item.element, note)
    project = _photos(project, item, key, lang)
    return project
