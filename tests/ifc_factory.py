"""IFC models built in memory with ifcopenshell's API, in plan metres, for the IFC reader's tests."""
from __future__ import annotations

import math

import numpy as np

ifcopenshell = __import__("pytest").importorskip("ifcopenshell")
import ifcopenshell.api  # noqa: E402
import ifcopenshell.guid  # noqa: E402

run = ifcopenshell.api.run


class Model:
    """An IFC4 model with a project, site and building; lengths given here are metres, whatever the file's unit."""

    def __init__(self, unit: str = "MILLI", schema: str = "IFC4") -> None:
        self.f = run("project.create_file", version=schema)
        if schema == "IFC2X3":        # IFC2X3 needs an owner history on every rooted entity
            import ifcopenshell.api.owner.settings as owner
            person = run("owner.add_person", self.f)
            organisation = run("owner.add_organisation", self.f)
            user = run("owner.add_person_and_organisation", self.f, person=person, organisation=organisation)
            application = run("owner.add_application", self.f)
            owner.get_user, owner.get_application = (lambda f: user), (lambda f: application)
        project = run("root.create_entity", self.f, ifc_class="IfcProject", name="Test")
        length = run("unit.add_si_unit", self.f, unit_type="LENGTHUNIT", prefix=unit or None)
        run("unit.assign_unit", self.f, units=[length])
        self.scale = {"MILLI": 1000.0, "CENTI": 100.0, None: 1.0, "": 1.0}[unit]   # file units per metre
        model = run("context.add_context", self.f, context_type="Model")
        self.body = run("context.add_context", self.f, context_type="Model", context_identifier="Body",
                        target_view="MODEL_VIEW", parent=model)
        site = run("root.create_entity", self.f, ifc_class="IfcSite")
        self.building = run("root.create_entity", self.f, ifc_class="IfcBuilding")
        run("aggregate.assign_object", self.f, products=[site], relating_object=project)
        run("aggregate.assign_object", self.f, products=[self.building], relating_object=site)

    def storey(self, name: str, elevation_m: float = 0.0):
        storey = run("root.create_entity", self.f, ifc_class="IfcBuildingStorey", name=name)
        storey.Elevation = elevation_m * self.scale
        run("aggregate.assign_object", self.f, products=[storey], relating_object=self.building)
        return storey

    def _place(self, product, x: float, y: float, z: float = 0.0, angle: float = 0.0) -> None:
        matrix = np.eye(4)
        c, s = math.cos(angle), math.sin(angle)
        matrix[:3, :3] = [[c, -s, 0], [s, c, 0], [0, 0, 1]]
        matrix[:3, 3] = [x, y, z]
        run("geometry.edit_object_placement", self.f, product=product, matrix=matrix)

    def _box(self, product, width: float, depth: float, height: float) -> None:
        rep = run("geometry.add_wall_representation", self.f, context=self.body, length=width, height=height,
                  thickness=depth)
        run("geometry.assign_representation", self.f, product=product, representation=rep)

    def space(self, storey, name: str, long_name: str | None, x0: float, y0: float, x1: float, y1: float,
              floor_m: float = 0.0, shape: bool = True):
        space = run("root.create_entity", self.f, ifc_class="IfcSpace", name=name)
        space.LongName = long_name
        run("aggregate.assign_object", self.f, products=[space], relating_object=storey)
        if shape:
            self._box(space, x1 - x0, y1 - y0, 2.5)
        self._place(space, x0, y0, floor_m)
        return space

    def door(self, storey, x: float, y: float, width_m: float, angle: float = 0.0, *, lining_m: float | None = None,
             panel_m: float | None = None, external: bool | None = None, operation: str = "SINGLE_SWING_LEFT",
             bounds=()):
        """A door whose lining starts at (x, y) and runs width_m along angle; bounds: the spaces it bounds
        (IfcRelSpaceBoundary)."""
        door = run("root.create_entity", self.f, ifc_class="IfcDoor", name="Door")
        door.OverallWidth, door.OverallHeight = width_m * self.scale, 2.1 * self.scale
        door.OperationType = operation
        run("spatial.assign_container", self.f, products=[door], relating_structure=storey)
        self._place(door, x, y, 0.0, angle)
        if lining_m is not None or panel_m is not None:
            door_type = run("root.create_entity", self.f, ifc_class="IfcDoorType", name="Type")
            door_type.OperationType = operation
            sets = []
            if lining_m is not None:
                sets.append(self.f.create_entity("IfcDoorLiningProperties", GlobalId=ifcopenshell.guid.new(),
                                                 LiningThickness=lining_m * self.scale))
            if panel_m is not None:
                sets.append(self.f.create_entity("IfcDoorPanelProperties", GlobalId=ifcopenshell.guid.new(),
                                                 PanelDepth=panel_m * self.scale, PanelOperation="SWINGING",
                                                 PanelPosition="MIDDLE"))
            door_type.HasPropertySets = sets
            run("type.assign_type", self.f, related_objects=[door], relating_type=door_type)
        if external is not None:
            pset = run("pset.add_pset", self.f, product=door, name="Pset_DoorCommon")
            run("pset.edit_pset", self.f, pset=pset, properties={"IsExternal": external})
        for space in bounds:
            self.f.create_entity("IfcRelSpaceBoundary", GlobalId=ifcopenshell.guid.new(), RelatingSpace=space,
                                 RelatedBuildingElement=door, PhysicalOrVirtualBoundary="PHYSICAL",
                                 InternalOrExternalBoundary="INTERNAL")
        return door

    def terminal(self, storey, predefined: str, x: float, y: float, width: float, depth: float,
                 ifc_class: str = "IfcSanitaryTerminal", name: str = "Terminal"):
        element = run("root.create_entity", self.f, ifc_class=ifc_class, predefined_type=predefined, name=name)
        run("spatial.assign_container", self.f, products=[element], relating_structure=storey)
        self._box(element, width, depth, 0.8)
        self._place(element, x, y)
        return element

    def stair_flight(self, storey, x: float, y: float, risers: int, riser_m: float):
        flight = run("root.create_entity", self.f, ifc_class="IfcStairFlight", name="Steps")
        flight.NumberOfRisers, flight.RiserHeight = risers, riser_m * self.scale
        run("spatial.assign_container", self.f, products=[flight], relating_structure=storey)
        self._place(flight, x, y)
        return flight

    def bytes(self) -> bytes:
        return self.f.to_string().encode("utf-8")


def flat(door_width_m: float = 1.0, *, lining_m: float | None = 0.05, panel_m: float | None = 0.04,
         unit: str = "MILLI", boundary: bool = True) -> Model:
    """A hall (x 0–2) and a bathroom (x 2–5), 2.5 m deep, with a door between them at x = 2 (running along y), a
    WC, a basin and a shower in the bathroom, and an exterior door into the hall with two steps outside it."""
    m = Model(unit)
    level = m.storey("Plan 1", 0.0)
    hall = m.space(level, "101", "Gang", 0, 0, 2, 2.5)
    bath = m.space(level, "102", "Bad", 2, 0, 5, 2.5)
    m.door(level, 2.0, 0.8, door_width_m, math.pi / 2, lining_m=lining_m, panel_m=panel_m,
           bounds=(hall, bath) if boundary else ())
    m.door(level, 0.5, 0.0, 1.0, 0.0, lining_m=0.05, panel_m=0.04, external=True, bounds=(hall,) if boundary else ())
    m.stair_flight(level, 1.0, -0.8, 2, 0.17)
    m.terminal(level, "TOILETPAN", 4.4, 1.8, 0.4, 0.65)
    m.terminal(level, "WASHHANDBASIN", 3.2, 2.0, 0.6, 0.45)
    m.terminal(level, "SHOWER", 4.0, 0.1, 0.9, 0.9)
    return m
