"""Open whatever the user gives — a Tilpass project file, a DXF drawing, an IFC model or a RoomPlan scan — as bytes,
into a Project. The kind is told by the content, not the file name."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from planner.model.plan import PlanError
from planner.project.file import Project, is_project_bytes, loads_project

MAX_FILE_BYTES = 60 * 1024 * 1024   # a drawing or project larger than this is refused before it is read
UNITS = ("mm", "cm", "m", "in", "ft")


def open_bytes(data: bytes, name: str = "", *, units: str | None = None,
               layer_roles: dict[str, str] | None = None, region: int | None = None,
               progress: Callable[[float, str], None] | None = None) -> Project:
    """A Project from a project file, a DXF, an IFC model or a RoomPlan scan. Raises PlanError with one sentence for
    anything else."""
    if not data:
        raise PlanError.text("err.open.empty_named", name=name) if name else PlanError.text("err.open.empty")
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data), name)
    if units is not None and units not in UNITS:
        raise PlanError.text("err.open.unit", unit=repr(units), choices=", ".join(UNITS))
    if is_project_bytes(data):
        return loads_project(data)
    from planner.importers.ifc import is_ifc
    from planner.importers.roomplan import is_roomplan
    if is_roomplan(data):
        from planner.importers.roomplan import read_roomplan
        if units not in (None, "m"):
            raise PlanError.text("rp.unit_fixed", unit=units)
        plan = read_roomplan(data, name=name, region=region)
        return Project(plan=plan, source=_source("roomplan", name, plan.units, None, region))
    if is_ifc(data):
        from planner.importers.ifc import read_ifc
        plan = read_ifc(data, name=name, units=units, region=region, progress=progress)
        return Project(plan=plan, source=_source("ifc", name, plan.units, None, region))
    if data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):   # JSON, but neither a project nor a scan
        raise PlanError.text("err.open.json_unknown", name=name or "…")
    from planner.importers import read_dxf
    result = read_dxf(data, name=name, units=units, layer_roles=layer_roles, region=region, progress=progress)
    return Project(plan=result.plan, source=_source("dxf", name, result.plan.units, layer_roles, region))


def _source(kind: str, name: str, units: str, layer_roles: dict[str, str] | None, region: int | None) -> dict:
    """Where a project's plan came from (Project.source): the kind of file, its name, unit and the choices made."""
    source = {"kind": kind, "file": name, "units": units}
    if layer_roles:
        source["layer_roles"] = dict(layer_roles)
    if region is not None:
        source["region"] = region
    return source


def _too_large(size: int, name: str) -> PlanError:
    size_mb, most = f"{size / 1e6:.0f}", f"{MAX_FILE_BYTES / 1e6:.0f}"
    return (PlanError.text("err.open.too_large_named", name=name, size=size_mb, max=most) if name
            else PlanError.text("err.open.too_large", size=size_mb, max=most))


def read_limited(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file, refused with one sentence when there are more than limit: the size is taken from
    stat before reading, and a stream without a size (a pipe, /dev/zero) is read no further than limit + 1."""
    path = Path(path)
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise _too_large(size, path.name)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise PlanError.text("err.open.stream_too_large", name=path.name, max=f"{limit / 1e6:.0f}")
    return data


def open_path(path: str | Path, **options) -> Project:
    path = Path(path)
    try:
        data = read_limited(path)
    except FileNotFoundError:
        raise PlanError.text("err.path.missing", path=str(path)) from None
    except IsADirectoryError:
        raise PlanError.text("err.path.folder", path=str(path)) from None
    except OSError as exc:
        raise PlanError.text("err.path.unreadable", path=str(path), reason=str(exc.strerror)) from None
    return open_bytes(data, path.name, **options)
