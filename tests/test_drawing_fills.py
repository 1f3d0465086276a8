"""The detailed plan picture draws shapes of one style as one path (planner/output/drawing.py `_add_polygons`):
each room is filled in its type's colour, the highlighted room's outline lies over its neighbours', and where two
shaded areas of one status overlap both are filled — whichever way their outlines run."""
from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from shapely.geometry import Point, Polygon
from shapely.geometry.polygon import orient

from planner.model.findings import FAIL, PASS, Finding
from planner.model.plan import Plan, Room
from planner.model.status import COLOURS
from planner.output.drawing import ROOM_FILL, draw_plan


def _image(fig) -> np.ndarray:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3] / 255


def _at(fig, image: np.ndarray, x_mm: float, y_mm: float) -> np.ndarray:
    px, py = fig.axes[0].transData.transform((x_mm, y_mm))
    return image[int(round(image.shape[0] - py)), int(round(px))]


def _area(element: str, status: str, shape) -> Finding:
    return Finding(check="turning_circle", code="X", element=element, status=status, measured=None, required=0.0,
                   rule="TEK17", message_key="x", geometry=shape)


ROOMS = (Room.from_rectangle("R1", "Bad", "bathroom", 0, 0, 4000, 4000),
         Room.from_rectangle("R2", "Stue", "living", 4000, 0, 4000, 4000),
         Room.from_rectangle("R3", "Kjøkken", "kitchen", 8000, 0, 4000, 4000))


def test_each_room_is_filled_in_the_colour_of_its_type():
    fig = draw_plan(Plan(rooms=ROOMS), [])
    image = _image(fig)
    for room in ROOMS:
        corner = room.polygon.bounds
        drawn = _at(fig, image, corner[0] + 700, corner[1] + 650)   # off the labels and the metre grid
        assert np.abs(drawn - np.array(to_rgb(ROOM_FILL[room.type]))).max() < 0.02, (room.id, drawn)


def test_the_highlighted_room_is_outlined_over_its_neighbours():
    fig = draw_plan(Plan(rooms=ROOMS), [], highlight="R2")
    image = _image(fig)
    wall = _at(fig, image, 4000, 1300)        # the wall R1 and R2 share
    assert np.abs(wall - np.array(to_rgb("#0969da"))).max() < 0.15, wall


def test_overlapping_areas_of_one_status_are_both_filled_whichever_way_they_run():
    a = orient(Point(3500, 2000).buffer(1200), sign=1.0)      # counter-clockwise
    b = orient(Point(4500, 2000).buffer(1200), sign=-1.0)     # clockwise, overlapping a
    fig = draw_plan(Plan(rooms=ROOMS), [_area("R1", FAIL, a), _area("R2", FAIL, b), _area("R3", PASS,
                                                                                          Polygon())])
    image = _image(fig)
    overlap, only_a = _at(fig, image, 3900, 2600), _at(fig, image, 2600, 2600)
    bare = _at(fig, image, 2600, 3700)       # the bathroom beyond both circles
    red = np.array(to_rgb(COLOURS[FAIL]))
    # the overlap is tinted like the rest of a circle, not left bare by the fill rule
    assert np.abs(overlap - bare).max() > 0.03 and np.abs(only_a - bare).max() > 0.03
    assert np.dot(overlap - bare, red - bare) > 0, (overlap, bare)
