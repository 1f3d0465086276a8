"""The register on disk: written as .xlsx, .csv or .parquet, with a journal beside it that records every finished
file as it finishes, so a killed run resumes without redoing them."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pandas as pd

from planner.model.plan import PlanError
from stock.grading import COLUMNS
from stock import texts  # noqa: F401  (registers the texts)
from stock.screen import columns

FORMATS = (".xlsx", ".csv", ".parquet")


class RegisterError(PlanError):
    """A register path or file this tool cannot use."""


def check_out(path: Path) -> None:
    """The register's path can be written: a known format, in a folder that exists."""
    if path.suffix.lower() not in FORMATS:
        raise RegisterError.text("screen.bad_out", name=path.name)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise RegisterError.text("screen.no_folder", folder=str(folder))


def journal_path(out: Path) -> Path:
    return out.with_name(out.name + ".journal.jsonl")


def frame(rows: list[dict]) -> pd.DataFrame:
    """The rows in the register's column order, sorted by file and region so that runs compare row by row."""
    cols = list(columns())
    extra = sorted({k for r in rows for k in r} - set(cols))
    df = pd.DataFrame(rows, columns=cols + extra)
    counts = ["region", "rooms", "doors", "fail", "unknown", "pass", "cost_total_nok", "nav_nok", "husbanken_nok",
              "startlan_nok", "small_aids_nok", "owner_nok", "unpriced", *(c for c in df.columns if c.startswith("fail_"))]
    for col in counts:   # whole numbers stay whole (a refused row's empty cells made them 5.0)
        df[col] = pd.to_numeric(df[col], errors="coerce").round().astype("Int64")
    return df.sort_values(["file", "region"], na_position="first", kind="stable").reset_index(drop=True)


def write(rows: list[dict], out: Path) -> None:
    """Write the whole register at once (to a temporary file first, so a killed write leaves the old one)."""
    check_out(out)
    df = frame(rows)
    tmp = out.with_name(out.name + ".tmp" + out.suffix)
    suffix = out.suffix.lower()
    try:
        if suffix == ".csv":
            df.to_csv(tmp, index=False, encoding="utf-8")
        elif suffix == ".xlsx":
            df.to_excel(tmp, index=False, sheet_name="register")
        else:
            df.to_parquet(tmp, index=False)
        os.replace(tmp, out)
    except OSError as exc:
        raise RegisterError.text("screen.cannot_write", name=str(out), reason=exc.strerror or str(exc)) from None


# grades are texts ("1", "1–3", "–"): a register whose grades are all whole numbers must not read them as floats
GRADE_TEXT = {"grade": str, **{f"grade_{c}": str for c in COLUMNS}}


def read(path: Path | str, data: bytes | None = None) -> list[dict]:
    """The rows of a register written by `write` (from its path, or its bytes named by path); a file that is not
    one is a RegisterError sentence."""
    path = Path(path)
    source = path if data is None else io.BytesIO(data)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            df = pd.read_csv(source, dtype={"sha256": str, **GRADE_TEXT}, keep_default_na=False, na_values=[""])
        elif suffix == ".xlsx":
            df = pd.read_excel(source, dtype={"sha256": str, **GRADE_TEXT})
        elif suffix == ".parquet":
            df = pd.read_parquet(source)
        else:
            raise RegisterError.text("screen.bad_out", name=path.name)
    except (OSError, ValueError, ImportError, KeyError, IndexError) as exc:
        if isinstance(exc, RegisterError):
            raise
        raise RegisterError.text("screen.bad_register", name=path.name, reason=type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 — openpyxl/pyarrow raise their own types on a damaged file
        raise RegisterError.text("screen.bad_register", name=path.name, reason=type(exc).__name__) from None
    missing = {"file", "sha256", "status"} - set(df.columns)
    if missing:
        raise RegisterError.text("screen.bad_register", name=path.name, reason=", ".join(sorted(missing)))
    df = df.astype(object).where(df.notna(), None)
    return df.to_dict("records")


class Journal:
    """Finished files, one JSON line each, flushed to disk as each file finishes."""

    def __init__(self, path: Path):
        self.path = path
        self._file = None

    def entries(self) -> list[dict]:
        if not self.path.exists():
            return []
        out = []
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:  # a line cut off when the run was killed: that file is redone
                    continue
        return out

    def add(self, path: str, digest: str, rows: list[dict]) -> None:
        if self._file is None:
            self._file = self.path.open("a", encoding="utf-8")
        self._file.write(json.dumps({"file": path, "sha256": digest, "rows": rows}, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self, remove: bool = False) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if remove and self.path.exists():
            self.path.unlink()
