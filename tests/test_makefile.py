"""The Makefile never deletes a venv it did not make, and decides "stale" by the hash of requirements.txt alone."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def dry_run(venv: Path, target: str) -> str:
    return subprocess.run(["make", "-n", "-C", str(ROOT), target, f"VENV={venv}"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_fast_never_deletes_the_venv_it_is_pointed_at(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text("")
    (venv / "bin" / "python").chmod(0o755)
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()[:16]
    stamp = venv / f".installed-{digest}"
    stamp.touch()
    os.utime(stamp, (0, 0))  # older than requirements.txt, as in a fresh clone
    out = dry_run(venv, "test-fast")
    assert "rm -rf" not in out and "pip install" not in out
    stamp.unlink()  # another hash: installs into the venv in place, never deletes it
    out = dry_run(venv, "test-fast")
    assert "pip install" in out and "rm -rf" not in out
    venv_lines = [line for line in dry_run(venv, "clean").splitlines() if f"rm -rf {venv}" in line]
    assert venv_lines and all(".made-by-tilpass" in line for line in venv_lines)  # only a venv it made
