"""The drawing canvas: streamlit-drawable-canvas 0.13's frontend, patched so a finger draws (see NOTE.md).

Registered as the app's own Components v2 component; `st_canvas` sends the same data as the upstream function
and returns the canvas's Fabric JSON. Import it only inside a Streamlit run (the component needs the runtime).
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

NAME = "tilpass.drawable_canvas"
ROOT = Path(__file__).parent
_mount = None


def _register() -> None:
    """Declare the frontend directory as this component's assets (what a pyproject.toml does for an installed
    package), then register the component once per process."""
    global _mount
    from streamlit.components.v2.get_bidi_component_manager import get_bidi_component_manager
    from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest

    manager = get_bidi_component_manager()
    if manager.get_component_asset_root(NAME) is None:
        manifest = ComponentManifest(name="tilpass", version="0.13.0-touch",
                                     components=[ComponentConfig(name="drawable_canvas", asset_dir="frontend")])
        manager.register_from_manifest(manifest, ROOT)
        _mount = None
    if _mount is None:
        _mount = st.components.v2.component(NAME, js="index.js", css="index-style.css",
                                            html='<div class="canvas-root"></div>', isolate_styles=True)


def st_canvas(*, width: int, height: int, drawing_mode: str, key: str, background_image_url: str | None = None,
              fill_color: str = "#eee", stroke_color: str = "black", stroke_width: int = 2,
              point_display_radius: int = 3, update_streamlit: bool = True) -> dict | None:
    """Mount the canvas; returns the Fabric JSON of what is drawn on it (None before anything is sent)."""
    _register()
    drawing = {"objects": [], "background": ""}
    data = {
        "fillColor": fill_color, "strokeWidth": stroke_width, "strokeColor": stroke_color, "backgroundColor": "",
        "backgroundImageURL": background_image_url,
        "realtimeUpdateStreamlit": update_streamlit and drawing_mode != "polygon",
        "canvasWidth": width, "canvasHeight": height, "drawingMode": drawing_mode, "initialDrawing": drawing,
        "displayRadius": point_display_radius, "returnImageData": False, "disabled": False,
        "backgroundImageFit": "stretch", "maxDisplayHeight": None, "fontSize": 20, "label": "",
    }
    result = _mount(data=data, key=key, default={"drawing": {"raw": drawing, "data": None}, "backgroundFit": None},
                    on_drawing_change=lambda: None, on_backgroundFit_change=lambda: None,
                    width="content", height="content")
    return (result.get("drawing") or {}).get("raw")
