"""Every text app.py writes is registered by the modules app.py imports at its top. Found using the app on a fresh
server: a refused drawing's correction box was titled with the raw key `imp.fix_roles`, because its words were
registered by ui/import_view.py, which the app imports only when an import's details are first shown. Run in a
process of its own, so that no other test has imported that module already."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = r'''
import ast, re, sys
src = open("app.py", encoding="utf-8").read()
for node in ast.parse(src).body:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        exec(compile(ast.Module([node], []), "app.py", "exec"))
from planner.i18n import _TABLE
keys = set(re.findall(r'\bt\(\s*"([a-z0-9_.]+)"', src))
assert len(keys) > 20, keys
print(" ".join(sorted(k for k in keys if k not in _TABLE)))
'''


def test_every_text_app_py_writes_is_registered_before_it_is_written():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", f"not registered at app.py's imports: {done.stdout.strip()}"
