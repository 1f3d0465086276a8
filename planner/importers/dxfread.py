"""Read the parts of an ASCII DXF that hold a floor plan: header units, layer names, blocks and entities.

The importer needs about a dozen entity types and a handful of their group codes. Building ezdxf's full document
(every table, object and entity as a typed Python object) costs several times what the plan itself costs, so
well-formed ASCII files are read here: the text is split into (group code, value) pairs once, and each entity
keeps its own slice of them, decoded only when the flattener asks for a code.

Anything this reader does not expect (a group code that is not a number, no end-of-file marker, sections left
open) raises DxfStructureError; the caller then lets ezdxf read or repair the file and hands ezdxf's own output
back to this reader, so there is one path from tags to plan.
"""
from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field

from ezdxf.lldxf.tagger import binary_tags_loader
from ezdxf.tools.codepage import toencoding

from planner.model.plan import PlanError
from planner.model.text import text_only

FOLLOWERS = {"VERTEX", "ATTRIB", "SEQEND"}    # belong to the POLYLINE or INSERT before them
MAX_COORDINATE = 1e12                         # drawing units; beyond this a value is damage, not geometry
# Entities a drawing may hold (model space, paper space and block definitions together), counted as they are
# read: a floor plan of one dwelling has some thousands, a whole building some 100 000.
MAX_ENTITIES = 400_000
HEADER_BYTES = 200_000                        # the header (version, code page) is looked for in this much


class DxfStructureError(ValueError):
    """The text is not a DXF this reader can take apart on its own."""


class Entity:
    """One DXF entity: its type and its group codes (stripped) and values, up to any embedded object or XDATA."""

    __slots__ = ("type", "codes", "values", "children", "_tags")

    def __init__(self, type_: str, codes: list[str], values: list[str]) -> None:
        self.type = type_
        self.codes = codes
        self.values = values
        self.children: list[Entity] = []
        self._tags: dict[str, str] | None = None

    def tags(self) -> dict[str, str]:
        """Group code -> value (the last, where a code repeats)."""
        if self._tags is None:
            self._tags = dict(zip(self.codes, self.values))
        return self._tags

    def get(self, code: str, default: str | None = None) -> str | None:
        tags = self._tags     # tags() inlined: asked some ten times per entity
        if tags is None:
            tags = self._tags = dict(zip(self.codes, self.values))
        return tags.get(code, default)

    def float(self, code: str, default: float = 0.0) -> float:
        """The value of code as a number. Raises ValueError for text, NaN, infinity or an absurd magnitude."""
        value = self.get(code)
        return default if value is None else number(value)

    def int(self, code: str, default: int = 0) -> int:
        value = self.get(code)
        return default if value is None else int(number(value))

    def point(self, x_code: str) -> tuple[float, float]:
        """The (x, y) of a point whose x has code x_code ("10", "11", ...); y is x_code + 10."""
        return self.float(x_code), self.float(str(int(x_code) + 10))

    def all(self, code: str) -> list[str]:
        return [v for c, v in zip(self.codes, self.values) if c == code]

    @property
    def layer(self) -> str:
        return self.get("8", "0")

    def extrusion(self) -> tuple[float, float, float]:
        return self.float("210", 0.0), self.float("220", 0.0), self.float("230", 1.0)


def number(value: str) -> float:
    x = float(value)
    if not math.isfinite(x) or abs(x) > MAX_COORDINATE:
        raise ValueError(f"{value!r} is not a usable number")
    return x


@dataclass(slots=True)
class Block:
    name: str
    base: tuple[float, float, float]
    entities: list[Entity] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """What the importer reads of a DXF. blocks are keyed by lower-case name (block names ignore case)."""

    version: str = "AC1009"
    header: dict[str, str] = field(default_factory=dict)
    layers: list[str] = field(default_factory=list)
    layer_linetypes: dict[str, str] = field(default_factory=dict)   # layer name -> its linetype (code 6)
    blocks: dict[str, Block] = field(default_factory=dict)
    modelspace: list[Entity] = field(default_factory=list)
    paperspace: list[Entity] = field(default_factory=list)

    def block(self, name: str) -> Block | None:
        return self.blocks.get(name.lower())

    def without_entities(self) -> Document:
        """What the stages after flattening read (version, header, layers): the entities and blocks, the bulk of
        a document, are left to be freed once their lines and arcs have been taken out."""
        return Document(version=self.version, header=self.header, layers=self.layers,
                        layer_linetypes=self.layer_linetypes)

    def layout(self) -> tuple[list[Entity], str]:
        """The entities of the plan: model space, or paper space when model space is empty."""
        if self.modelspace:
            return self.modelspace, "Model"
        if len(self.paperspace) > 1:
            return self.paperspace, "Paper space"
        for block in self.blocks.values():
            if block.name.lower().startswith("*paper_space") and len(block.entities) > 1:
                return block.entities, block.name
        return self.modelspace, "Model"


HEADER_VARS = {"$ACADVER": "1", "$INSUNITS": "70", "$DWGCODEPAGE": "3"}


def text_encoding(data: bytes) -> str:
    """The encoding of an ASCII DXF's text: UTF-8 since DXF R2007 (AC1021), whatever $DWGCODEPAGE says (and
    whatever the line endings); before that the code page the header names, cp1252 when it names none."""
    lines = data[:HEADER_BYTES].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf").splitlines()
    found: dict[str, str] = {}
    for i, line in enumerate(lines[:-2]):
        name = line.strip()
        if name in ("$ACADVER", "$DWGCODEPAGE") and name not in found:
            found[name] = lines[i + 2].strip()
        if len(found) == 2 or name == "ENDSEC":
            break
    if found.get("$ACADVER", "AC1009").upper() >= "AC1021":
        return "utf-8"
    return toencoding(found.get("$DWGCODEPAGE", "ANSI_1252"))


def decode(data: bytes, encoding: str) -> str:
    """DXF bytes as text: bytes the encoding does not define become U+FFFD (never a crash, never a lone
    surrogate that later fails to print or save)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def tags(text: str) -> tuple[list[str], list[str]]:
    """The group codes (stripped) and values of a DXF text, up to its EOF marker, comments dropped."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    codes = list(map(sys.intern, map(str.strip, lines[0::2])))   # a few dozen codes, one string each
    values = lines[1::2]
    if len(codes) > len(values):
        codes.pop()
    return _checked(codes, values)


def binary_tags(data: bytes) -> tuple[list[str], list[str]]:
    """The group codes and values of a binary DXF, as text like an ASCII file's."""
    try:
        pairs = [(str(t.code), text_only(str(t.value))) for t in binary_tags_loader(data, errors="replace")]
    except Exception as exc:  # noqa: BLE001 - a cut or damaged binary file: the caller repairs it
        raise DxfStructureError(f"binary DXF cannot be read: {exc}") from exc
    return _checked([c for c, _ in pairs], [v for _, v in pairs])


def _checked(codes: list[str], values: list[str]) -> tuple[list[str], list[str]]:
    """The tags up to the first (0, EOF); comments dropped. Raises DxfStructureError on an invalid group code.
    Entity names are stripped: spaces after them are harmless (ezdxf reads such files too)."""
    eof = -1
    while True:   # from one group code 0 to the next (list.index: the scan itself runs in C)
        try:
            eof = codes.index("0", eof + 1)
        except ValueError:
            raise DxfStructureError("no EOF marker") from None
        name = values[eof]
        if name[-1:].isspace() or name[:1].isspace():
            values[eof] = name = name.strip()
        if name == "EOF":   # the first (0, EOF) pair ends the drawing; anything after it is not read
            break
    del codes[eof:], values[eof:]
    for code in set(codes):
        if not code.lstrip("-").isdigit():
            raise DxfStructureError(f"invalid group code {code!r}")
    if "999" in codes:
        keep = [i for i, c in enumerate(codes) if c != "999"]
        codes = [codes[i] for i in keep]
        values = [values[i] for i in keep]
    return codes, values


def read(text: str) -> Document:
    """A Document from DXF text. Raises DxfStructureError on anything but a well-formed file."""
    return read_tags(*tags(text))


def read_tags(codes: list[str], values: list[str]) -> Document:
    """A Document from group codes and values (as from tags or binary_tags)."""
    starts = [i for i, c in enumerate(codes) if c == "0"]
    if not starts or starts[0] != 0:
        raise DxfStructureError("the file does not start with a group code 0")
    starts.append(len(codes))
    doc = Document()
    entities = 0
    section: str | None = None
    block: Block | None = None
    owner: Entity | None = None      # the POLYLINE or INSERT that VERTEX/ATTRIB/SEQEND follow
    for k in range(len(starts) - 1):
        a, b = starts[k], starts[k + 1]
        kind = values[a]
        if kind == "SECTION":
            if section is not None:
                raise DxfStructureError("a section opens inside another")
            section = values[a + 1].strip() if a + 1 < b and codes[a + 1] == "2" else ""
            if section == "HEADER":
                _header(doc, codes[a + 2:b], values[a + 2:b])
            continue
        if kind == "ENDSEC":
            if section is None:
                raise DxfStructureError("a section closes that was never opened")
            section, block, owner = None, None, None
            continue
        if section == "TABLES":
            if kind == "LAYER":
                name = next((v for c, v in zip(codes[a + 1:b], values[a + 1:b]) if c == "2"), None)
                if name is not None:
                    doc.layers.append(name)
                    linetype = next((v for c, v in zip(codes[a + 1:b], values[a + 1:b]) if c == "6"), None)
                    if linetype:
                        doc.layer_linetypes[name] = linetype
        elif section == "BLOCKS":
            if kind == "BLOCK":
                e = Entity(kind, codes[a + 1:b], values[a + 1:b])
                block = Block(e.get("2", ""), (e.float("10"), e.float("20"), e.float("30")))
                doc.blocks[block.name.lower()] = block
                owner = None
            elif kind == "ENDBLK":
                block, owner = None, None
            elif block is not None:
                owner = _add(block.entities, None, kind, codes, values, a, b, owner)
                entities += 1
        elif section == "ENTITIES":
            owner = _add(doc.modelspace, doc.paperspace, kind, codes, values, a, b, owner)
            entities += 1
        if entities > MAX_ENTITIES:
            refuse_entities(len(starts))
    if section is not None:
        raise DxfStructureError(f"section {section} is not closed")
    doc.version = doc.header.get("$ACADVER", "AC1009").strip() or "AC1009"
    return doc


def refuse_entities(count: int) -> None:
    """Raise the sentence for a drawing with more entities than MAX_ENTITIES (count: about how many it has)."""
    count_text, most = f"{count:,}", f"{MAX_ENTITIES:,}"
    raise PlanError.text("imp.too_many", count=count_text, max=most, count_nb=count_text.replace(",", " "),
                         max_nb=most.replace(",", " "))


def _add(model: list, paper: list | None, kind: str, codes, values, a: int, b: int, owner):
    """Add the entity codes[a:b] to model (or paper, when it is flagged as paper space); returns the new owner."""
    if kind in FOLLOWERS:
        if owner is not None and kind == "VERTEX" and owner.type == "POLYLINE":
            owner.children.append(Entity(kind, codes[a + 1:b], values[a + 1:b]))
        return None if kind == "SEQEND" else owner
    entity_codes = codes[a + 1:b]
    entity_values = values[a + 1:b]
    for stop in ("101", "1001"):     # an embedded object or XDATA: its codes would shadow the entity's own
        if stop in entity_codes:
            cut = entity_codes.index(stop)
            del entity_codes[cut:], entity_values[cut:]
    e = Entity(kind, entity_codes, entity_values)
    if paper is not None and "67" in entity_codes and e.get("67", "0").strip() == "1":
        paper.append(e)
    else:
        model.append(e)
    return e if kind in ("POLYLINE", "INSERT") else None


def _header(doc: Document, codes: list[str], values: list[str]) -> None:
    name = None
    for c, v in zip(codes, values):
        if c == "9":
            name = v.strip()
        elif name in HEADER_VARS and c == HEADER_VARS[name] and name not in doc.header:
            doc.header[name] = v
