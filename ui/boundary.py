"""The app's error boundary: an unexpected error becomes one sentence with a reference the user can give in a
bug report; the details (the traceback) go to the server log, never to the page."""
from __future__ import annotations

import contextlib
import html
import logging
import uuid

import streamlit as st

from planner.i18n import register, t

LOG = logging.getLogger("tilpass")

register({
    "error.unexpected": {
        "en": "Something went wrong in this part of Tilpass (reference {ref}); the rest of the page still works. If "
              "it happens again, report it with this reference.",
        "nb": "Noe gikk galt i denne delen av Tilpass (referanse {ref}); resten av siden virker fortsatt. Skjer det "
              "igjen, meld fra om feilen og oppgi referansen."},
    "error.open_unexpected": {
        "en": "an error in Tilpass stopped it (reference {ref}); if it happens again, report it with this reference.",
        "nb": "en feil i Tilpass stoppet den (referanse {ref}); skjer det igjen, meld fra om feilen og oppgi "
              "referansen."},
})


def logged(where: str) -> str:
    """Log the exception being handled, with a new reference; returns the reference (8 hex digits)."""
    ref = uuid.uuid4().hex[:8]
    LOG.error("unexpected error, reference %s, in %s", ref, where, exc_info=True)
    return ref


@contextlib.contextmanager
def guard(where: str, lang: str | None = None):
    """Run a part of the page; an unexpected error in it becomes one sentence where that part would be.
    Streamlit's own rerun and stop signals are BaseExceptions and pass through."""
    try:
        yield
    except Exception:  # noqa: BLE001 - the boundary: whatever went wrong, the page gets one sentence
        ref = logged(where)
        st.error(t("error.unexpected", lang or st.session_state.get("lang", "nb"), ref=ref))


def safe_file(build, where: str, lang: str):
    """A download button's data, built when it is pressed: if building it fails, the file holds the one sentence
    with its reference (as HTML) and the details go to the log, so the button never silently does nothing."""
    def data() -> bytes:
        try:
            return build()
        except Exception:  # noqa: BLE001 - the boundary for a file made after the page was shown
            sentence = t("error.unexpected", lang, ref=logged(where))
            return f"<!doctype html><meta charset=utf-8><p>{html.escape(sentence)}</p>".encode("utf-8")
    return data
