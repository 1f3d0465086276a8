"""Mutate real drawings and project files and open each: a plan (that saves and opens again) or one PlanError
sentence, nothing else. Run in a child process with its memory and time limited (tests/test_fuzz.py):

    python -m tests.fuzz_worker SEED CASES MEMORY_MB SECONDS_PER_CASE FILE...

Prints one line per failure ("FAIL <case> <what>") and exits 1 if there was any; a case over its time limit is
a failure too, and so is running out of memory (the process dies, and the parent says so).
"""
from __future__ import annotations

import json
import random
import resource
import signal
import sys
import traceback
from pathlib import Path

ODD_VALUES = ["nan", "inf", "-1e400", "1e12", "1e300", "", "x", "-1", "0", "99999999999999999999", "LINE", "EOF",
              "SECTION", "ENDSEC", "POLYLINE", "INSERT", "SEQEND", "BLOCK", "ENDBLK", "  7  ", "\\U+D800", "%%u",
              "Bad ![x](http://203.0.113.7/x.png)", "1" * 5000, "\\P" * 500, "AC1032", "ANSI_932"]
ODD_BYTES = [b"\xff\xfe", b"\x00", b"\r", b"\r\n", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80", b"\n0\nEOF\n"]
ODD_JSON = [None, True, -960, 10 ** 401, 1e308, float("nan"), float("inf"), "", "parsec", "\ud800", [], {},
            [[0, 0], [1, 0], [2, 0]], {"type": "Polygon", "coordinates": []}, "x" * 10_000, [[[[[[[]]]]]]]]


class CaseTimeout(Exception):
    pass


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        at = rng.randrange(len(data))
        how = rng.choice(["flip", "insert", "cut", "repeat", "odd"])
        if how == "flip":
            data[at] = rng.randrange(256)
        elif how == "insert":
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif how == "cut":
            del data[at:]
        elif how == "repeat":
            data[at:at] = data[at:at + rng.randint(1, 2000)]
        else:
            data[at:at] = rng.choice(ODD_BYTES)
    return bytes(data)


def mutate_tags(data: bytes, rng: random.Random) -> bytes:
    lines = data.decode("latin-1").split("\n")
    pairs = [[lines[i], lines[i + 1]] for i in range(0, len(lines) - 1, 2)]
    for _ in range(rng.randint(1, 8)):
        if not pairs:
            break
        i = rng.randrange(len(pairs))
        how = rng.choice(["value", "drop", "repeat", "code", "block"])
        if how == "value":
            pairs[i][1] = rng.choice(ODD_VALUES)
        elif how == "drop":
            del pairs[i]
        elif how == "repeat":
            pairs[i:i] = [list(p) for p in pairs[i:i + rng.randint(1, 50)]] * rng.randint(1, 20)
        elif how == "code":
            pairs[i][0] = rng.choice(["0", "2", "8", "10", "40", "50", "70", "999", "1001", "x", "-5"])
        else:   # an insert of a block inside itself, or a start angle far out
            pairs[i:i] = [["  0", "INSERT"], ["  2", "*Model_Space"], [" 10", "0"], [" 20", "0"],
                          ["  0", "ARC"], [" 10", "0"], [" 20", "0"], [" 40", "500"], [" 50", "1e11"], [" 51", "0"]]
    return "\n".join(f"{c}\n{v}" for c, v in pairs).encode("latin-1", "replace") + b"\n"


ODD_STEP = ["$", "*", "''", "'\\X2\\D800\\X0\\'", "1.E400", "-1.E400", "0.", "-0.", "#0", "#999999999", "()", "((((",
            ".T.", ".UNKNOWN.", "IFCCARTESIANPOINT((0.,0.))", "'" + "A" * 70_000 + "'"]


def mutate_step(data: bytes, rng: random.Random) -> bytes:
    """An IFC (STEP) file mutated entity by entity: a parameter replaced by an odd value, a reference pointed
    elsewhere or at itself, an entity dropped or repeated, a line cut short."""
    lines = data.decode("latin-1").split("\n")
    body = [i for i, line in enumerate(lines) if line.startswith("#")]
    for _ in range(rng.randint(1, 6)):
        if not body:
            break
        i = rng.choice(body)
        line = lines[i]
        how = rng.choice(["param", "ref", "self", "drop", "repeat", "cut"])
        if how in ("param", "ref", "self") and "(" in line:
            head, _, args = line.partition("(")
            parts = args.split(",")
            k = rng.randrange(len(parts))
            if how == "param":
                parts[k] = rng.choice(ODD_STEP) + (")" * parts[k].count(")"))
            elif how == "ref":
                parts[k] = f"#{rng.randint(1, len(body) + 5)}" + (")" * parts[k].count(")"))
            else:
                parts[k] = head.split("=")[0] + (")" * parts[k].count(")"))
            lines[i] = head + "(" + ",".join(parts)
        elif how == "drop":
            lines[i] = ""
        elif how == "repeat":
            lines[i] = "\n".join([line] * rng.randint(2, 50))
        else:
            lines[i] = line[:rng.randrange(max(1, len(line)))]
    return "\n".join(lines).encode("latin-1", "replace")


def _nodes(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:6]):
            yield from _nodes(value, (*path, i))


def mutate_json(data: bytes, rng: random.Random) -> bytes:
    tree = json.loads(data)
    paths = [p for p in _nodes(tree) if p]
    for _ in range(rng.randint(1, 5)):
        path = rng.choice(paths)
        node = tree
        try:
            for key in path[:-1]:
                node = node[key]
            if rng.random() < 0.2 and isinstance(node, dict):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = rng.choice(ODD_JSON)
        except (KeyError, IndexError, TypeError):
            continue
    text = json.dumps(tree)
    if rng.random() < 0.1:
        depth = rng.choice([70, 5000, 200_000])
        text = text[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"
    return text.encode("utf-8", "surrogatepass")


MUTATIONS = {".json": [mutate_json, mutate_bytes], ".ifc": [mutate_step, mutate_step, mutate_bytes]}


def check(data: bytes, name: str) -> str:
    """Open data as the app and the CLIs do: "plan" or "sentence"; AssertionError when what comes back is neither
    a usable plan nor one sentence."""
    from planner.project.loading import open_bytes
    from planner.model.plan import PlanError
    from planner.project.file import dumps_project, loads_project
    try:
        project = open_bytes(data, name, units="mm" if name.endswith(".dxf") else None)
    except PlanError as exc:
        message = str(exc)
        assert message.endswith(".") and "\n" not in message and "Traceback" not in message, message
        message.encode("utf-8")
        return "sentence"
    saved = dumps_project(project)
    saved.encode("utf-8")
    json.loads(saved, parse_constant=lambda c: (_ for _ in ()).throw(AssertionError(f"{c} in the saved file")))
    again = loads_project(saved.encode("utf-8"))
    assert dumps_project(again) == saved, "save -> open changed the project"
    from planner.checks import assess
    from planner.output.report import plan_json
    from planner.rules import load_rules
    plan = again.measured_plan()[0]
    findings = assess(plan, load_rules())
    json.dumps(plan_json(plan, findings, "no-tek17"), ensure_ascii=False, allow_nan=False).encode("utf-8")  # --json
    return "plan"


def run_cases(seed: int, cases: int, seconds: int, paths: list[str]) -> int:
    """Mutate and open `cases` inputs made from the files at paths; prints each failure; returns how many."""
    before = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(CaseTimeout()))
    sources = [(Path(p).name, Path(p).read_bytes()) for p in paths]
    rng = random.Random(seed)
    failures, outcomes = 0, {"plan": 0, "sentence": 0}
    try:
        for case in range(cases):
            name, original = sources[case % len(sources)]
            how = rng.choice(MUTATIONS.get(Path(name).suffix.lower(), [mutate_tags, mutate_bytes]))
            data = how(original, rng)
            signal.alarm(seconds)
            try:
                outcomes[check(data, name)] += 1
            except CaseTimeout:
                failures += 1
                print(f"FAIL {seed}:{case} {name} {how.__name__}: over {seconds} s", flush=True)
            except BaseException as exc:  # noqa: BLE001 - anything but a plan or a PlanError is what this looks for
                failures += 1
                where = traceback.extract_tb(exc.__traceback__)[-1]
                print(f"FAIL {seed}:{case} {name} {how.__name__}: {type(exc).__name__}: {str(exc)[:200]} "
                      f"at {where.filename}:{where.lineno}", flush=True)
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, before)
    print(f"{cases} cases: {outcomes['plan']} plans, {outcomes['sentence']} sentences, {failures} failures")
    return failures


def main(argv: list[str]) -> int:
    seed, cases, memory_mb, seconds = int(argv[0]), int(argv[1]), int(argv[2]), int(argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2 ** 20, resource.getrlimit(resource.RLIMIT_AS)[1]))
    return 1 if run_cases(seed, cases, seconds, argv[4:]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
