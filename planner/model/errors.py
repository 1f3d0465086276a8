"""The sentences of PlanError (bad input) in English and Norwegian, for PlanError.text(key, **params).

The English is the sentence str(err) has always been (the CLI and tests rely on it); values from the user or
the drawing (names, ids, numbers, lists of choices) come in as params. PlanError.text imports this module,
so every key here is registered before the first error is made.
"""
from __future__ import annotations

from planner.i18n import register

register({
    # A plan's element read from a project file (planner/model/plan.py): why it cannot be kept, in a sentence of
    # planner/project/checked.py ("... could not be read (why) and was left out")
    "err.file.coordinates": {"en": "a geometry has coordinates that are not finite numbers within {limit} mm",
                             "nb": "en geometri har koordinater som ikke er endelige tall innenfor {limit} mm"},
    "err.file.text": {"en": "expected text, got {kind}", "nb": "ventet tekst, fikk {kind}"},
    "err.file.number": {"en": "expected a finite number within {limit} mm, got {value}",
                        "nb": "ventet et endelig tall innenfor {limit} mm, fikk {value}"},
    "err.file.outline": {"en": "an outline needs three points", "nb": "et omriss trenger tre punkter"},
    "err.file.door_opening": {"en": "a door's opening must be a line", "nb": "døråpningen må være en linje"},
    "err.file.door_swing": {"en": "a door's swing must be a polygon", "nb": "dørens slagområde må være en flate"},
    "err.file.footprint": {"en": "a fixture's footprint must be a polygon",
                           "nb": "innredningens fotavtrykk må være en flate"},
    # The standard a project or a command asks for (planner/rules/__init__.py)
    "err.standard_unknown": {"en": "The standard {standard} is not known; choose one of: {known}.",
                             "nb": "Regelverket {standard} er ukjent; velg ett av: {known}."},
    # Rooms, doors and fixtures (planner/model/plan.py, builder.py, plan_edit.py, rooms_by_numbers.py, canvas_adapter.py)
    "err.room_size": {"en": "Room {name} needs a width and depth above 0 mm.",
                      "nb": "Rommet {name} må ha bredde og dybde over 0 mm."},
    "err.canvas_size": {"en": "The drawing area needs a size and a scale above zero.",
                        "nb": "Tegneflaten må ha en størrelse og en målestokk over null."},
    "err.no_room": {"en": "There is no room {room}.", "nb": "Det finnes ikke noe rom {room}."},
    "edit.move_nothing": {"en": "There is nothing to move where the line starts; start it on a room, door or "
                                "fixture.",
                          "nb": "Det er ingenting å flytte der linjen starter; start den på et rom, en dør eller "
                                "innredning."},
    "err.no_room_beside": {"en": "There is no room {room} to build beside.",
                           "nb": "Det finnes ikke noe rom {room} å bygge ved siden av."},
    "err.room_type": {"en": "Unknown room type {type}; use one of {choices}.",
                      "nb": "Ukjent romtype {type}; bruk en av {choices}."},
    "err.room_type_of": {"en": "{room}: unknown room type {type}.", "nb": "{room}: ukjent romtype {type}."},
    "err.fixture_type": {"en": "Unknown fixture {type}; use one of {choices}.",
                         "nb": "Ukjent innredning {type}; bruk en av {choices}."},
    "err.fixture_type_of": {"en": "{fixture}: unknown fixture type {type}.",
                            "nb": "{fixture}: ukjent type innredning {type}."},
    "err.no_fixture": {"en": "There is no fixture {fixture}.", "nb": "Det finnes ingen innredning {fixture}."},
    "err.sides": {"en": "Walls and sides are north, south, east or west.",
                  "nb": "Vegger og sider er nord, sør, øst eller vest."},
    "err.door_kind": {"en": "Door {door}: the kind must be one of {choices}.",
                      "nb": "Dør {door}: dørtypen må være en av {choices}."},
    "err.door_hinge": {"en": "Door {door}: the hinge side must be left or right.",
                       "nb": "Dør {door}: hengslene må sitte på venstre eller høyre side."},
    "err.door_no_opening": {"en": "Door {door} has no opening line, so its numbers cannot be edited.",
                            "nb": "Dør {door} har ingen åpningslinje, så målene for den kan ikke endres."},
    "err.door_no_width": {"en": "Door {door}: the opening has no width.",
                          "nb": "Dør {door}: døråpningen har ingen bredde."},
    "err.no_door": {"en": "There is no door {door}.", "nb": "Det finnes ingen dør {door}."},
    "err.no_door_in_plan": {"en": "There is no door {door} in the plan.",
                            "nb": "Det finnes ingen dør {door} i planen."},
    "err.no_element": {"en": "There is no element {element} in the plan.",
                       "nb": "Det finnes ikke noe element {element} i planen."},
    # Measurements (planner/project/measurements.py)
    "err.measure.not_number": {"en": "{element}.{field}: {value} is not a number; give millimetres, e.g. 40.",
                               "nb": "{element}.{field}: {value} er ikke et tall; oppgi millimeter, f.eks. 40."},
    "err.measure.field": {"en": "{element}.{field}: unknown field; use one of {choices}.",
                          "nb": "{element}.{field}: ukjent felt; bruk ett av {choices}."},
    "err.measure.range": {"en": "{element}.{field}: {number} is outside {low}–{high} mm; check the unit (millimetres).",
                          "nb": "{element}.{field}: {number} er utenfor {low}–{high} mm; sjekk at målet er i "
                                "millimeter."},
    "err.measure.source": {"en": "{element}.{field}: source must be one of {choices}.",
                           "nb": "{element}.{field}: kilden må være en av {choices}."},
    # Command line (planner/__main__.py, planner/project/measurements.py, costing/options_cli.py)
    "err.cli.measure_form": {"en": "--measure {text}: write it as ID.FIELD=VALUE, e.g. D2.threshold_mm=40.",
                             "nb": "--measure {text}: skriv det som ID.FELT=VERDI, f.eks. D2.threshold_mm=40."},
    "err.cli.measure_unknown": {
        "en": "--measure {element}.{field}: the plan has no such element or field; see the ids in the output "
              "without --measure.",
        "nb": "--measure {element}.{field}: planen har ikke noe slikt element eller felt; se id-ene i utskriften "
              "uten --measure."},
    "err.cli.layer_role": {"en": "--layer-role {text}: write it as LAYER=ROLE, e.g. A-WALL=walls.",
                           "nb": "--layer-role {text}: skriv det som LAG=ROLLE, f.eks. A-WALL=walls."},
    "err.cli.cannot_read": {"en": "Cannot read {path}: {reason}.", "nb": "Kan ikke lese {path}: {reason}."},
    # Opening a file (planner/project/loading.py, planner/project/file.py)
    "err.open.empty": {"en": "The file is empty; choose a DXF drawing or a Tilpass project file.",
                       "nb": "Filen er tom; velg en DXF-tegning eller en Tilpass-prosjektfil."},
    "err.open.empty_named": {"en": "{name} is empty; choose a DXF drawing or a Tilpass project file.",
                             "nb": "{name} er tom; velg en DXF-tegning eller en Tilpass-prosjektfil."},
    "err.open.too_large": {"en": "The file is {size} MB; Tilpass reads files up to {max} MB. Save only the floor "
                                 "plan (one layout) and try again.",
                           "nb": "Filen er {size} MB; Tilpass leser filer på opptil {max} MB. Lagre bare "
                                 "plantegningen (én layout) og prøv igjen."},
    "err.open.too_large_named": {"en": "{name} is {size} MB; Tilpass reads files up to {max} MB. Save only the "
                                       "floor plan (one layout) and try again.",
                                 "nb": "{name} er {size} MB; Tilpass leser filer på opptil {max} MB. Lagre bare "
                                       "plantegningen (én layout) og prøv igjen."},
    "err.open.stream_too_large": {
        "en": "{name} holds more than {max} MB, more than Tilpass reads; save only the floor plan (one layout) as a "
              "file and open that.",
        "nb": "{name} inneholder mer enn {max} MB, mer enn Tilpass leser; lagre bare plantegningen (én layout) som "
              "en fil og åpne den."},
    "err.open.unit": {"en": "Unknown unit {unit}; use one of {choices}.",
                      "nb": "Ukjent enhet {unit}; bruk en av {choices}."},
    "err.unit_name": {"en": "Unknown unit {unit}; use one of: {choices}.",   # as planner.model.units.parse_unit says
                      "nb": "Ukjent enhet {unit}; bruk en av: {choices}."},
    "err.path.missing": {"en": "{path} does not exist; check the path.",
                         "nb": "{path} finnes ikke; sjekk filbanen."},
    "err.path.folder": {"en": "{path} is a folder; give a .dxf drawing or a project .json file.",
                        "nb": "{path} er en mappe; oppgi en .dxf-tegning eller en .json-prosjektfil."},
    "err.open.json_unknown": {
        "en": "{name} is a JSON file, but neither a Tilpass project nor an Apple RoomPlan scan (CapturedRoom or "
              "CapturedStructure exported as JSON); open a project saved by Tilpass, a scan, a DXF or an IFC model.",
        "nb": "{name} er en JSON-fil, men verken et Tilpass-prosjekt eller en Apple RoomPlan-skanning (CapturedRoom "
              "eller CapturedStructure eksportert som JSON); åpne et prosjekt lagret av Tilpass, en skanning, en "
              "DXF eller en IFC-modell."},
    "err.path.unreadable": {"en": "{path} cannot be read ({reason}).", "nb": "{path} kan ikke leses ({reason})."},
    "err.project.no_version": {
        "en": "This project file has no valid format version; it was not written by Tilpass.",
        "nb": "Denne prosjektfilen har ingen gyldig formatversjon; den er ikke lagret av Tilpass."},
    "err.project.newer": {
        "en": "This project file is format {version}, newer than this Tilpass reads ({supported}); update Tilpass "
              "to open it.",
        "nb": "Denne prosjektfilen har format {version}, nyere enn denne utgaven av Tilpass kan lese ({supported}); "
              "oppdater Tilpass for å åpne den."},
    "err.project.too_large": {"en": "The project file is larger than 200 MB; it cannot be a Tilpass project.",
                              "nb": "Prosjektfilen er større enn 200 MB; den kan ikke være et Tilpass-prosjekt."},
    "err.project.not_utf8": {"en": "The project file is not UTF-8 text; open a .json file saved by Tilpass.",
                             "nb": "Prosjektfilen er ikke UTF-8-tekst; åpne en .json-fil lagret av Tilpass."},
    "err.project.not_json": {"en": "The project file is not valid JSON (line {line}); it may be damaged.",
                             "nb": "Prosjektfilen er ikke gyldig JSON (linje {line}); den kan være skadet."},
    "err.project.not_tilpass": {
        "en": "This JSON file is not a Tilpass project (it has no \"format\": \"tilpass-project\").",
        "nb": "Denne JSON-filen er ikke et Tilpass-prosjekt (den mangler \"format\": \"tilpass-project\")."},
    "err.project.damaged": {"en": "The project file is damaged: {error} in its contents; open an earlier copy.",
                            "nb": "Prosjektfilen er skadet: {error} i innholdet; åpne en tidligere kopi."},
    # Reading a DXF (planner/importers/dxf.py, extract.py, pipeline.py)
    "file.too_large": {
        "en": "The file is {size} MB, above the {max} MB this tool reads; export only the floor you need (one "
              "layout, no xrefs or images) as DXF.",
        "nb": "Filen er {size} MB, over de {max} MB dette verktøyet leser; eksporter bare etasjen du trenger (én "
              "layout, uten xref-er eller bilder) som DXF."},
    "file.unreadable": {
        "en": "The DXF file cannot be read because {reason}; export it again from the CAD program and upload the "
              "new file.",
        "nb": "DXF-filen kan ikke leses fordi {reason}; eksporter den på nytt fra tegneprogrammet og last opp den "
              "nye filen."},
    "file.repaired_no_plan": {
        "en": "The DXF file cannot be read because {reason}, and what could be repaired holds no floor plan; export "
              "it again from the CAD program and upload the new file.",
        "nb": "DXF-filen kan ikke leses fordi {reason}, og det som kunne repareres, inneholder ingen plantegning; "
              "eksporter den på nytt fra tegneprogrammet og last opp den nye filen."},
    "file.reason.cut_off": {"en": "it ends before the drawing is complete",
                            "nb": "den slutter før tegningen er ferdig"},
    "file.reason.structure": {"en": "its structure is damaged", "nb": "oppbygningen av den er skadet"},
    "file.reason.damaged": {"en": "it is damaged", "nb": "den er skadet"},
    "imp.too_many": {
        "en": "The drawing holds {count} elements, more than the {max} this tool reads; export only the floor plan "
              "you need.",
        "nb": "Tegningen har {count_nb} elementer, flere enn de {max_nb} dette verktøyet leser; eksporter bare "
              "plantegningen du trenger."},
    "imp.too_many_expanded": {
        "en": "The drawing holds more than {max} elements after expanding its blocks, more than this tool reads; "
              "export only the floor plan you need.",
        "nb": "Tegningen har mer enn {max_nb} elementer når blokkene er pakket ut, flere enn dette verktøyet leser; "
              "eksporter bare plantegningen du trenger."},
    "imp.region_unknown": {"en": "There is no region {region} in this drawing; choose one of {choices}.",
                           "nb": "Tegningen har ikke noe område {region}; velg et av {choices}."},
    "imp.role_unknown": {"en": "Layer role {role} for {layer} is not one of: {choices}.",
                         "nb": "Rollen {role} for laget {layer} er ikke en av: {choices}."},
})
