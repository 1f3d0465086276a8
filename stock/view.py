"""What the stock page shows, computed outside the UI: filtering, sorting and the per-grade summaries of a register."""
from __future__ import annotations

import pandas as pd

SORTS = ("grade", "cost", "barriers")


def grade_key(text: object) -> tuple[int, int]:
    """'1' -> (1, 1), '2–3' -> (3, 2) (worst first), '–' or missing -> (9, 9): ungraded rows sort last."""
    if not isinstance(text, str) or text in ("", "–"):
        return (9, 9)
    best, _, worst = text.partition("–")
    return (int(worst or best), int(best))


def select(df: pd.DataFrame, *, grades: list[str] | None = None, barriers: list[str] | None = None,
           max_cost_nok: int | None = None, sort: str = "grade", include_refused: bool = True) -> pd.DataFrame:
    """The rows that match: any of `grades`, failing every check in `barriers`, costing at most `max_cost_nok`;
    sorted by grade (worst first), cost (dearest first) or number of barriers (most first)."""
    out = df
    if not include_refused:
        out = out[out["status"] == "read"]
    if grades:
        out = out[out["grade"].isin(grades)]
    for check in barriers or []:
        column = f"fail_{check}"
        if column in out:
            out = out[pd.to_numeric(out[column], errors="coerce").fillna(0) > 0]
    if max_cost_nok is not None:
        out = out[pd.to_numeric(out["cost_total_nok"], errors="coerce").fillna(0) <= max_cost_nok]
    if sort == "cost":
        key = pd.to_numeric(out["cost_total_nok"], errors="coerce").fillna(-1)
        return out.assign(_k=-key).sort_values(["_k", "file"], kind="stable").drop(columns="_k")
    if sort == "barriers":
        key = pd.to_numeric(out["fail"], errors="coerce").fillna(-1)
        return out.assign(_k=-key).sort_values(["_k", "file"], kind="stable").drop(columns="_k")
    keys = out["grade"].map(grade_key)
    return out.assign(_w=[-k[0] if k[0] != 9 else 1 for k in keys], _b=[-k[1] for k in keys]) \
              .sort_values(["_w", "_b", "file"], kind="stable").drop(columns=["_w", "_b"])


def by_grade(df: pd.DataFrame) -> pd.DataFrame:
    """Dwellings and their total cost per dwelling grade (read rows only), in grade order."""
    read = df[df["status"] == "read"]
    cost = pd.to_numeric(read["cost_total_nok"], errors="coerce").fillna(0)
    out = pd.DataFrame({"grade": read["grade"], "cost": cost}).groupby("grade") \
        .agg(dwellings=("cost", "size"), cost_nok=("cost", "sum")).reset_index()
    out["_k"] = out["grade"].map(lambda g: grade_key(g)[::-1])
    return out.sort_values("_k").drop(columns="_k").reset_index(drop=True)


def barrier_checks(df: pd.DataFrame) -> list[str]:
    """The checks that fail somewhere in the register."""
    return [c.removeprefix("fail_") for c in df.columns if c.startswith("fail_")
            and (pd.to_numeric(df[c], errors="coerce").fillna(0) > 0).any()]
