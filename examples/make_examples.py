"""Build the example plans: each is a project file (plan + site measurements) and the same plan as a DXF.

Run `python -m examples.make_examples` to write them; tests check the committed files match this script.
Every example has the same shape: a `build_*` function returning a Project, listed in EXAMPLES.
"""
from __future__ import annotations

from pathlib import Path

from planner.editing.builder import door_from_opening, fixture, plan_from_parts
from planner.output.dxf_export import plan_to_dxf_bytes
from planner.project.measurements import make_measurement
from planner.model.plan import Entrance, Room
from planner.project.file import Project, dumps_project

HERE = Path(__file__).parent
STAMP = "2026-11-01T10:00:00+00:00"  # a fixed time, so the files are the same on every run


def _measured(element: str, field: str, value: float, note: str = ""):
    return make_measurement(element, field, value, taken_at=STAMP, note=note)


def build_narrow_bathroom_flat() -> Project:
    """A 1970s flat: the bathroom door is 700 mm and the bathroom has only a bathtub."""
    rooms = [
        Room.from_rectangle("R1", "Stue", "living", -4000, 0, 4000, 5200),
        Room.from_rectangle("R2", "Gang", "hall", 0, 0, 2000, 3400),
        Room.from_rectangle("R3", "Bad", "bathroom", 2000, 0, 1700, 2200),
        Room.from_rectangle("R4", "Soverom", "bedroom", 2000, 2200, 3000, 3000),
        Room.from_rectangle("R5", "Kjøkken", "kitchen", 0, 3400, 2000, 1800),
    ]
    doors = [
        door_from_opening("D1", (500, 0), (1500, 0), 1, rooms),              # entrance, opens into the hall
        door_from_opening("D2", (2000, 1900), (2000, 1200), 1, rooms),       # bathroom, 700 mm, opens into bath
        door_from_opening("D3", (2000, 2400), (2000, 3300), -1, rooms),      # bedroom, opens into bedroom
        door_from_opening("D4", (0, 1800), (0, 2700), 1, rooms),             # living room
        door_from_opening("D5", (1400, 3400), (500, 3400), 1, rooms),        # kitchen
    ]
    fixtures = [
        fixture("F1", "bath", 3000, 500, 700, 1700, rooms),
        fixture("F2", "wc", 2050, 0, 400, 650, rooms),
        fixture("F3", "sink", 2450, 0, 500, 450, rooms),
        fixture("F4", "bed", 3300, 3100, 1600, 2000, rooms),
        fixture("F5", "kitchen", 50, 4600, 1900, 600, rooms),
    ]
    plan = plan_from_parts("Leilighet med smalt bad", rooms, doors, fixtures)
    measurements = (_measured("D2", "threshold_mm", 40, "Treterskel"), _measured("D1", "threshold_mm", 20))
    return Project(plan=plan, measurements=measurements,
                   notes={"D2": "Dørkarm 800 mm utvendig. Terskel i eik."},
                   source={"kind": "example", "dxf": "flat-narrow-bathroom.dxf"})


def build_stepped_entrance_house() -> Project:
    """A detached house, all on one level inside, with a 350 mm rise (two steps) at the front door."""
    rooms = [
        Room.from_rectangle("R1", "Entré", "hall", 0, 0, 2400, 2600),
        Room.from_rectangle("R2", "Stue", "living", 2400, 0, 5000, 4200),
        Room.from_rectangle("R3", "Kjøkken", "kitchen", 2400, 4200, 3200, 3000),
        Room.from_rectangle("R4", "Bad", "bathroom", -600, 2600, 3000, 2600),
        Room.from_rectangle("R5", "Soverom", "bedroom", -3600, -1000, 3600, 3600),
    ]
    doors = [
        door_from_opening("D1", (700, 0), (1700, 0), 1, rooms),              # front door into the hall
        door_from_opening("D2", (2400, 300), (2400, 1200), -1, rooms),       # living room
        door_from_opening("D3", (1500, 2600), (600, 2600), -1, rooms),       # bathroom, opens into the bath
        door_from_opening("D4", (0, 1500), (0, 2400), -1, rooms),            # bedroom
        door_from_opening("D5", (3000, 4200), (3900, 4200), 1, rooms),       # kitchen, from the living room
    ]
    fixtures = [
        fixture("F1", "shower", 1300, 4100, 1000, 1000, rooms),
        fixture("F2", "wc", -500, 4400, 400, 650, rooms),
        fixture("F3", "sink", -500, 3300, 450, 550, rooms),
        fixture("F4", "bed", -3300, 400, 1600, 2000, rooms),
        fixture("F5", "kitchen", 2500, 6600, 3000, 600, rooms),
    ]
    plan = plan_from_parts("Enebolig med trapp", rooms, doors, fixtures,
                           entrance=Entrance(rise_mm=350, steps=2, door="D1", space_length_mm=9000,
                                             rise_source="measured"))
    measurements = (_measured("entrance", "rise_mm", 350, "To trinn à 175 mm"),
                    _measured("D1", "threshold_mm", 30), _measured("D3", "threshold_mm", 15),
                    _measured("F1", "lip_mm", 60, "Dusjkabinett med kant"),
                    _measured("entrance", "landing_mm", 1100, "Trappeavsats 1,1 x 1,4 m"))
    # The household is renovating the bathroom anyway: the renovation plan says what to do while it is open.
    return Project(plan=plan, measurements=measurements, costing={"renovation": {"rooms": ["R4"], "new_build": False}},
                   source={"kind": "example", "dxf": "house-stepped-entrance.dxf"})


def build_accessible_flat() -> Project:
    """A reference flat built to TEK17: wide doors, step-free shower, room to turn everywhere."""
    rooms = [
        Room.from_rectangle("R1", "Entré", "hall", 0, 0, 2600, 3200),
        Room.from_rectangle("R2", "Bad", "bathroom", 2600, 0, 2700, 2700),
        Room.from_rectangle("R3", "Soverom", "bedroom", 2600, 2700, 3600, 3600),
        Room.from_rectangle("R4", "Stue og kjøkken", "living", -5000, 0, 5000, 6300),
        Room.from_rectangle("R5", "Bod", "storage", 0, 3200, 2600, 1500),
    ]
    doors = [
        door_from_opening("D1", (600, 0), (1600, 0), -1, rooms),             # entrance, opens outwards
        door_from_opening("D2", (2600, 200), (2600, 1200), 1, rooms),        # bathroom, opens into the hall
        door_from_opening("D3", (3000, 2700), (4000, 2700), 1, rooms),       # bedroom
        door_from_opening("D4", (0, 2300), (0, 1300), -1, rooms),            # living room, opens into it
        door_from_opening("D5", (1500, 3200), (600, 3200), 1, rooms),        # storeroom
    ]
    fixtures = [
        fixture("F1", "shower", 4200, 1600, 1100, 1100, rooms),
        fixture("F2", "wc", 3600, 0, 450, 700, rooms),     # 1 000 mm free to the west, 1 250 mm to the east
        fixture("F3", "sink", 2700, 2200, 600, 500, rooms),
        fixture("F4", "bed", 4400, 4100, 1600, 2000, rooms),
        fixture("F5", "kitchen", -4900, 5600, 3000, 600, rooms),
    ]
    plan = plan_from_parts("Tilgjengelig referanseleilighet", rooms, doors, fixtures,
                           entrance=Entrance(rise_mm=0, door="D1", rise_source="measured"))
    measurements = tuple(_measured(d.id, "threshold_mm", 0) for d in doors) + (
        _measured("F1", "lip_mm", 0), _measured("entrance", "rise_mm", 0), _measured("D1", "threshold_mm", 20),
        _measured("entrance", "landing_mm", 1800, "Flatt felt foran døren, utenfor slagområdet"))
    return Project(plan=plan, measurements=measurements, source={"kind": "example", "dxf": "accessible-flat.dxf"})


EXAMPLES = {
    "flat-narrow-bathroom": build_narrow_bathroom_flat,
    "house-stepped-entrance": build_stepped_entrance_house,
    "accessible-flat": build_accessible_flat,
}


def example_files() -> dict[str, dict[str, bytes]]:
    """Each example's project file and DXF, as bytes."""
    out = {}
    for name, build in EXAMPLES.items():
        project = build()
        out[name] = {f"{name}.tilpass.json": dumps_project(project).encode("utf-8"),
                     f"{name}.dxf": plan_to_dxf_bytes(project.plan)}
    return out


def main() -> None:
    for files in example_files().values():
        for filename, data in files.items():
            (HERE / filename).write_bytes(data)
            print(f"wrote examples/{filename}")


if __name__ == "__main__":
    main()
