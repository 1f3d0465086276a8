"""One file in, its register rows out: each dwelling (a region or storey of the file) read, checked and priced with
the same code as `planner check` and `costing options`. A file that cannot be read is one row with its sentence."""
from __future__ import annotations

import hashlib
from pathlib import Path

from costing import texts as _costing_texts  # noqa: F401  (the remedies' names)
from costing.plan import build_plan
from planner.checks import CHECKS, summary
from planner.model.findings import FAIL
from planner.i18n import render, t
from planner.project.loading import open_bytes
from planner.model.plan import PlanError
from planner.project.file import Project
from planner.project.profile import checked_for
from planner.rules import load_rules
from stock import texts  # noqa: F401  (registers the texts)
from stock.grading import COLUMNS, grade_dwelling

READ, REFUSED, FAILED = "read", "refused", "error"
SUFFIXES = (".dxf", ".ifc", ".json")
# The columns of the register, in order (docs/screening.md explains each).
BASE_COLUMNS = ("file", "region", "sha256", "status", "reason", "standard", "profile", "plan_name", "rooms", "doors",
                "area_m2", "grade", *(f"grade_{c}" for c in COLUMNS), "provisional", "fail", "unknown", "pass",
                "barriers", "remedies", "cost_total_nok", "nav_nok", "husbanken_nok", "startlan_nok",
                "small_aids_nok", "owner_nok", "unpriced", "doubts")


def columns() -> tuple[str, ...]:
    """The register's columns: the base ones and one count of failing findings per registered check."""
    return BASE_COLUMNS + tuple(f"fail_{name}" for name in CHECKS)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _regions(project: Project) -> list[int]:
    """The other drawings in the file that are dwellings in their own right (floor plans, not sections)."""
    report = project.plan.import_report or {}
    chosen = report.get("region")
    return [r["index"] for r in report.get("regions") or []
            if r.get("index") != chosen and r.get("kind", "floor_plan") == "floor_plan"]


def _doubts(report: dict, lang: str) -> list[str]:
    said = [d.get("message_t") and render(d["message_t"], lang) or d.get("message", "")
            for d in report.get("doubts") or []]
    texts = report.get("warnings_t") or []
    said += [render(w, lang) for w in texts] if texts else list(report.get("warnings") or [])
    return [s for s in said if s]


def dwelling_row(project: Project, *, file: str, digest: str, standard: str | None, lang: str) -> dict:
    """The register row of one opened plan."""
    plan, _ = project.measured_plan()
    findings, rules = checked_for(plan, load_rules(standard or project.standard), project.person)
    funding = build_plan(plan, findings, dict(project.costing), rules)
    chosen = {b.key: b.remedy(b.chosen).option for b in funding.barriers if b.chosen and b.remedy(b.chosen)}
    grades = grade_dwelling(plan, findings, chosen)
    counts = summary(findings)
    fails = {name: 0 for name in CHECKS}
    for f in findings:
        if f.status == FAIL:
            fails[f.check] = fails.get(f.check, 0) + 1
    report = plan.import_report or {}
    doubts = _doubts(report, lang)
    total = {k: funding.total(k) for k in ("total", "household_now", "nav_grant", "nav_loan", "husbanken",
                                           "startlan", "small_aids")}
    return {
        "file": file, "region": report.get("region"), "sha256": digest, "status": READ, "reason": "",
        "standard": rules.id, "profile": "" if project.person is None else project.person.kind,
        "plan_name": plan.name, "rooms": len(plan.rooms), "doors": len(plan.doors),
        "area_m2": round(sum(r.area_m2 for r in plan.rooms), 1),
        "grade": grades["dwelling"].text(), **{f"grade_{c}": grades[c].text() for c in COLUMNS},
        "provisional": bool(report.get("doubts")) and not project.source.get("confirmed_doubts"),
        "fail": counts["fail"], "unknown": counts["unknown"], "pass": counts["pass"],
        "barriers": "; ".join(f"{t('check.' + name, lang)}: {n}" for name, n in fails.items() if n),
        "remedies": "; ".join(sorted({t("remedy." + option, lang) for option in chosen.values()})),
        "cost_total_nok": total["total"], "nav_nok": total["nav_grant"] + total["nav_loan"],
        "husbanken_nok": total["husbanken"], "startlan_nok": total["startlan"],
        "small_aids_nok": total["small_aids"], "owner_nok": total["household_now"],
        "unpriced": len(funding.unpriced), "doubts": " | ".join(doubts),
        **{f"fail_{name}": n for name, n in fails.items()},
    }


def failed_row(file: str, digest: str, status: str, reason: str) -> dict:
    return {"file": file, "region": None, "sha256": digest, "status": status, "reason": reason}


def screen_bytes(data: bytes, file: str, *, standard: str | None = None, units: str | None = None,
                 lang: str = "en") -> list[dict]:
    """The rows of one file: one per dwelling drawn in it, or one saying why it could not be read."""
    digest = sha256(data)
    name = Path(file).name
    try:
        first = open_bytes(data, name, units=units)
        rows = [dwelling_row(first, file=file, digest=digest, standard=standard, lang=lang)]
        for region in _regions(first):
            project = open_bytes(data, name, units=units, region=region)
            rows.append(dwelling_row(project, file=file, digest=digest, standard=standard, lang=lang))
        return rows
    except PlanError as exc:
        return [failed_row(file, digest, REFUSED, exc.message(lang))]
    except (MemoryError, RecursionError):
        return [failed_row(file, digest, FAILED, t("screen.too_large", lang))]


def screen_path(path: str, *, standard: str | None = None, units: str | None = None, lang: str = "en",
                max_bytes: int | None = None) -> list[dict]:
    """Read one file (its size checked before it is read) and screen it; runs in a worker process or on a Dask
    worker, so it reads the file itself."""
    from planner.project.loading import MAX_FILE_BYTES
    limit = max_bytes or MAX_FILE_BYTES
    try:
        size = Path(path).stat().st_size
        if size > limit:
            return [failed_row(path, "", REFUSED, t("screen.too_big", lang, mb=f"{size / 1e6:.0f}",
                                                                 max=f"{limit / 1e6:.0f}"))]
        data = Path(path).read_bytes()
    except OSError as exc:
        return [failed_row(path, "", FAILED, t("screen.unreadable", lang, reason=exc.strerror or str(exc)))]
    return screen_bytes(data, path, standard=standard, units=units, lang=lang)
