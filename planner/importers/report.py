"""The import report (what was found, ignored and guessed) and the sentences the user reads."""
from __future__ import annotations

from collections import Counter

from planner.units import UNIT_NAMES


def units_unknown(guess: str | None) -> str:
    if guess:
        return (f"The drawing does not say its units; door widths and room sizes suggest {UNIT_NAMES[guess]} "
                f"— choose the unit (CLI: --units {guess}).")
    return ("The drawing does not say its units and its geometry does not reveal them — choose the unit "
            "(CLI: --units mm|cm|m|in|ft).")


def units_overridden(header: str, used: str, why: str) -> str:
    return (f"The drawing says its unit is {UNIT_NAMES[header]}, but {why}; it was read in "
            f"{UNIT_NAMES[used]} — check a known width and change the unit if that is wrong (CLI: --units).")


def several_regions(count: int, chosen: int) -> str:
    return (f"The file holds {count} separate drawings side by side; region {chosen} (the largest) was read "
            "— pick another with --region N (or in the app).")


def no_rooms(wall_layers: list[str], wall_count: int, door_count: int) -> str:
    if not wall_count:
        return ("This drawing has no room outlines and no wall lines, so it is not a floor plan this tool can "
                "read; if walls are on a layer with an unusual name, give it the role 'walls' (CLI: "
                "--layer-role LAYER=walls).")
    layers = ", ".join(wall_layers[:4]) + (" …" if len(wall_layers) > 4 else "")
    return (f"No room outlines, and the {wall_count} wall lines on layers {layers} do not close into rooms "
            f"(with {door_count} doors found to close them); check the units and the layer roles, or draw "
            "room outlines on a layer named 'rooms'.")


def faces_without_meaning(faces: int, wall_layers: list[str], door_shapes: int = 0,
                          door_blocks: list[str] | None = None) -> str:
    layers = ", ".join(wall_layers[:4]) + (" …" if len(wall_layers) > 4 else "")
    if door_shapes:
        blocks = f" (block {', '.join(door_blocks[:3])})" if door_blocks else ""
        return (f"The lines on layers {layers} enclose {faces} shapes, but none has a room name inside and none "
                f"lies beside one of the {door_shapes} doors found{blocks}, so the walls around the doors do not "
                "close into rooms and no plan was made; check the wall and door layer roles (CLI: --layer-role "
                "LAYER=walls), or draw room outlines.")
    return (f"The lines on layers {layers} enclose {faces} shapes, but there are no doors and no room names "
            "to tell rooms from furniture, hatching or elevations, so no plan was made; name the wall and door "
            "layers (CLI: --layer-role LAYER=walls) or draw room outlines.")


def unnamed_faces_without_doors(faces: int, beside: int, doors: int, wall_layers: list[str]) -> str:
    layers = ", ".join(wall_layers[:4]) + (" …" if len(wall_layers) > 4 else "")
    return (f"The lines on layers {layers} enclose {faces} shapes with no room name inside, and only {beside} of "
            f"them lie beside one of the {doors} doors found, so the rest cannot be told from floor patterns, "
            "furniture or elevations and no plan was made; draw room outlines or name the rooms, or set the layers "
            "that are not walls to 'ignore' (CLI: --layer-role LAYER=ignore).")


def unnamed_fragment(faces: int, room_m2: float, extent_m2: float, wall_layers: list[str]) -> str:
    layers = ", ".join(wall_layers[:4]) + (" …" if len(wall_layers) > 4 else "")
    return (f"The walls on layers {layers} close into only {faces} unnamed space(s) of {room_m2:.0f} m² in a drawing "
            f"of about {extent_m2:.0f} m², so most of the walls do not close into rooms and no plan was made; draw "
            "room outlines or name the rooms, or set the layers that are not walls to 'ignore' "
            "(CLI: --layer-role LAYER=ignore).")


def furniture_outlines(layers: list[str], count: int) -> str:
    names = ", ".join(layers[:4]) + (" …" if len(layers) > 4 else "")
    return (f"The {count} closed outlines on the room layers {names} are labelled only with furniture names "
            "(such as 'Table'), so they are furniture, not rooms, and no plan was made; give those layers the "
            f"role 'fixtures' (CLI: --layer-role {layers[0]}=fixtures) or draw room outlines on a layer named "
            "'rooms'.")


def areas_without_outlines(missing: list[str], named: int, layers: list[str]) -> str:
    names = ", ".join(repr(t) for t in missing[:4]) + (" …" if len(missing) > 4 else "")
    return (f"Only {named - len(missing)} of the {named} named areas have a room outline (the others, {names}, "
            "have none; the rest of the closed outlines on the room layers are furniture), so no plan was made; "
            "draw room outlines on a layer named 'rooms', or give the furniture layers the role 'fixtures' and "
            "the wall layers the role 'walls' (CLI: --layer-role LAYER=walls).")


def walls_without_meaning(wall_layers: list[str], wall_count: int) -> str:
    if not wall_count:
        return no_rooms(wall_layers, 0, 0)
    layers = ", ".join(wall_layers[:4]) + (" …" if len(wall_layers) > 4 else "")
    return (f"No room outlines, and the {wall_count} wall lines on layers {layers} come with no doors and no room "
            "names to tell rooms from furniture, hatching or elevations, so no plan was made; name the wall and "
            "door layers (CLI: --layer-role LAYER=walls) or draw room outlines.")


def build_report(*, name, doc, layout, roles, role_why, units, regions, chosen, parts, raw,
                 warnings: list[str]) -> dict:
    """A JSON-able summary of the import."""
    ignored = [{"what": f"{n} {t}", "why": why} for (t, why), n in sorted(raw.ignored.items())]
    ignored += [{"what": f"{n} {what}", "why": "not used for rooms, doors or fixtures"}
                for what, n in sorted(parts.dropped.items()) if n]
    guesses = [{"what": f"layer {lay!r} holds {role}", "why": role_why[lay]}
               for lay, role in sorted(roles.items()) if role not in ("unknown",) and role_why[lay] != "set by the user"]
    if units["used"] != units["header"]:
        guesses.insert(0, {"what": f"the unit is {units['used']}", "why": units["why"]})
    guesses += parts.guesses
    kinds = Counter(d.kind for d in parts.doors)
    return {
        "file": name, "dxf_version": doc.dxfversion, "layout": layout,
        "found": {"rooms": len(parts.rooms), "doors": len(parts.doors), "fixtures": len(parts.fixtures),
                  "walls": len(parts.walls), "labels": len(raw.texts), "door_kinds": dict(kinds)},
        "rooms_from": parts.rooms_from,
        "ignored": ignored, "guesses": guesses, "units": units,
        "layers": dict(sorted(roles.items())), "layer_reasons": dict(sorted(role_why.items())),
        "regions": regions, "region": chosen, "warnings": list(warnings),
    }


def issues(report: dict) -> list[str]:
    """Sentences for the user: warnings first, then what may be missing."""
    out = list(report["warnings"])
    found = report["found"]
    if found["doors"] == 0:
        out.append("No doors were recognised; door checks need them — give the door layer the role 'doors' "
                   "or add doors by hand.")
    unnamed = sum(1 for g in report["guesses"] if g["why"] == "no text inside")
    if unnamed:
        out.append(f"{unnamed} of {found['rooms']} rooms have no name in the drawing; their type is 'other' "
                   "until you name them.")
    return out
