"""A thumbnail of each drawing on a sheet, to pick the one to read."""
from __future__ import annotations

import io
import json

import streamlit as st
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

THUMB_INCHES, THUMB_DPI = 2.4, 60


@st.cache_data(max_entries=32, show_spinner=False)
def thumbnail_png(lines_json: str, highlight: bool) -> bytes:
    """A small picture of a drawing's lines ([[x1, y1, x2, y2], …] in mm, as JSON: the cache key)."""
    lines = json.loads(lines_json)
    fig = Figure(figsize=(THUMB_INCHES, THUMB_INCHES), dpi=THUMB_DPI)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.96))
    ax.add_collection(LineCollection([((a, b), (c, d)) for a, b, c, d in lines], linewidths=0.6,
                                     colors="#b00020" if highlight else "#333333"))
    ax.set_aspect("equal")
    ax.autoscale()
    ax.axis("off")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def show_thumbnails(report: dict, labels: dict[int, str], current: int) -> None:
    """The drawings side by side, each with its label; the one read now in red."""
    shots = report.get("region_previews") or {}
    regions = [r for r in report.get("regions", []) if str(r["index"]) in shots]
    if not regions:
        return
    for col, r in zip(st.columns(len(regions)), regions):
        col.image(thumbnail_png(json.dumps(shots[str(r["index"])]), r["index"] == current), width="stretch")
        col.caption(labels[r["index"]])
