"""`python -m bench.same_answers --save FILE` / `--compare FILE`: the outcome of importing and checking every corpus
drawing, the examples, the RoomPlan scans and generated buildings of 10 and 200 flats, as canonical JSON — so that a
change made for speed can be shown to give the same answers (refusal, rooms, doors, fixtures, findings, doubts)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner.checks import assess
from planner.model.plan import PlanError
from planner.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpus"
FLATS = (10, 200)


def _r(value, digits: int = 1):
    return None if value is None else round(float(value), digits)


def outcome(plan, rules) -> dict:
    """The plan and its findings, lengths rounded to 0.1 mm and areas to 1 cm²."""
    report = plan.import_report or {}
    return {
        "units": plan.units,
        "rooms": [[r.id, r.name, r.type, round(r.polygon.area / 100)] for r in plan.rooms],
        "doors": [[d.id, _r(d.position.x), _r(d.position.y), _r(d.leaf_width_mm), _r(d.clear_width_mm),
                   d.clear_width_source, list(d.rooms), bool(d.exterior), d.kind] for d in plan.doors],
        "fixtures": [[f.id, f.type, f.room, round(f.footprint.area / 100)] for f in plan.fixtures],
        "walls": len(plan.walls),
        "ignored": len(plan.ignored),
        "findings": [[f.check, f.code, f.element, f.status, _r(f.measured), f.required]
                     for f in assess(plan, rules)],
        "doubts": sorted(d.get("code", "") for d in report.get("doubts", [])),
        "dropped": report.get("dropped", {}),
    }


def refusal(err: PlanError) -> dict:
    return {"refused": getattr(err, "code", None) or err.key or "", "sentence": str(err)}


def _dxf(data: bytes, rules, name: str) -> dict:
    from planner.importers import UnitsUnknownError, read_dxf
    try:
        return outcome(read_dxf(data, name=name, rules=rules).plan, rules)
    except UnitsUnknownError as err:
        first = refusal(err)
        try:
            return {**first, "with_unit": outcome(read_dxf(data, name=name, units=err.guess or "mm",
                                                           rules=rules).plan, rules)}
        except PlanError as again:
            return {**first, "with_unit": refusal(again)}
    except PlanError as err:
        return refusal(err)


def sources() -> list[tuple[str, object]]:
    """(name, a function giving its bytes) of every input compared."""
    out = []
    for folder in (SHARED / "dxf", ROOT / "examples", SHARED / "roomplan"):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in (".dxf", ".json"):
                    out.append((f"{folder.name}/{path.name}", path.read_bytes))
    from bench.buildings import varied_building
    for flats in FLATS:
        out.append((f"generated-{flats}-flats", lambda n=flats: varied_building(n)))
    return out


def answers(only: list[str] | None = None) -> dict:
    from planner.project.loading import open_bytes
    rules = load_rules()
    out = {}
    for name, data_of in sources():
        if only and not any(o in name for o in only):
            continue
        data = data_of()
        if name.endswith(".dxf") or name.startswith("generated"):
            out[name] = _dxf(data, rules, name)
        else:
            try:
                plan, _ = open_bytes(data, name).measured_plan()
                out[name] = outcome(plan, rules)
            except PlanError as err:
                out[name] = refusal(err)
        print(f"{name}: {_short(out[name])}", file=sys.stderr, flush=True)
    return out


def _short(result: dict) -> str:
    if "refused" in result:
        return f"refused {result['refused']}" + (f", then {_short(result['with_unit'])}" if "with_unit" in result
                                                  else "")
    return f"{len(result['rooms'])} rooms, {len(result['doors'])} doors, {len(result['findings'])} findings"


def differences(before: dict, after: dict, path: str = "") -> list[str]:
    """Where two outcomes differ, as readable paths (at most a few per input)."""
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key in sorted(set(before) | set(after)):
            if key not in after or key not in before:
                out.append(f"{path}/{key}: only {'before' if key in before else 'after'}")
            else:
                out += differences(before[key], after[key], f"{path}/{key}")
        return out
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return [f"{path}: {len(before)} items before, {len(after)} after"]
        return [d for k, (b, a) in enumerate(zip(before, after)) for d in differences(b, a, f"{path}[{k}]")]
    return [] if before == after else [f"{path}: {before!r} before, {after!r} after"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.same_answers", description=__doc__)
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", metavar="FILE", help="write the answers to FILE")
    what.add_argument("--compare", metavar="FILE", help="compare the answers with those saved in FILE")
    ap.add_argument("only", nargs="*", help="only inputs whose name contains one of these")
    args = ap.parse_args(argv)
    now = json.loads(json.dumps(answers(args.only)))     # tuples to lists, as saved
    if args.save:
        Path(args.save).write_text(json.dumps(now, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"{len(now)} answers written to {args.save}")
        return 0
    saved = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    if args.only:
        saved = {k: v for k, v in saved.items() if k in now}
    diffs = differences(saved, now)
    for line in diffs[:60]:
        print(line)
    print(f"{len(now)} inputs: " + ("the same answers" if not diffs else f"{len(diffs)} differences"))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
