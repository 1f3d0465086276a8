"""Labels on a plan picture: placed only where they overlap no label placed before them, and drawn as the outlines
of their letters, one path for each style. A text artist costs about a millisecond to lay out and draw; a large
building's picture has hundreds of labels, and as artists they took most of its time."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.textpath import text_to_path

LINE_SPACING = 1.2   # between the baselines of a label's lines, in font sizes (matplotlib's own)
BOX_PAD = 0.2        # the white box around a label that has one, in font sizes
CENTRE_DROP = 0.36   # a centred line's baseline below its middle, in font sizes (a capital or a digit stands about 0.73)


@lru_cache(maxsize=None)
def _glyph(char: str, weight: str) -> tuple[np.ndarray, np.ndarray, float]:
    """A character's outline at a font size of 1 (its vertices, codes) and its advance, in the plot font."""
    prop = FontProperties(weight=weight)
    vertices, codes = text_to_path.get_text_path(prop, char)
    font = get_font(findfont(prop))
    font.set_size(text_to_path.FONT_SCALE, text_to_path.DPI)
    advance = font.load_char(ord(char)).linearHoriAdvance / 65536 / text_to_path.FONT_SCALE
    return np.asarray(vertices, float) / text_to_path.FONT_SCALE, np.asarray(codes, np.uint8), advance


def line_width(line: str, weight: str = "normal") -> float:
    """A line's width at a font size of 1 (the sum of its characters' advances)."""
    return sum(_glyph(c, weight)[2] for c in line)


def text_outline(text: str, x: float, y: float, size: float, weight: str = "normal", ha: str = "center",
                 va: str = "center") -> tuple[np.ndarray, np.ndarray]:
    """The outline of `text` (lines split at newlines) at font size `size`, in the caller's units, as vertices and
    codes. ha: "center" or "left" of x; va: "center" (the lines' middle at y) or "baseline" (the first line's)."""
    lines = text.split("\n")
    first = y + (LINE_SPACING * (len(lines) - 1) / 2 - CENTRE_DROP) * size if va == "center" else y
    vertices, codes = [], []
    for i, line in enumerate(lines):
        pen = x - line_width(line, weight) * size / 2 if ha == "center" else x
        base = first - i * LINE_SPACING * size
        for c in line:
            v, k, advance = _glyph(c, weight)
            if len(v):
                vertices.append(v * size + (pen, base))
                codes.append(k)
            pen += advance * size
    if not vertices:
        return np.empty((0, 2)), np.empty(0, np.uint8)
    return np.concatenate(vertices), np.concatenate(codes)


class Labels:
    """Text placed only where it overlaps no text placed before it (the most important first); counts the rest.
    Whether a label fits is judged by a box estimated from its font size and characters, in the axes' own
    millimetres per point; patches() then gives every label placed as one path per style."""

    def __init__(self, ax, fig) -> None:
        self.ax = ax
        ax.apply_aspect()
        box = ax.get_window_extent()
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        self.mm_per_pt = max((x1 - x0) / max(box.width, 1.0), (y1 - y0) / max(box.height, 1.0)) * fig.dpi / 72
        self.placed: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        self.cell = 50 * self.mm_per_pt
        self.dropped = 0
        self.shown: list[tuple[str, tuple[float, float, float, float]]] = []   # text, the box of its letters [mm]
        self._styles: dict[tuple, list[tuple[np.ndarray, np.ndarray]]] = {}
        self._boxes: dict[float, list[tuple[float, float, float, float]]] = {}

    def _box(self, x: float, y: float, text: str, fontsize: float, ha: str, offset_pt: tuple[float, float]):
        lines = text.split("\n")
        w = max(len(line) for line in lines) * fontsize * 0.7 * self.mm_per_pt + 4 * self.mm_per_pt
        h = len(lines) * fontsize * 1.25 * self.mm_per_pt + 3 * self.mm_per_pt
        x += offset_pt[0] * self.mm_per_pt
        y += offset_pt[1] * self.mm_per_pt
        left = x - w / 2 if ha == "center" else x
        bottom = y - h / 2 if ha == "center" else y
        return left, bottom, left + w, bottom + h

    def fits(self, x: float, y: float, text: str, fontsize: float, ha: str = "center",
             offset_pt: tuple[float, float] = (0, 0)) -> bool:
        """True (and the place taken) when the text overlaps none placed so far; else it is counted as left out."""
        box = self._box(x, y, text, fontsize, ha, offset_pt)
        cells = [(i, j) for i in range(int(box[0] // self.cell), int(box[2] // self.cell) + 1)
                 for j in range(int(box[1] // self.cell), int(box[3] // self.cell) + 1)]
        for c in cells:
            for o in self.placed.get(c, ()):
                if box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3]:
                    self.dropped += 1
                    return False
        for c in cells:
            self.placed.setdefault(c, []).append(box)
        return True

    def add(self, x: float, y: float, text: str, fontsize: float, color: str, zorder: float, weight: str = "normal",
            ha: str = "center", offset_pt: tuple[float, float] = (0, 0), boxed: bool = False) -> bool:
        """The label at (x, y) [mm] when it fits: centred there (ha "center"), or its first line's baseline starting
        offset_pt from it (ha "left"); boxed: on a white box. False when it was left out."""
        if not self.fits(x, y, text, fontsize, ha, offset_pt):
            return False
        size = fontsize * self.mm_per_pt
        vertices, codes = text_outline(text, x + offset_pt[0] * self.mm_per_pt, y + offset_pt[1] * self.mm_per_pt,
                                       size, weight, ha, "center" if ha == "center" else "baseline")
        if len(vertices):
            self._styles.setdefault((color, weight, zorder), []).append((vertices, codes))
            ink = (*vertices.min(axis=0), *vertices.max(axis=0))
            self.shown.append((text, ink))
            if boxed:
                pad = BOX_PAD * size
                self._boxes.setdefault(zorder - 0.01, []).append(
                    (ink[0] - pad, ink[1] - pad, ink[2] + pad, ink[3] + pad))
        return True

    def patches(self) -> list[PathPatch]:
        """Every label placed, as one patch per colour, weight and layer, over their white boxes."""
        out = []
        for zorder, boxes in self._boxes.items():
            b = np.array(boxes)
            corners = np.stack([b[:, [0, 1]], b[:, [2, 1]], b[:, [2, 3]], b[:, [0, 3]], b[:, [0, 1]]], axis=1)
            codes = np.tile([MplPath.MOVETO, *[MplPath.LINETO] * 3, MplPath.CLOSEPOLY], len(b)).astype(np.uint8)
            out.append(PathPatch(MplPath(corners.reshape(-1, 2), codes), facecolor="white", alpha=0.7,
                                 edgecolor="none", zorder=zorder))
        for (color, _, zorder), parts in self._styles.items():
            out.append(PathPatch(MplPath(np.concatenate([v for v, _ in parts]), np.concatenate([c for _, c in parts])),
                                 facecolor=color, edgecolor="none", zorder=zorder))
        return out
