"""Screen many files: on this machine's cores (a process pool, memory bounded per worker) or on a Dask cluster,
with a progress line, and a journal so that a killed run resumes where it stopped."""
from __future__ import annotations

import glob
import hashlib
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from planner.i18n import t
from planner.model.plan import PlanError
from stock import texts  # noqa: F401  (registers the texts)
from stock.register import Journal, check_out, journal_path, read, write
from stock.screen import FAILED, REFUSED, SUFFIXES, failed_row, screen_path

DEFAULT_MEMORY_MB = 3072   # address space per worker: a 60 MB drawing needs at most 1.5 GB (docs/benchmarks.md)


def find_sources(sources: Iterable[str]) -> list[str]:
    """Files, folders (searched recursively) and globs, expanded to the DXF, IFC and JSON files they name, each once,
    in a stable order."""
    found: set[str] = set()
    for source in sources:
        matches = glob.glob(source, recursive=True) if glob.has_magic(source) else [source]
        for match in matches:
            path = Path(match)
            if path.is_dir():
                found.update(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            elif path.is_file():
                found.add(str(path))
    return sorted(found)


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _bound_memory(memory_mb: int) -> None:
    """Worker start: cap the address space, so a hostile file ends in MemoryError (a row), never the machine."""
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = "1"
    try:
        import resource
        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (ImportError, ValueError, OSError):  # Windows has no RLIMIT_AS
        pass


@dataclass
class Progress:
    """A progress line on stderr: files done, dwellings, speed and time left."""

    total: int
    lang: str = "en"
    stream: object = sys.stderr
    done: int = 0
    rows: int = 0
    start: float = field(default_factory=time.monotonic)
    _last: float = 0.0

    def step(self, rows: int) -> None:
        self.done += 1
        self.rows += rows
        now = time.monotonic()
        if now - self._last < 0.2 and self.done < self.total:
            return
        self._last = now
        rate = self.done / max(now - self.start, 1e-6)
        left = (self.total - self.done) / rate if rate else 0
        minutes, seconds = divmod(int(left + 0.5), 60)
        line = t("screen.progress", self.lang, done=self.done, total=self.total, rows=self.rows,
                 rate=f"{rate:.1f}".replace(".", ",") if self.lang == "nb" else f"{rate:.1f}",
                 left=f"{minutes} min {seconds:02d} s")
        tty = getattr(self.stream, "isatty", lambda: False)()
        print(("\r" + line) if tty else line, end="" if tty and self.done < self.total else "\n",
              file=self.stream, flush=True)


def _pool_map(paths: list[str], work: Callable[[str], list[dict]], workers: int, memory_mb: int,
              lang: str) -> Iterable[tuple[str, list[dict]]]:
    """(path, rows) as each file finishes, on a pool of `workers` processes. A file that kills its worker process
    (a crash in native code) is tried once more alone; if it kills that one too it becomes a row saying so."""
    pending = list(paths)
    suspects: list[str] = []
    while pending or suspects:
        alone = not pending
        batch, size = (suspects[:1], 1) if alone else (pending, workers)
        if alone:
            suspects = suspects[1:]
        else:
            pending = []
        with ProcessPoolExecutor(size, initializer=_bound_memory, initargs=(memory_mb,)) as pool:
            futures = {}
            queue = list(batch)
            broken = False
            while queue or futures:
                while queue and len(futures) < size * 2:   # a short queue: results stream, memory stays flat
                    path = queue.pop(0)
                    futures[pool.submit(work, path)] = path
                finished, _ = wait(futures, return_when=FIRST_COMPLETED)
                for future in finished:
                    path = futures.pop(future)
                    try:
                        yield path, future.result()
                    except BrokenProcessPool:
                        broken = True
                        if alone:
                            yield path, [failed_row(path, "", FAILED, t("screen.crashed", lang))]
                        else:
                            suspects.append(path)
                if broken:
                    if not alone:
                        suspects.extend(futures.values())
                        suspects.extend(queue)
                    break


def _dask_map(paths: list[str], work: Callable[[str], list[dict]], address: str,
              lang: str) -> Iterable[tuple[str, list[dict]]]:
    """(path, rows) as each file finishes on the Dask cluster at `address`; the workers read the files."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise PlanError.text("screen.no_dask") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise PlanError.text("screen.dask_unreachable", address=address, reason=str(exc)) from None
    try:
        futures = {client.submit(work, path, pure=False): path for path in paths}
        for future in as_completed(futures):
            path = futures[future]
            try:
                yield path, future.result()
            except Exception as exc:  # noqa: BLE001 — a worker lost or killed: the file is a row, the run goes on
                yield path, [failed_row(path, "", FAILED, t("screen.crashed", lang) + f" ({type(exc).__name__})")]
    finally:
        client.close()


@dataclass(frozen=True)
class Outcome:
    rows: int
    files: int
    refused: int
    skipped: int


def screen(sources: list[str], out: Path, *, workers: int | None = None, dask: str | None = None,
           resume: bool = False, standard: str | None = None, units: str | None = None, lang: str = "en",
           memory_mb: int = DEFAULT_MEMORY_MB, progress_stream=sys.stderr) -> Outcome:
    """Screen every file the sources name into the register at `out`. With `resume`, files whose path and content
    hash are already in the register (or in the journal of a killed run) are kept as they are and not read again."""
    check_out(out)
    paths = find_sources(sources)
    if not paths:
        raise PlanError.text("screen.no_sources", sources=", ".join(sources))
    journal = Journal(journal_path(out))
    kept: list[dict] = []
    if resume:
        kept = read(out) if out.exists() else []
        for entry in journal.entries():
            kept.extend(entry["rows"])
    elif journal.path.exists():
        journal.path.unlink()
    done = {(r["file"], r["sha256"]) for r in kept if r.get("sha256")}
    todo = [p for p in paths if not done or (p, file_sha256(p)) not in done]
    kept_files = {r["file"] for r in kept}
    skipped = len([p for p in paths if p in kept_files and p not in todo])
    kept = [r for r in kept if r["file"] not in set(todo)]   # a changed file is screened again, its old rows go
    work = partial(screen_path, standard=standard, units=units, lang=lang)
    bar = Progress(total=len(todo), lang=lang, stream=progress_stream)
    rows: list[dict] = []
    results = (_dask_map(todo, work, dask, lang) if dask
               else _pool_map(todo, work, max(1, workers or os.cpu_count() or 1), memory_mb, lang))
    try:
        for path, file_rows in results:
            journal.add(path, file_rows[0].get("sha256", "") if file_rows else "", file_rows)
            rows.extend(file_rows)
            bar.step(len([r for r in file_rows if r.get("status") == "read"]))
    finally:
        journal.close()
    everything = kept + rows
    write(everything, out)
    journal.close(remove=True)
    read_rows = [r for r in everything if r.get("status") == "read"]
    refused = len({r["file"] for r in everything if r.get("status") in (REFUSED, FAILED)})
    return Outcome(rows=len(read_rows), files=len(paths), refused=refused, skipped=skipped)
