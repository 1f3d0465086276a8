"""The plan's labels, drawn as the outlines of their letters: where they stand, that every letter is there, and that
the picture shows them."""
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path as MplPath
from matplotlib.textpath import TextPath

from examples.make_examples import EXAMPLES
from planner.checks import assess
from planner.output.drawing import draw_plan
from planner.output.labels import LINE_SPACING, line_width, text_outline
from planner.rules import load_rules


@pytest.mark.parametrize("text", ["Bad", "Soverom 2", "WC · 3,6 m²"])
def test_a_centred_label_is_as_wide_as_matplotlib_lays_it_out_and_stands_on_its_point(text):
    vertices, _ = text_outline(text, 1000.0, 2000.0, 100.0)
    ink_left, ink_right = vertices[:, 0].min(), vertices[:, 0].max()
    laid_out = TextPath((0, 0), text, size=100.0, prop=FontProperties()).vertices[:, 0]
    assert ink_right - ink_left == pytest.approx(laid_out.max() - laid_out.min(), rel=0.04)   # no kerning: close
    assert (ink_left + ink_right) / 2 == pytest.approx(1000.0, abs=8.0)
    assert vertices[:, 1].min() < 2000.0 < vertices[:, 1].max()
    assert line_width(text) * 100.0 >= ink_right - ink_left


def test_lines_stand_one_under_the_other_and_left_labels_start_at_their_point():
    one, _ = text_outline("Gang", 0.0, 0.0, 10.0, ha="left", va="baseline")
    two, _ = text_outline("Gang\nGang", 0.0, 0.0, 10.0, ha="left", va="baseline")
    assert one[:, 0].min() == pytest.approx(0.0, abs=1.5)    # the G's left side bearing only
    assert one[:, 1].min() < 0 < one[:, 1].max()             # the g hangs below the baseline
    assert two[:, 1].min() == pytest.approx(one[:, 1].min() - LINE_SPACING * 10.0, abs=1e-6)


def test_every_letter_is_drawn_norwegian_ones_and_signs_too():
    text = "Bad på loft ÆØÅ æøå m² ·"
    _, codes = text_outline(text, 0.0, 0.0, 10.0)
    shapes = int(np.sum(codes == MplPath.MOVETO))
    assert shapes >= len(text.replace(" ", ""))   # some letters are several shapes (ø, å, the dot of an i)
    assert text_outline("", 0.0, 0.0, 10.0)[0].shape == (0, 2)


def test_the_picture_shows_each_label_where_the_figure_says_it_is():
    plan = EXAMPLES["flat-narrow-bathroom"]().plan
    fig = draw_plan(plan, assess(plan, load_rules()), "nb")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)
    height = pixels.shape[0]
    ax = fig.axes[0]
    shown = dict(fig.labels_shown)
    assert any(text.startswith("Bad\n") for text in shown) and "D2" in shown
    for text, (x0, y0, x1, y1) in fig.labels_shown:
        (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
        box = pixels[int(height - py1):int(height - py0) + 1, int(px0):int(px1) + 1]
        assert box.size and box.sum(axis=2).min() < 3 * 140, text   # dark letters (a failing door's in red)
