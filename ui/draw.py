"""The "Draw a plan" tab: a canvas, tables of numbers and rooms by numbers, all editing one plan in session state."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import ui.draw_texts  # noqa: F401  (registers the tab's texts)
from planner.editing import plan_edit
from planner.importers.canvas_adapter import DRAWING_MODE, SCALE_TOOL, TOOLS, CanvasFrame, Tool, apply_shapes, plan_svg, shapes, svg_data_url
from planner.checks import assess, summary
from planner.i18n import t
from planner.model.plan import DOOR_KINDS, FIXTURE_TYPES, ROOM_TYPES, Plan, PlanError
from planner.model.numbers import fmt_number
from planner.project.file import Project
from planner.importers.rooms_by_numbers import TEMPLATES, WALLS, RoomRequest
from planner.importers.rooms_by_numbers import add_room as add_typed_room
from planner.rules import DEFAULT_STANDARD, Rules, load_rules
from planner.model.status import ICONS, worst_first
from ui.plain import plain
from ui import trace
from ui.tablet_layout import CANVAS_SIZES, content_width

GRIDS_MM = (10, 50, 100, 250, 500)
HISTORY = 50


def _state() -> None:
    ss = st.session_state
    ss.setdefault("draw_plan", Plan(units="mm"))
    ss.setdefault("draw_history", [])
    ss.setdefault("draw_gen", 0)
    ss.setdefault("draw_origin", (-1000.0, -1000.0))
    ss.setdefault("draw_messages", [])
    ss.setdefault("draw_from_project", False)


def _commit(plan: Plan, messages: list[tuple[str, str]] = ()) -> None:
    """Make `plan` the drawing (undo keeps the one before); every widget showing the old numbers starts afresh."""
    ss = st.session_state
    if plan is not ss.draw_plan:
        ss.draw_history = (ss.draw_history + [ss.draw_plan])[-HISTORY:]
        ss.draw_plan = plan
    old = ss.draw_gen
    ss.draw_gen = old + 1
    for key in [k for k in ss.keys() if isinstance(k, str) and k.startswith("draw_") and k.endswith(f"_{old}")]:
        del ss[key]
    ss.draw_messages = list(messages)


def _labels(plan: Plan, lang: str) -> dict[str, str]:
    labels = {f.id: t(f"fixture.{f.type}", lang) for f in plan.fixtures}
    e = plan.entrance
    if e is not None:
        parts = [f"{e.steps} {t('draw.steps', lang).lower()}" if e.steps else "",
                 f"{e.rise_mm:.0f} mm" if e.rise_mm is not None else ""]
        labels["entrance"] = "↑ " + ", ".join(p for p in parts if p)
    return labels


def _tool(lang: str) -> Tool:
    tools = (*TOOLS, SCALE_TOOL) if st.session_state.get("draw_underlay") is not None else TOOLS
    kind = st.radio(t("draw.tool", lang), tools, key="draw_tool", horizontal=True,
                    format_func=lambda k: t(f"draw.tool.{k}", lang))
    names = {rt: t(f"room.{rt}", lang) for rt in ROOM_TYPES}
    cols = st.columns(3)
    values: dict = {}
    if kind in ("room_rect", "room_polygon"):
        values["room_type"] = cols[0].selectbox(t("draw.room_type", lang), ROOM_TYPES, key="draw_room_type",
                                                format_func=names.get, index=ROOM_TYPES.index("hall"))
        values["room_name"] = cols[1].text_input(t("draw.room_name", lang), key="draw_room_name",
                                                 placeholder=names[values["room_type"]])
    elif kind == "door":
        values["door_width_mm"] = cols[0].number_input(t("draw.door_width", lang), 300, 3000, 900, 10,
                                                       key="draw_door_width")
        values["hinge"] = cols[1].radio(t("draw.hinge", lang), plan_edit.HINGES, key="draw_hinge", horizontal=True,
                                        format_func=lambda h: t(f"draw.hinge.{h}", lang))
        values["door_kind"] = cols[2].selectbox(t("draw.door_kind", lang), DOOR_KINDS, key="draw_door_kind",
                                                format_func=lambda k: t(f"draw.kind.{k}", lang))
    elif kind == "fixture":
        values["fixture_type"] = cols[0].selectbox(t("draw.fixture_type", lang), FIXTURE_TYPES, key="draw_fixture",
                                                   format_func=lambda f: t(f"fixture.{f}", lang))
    elif kind == "entrance":
        values["steps"] = cols[0].number_input(t("draw.steps", lang), 0, 60, 2, 1, key="draw_steps")
        values["rise_mm"] = cols[1].number_input(t("draw.rise", lang), 0, 10000, 350, 10, key="draw_rise")
    st.caption("✏️ " + t(f"draw.help.{kind}", lang))
    return Tool(kind=kind, names=names, **values)


def _frame_controls(lang: str) -> tuple[CanvasFrame, int]:
    cols = st.columns([1, 1, 1])
    ss = st.session_state
    room = content_width(ss.get("viewport_px"))
    if room is not None and not ss.get("draw_size_by_user"):   # the largest that fits the screen, until chosen
        ss.draw_size = next((k for k, (w, _) in CANVAS_SIZES.items() if w <= room), tuple(CANVAS_SIZES)[-1])
    size = cols[2].selectbox(t("draw.size", lang), tuple(CANVAS_SIZES), key="draw_size",
                             on_change=lambda: ss.__setitem__("draw_size_by_user", True),
                             format_func=lambda k: t(f"draw.size.{k}", lang))
    width_px, height_px = CANVAS_SIZES[size]
    view_m = cols[0].number_input(t("draw.view", lang), 2, 200, 12, 1, key="draw_view_m",
                                  help=t("draw.view_help", lang))
    grid = cols[1].selectbox(t("draw.grid", lang), GRIDS_MM, index=GRIDS_MM.index(100), key="draw_grid")
    ox, oy = st.session_state.draw_origin
    return CanvasFrame.for_view(view_m * 1000.0, width_px, height_px, ox, oy), grid


def _fit_view(plan: Plan) -> None:
    """Show the whole plan on the next run (the scale widget can only be set before it is drawn)."""
    frame = CanvasFrame.fit(plan, *CANVAS_SIZES[st.session_state.get("draw_size", "large")])
    st.session_state.draw_pending_view = ((frame.origin_x_mm, frame.origin_y_mm), int(round(frame.view_width_mm / 1000)))


def _apply_pending_view() -> None:
    pending = st.session_state.pop("draw_pending_view", None)
    if pending is not None:
        st.session_state.draw_origin, st.session_state.draw_view_m = pending


def _canvas(plan: Plan, frame: CanvasFrame, tool: Tool, rules: Rules, findings, lang: str) -> None:
    from ui.vendor.drawable_canvas import st_canvas  # only inside a Streamlit run (the component needs it)

    svg = plan_svg(plan, frame, tool.grid_mm, findings, _labels(plan, lang), st.session_state.get("draw_underlay"))
    json_data = st_canvas(fill_color="rgba(21, 101, 192, 0.12)", stroke_width=2, stroke_color="#1565c0",
                          background_image_url=svg_data_url(svg), update_streamlit=True, width=frame.width_px,
                          height=frame.height_px, drawing_mode=DRAWING_MODE[tool.kind], point_display_radius=5,
                          key=f"draw_canvas_{st.session_state.draw_gen}")
    drawn = shapes(json_data)
    if not drawn:
        return
    if tool.kind == SCALE_TOOL:               # a line along a known length: the plan image's scale, not the plan
        lines = [shape for shape in drawn if shape.kind == "line"]
        if lines:
            trace.take_line(tuple(frame.to_mm(*p) for p in lines[-1].points_px))
        _commit(plan)
        st.rerun()
    new, added, problems = apply_shapes(plan, drawn, tool, frame, rules)
    done = "draw.moved" if tool.kind == "move" else "draw.added"
    messages = [("success", t(done, lang, ids=", ".join(added)))] if added else []
    messages += [("warning", p) for p in problems]
    _commit(new, messages)
    st.rerun()


def _apply_edits(key: str, table: pd.DataFrame, edit, plan: Plan, rules: Rules,
                 to_plan: dict[str, dict]) -> None:
    """Apply a data editor's pending edits (cells and deleted rows) to the plan and start the editor afresh."""
    pending = st.session_state.get(key) or {}
    edited, deleted = pending.get("edited_rows") or {}, pending.get("deleted_rows") or []
    if not edited and not deleted:
        return
    messages = []
    new = plan
    for row, changes in edited.items():
        element = table.iloc[int(row)]["id"]
        mapped = {}
        for col, value in changes.items():
            mapped[col] = to_plan.get(col, {}).get(value, value) if isinstance(value, str) else value
        try:
            new = edit(new, element, mapped, rules)
        except PlanError as exc:
            messages.append(("warning", exc))
    for row in sorted(deleted, reverse=True):
        try:
            new = plan_edit.delete(new, table.iloc[int(row)]["id"], rules)
        except PlanError as exc:
            messages.append(("warning", exc))
    _commit(new, messages)
    st.rerun()


def _tables(plan: Plan, rules: Rules, lang: str) -> None:
    gen = st.session_state.draw_gen
    room_names = {rt: t(f"room.{rt}", lang) for rt in ROOM_TYPES}
    fixture_names = {ft: t(f"fixture.{ft}", lang) for ft in FIXTURE_TYPES}
    hinge_names = {h: t(f"draw.hinge.{h}", lang) for h in plan_edit.HINGES}
    kind_names = {k: t(f"draw.kind.{k}", lang) for k in DOOR_KINDS}
    room_labels = {r.id: f"{r.id} {r.name}" for r in plan.rooms}
    outside = t("draw.outside", lang)
    num = lambda label, **kw: st.column_config.NumberColumn(t(label, lang), step=10, format="%d", **kw)  # noqa: E731

    if plan.rooms:
        st.markdown(f"**{t('draw.rooms', lang)}**")
        rows = pd.DataFrame([{**plan_edit.room_row(r), "type": room_names[r.type],
                              "area_m2": fmt_number(r.area_m2, lang, 2)} for r in plan.rooms])   # 7,8 in nb
        key = f"draw_rooms_{gen}"
        st.data_editor(rows, key=key, hide_index=True, width="stretch", num_rows="delete",
                       disabled=["id", "area_m2"], column_config={
                           "id": st.column_config.TextColumn(t("draw.col.id", lang), width="small"),
                           "name": st.column_config.TextColumn(t("draw.col.name", lang)),
                           "type": st.column_config.SelectboxColumn(t("draw.col.type", lang),
                                                                    options=list(room_names.values())),
                           "x_mm": num("draw.col.x"), "y_mm": num("draw.col.y"),
                           "width_mm": num("draw.col.width", min_value=300), "depth_mm": num("draw.col.depth", min_value=300),
                           "area_m2": st.column_config.TextColumn(t("draw.col.area", lang))})
        _apply_edits(key, rows, plan_edit.edit_room, plan, rules, {"type": {v: k for k, v in room_names.items()}})
    if plan.doors:
        st.markdown(f"**{t('draw.doors', lang)}**")
        base = [plan_edit.door_row(plan, d) for d in plan.doors if d.opening is not None]
        rows = pd.DataFrame([{**r, "hinge": hinge_names[r["hinge"]], "kind": kind_names[r["kind"]],
                              "opens_into": room_labels.get(r["opens_into"], outside),
                              "rooms": " ↔ ".join(room_labels.get(x, x) for x in plan.door(r["id"]).rooms)
                                       + (f" ↔ {outside}" if plan.door(r["id"]).exterior else "")} for r in base])
        key = f"draw_doors_{gen}"
        st.data_editor(rows, key=key, hide_index=True, width="stretch", num_rows="delete", disabled=["id", "rooms"],
                       column_config={
                           "id": st.column_config.TextColumn(t("draw.col.id", lang), width="small"),
                           "x_mm": num("draw.col.x"), "y_mm": num("draw.col.y"),
                           "width_mm": num("draw.col.leaf", min_value=200, max_value=3000),
                           "hinge": st.column_config.SelectboxColumn(t("draw.col.hinge", lang),
                                                                     options=list(hinge_names.values())),
                           "opens_into": st.column_config.SelectboxColumn(
                               t("draw.col.opens", lang), options=[*room_labels.values(), outside]),
                           "kind": st.column_config.SelectboxColumn(t("draw.col.kind", lang),
                                                                    options=list(kind_names.values())),
                           "rooms": st.column_config.TextColumn(t("draw.col.rooms", lang))})
        back = {"hinge": {v: k for k, v in hinge_names.items()}, "kind": {v: k for k, v in kind_names.items()},
                "opens_into": {**{v: k for k, v in room_labels.items()}, outside: ""}}
        _apply_edits(key, rows, plan_edit.edit_door, plan, rules, back)
    if plan.fixtures:
        st.markdown(f"**{t('draw.fixtures', lang)}**")
        rows = pd.DataFrame([{**plan_edit.fixture_row(f), "type": fixture_names[f.type],
                              "room": room_labels.get(f.room or "", "–")} for f in plan.fixtures])
        key = f"draw_fixtures_{gen}"
        st.data_editor(rows, key=key, hide_index=True, width="stretch", num_rows="delete", disabled=["id", "room"],
                       column_config={
                           "id": st.column_config.TextColumn(t("draw.col.id", lang), width="small"),
                           "type": st.column_config.SelectboxColumn(t("draw.col.type", lang),
                                                                    options=list(fixture_names.values())),
                           "x_mm": num("draw.col.x"), "y_mm": num("draw.col.y"),
                           "width_mm": num("draw.col.width", min_value=100), "depth_mm": num("draw.col.depth", min_value=100),
                           "room": st.column_config.TextColumn(t("draw.col.room", lang))})
        _apply_edits(key, rows, plan_edit.edit_fixture, plan, rules, {"type": {v: k for k, v in fixture_names.items()}})
    if plan.doors:
        _entrance_inputs(plan, rules, lang)


def _entrance_inputs(plan: Plan, rules: Rules, lang: str) -> None:
    gen = st.session_state.draw_gen
    st.markdown(f"**{t('draw.entrance', lang)}**")
    e = plan.entrance
    doors = [None] + [d.id for d in plan.doors]
    cols = st.columns(3)
    door = cols[0].selectbox(t("draw.entrance_door", lang), doors, key=f"draw_entr_door_{gen}",
                             index=doors.index(e.door) if e is not None and e.door in doors else 0,
                             format_func=lambda d: t("draw.none", lang) if d is None else d)
    steps = cols[1].number_input(t("draw.steps", lang), 0, 60, None if e is None else e.steps, 1,
                                 key=f"draw_entr_steps_{gen}", placeholder="–")
    rise = cols[2].number_input(t("draw.rise", lang), 0, 10000, None if e is None or e.rise_mm is None
                                else int(e.rise_mm), 10, key=f"draw_entr_rise_{gen}", placeholder="–")
    current = (None, None, None) if e is None else (e.door, e.steps, None if e.rise_mm is None else int(e.rise_mm))
    if (door, steps, rise) != current:
        try:
            _commit(plan_edit.set_entrance(plan, rules, door, steps, rise,
                                           None if e is None else e.space_length_mm))
        except PlanError as exc:
            st.session_state.draw_messages = [("warning", exc)]
        st.rerun()


def _rooms_by_numbers(plan: Plan, rules: Rules, lang: str) -> None:
    st.caption(t("draw.rbn.intro", lang))
    names = {rt: t(f"room.{rt}", lang) for rt in ROOM_TYPES}
    cols = st.columns(3)
    kind = cols[0].selectbox(t("draw.room_type", lang), [k for k in ROOM_TYPES if k != "common"], key="draw_rbn_type",
                             format_func=names.get, index=ROOM_TYPES.index("bathroom"))
    tpl = RoomRequest.from_template(kind)
    with st.form(f"draw_rbn_form_{kind}"):
        c = st.columns(3)
        name = c[0].text_input(t("draw.room_name", lang), placeholder=names[kind], key=f"draw_rbn_name_{kind}")
        width = c[1].number_input(t("draw.rbn.width", lang), 500, 50000, int(tpl.width_mm), 100, key=f"draw_rbn_w_{kind}")
        depth = c[2].number_input(t("draw.rbn.depth", lang), 500, 50000, int(tpl.depth_mm), 100, key=f"draw_rbn_d_{kind}")
        c = st.columns(3)
        door = c[0].number_input(t("draw.rbn.door", lang), 0, 3000, int(tpl.door_width_mm or 0), 10,
                                 key=f"draw_rbn_door_{kind}")
        wall = c[1].selectbox(t("draw.rbn.door_wall", lang), WALLS, index=WALLS.index(tpl.door_wall),
                              key=f"draw_rbn_wall_{kind}", format_func=lambda w: t(f"wall.{w}", lang))
        swings_in = c[2].checkbox(t("draw.rbn.swings_in", lang), True, key=f"draw_rbn_in_{kind}")
        offset = st.number_input(t("draw.rbn.offset", lang), 0, 50000, None, 50, key=f"draw_rbn_offset_{kind}",
                                 placeholder=t("draw.rbn.offset_middle", lang))
        fixtures = st.multiselect(t("draw.rbn.fixtures", lang), FIXTURE_TYPES, default=list(tpl.fixtures),
                                  key=f"draw_rbn_fx_{kind}", format_func=lambda f: t(f"fixture.{f}", lang))
        c = st.columns(2)
        rooms = [r.id for r in plan.rooms]
        beside = c[0].selectbox(t("draw.rbn.beside", lang), rooms or [None], index=max(len(rooms) - 1, 0),
                                key=f"draw_rbn_beside_{kind}",
                                format_func=lambda r: "–" if r is None else f"{r} {plan.room(r).name}")
        side = c[1].selectbox(t("draw.rbn.side", lang), WALLS, index=WALLS.index("east"), key=f"draw_rbn_side_{kind}",
                              format_func=lambda w: t(f"wall.{w}", lang))
        if st.form_submit_button(t("draw.rbn.add", lang)):
            request = RoomRequest(name=name.strip() or names[kind], type=kind, width_mm=width, depth_mm=depth,
                                  door_width_mm=door or None, door_wall=wall, door_swings_in=swings_in,
                                  door_offset_mm=None if offset is None else float(offset),
                                  fixtures=tuple(fixtures), beside=beside, side=side)
            try:
                new, room_id = add_typed_room(plan, request, rules)
            except PlanError as exc:
                st.error(plain(exc.message(lang)))
                return
            _commit(new, [("success", t("draw.added", lang, ids=room_id))])
            _fit_view(new)
            st.rerun()


def render_draw(project: Project, lang: str) -> Project | None:
    """The tab. Returns a new Project when the user presses "Use this plan", else None."""
    _state()
    _apply_pending_view()
    ss = st.session_state
    rules = load_rules(ss.get("standard", DEFAULT_STANDARD))
    plan: Plan = ss.draw_plan
    st.caption(t("draw.intro", lang))
    tool = _tool(lang)
    frame, grid = _frame_controls(lang)
    tool = Tool(**{**{f: getattr(tool, f) for f in tool.__dataclass_fields__}, "grid_mm": float(grid)})
    findings = assess(plan, rules) if plan.rooms else []

    trace.render_upload(frame, lang)
    _canvas(plan, frame, tool, rules, findings, lang)
    trace.render_scale(lang, (frame.width_px, frame.height_px))
    buttons = [*st.columns(2), *st.columns(2)]
    if buttons[0].button(t("draw.undo", lang), key="draw_undo", disabled=not ss.draw_history, width="stretch"):
        previous = ss.draw_history[-1]
        ss.draw_history = ss.draw_history[:-1]
        ss.draw_plan = previous
        _commit(previous)
        st.rerun()
    if buttons[1].button(t("draw.clear", lang), key="draw_clear", disabled=not plan.rooms, width="stretch"):
        ss.draw_from_project = False
        _commit(Plan(units="mm"))
        st.rerun()
    if buttons[2].button(t("draw.fit", lang), key="draw_fit", disabled=not plan.rooms, width="stretch"):
        _fit_view(plan)
        st.rerun()
    if buttons[3].button(t("draw.from_open", lang), key="draw_from_open", width="stretch"):
        ss.draw_from_project = True
        ss.draw_underlay = project.underlay
        copied = project.plan.replace(import_report={})
        _commit(copied)
        _fit_view(copied)
        st.rerun()

    for kind, text in ss.draw_messages:  # a PlanError is shown in the user's language
        getattr(st, kind)(t("draw.problem", lang, problem=text.message(lang)) if isinstance(text, PlanError) else text)

    if not plan.rooms:
        st.info(t("draw.empty", lang))
    else:
        counts = summary(findings)
        st.markdown(f"**{t('draw.findings', lang)}** — "
                    + t("draw.summary", lang, fail=counts["fail"], unknown=counts["unknown"], ok=counts["pass"]))
        lines = [f"{ICONS[f.status]} **{t('check.' + f.check, lang)}** · {plain(f.element)} — {plain(f.message(lang))}"
                 for f in worst_first(findings)]
        st.markdown("\n".join(f"- {line}" for line in lines))
        with st.expander(t("draw.numbers", lang), expanded=False):
            _tables(plan, rules, lang)
    with st.expander(t("draw.rbn", lang), expanded=not plan.rooms):
        _rooms_by_numbers(plan, rules, lang)

    cols = st.columns([2, 1])
    name = cols[0].text_input(t("draw.name", lang), value=plan.name or t("draw.default_name", lang), key="draw_name")
    cols[1].markdown("&nbsp;")
    if cols[1].button(t("draw.use", lang), key="draw_use", type="primary", help=t("draw.use_help", lang),
                      disabled=not plan.rooms, width="stretch"):
        drawn = plan.replace(name=name.strip() or t("draw.default_name", lang), import_report={})
        source = {"kind": "drawn", "drawing": frame.to_dict(), "grid_mm": grid}
        if ss.draw_from_project:
            return project.replace(plan=drawn, source={**project.source, **source}, underlay=ss.get("draw_underlay"))
        return Project(plan=drawn, standard=ss.get("standard", DEFAULT_STANDARD), source=source,
                       underlay=ss.get("draw_underlay"))
    return None
