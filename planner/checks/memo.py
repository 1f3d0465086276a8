"""A bounded, process-wide memo of the checks' heavy geometric results, keyed by exactly their inputs.

The contract:

- **A key holds everything the computation reads.** `key(name, *parts)` makes one byte string of the
  computation's name and its inputs: each geometry by its WKB (its type, its parts and rings, every coordinate
  to the last bit), each number by its eight IEEE bytes, each text by its UTF-8, None, truth values and the
  length of every list marked, each part prefixed by its length, so two different inputs never give the same
  bytes; the table keeps the 256-bit BLAKE2b digest of those bytes (two different inputs share one by a chance
  of 2⁻¹²⁸, far below any fault of the machine; a room's key is 32 bytes, not its geometry again). A caller puts in every geometry, rule value and setting its computation reads (and the split into
  sure and unsure obstacles as two lists, the kind of shape asked for, the room type where it decides), and
  nothing it does not: a finding's texts, ids and the checks' own comparisons are made outside, every time.
- **A hit is exactly what computing would give.** The computations memoised are pure functions of those
  inputs (GEOS is deterministic), so there is nothing to invalidate and no stale answer to find: a moved wall,
  a measured door width the computation reads, a changed rule value or profile override is another key. Module
  constants (tolerances, reach) are part of the code, and a process runs one version of it.
- **Results are shared, not copied**: tuples, numbers, read-only mappings and shapely geometries, none of which
  can be changed.
- **Bounded**: the least recently used entries leave when there are more than `MAX_ENTRIES` or their estimated
  size (the key's bytes, 16 bytes a coordinate of the result's geometry and a fixed overhead per object) passes
  `MAX_BYTES`; a single result larger than the bound is returned but not kept.
- **Thread-safe with one lock** around the table (Streamlit runs each session's script in a thread of one
  process, and the sessions share the memo: a building one user opened is quick to check for the next). The
  computation runs outside the lock: two threads missing the same key both compute it, and get equal results.
"""
from __future__ import annotations

import hashlib
import struct
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any, Callable

import numpy as np
import shapely
from shapely.geometry import (GeometryCollection, LinearRing, LineString, MultiLineString, MultiPoint,
                              MultiPolygon, Point, Polygon)
from shapely.geometry.base import BaseGeometry

MAX_ENTRIES = 50_000      # a 1 000-flat building needs about 20 000 (rooms, showers, WCs, doors)
MAX_BYTES = 96 * 1024 * 1024   # estimated; the 1 000-flat building's entries take about a fifth of it
MISSING = object()        # what find() gives for a key not held (a result may itself be None)
DIGEST_BYTES = 32         # a key is kept as the 256-bit digest of its bytes

_LENGTH = struct.Struct("<I")
_NUMBER = struct.Struct("<d")


def key(name: str, *parts: Any) -> bytes:
    """The byte string that names computation `name` on these inputs (see the module's contract). Accepts
    geometries, numbers, texts, bytes, None, booleans and (nested) tuples and lists of them; anything else is a
    programming error, raised as TypeError rather than keyed by a guess."""
    return keys(name, [parts])[0]


def keys(name: str, rows: list) -> list[bytes]:
    """key(name, *row) for each row, with every geometry of all of them written in one shapely call."""
    pieces: list[list] = []
    geoms: list[BaseGeometry] = []
    for row in rows:
        out: list = []
        _put_all((name, *row), out, geoms)
        pieces.append(out)
    wkb = shapely.to_wkb(np.array(geoms + [None], dtype=object)[:-1]) if geoms else []
    written = [b"G" + _LENGTH.pack(len(w)) + w for w in wkb]
    return [_digest(b"".join([written[p] if p.__class__ is int else p for p in out])).digest() for out in pieces]


def _digest(data: bytes):
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES)


# shapely's geometry classes: a part's class looked up here first, before the general tests
_GEOMETRIES = frozenset((Point, LineString, LinearRing, Polygon, MultiPoint, MultiLineString, MultiPolygon,
                         GeometryCollection))


def _put_all(parts: tuple | list, out: list, geoms: list) -> None:
    """Append the bytes of a sequence of parts to out (its length first); a geometry as its index in geoms, to be
    written with the others. Nested sequences are the only parts that take a call of their own."""
    out.append(b"L" + _LENGTH.pack(len(parts)))
    for part in parts:
        cls = part.__class__
        if cls in _GEOMETRIES:
            out.append(len(geoms))
            geoms.append(part)
        elif cls is list or cls is tuple:
            _put_all(part, out, geoms)
        elif cls is float:
            out.append(b"D" + _NUMBER.pack(part))
        elif isinstance(part, bytes):
            out.append(b"B" + _LENGTH.pack(len(part)) + part)
        elif isinstance(part, str):
            text = part.encode()
            out.append(b"S" + _LENGTH.pack(len(text)) + text)
        elif isinstance(part, BaseGeometry):
            out.append(len(geoms))
            geoms.append(part)
        elif isinstance(part, (tuple, list)):
            _put_all(part, out, geoms)
        elif isinstance(part, (bool, np.bool_)):
            out.append(b"T" if part else b"F")
        elif isinstance(part, (float, np.floating)):
            out.append(b"D" + _NUMBER.pack(float(part)))
        elif isinstance(part, (int, np.integer)):
            text = str(int(part)).encode()
            out.append(b"I" + _LENGTH.pack(len(text)) + text)
        elif part is None:
            out.append(b"N")
        else:
            raise TypeError(f"memo.key cannot key a {type(part).__name__}")


def size_of(value: Any) -> int:
    """An estimate [bytes] of what a result holds: 16 bytes a coordinate of its geometries, 64 an object."""
    if isinstance(value, BaseGeometry):
        return 64 + 16 * int(shapely.get_num_coordinates(value))
    if isinstance(value, (tuple, list)):
        return 64 + sum(size_of(v) for v in value)
    if isinstance(value, Mapping):
        return 64 + sum(size_of(k) + size_of(v) for k, v in value.items())
    if isinstance(value, (str, bytes)):
        return 64 + len(value)
    return 64


class Memo:
    """A least-recently-used table of results by key, bounded by entries and estimated bytes, with one lock."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._table: OrderedDict[bytes, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._table)

    def find(self, k: bytes) -> Any:
        """The result held for key k (now the most recently used), or MISSING."""
        with self._lock:
            held = self._table.get(k)
            if held is None:
                self.misses += 1
                return MISSING
            self._table.move_to_end(k)
            self.hits += 1
            return held[0]

    def find_all(self, ks: list[bytes]) -> list:
        """find() for each key, under one taking of the lock."""
        out = []
        with self._lock:
            for k in ks:
                held = self._table.get(k)
                if held is None:
                    out.append(MISSING)
                else:
                    self._table.move_to_end(k)
                    out.append(held[0])
            found = sum(v is not MISSING for v in out)
            self.hits += found
            self.misses += len(out) - found
        return out

    def put(self, k: bytes, value: Any) -> None:
        """Keep value for key k, letting the least recently used entries go beyond the bounds."""
        size = len(k) + size_of(value)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._table.pop(k, None)
            if old is not None:
                self.bytes -= old[1]
            self._table[k] = (value, size)
            self.bytes += size
            while len(self._table) > self.max_entries or self.bytes > self.max_bytes:
                _, (_, gone) = self._table.popitem(last=False)
                self.bytes -= gone

    def get(self, k: bytes, compute: Callable[[], Any]) -> Any:
        """The result held for key k, or compute() kept under it."""
        value = self.find(k)
        if value is MISSING:
            value = compute()
            self.put(k, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._table.clear()
            self.bytes = self.hits = self.misses = 0


MEMO = Memo()   # the one the checks use
