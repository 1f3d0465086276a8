"""The folders of planner/ show the flow, and imports only point down it: the model and the rules at the bottom,
then editing, then reading plans in, the checks, then the project (the person's profile asks the checks), then what
goes out, the command line on top. planner never imports costing, stock or ui."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = {"model", "rules", "i18n", "geometry"}
MAY_IMPORT = {
    "i18n": set(),
    "geometry": set(),   # plan geometry (edges, the room at a point, the nearest wall): shapely and numpy only
    "model": BASE,
    "rules": BASE,
    "editing": BASE | {"editing"},
    "importers": BASE | {"editing", "importers"},
    "project": BASE | {"editing", "importers", "checks", "project"},
    "checks": BASE | {"checks"},
    "output": BASE | {"editing", "importers", "project", "checks", "output"},
}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "planner" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "planner":
                found += [f"planner.{a.name}" for a in node.names]
            else:
                found.append(node.module)
    return found


def test_every_planner_module_lives_in_a_stage_folder():
    loose = sorted(p.name for p in (ROOT / "planner").glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "geometry.py", "i18n.py"], loose


def test_imports_point_down_the_flow():
    wrong = []
    for path in sorted((ROOT / "planner").rglob("*.py")):
        rel = path.relative_to(ROOT / "planner")
        stage = rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 or rel.stem in ("i18n", "geometry") else None
        if stage is None:      # planner/__init__.py and the command line may use every stage
            continue
        for module in _imports(path):
            if module.split(".")[0] in {"costing", "stock", "ui", "streamlit"}:
                wrong.append(f"{rel} imports {module}")
            target = _stage(module)
            if target is not None and target not in MAY_IMPORT[stage]:
                wrong.append(f"{rel} ({stage}) imports {module} ({target})")
    assert not wrong, "\n".join(wrong)
