"""A block placed in the plan's own plane is placed without ezdxf's 4 × 4 matrices: the result must be ezdxf's
own `Insert.matrix44()`, to the last bit, for any scale (mirrored too), rotation and base point."""
from __future__ import annotations

import random

import ezdxf
import numpy as np
import pytest

from planner.importers.dxfread import Entity
from planner.importers.extract import insert_matrix


def _cases(n: int):
    rng = random.Random(16)
    for _ in range(n):
        sx = rng.choice([1.0, -1.0, 2.5, 0.001, 25.4, rng.uniform(-3, 3)])
        sy = rng.choice([1.0, -1.0, sx, rng.uniform(-3, 3)])
        angle = rng.choice([0.0, 90.0, 180.0, 270.0, 45.0, rng.uniform(-720, 720)])
        insert = (rng.uniform(-1e6, 1e6), rng.uniform(-1e6, 1e6))
        base = (rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3), rng.choice([0.0, 5.0]))
        yield sx, sy, angle, insert, base


@pytest.mark.parametrize("extrusion", [None, (0.0, 0.0, 1.0), (0.0, 0.0, -1.0)])
def test_a_block_is_placed_as_ezdxf_places_it(extrusion):
    doc = ezdxf.new()
    msp = doc.modelspace()
    for k, (sx, sy, angle, insert, base) in enumerate(_cases(300)):
        block = doc.blocks.new(f"B{k}", base_point=base)
        block.add_line((0, 0), (1, 1))
        attribs = {"xscale": sx, "yscale": sy, "rotation": angle}
        if extrusion is not None:
            attribs["extrusion"] = extrusion
        ref = msp.add_blockref(f"B{k}", insert, dxfattribs=attribs)
        codes = ["10", "20", "30", "41", "42", "50"] + (["210", "220", "230"] if extrusion else [])
        values = [repr(insert[0]), repr(insert[1]), "0.0", repr(sx), repr(sy), repr(angle)] + \
            ([repr(v) for v in extrusion] if extrusion else [])
        rot, shift = insert_matrix(Entity("INSERT", codes, values), base)
        rows = np.array(list(ref.matrix44().rows()), dtype=float)
        if extrusion == (0.0, 0.0, -1.0):    # the general path: equal to rounding
            assert np.allclose(rot, rows[:2, :2], rtol=1e-12, atol=1e-9)
            assert np.allclose(shift, rows[3, :2], rtol=1e-12, atol=1e-6)
        else:
            assert np.array_equal(rot, rows[:2, :2]) and np.array_equal(shift, rows[3, :2]), (sx, sy, angle, base)
