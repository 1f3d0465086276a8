"""Entities the reader cannot see into: proxy objects of AutoCAD Architecture and other vertical products."""
from __future__ import annotations

from collections import Counter

from planner.i18n import register, said

register({
    "imp.warn.proxies": {
        "en": "The drawing holds {count} proxy objects (walls, doors or spaces of AutoCAD Architecture or another "
              "vertical product), which cannot be read: what was read may miss them. Export it with AutoCAD's "
              "Export to AutoCAD, or save as plain DXF, and read that file",
        "nb": "Tegningen har {count} proxy-objekter (vegger, dører eller rom fra AutoCAD Architecture eller et annet "
              "fagprogram), som ikke kan leses: det som ble lest, kan mangle dem. Eksporter den med Export to "
              "AutoCAD i AutoCAD, eller lagre den som vanlig DXF, og les den filen"},
})


def is_proxy(dxftype: str) -> bool:
    """ACAD_PROXY_ENTITY, or a custom entity of AutoCAD Architecture/MEP (AEC_WALL, AEC_SPACE, AECB_…)."""
    name = dxftype.upper()
    return name == "ACAD_PROXY_ENTITY" or name.startswith(("AEC_", "AECB_", "AECC_", "AECS_"))


def proxy_count(ignored: Counter) -> int:
    """Proxy entities among the ignored ones ((dxftype, reason) -> count, planner.importers.extract)."""
    return sum(n for (dxftype, _), n in ignored.items() if is_proxy(dxftype))


def proxy_warning(count: int) -> list:
    return said("imp.warn.proxies", count=count)
