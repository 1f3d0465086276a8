"""The funding chart's amount labels stay apart however large the amounts are (they ran together above 100 000 kr)."""
from __future__ import annotations

import pytest

import costing.texts  # noqa: F401  (registers the chart's texts)


@pytest.mark.parametrize("top_nok", [9_000, 120_000, 480_000, 1_380_000, 4_900_000])
def test_chart_amount_labels_do_not_run_together(top_nok):
    from ui.funding import _chart
    fig = _chart([("Rampe", {"nav_loan": top_nok // 3, "own_money": top_nok // 10}),
                  ("Heve terrenget", {"nav_grant": top_nok // 4, "own_money": top_nok // 2}),
                  ("Løfteplattform", {"nav_loan": top_nok})], "nb")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    boxes = [label.get_window_extent(renderer) for label in ax.get_xticklabels()
             if label.get_text() and ax.get_xlim()[0] <= label.get_position()[0] <= ax.get_xlim()[1]]
    assert len(boxes) >= 2
    boxes.sort(key=lambda b: b.x0)
    for left, right in zip(boxes, boxes[1:]):
        assert left.x1 + 8 < right.x0, [label.get_text() for label in ax.get_xticklabels()]
    assert all("kr" not in label.get_text() for label in ax.get_xticklabels())   # the unit is said once
