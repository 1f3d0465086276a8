"""Texts of the app's own screens (planner/ and costing/ register theirs)."""
from planner.model import units as _units  # noqa: F401 - registers the unit names (units.mm …)
from planner.i18n import register

register({
    "app.title": {"en": "What stops a wheelchair here, and what fixing it costs",
                  "nb": "Hva stopper rullestolen her, og hva koster det å fikse"},
    "app.caption": {"en": "Checks a floor plan against {standard}. Nothing leaves this computer.",
                    "nb": "Sjekker en plantegning mot {standard}. Ingenting sendes fra denne maskinen."},
    "side.language": {"en": "Language", "nb": "Språk"},
    "side.open": {"en": "Open a plan", "nb": "Åpne en plan"},
    "side.example": {"en": "Example plans", "nb": "Eksempelplaner"},
    "side.open_example": {"en": "Open example", "nb": "Åpne eksempel"},
    "side.upload": {"en": "Upload a DXF drawing, an IFC model, a RoomPlan scan (.json) or a Tilpass project (.json)",
                    "nb": "Last opp en DXF-tegning, en IFC-modell, en RoomPlan-skanning (.json) eller et "
                          "Tilpass-prosjekt (.json)"},
    "side.standard": {"en": "Rules", "nb": "Regelverk"},
    "side.standard_unknown": {"en": "The project names the standard {standard}, which Tilpass does not know: it is "
                                    "checked by {used} instead (choose another below).",
                              "nb": "Prosjektet oppgir regelverket {standard}, som Tilpass ikke kjenner: det sjekkes "
                                    "mot {used} i stedet (velg et annet nedenfor)."},
    "side.privacy": {"en": "Plans and health details stay on this computer: nothing is sent anywhere, and nothing "
                           "is stored unless you save the project.",
                     "nb": "Planer og helseopplysninger blir på denne maskinen: ingenting sendes noe sted, og "
                           "ingenting lagres med mindre du lagrer prosjektet."},
    "example.flat-narrow-bathroom": {"en": "Flat: narrow bathroom door, bathtub only",
                                     "nb": "Leilighet: smal baderomsdør, bare badekar"},
    "example.house-stepped-entrance": {"en": "House: two steps at the entrance",
                                       "nb": "Enebolig: to trinn ved inngangen"},
    "example.accessible-flat": {"en": "Accessible reference flat (passes)",
                                "nb": "Tilgjengelig referanseleilighet (består)"},
    "units.ask": {"en": "{name} does not say which unit it is drawn in (the geometry suggests: {why}). "
                        "Choose the unit:",
                  "nb": "{name} sier ikke hvilken enhet den er tegnet i (geometrien tyder på: {why}). "
                        "Velg enhet:"},
    "units.no_guess": {"en": "nothing clear", "nb": "ingenting sikkert"},
    "units.label": {"en": "Drawing unit", "nb": "Tegningens enhet"},
    "units.read": {"en": "Read the drawing in this unit", "nb": "Les tegningen med denne enheten"},
    "error.open": {"en": "Could not open {name}: {reason}", "nb": "Kunne ikke åpne {name}: {reason}"},
    "error.kept": {"en": "The plan you had open is unchanged.", "nb": "Planen du hadde åpen er uendret."},
    "loaded": {"en": "Open: {name}", "nb": "Åpen: {name}"},
    "metric.fail": {"en": "Barriers", "nb": "Hindringer"},
    "metric.unknown": {"en": "To measure", "nb": "Må måles"},
    "metric.pass": {"en": "OK", "nb": "OK"},
    "metric.rooms": {"en": "Rooms / doors", "nb": "Rom / dører"},
    # Short enough that all ten tabs fit beside the sidebar at 1280 px.
    "tab.plan": {"en": "Plan, findings", "nb": "Plan og funn"},
    "tab.measure": {"en": "Measure", "nb": "Målinger"},
    "tab.funding": {"en": "Costs and grants", "nb": "Kostnad, tilskudd"},
    "tab.draw": {"en": "Draw", "nb": "Tegn"},
    "tab.visit": {"en": "Site visit", "nb": "Hjemmebesøk"},
    "tab.import": {"en": "Import", "nb": "Import"},
    "tab.project": {"en": "Save and report", "nb": "Lagre, rapport"},
    "tab.stock": {"en": "Housing stock", "nb": "Boligmasse"},
    "tab.renovate": {"en": "Renovating?", "nb": "Pusse opp?"},
    "tab.day": {"en": "Daily life", "nb": "Hverdagen"},
    "remeasure.yes": {"en": "measure again", "nb": "mål på nytt"},
    "import.none": {"en": "This plan was not imported from a DXF, an IFC model or a scan, so there is no import "
                          "report.",
                    "nb": "Denne planen er ikke importert fra en DXF, en IFC-modell eller en skanning, så det finnes "
                          "ingen importrapport."},
    "findings.show": {"en": "Show", "nb": "Vis"},
    "findings.all": {"en": "all", "nb": "alle"},
    "findings.problems": {"en": "barriers and unknowns", "nb": "hindringer og ukjente"},
    "plan.legend": {"en": "Green circle: a Ø {turning_circle_diameter_mm} mm turning circle fits (green rectangle: the "
                          "{turning_rectangle_width_mm} × {turning_rectangle_length_mm} mm turning "
                          "area the standard accepts instead). Red dashed circle: the largest free "
                          "circle, too small. Door colours: red fails, amber unknown (measure it), green passes.",
                    "nb": "Grønn sirkel: snusirkel Ø {turning_circle_diameter_mm} mm får plass (grønt rektangel: snuareal "
                          "{turning_rectangle_width_mm} × {turning_rectangle_length_mm} mm, "
                          "som godtas i stedet). Rød stiplet sirkel: største frie sirkel, "
                          "for liten. Dørfarger: rød = avvik, gul = ukjent (mål den), grønn = ok."},
    "plan.legend_circle": {"en": "Green circle: a Ø {turning_circle_diameter_mm} mm turning circle fits. Red dashed "
                                 "circle: the largest free circle, too small. Door colours: red fails, amber unknown "
                                 "(measure it), green passes.",
                           "nb": "Grønn sirkel: snusirkel Ø {turning_circle_diameter_mm} mm får plass. Rød stiplet "
                                 "sirkel: største frie sirkel, for liten. Dørfarger: rød = avvik, gul = ukjent (mål "
                                 "den), grønn = ok."},
    "plan.no_rooms": {"en": "The plan has no rooms yet.", "nb": "Planen har ingen rom ennå."},
    "measure.intro": {"en": "Type what you measure on site, in millimetres. A measured value replaces what the "
                            "drawing says; clear a cell to go back to the drawing.",
                      "nb": "Skriv inn det du måler på stedet, i millimeter. En målt verdi erstatter det tegningen "
                            "sier; tøm cellen for å gå tilbake til tegningen."},
    "measure.doors": {"en": "Doors", "nb": "Dører"},
    "measure.showers": {"en": "Showers", "nb": "Dusjer"},
    "measure.entrance": {"en": "Entrance", "nb": "Inngang"},
    "measure.col.door": {"en": "Door", "nb": "Dør"}, "measure.col.rooms": {"en": "Between", "nb": "Mellom"},
    "measure.col.leaf": {"en": "Leaf (drawn) mm", "nb": "Dørblad (tegnet) mm"},
    "measure.col.clear": {"en": "Clear width mm", "nb": "Fri bredde mm"},
    "measure.col.threshold": {"en": "Threshold mm", "nb": "Terskel mm"},
    "measure.col.behind": {"en": "Behind the door", "nb": "Bak døren"},
    "measure.col.behind_help": {
        "en": "For a door the drawing shows with a room on one side only: what is on the other side. It decides "
              "whether the door needs {door_clear_width_internal_mm} mm (inside the dwelling) or "
              "{door_clear_width_entrance_mm} mm (entrance or shared corridor).",
        "nb": "For en dør der tegningen bare viser rom på den ene siden: hva som er på den andre siden. Det avgjør "
              "om døren trenger {door_clear_width_internal_mm} mm (inne i boligen) eller {door_clear_width_entrance_mm} mm "
              "(inngang eller felles gang)."},
    "measure.basins": {"en": "Basins", "nb": "Servanter"},
    "measure.col.basin": {"en": "Basin", "nb": "Servant"},
    "measure.col.under": {"en": "Free floor under it", "nb": "Fritt gulv under"},
    "measure.col.under_help": {
        "en": "Yes when the basin hangs on the wall at least {turning_space_under_fixture_mm} mm above the floor "
              "with nothing under it: the turning space may pass under it ({turning_space_under_fixture_clause}).",
        "nb": "Ja når servanten henger på veggen minst {turning_space_under_fixture_mm} mm over gulvet uten noe "
              "under: snuarealet kan gå inn under den ({turning_space_under_fixture_clause})."},
    "measure.col.under_help_none": {"en": "Yes when the basin hangs on the wall with nothing under it.",
                                    "nb": "Ja når servanten henger på veggen uten noe under."},
    "measure.col.shower": {"en": "Shower", "nb": "Dusj"}, "measure.col.room": {"en": "Room", "nb": "Rom"},
    "measure.col.lip": {"en": "Kerb height mm", "nb": "Kanthøyde mm"},
    "measure.rise": {"en": "Rise from the ground to the entrance floor (mm)",
                     "nb": "Høyde fra bakken til gulvet innenfor inngangsdøren (mm)"},
    "measure.steps": {"en": "Number of steps", "nb": "Antall trinn"},
    "measure.space": {"en": "Length of level ground in front of the entrance (mm)",
                      "nb": "Lengde på flatt terreng foran inngangen (mm)"},
    "measure.log": {"en": "Measured (these replace the drawing):", "nb": "Målt (erstatter tegningen):"},
    "measure.none": {"en": "Nothing measured yet: every width comes from the drawing.",
                     "nb": "Ingenting er målt ennå: alle bredder kommer fra tegningen."},
    "measure.bad": {"en": "Not used: {problem}", "nb": "Ikke brukt: {problem}"},
    "project.save": {"en": "Save project (.json)", "nb": "Lagre prosjekt (.json)"},
    "project.save_help": {"en": "Plan, measurements, notes, photos and prices in one file. Open it again with "
                                "the upload box.",
                          "nb": "Plan, målinger, notater, bilder og priser i én fil. Åpne den igjen med "
                                "opplastingsfeltet."},
    "project.dxf": {"en": "Export the plan as DXF", "nb": "Eksporter planen som DXF"},
    "project.report": {"en": "Download the report (HTML, for the application)",
                       "nb": "Last ned rapporten (HTML, til søknaden)"},
    "project.png": {"en": "Download the drawing (PNG)", "nb": "Last ned tegningen (PNG)"},
    "rules.title": {"en": "The rule values used", "nb": "Kravene som brukes"},
    # the import's corrections, written by app.py before ui/import_view.py (imported when first needed) is loaded
    "imp.unit_help": {"en": "Change it if a width you know comes out wrong, then read the drawing again.",
                      "nb": "Endre den hvis en bredde du kjenner blir feil, og les tegningen på nytt."},
    "imp.fix_roles": {"en": "Correct what the layers of {name} hold, and read it again",
                      "nb": "Rett opp hva lagene i {name} inneholder, og les tegningen på nytt"},
    "imp.reread": {"en": "Read the drawing again with these choices", "nb": "Les tegningen på nytt med disse valgene"},
    "imp.reupload": {"en": "Upload the DXF again to change layer roles or the plan read.",
                     "nb": "Last opp DXF-en på nytt for å endre lagroller eller hvilken plan som leses."},
})
