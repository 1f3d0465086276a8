"""Run a reader in a child process of its own, bounded in memory and time, for readers built on native code (the IFC
geometry kernel) that a damaged file can crash: a crash, a hang or a runaway allocation then ends the child, never
the app or the command, and the caller turns it into one sentence.

The children are forked from a forkserver (started once, clean of the app's threads, with the reader's modules
preloaded), so each reading costs a fork, not a fresh interpreter. What the child returns or raises comes back
through a pipe: a PlanError as its text key and params (so that it reads in the user's language), anything else
as the exception's type name.
"""
from __future__ import annotations

import multiprocessing
import resource
from dataclasses import dataclass
from typing import Any, Callable

from planner.model.plan import PlanError

PRELOAD = ["planner.importers.ifc", "planner.rules", "ifcopenshell", "ifcopenshell.geom", "ifcopenshell.util.element",
           "ifcopenshell.util.placement", "ifcopenshell.util.unit"]   # a module that is not installed is skipped
_context = None


@dataclass(frozen=True)
class ChildFailed(Exception):
    """The child ended without an answer: how ("crashed", "timeout", "memory" or "error") and a detail (the signal
    or exit code, the seconds, the exception's type name)."""

    how: str
    detail: str


def _get_context():
    global _context
    if _context is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        _context = ctx
    return _context


def _child(conn, fn: Callable, args: tuple, kwargs: dict, memory_mb: int) -> None:
    limit = memory_mb * 2 ** 20
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    try:
        conn.send(("ok", fn(*args, **kwargs)))
    except PlanError as exc:
        conn.send(("plan_error", (str(exc), exc.key, exc.params)))
    except MemoryError:
        conn.send(("memory", ""))
    except BaseException as exc:  # noqa: BLE001 - whatever else ends the reading is reported, never lost
        conn.send(("error", type(exc).__name__))
    finally:
        conn.close()


def run_isolated(fn: Callable, *args: Any, timeout_s: float, memory_mb: int, **kwargs: Any) -> Any:
    """fn(*args, **kwargs) in a child process; its result, or the PlanError it raised. Raises ChildFailed when the
    child crashes, runs past timeout_s, runs out of memory_mb or raises anything else."""
    ctx = _get_context()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, fn, args, kwargs, memory_mb), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout_s):
            raise ChildFailed("timeout", f"{timeout_s:g}")
        try:
            how, value = receive.recv()
        except (EOFError, OSError):
            child.join(5)
            raise ChildFailed("crashed", str(child.exitcode)) from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if how == "ok":
        return value
    if how == "plan_error":
        message, key, params = value
        raise PlanError(message, key, params)
    raise ChildFailed(how, str(memory_mb) if how == "memory" else value)


def isolation_available() -> bool:
    """Whether a child can be started here: not inside a daemonic process (which may have no children)."""
    return not multiprocessing.current_process().daemon
