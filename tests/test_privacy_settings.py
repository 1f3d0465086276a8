"""The privacy settings hold however the app is started (issue 13): from another folder, with an empty home,
and with environment variables that say otherwise. The server is started for real and asked over its own
websocket what it tells the browser."""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.serve import free_port
from ui.privacy import PRIVACY

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_ENV = {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "true", "STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "200",
               "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full", "STREAMLIT_CLIENT_SHOW_ERROR_LINKS": "true"}


def _session(port: int) -> tuple[dict, set[int]]:
    """One script run as a browser would ask for it: the session's config and the upload limits of the
    file uploaders on the first screen."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async def run():
        config, sizes = {}, set()
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None) as ws:
            back = BackMsg()
            back.rerun_script.query_string = ""
            await ws.send(back.SerializeToString())
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await asyncio.wait_for(ws.recv(), 60))
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    c = msg.new_session.config
                    config = {"gather_usage_stats": c.gather_usage_stats, "show_error_links": c.show_error_links}
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element" \
                        and msg.delta.new_element.WhichOneof("type") == "file_uploader":
                    sizes.add(msg.delta.new_element.file_uploader.max_upload_size_mb)
                elif kind == "script_finished":
                    return config, sizes
    # In a thread of its own: Playwright's sync API (the browser tests, earlier in the same pytest run) keeps an
    # event loop running in the main thread, and asyncio.run cannot start inside it.
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run()).result()


@pytest.fixture
def server(tmp_path):
    """Start `streamlit run /abs/path/app.py` from an empty folder with an empty home; yields (port, log path)."""
    started = []

    def start(extra_env: dict) -> tuple[int, Path]:
        port, log = free_port(), tmp_path / f"server-{len(started)}.log"
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
        env.update(HOME=str(home), **extra_env)
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                                     "--server.port", str(port)], cwd=tmp_path, env=env, stdout=out, stderr=out)
        started.append(proc)
        for _ in range(600):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1).read() == b"ok":
                    return port, log
            except OSError:
                time.sleep(0.1)
        raise AssertionError(log.read_text())
    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_started_from_another_folder_the_project_config_holds(server):
    port, log = server({})
    config, sizes = _session(port)
    assert config["gather_usage_stats"] is False
    assert sizes == {PRIVACY["server.maxUploadSize"]}
    assert "localhost" in log.read_text() and "Network URL" not in log.read_text()
    with socket.socket() as s:   # listening on the loopback interface only
        s.settimeout(1)
        assert s.connect_ex(("127.0.0.1", port)) == 0


def test_environment_variables_cannot_turn_the_privacy_settings_off(server):
    port, log = server(HOSTILE_ENV)
    _session(port)                       # the first run sets the settings back
    config, sizes = _session(port)       # every session from then on gets them
    assert config["gather_usage_stats"] is False
    assert sizes == {PRIVACY["server.maxUploadSize"]}
    assert "privacy settings set back" in log.read_text()
