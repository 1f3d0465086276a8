"""The privacy settings, held however the app is started.

Streamlit reads `.streamlit/config.toml` from the folder of the script it runs (as well as from the working
folder and the user's home), so the project's settings hold for `streamlit run /path/to/app.py` from any folder;
measured with Streamlit 1.67 in tests/test_privacy_settings.py. Environment variables (`STREAMLIT_*`) and
command-line flags still override that file. The settings below can also be set while the server runs, and are
set back here on every run, so no variable or flag turns them off: usage statistics off, no error details or
links that send an error's text to other sites, uploads up to 50 MB. The address the server listens on
(localhost) can only be set before it starts: `make run ADDRESS=0.0.0.0` chooses to serve a tablet on the local
network, and that stays a choice.
"""
from __future__ import annotations

import logging

from streamlit import config

PRIVACY = {"browser.gatherUsageStats": False, "client.showErrorDetails": "none", "client.showErrorLinks": False,
           "server.maxUploadSize": 50}
LOG = logging.getLogger("tilpass")


def hold() -> list[str]:
    """Set every privacy setting that differs in the running server back to PRIVACY; returns the names of those
    that differed (the server log says which)."""
    changed = [key for key, value in PRIVACY.items() if config.get_option(key) != value]
    for key in changed:
        config.set_option(key, PRIVACY[key])
    if changed:
        LOG.warning("privacy settings set back to Tilpass's own: %s", ", ".join(changed))
    return changed
