"""The garbage collector paused while a plan is read or checked, and put back as it was (used by the importers and
the checks, hence here at the bottom of the flow).

Reading a building makes hundreds of thousands of short-lived objects that hold no reference cycles the work
depends on; each full collection walks every object alive, so with the collector running a large import spent a
quarter of its time in it, and more the larger the drawing. Objects still go away when nothing refers to them;
cycles made meanwhile are collected once the pause ends (the caller's next collection).
"""
from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

F = TypeVar("F", bound=Callable)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Within the block the collector does not run; after it, it runs again only if it did before (a caller that
    had turned it off keeps it off), whatever the block raised."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def with_gc_paused(fn: F) -> F:
    """fn, run with the collector paused (gc_paused)."""
    @functools.wraps(fn)
    def paused(*args, **kwargs):
        with gc_paused():
            return fn(*args, **kwargs)
    return paused  # type: ignore[return-value]


def collect_once_read() -> None:
    """A full collection now, right after a plan was read and checked, while the user waits for that anyway. The
    reading leaves hundreds of thousands of new objects alive; the collector's next full pass, which walks every
    one of them, would otherwise fall on whatever the user does next (0,3–0,6 s at 1 000 flats). After it the
    objects count as old, and a rerun's short passes leave them alone."""
    gc.collect()
