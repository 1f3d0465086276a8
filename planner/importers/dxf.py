"""Turn uploaded bytes into an ezdxf document, or one sentence saying why that is impossible."""
from __future__ import annotations

import io
import logging

import ezdxf
from ezdxf.document import Drawing
from ezdxf.lldxf.const import DXFError
from ezdxf.lldxf.tagger import binary_tags_loader

from planner.i18n import register, said
from planner.importers import dxfread
from planner.importers.dxfread import Document
from planner.model.plan import PlanError

MAX_FILE_BYTES = 60 * 1024 * 1024
BINARY_DXF_MAGIC = b"AutoCAD Binary DXF"
DWG_MAGIC = b"AC10"
UTF8_BOM = b"\xef\xbb\xbf"


register({
    "file.empty": {"en": "The file is empty; export the floor plan from your CAD program as DXF and try again.",
                   "nb": "Filen er tom; eksporter plantegningen som DXF fra tegneprogrammet og prøv igjen."},
    "file.dwg": {"en": "This is a DWG file, not a DXF; save it as DXF from your CAD program (Save As → DXF) and "
                       "upload that.",
                 "nb": "Dette er en DWG-fil, ikke DXF; lagre den som DXF i tegneprogrammet (Lagre som → DXF) og last "
                       "opp den."},
    "file.pdf": {"en": "This is a PDF, not a DXF; ask for the floor plan as a DXF file (or export it as DXF from the "
                       "CAD program).",
                 "nb": "Dette er en PDF, ikke DXF; be om plantegningen som DXF-fil (eller eksporter den som DXF fra "
                       "tegneprogrammet)."},
    "file.not_dxf": {"en": "This file is not a DXF drawing; export the floor plan from your CAD program as DXF.",
                     "nb": "Filen er ikke en DXF-tegning; eksporter plantegningen som DXF fra tegneprogrammet."},
    "file.repaired": {"en": "The file was damaged; it was repaired while reading ({fixes} fixes, {errors} errors). "
                            "Check the plan against the drawing.",
                      "nb": "Filen var skadet og ble reparert under lesingen ({fixes} rettelser, {errors} feil). "
                            "Kontroller planen mot tegningen."},
    "file.cut_off": {"en": "The file seems cut off before its end; parts of the drawing may be missing.",
                     "nb": "Filen ser ut til å være kuttet av før slutten; deler av tegningen kan mangle."},
})


def _looks_like_dxf_text(head: bytes) -> bool:
    """ASCII DXF opens with a group code 0 and SECTION (comments with code 999 may come first)."""
    text = head[:4096].decode("latin-1")
    lines = [line.strip() for line in text.splitlines()]
    for i in range(0, len(lines) - 1, 2):
        if lines[i] == "999":
            continue
        return lines[i] == "0" and lines[i + 1].upper() == "SECTION"
    return False


def check_bytes(data: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Refuse what cannot be a DXF before parsing it. Returns "binary" or "ascii"."""
    if not data or not data.strip():
        raise PlanError.text("file.empty")
    if len(data) > max_bytes:
        raise PlanError.text("file.too_large", size=f"{len(data) / 1e6:.0f}", max=f"{max_bytes / 1e6:.0f}")
    data = data.removeprefix(UTF8_BOM)
    if data.startswith(DWG_MAGIC):
        raise PlanError.text("file.dwg")
    if data.startswith(BINARY_DXF_MAGIC):
        return "binary"
    if data.lstrip()[:2] == b"%P":
        raise PlanError.text("file.pdf")
    if not _looks_like_dxf_text(data.lstrip()):
        raise PlanError.text("file.not_dxf")
    return "ascii"


def _has_codepage(data: bytes) -> bool:
    head = data[:200_000]
    return b"$DWGCODEPAGE" in head


def guess_legacy_encoding(data: bytes) -> str | None:
    """For an old DXF that does not name its code page: Shift-JIS when the text decodes as Japanese.

    Jw_cad and other Japanese programs write R12 files in cp932 without $DWGCODEPAGE; read as cp1252 their
    layer names become mojibake. A file is taken as cp932 only when it decodes strictly and holds kana or kanji.
    """
    if _has_codepage(data) or data.isascii():
        return None
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    japanese = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return "cp932" if japanese >= 2 else None


def _decode(data: bytes) -> str:
    encoding = dxfread.text_encoding(data)
    if encoding != "utf-8" and not _has_codepage(data):
        encoding = guess_legacy_encoding(data) or encoding
    return dxfread.decode(data, encoding)


def load_document(data: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[Document, list[str]]:
    """Parse DXF bytes (ASCII or binary). A well-formed ASCII file is read directly (dxfread); anything else is
    read by ezdxf, or repaired by ezdxf.recover, and ezdxf's own output then read. Returns (doc, notes), each note a
    text to render (planner.i18n.said)."""
    kind = check_bytes(data, max_bytes=max_bytes)
    notes: list[list] = []
    logging.getLogger("ezdxf").setLevel(logging.ERROR)
    text = _decode(data) if kind == "ascii" else ""
    try:
        return (dxfread.read(text) if kind == "ascii" else dxfread.read_tags(*dxfread.binary_tags(data))), notes
    except PlanError:       # a limit (too many entities): reading it another way would not help
        raise
    except ValueError:      # DxfStructureError, or a number in a block definition that is not one
        pass
    try:
        if kind == "binary":
            return _rewritten(Drawing.load(binary_tags_loader(data, errors="replace"))), notes
        return _rewritten(ezdxf.read(io.StringIO(text, newline=None))), notes
    except PlanError:       # what ezdxf read is beyond a limit
        raise
    except Exception:  # noqa: BLE001 - any parser failure falls through to the recovery reader
        pass
    try:
        from ezdxf import recover
        doc, auditor = recover.read(io.BytesIO(data), errors="replace")
        document = _rewritten(doc)
    except PlanError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged input of every kind ends in one sentence
        reason = "@file.reason.cut_off" if truncated(data) else "@file.reason.structure"
        raise PlanError.text("file.unreadable", reason=reason) from exc
    notes.append(said("file.repaired", fixes=len(auditor.fixes), errors=len(auditor.errors)))
    if truncated(data):
        notes.append(said("file.cut_off"))
    return document, notes


def _rewritten(doc: Drawing) -> Document:
    """An ezdxf document (binary, or repaired) written out as ASCII DXF and read back by dxfread."""
    stream = io.StringIO()
    doc.write(stream)
    return dxfread.read(stream.getvalue())


def truncated(data: bytes) -> bool:
    return b"EOF" not in data[-64:]


__all__ = ["DXFError", "check_bytes", "load_document", "MAX_FILE_BYTES"]
