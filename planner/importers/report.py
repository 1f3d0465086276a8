"""The import report (what was found, ignored and guessed) and the sentences the user reads."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from planner.i18n import fmt_mm, register, render, said
from planner.importers.layers import SET_BY_USER
from planner.importers.rooms import NO_TEXT_INSIDE
from planner.model.plan import PlanError
from planner.model.units import INSUNITS_NAMES, INSUNITS_TO_UNIT, unit_name


def _layers(names: list[str]) -> str:
    """The first layers by name for a sentence; "(no layer)" in the sentence's language when there are none."""
    if not names:
        return "@imp.no_layer"
    return ", ".join(names[:4]) + (" …" if len(names) > 4 else "")


# The sentences a refused import ends in, in both languages; each function returns the PlanError to raise.
register({
    "imp.no_layer": {"en": "(none named)", "nb": "(ingen navngitt)"},
    "imp.units_unknown": {
        "en": "The drawing does not say its units; door widths and room sizes suggest {unit} — choose the unit "
              "(CLI: --units {code}).",
        "nb": "Tegningen sier ikke hvilken enhet den bruker; dørbredder og romstørrelser tyder på {unit} — velg "
              "enhet (CLI: --units {code})."},
    "imp.units_unknown_no_guess": {
        "en": "The drawing does not say its units and its geometry does not reveal them — choose the unit "
              "(CLI: --units mm|cm|m|in|ft).",
        "nb": "Tegningen sier ikke hvilken enhet den bruker, og geometrien avslører det ikke — velg enhet "
              "(CLI: --units mm|cm|m|in|ft)."},
    "imp.no_walls": {
        "en": "This drawing has no room outlines and no wall lines, so it is not a floor plan this tool can read; if "
              "walls are on a layer with an unusual name, give it the role 'walls' (CLI: --layer-role LAYER=walls).",
        "nb": "Tegningen har verken romomriss eller vegglinjer, så den er ikke en plantegning Tilpass kan lese; ligger "
              "veggene på et lag med et uvanlig navn, gi laget rollen 'walls' (CLI: --layer-role LAG=walls)."},
    "imp.no_rooms": {
        "en": "No room outlines, and the {count} wall lines on layers {layers} do not close into rooms (doors "
              "found to close them: {doors}); check the units and the layer roles, or draw room outlines on a layer "
              "named 'rooms'.",
        "nb": "Ingen romomriss, og de {count} vegglinjene på lagene {layers} lukker seg ikke til rom (dører "
              "funnet til å lukke dem: {doors}); sjekk enheten og lagrollene, eller tegn romomriss på et lag som heter "
              "'rooms'."},
    "imp.faces_no_door_meets": {
        "en": "The lines on layers {layers} enclose {faces} shapes, but none has a room name inside and none lies "
              "beside one of the {doors} doors found{blocks}, so the walls around the doors do not close into rooms "
              "and no plan was made; check the wall and door layer roles (CLI: --layer-role LAYER=walls), or draw "
              "room outlines.",
        "nb": "Linjene på lagene {layers} omslutter {faces} figurer, men ingen har et romnavn inni og ingen ligger "
              "ved en av de {doors} dørene som ble funnet{blocks}, så veggene rundt dørene lukker seg ikke til rom og "
              "ingen plan ble laget; sjekk lagrollene for vegger og dører (CLI: --layer-role LAG=walls), eller tegn "
              "romomriss."},
    "imp.door_blocks": {"en": " (block {block_names})", "nb": " (blokk {block_names})"},
    "imp.faces_no_meaning": {
        "en": "The lines on layers {layers} enclose {faces} shapes, but there are no doors and no room names to tell "
              "rooms from furniture, hatching or elevations, so no plan was made; name the wall and door layers "
              "(CLI: --layer-role LAYER=walls) or draw room outlines.",
        "nb": "Linjene på lagene {layers} omslutter {faces} figurer, men det finnes verken dører eller romnavn som "
              "skiller rom fra møbler, skravur eller fasader, så ingen plan ble laget; angi lagene for vegger og "
              "dører (CLI: --layer-role LAG=walls) eller tegn romomriss."},
    "imp.unnamed_faces": {
        "en": "The lines on layers {layers} enclose {faces} shapes with no room name inside, and only {beside} of "
              "them lie beside one of the {doors} doors found, so the rest cannot be told from floor patterns, "
              "furniture or elevations and no plan was made; draw room outlines or name the rooms, or set the layers "
              "that are not walls to 'ignore' (CLI: --layer-role LAYER=ignore).",
        "nb": "Linjene på lagene {layers} omslutter {faces} figurer uten romnavn, og bare {beside} av dem ligger ved "
              "en av de {doors} dørene som ble funnet, så resten kan ikke skilles fra gulvmønster, møbler eller "
              "fasader og ingen plan ble laget; tegn romomriss eller navngi rommene, eller sett lagene som ikke er "
              "vegger til 'ignore' (CLI: --layer-role LAG=ignore)."},
    "imp.fragment": {
        "en": "The walls on layers {layers} close into only {faces} unnamed space(s) of {room_m2} m² in a drawing "
              "of about {extent_m2} m², so most of the walls do not close into rooms and no plan was made; draw "
              "room outlines or name the rooms, or set the layers that are not walls to 'ignore' "
              "(CLI: --layer-role LAYER=ignore).",
        "nb": "Veggene på lagene {layers} lukker seg bare til {faces} rom uten navn på {room_m2} m² i en tegning på "
              "omtrent {extent_m2} m², så de fleste veggene lukker seg ikke til rom og ingen plan ble laget; tegn "
              "romomriss eller navngi rommene, eller sett lagene som ikke er vegger til 'ignore' "
              "(CLI: --layer-role LAG=ignore)."},
    "imp.furniture": {
        "en": "The {count} closed outlines on the room layers {layers} are labelled only with furniture names (such "
              "as 'Table'), so they are furniture, not rooms, and no plan was made; give those layers the role "
              "'fixtures' (CLI: --layer-role {first}=fixtures) or draw room outlines on a layer named 'rooms'.",
        "nb": "De {count} lukkede omrissene på romlagene {layers} har bare møbelnavn (som 'Table'), så de er møbler, "
              "ikke rom, og ingen plan ble laget; gi lagene rollen 'fixtures' (CLI: --layer-role {first}=fixtures) "
              "eller tegn romomriss på et lag som heter 'rooms'."},
    "imp.areas_without_outlines": {
        "en": "Only {with_outline} of the {named} named areas have a room outline (the others, {missing}, have none; "
              "the rest of the closed outlines on the room layers are furniture), so no plan was made; draw room "
              "outlines on a layer named 'rooms', or give the furniture layers the role 'fixtures' and the wall "
              "layers the role 'walls' (CLI: --layer-role LAYER=walls).",
        "nb": "Bare {with_outline} av de {named} navngitte områdene har et romomriss (de andre, {missing}, har ingen; "
              "resten av de lukkede omrissene på romlagene er møbler), så ingen plan ble laget; tegn romomriss på et "
              "lag som heter 'rooms', eller gi møbellagene rollen 'fixtures' og vegglagene rollen 'walls' "
              "(CLI: --layer-role LAG=walls)."},
    "imp.walls_no_meaning": {
        "en": "No room outlines, and the {count} wall lines on layers {layers} come with no doors and no room names "
              "to tell rooms from furniture, hatching or elevations, so no plan was made; name the wall and door "
              "layers (CLI: --layer-role LAYER=walls) or draw room outlines.",
        "nb": "Ingen romomriss, og de {count} vegglinjene på lagene {layers} har verken dører eller romnavn som "
              "skiller rom fra møbler, skravur eller fasader, så ingen plan ble laget; angi lagene for vegger og "
              "dører (CLI: --layer-role LAG=walls) eller tegn romomriss."},
})


register({
    "imp.refused_tried": {
        "en": "{reason} Tried: {unit_tried} ({unit_source}); walls on {walls_tried}; doors on {doors_tried}.{kind_hint}"
              "{unit_hint}{layer_hint}",
        "nb": "{reason} Prøvd: {unit_tried} ({unit_source}); vegger på {walls_tried}; dører på {doors_tried}."
              "{kind_hint}{unit_hint}{layer_hint}"},
    "imp.refused.kind_hint": {
        "en": " The drawing read looks like {kind_what} ({kind_why}), not a floor plan{kind_others}.",
        "nb": " Tegningen som ble lest ser ut som {kind_what} ({kind_why}), ikke en plantegning{kind_others}."},
    "imp.refused.kind_others": {"en": ": pick another (CLI: --region N)", "nb": ": velg en annen (CLI: --region N)"},
    "imp.refused.none": {"en": "no layer", "nb": "ingen lag"},
    "imp.refused.unit_hint": {
        "en": " The geometry suggests {unit_guess}: try it (CLI: --units {unit_code}).",
        "nb": " Geometrien tyder på {unit_guess}: prøv det (CLI: --units {unit_code})."},
    "imp.refused.layer_hint": {
        "en": " Layers with lines that were not read as walls or doors: {other_layers} — if one holds the walls, "
              "give it that role (CLI: --layer-role {other_first}=walls).",
        "nb": " Lag med linjer som ikke ble lest som vegger eller dører: {other_layers} — hvis ett av dem har "
              "veggene, gi det den rollen (CLI: --layer-role {other_first}=walls)."},
    "imp.role_no_layer": {
        "en": "The drawing has no layer {layer}; its layers are: {layers}.",
        "nb": "Tegningen har ikke noe lag {layer}; lagene den har er: {layers}."},
})


def refusal_code(key: str | None) -> str:
    """A refusal's stable code from its text key: "imp.no_rooms" -> "NO_ROOMS"."""
    return (key or "refused").rsplit(".", 1)[-1].upper()


def refusal_tried(error: PlanError, unit: str, unit_why: list, wall_layers: list[str], roles: dict[str, str],
                  raw, unit_guess: str | None, drawings: list[dict] = (), read: int | None = None) -> PlanError:
    """The refusal with what was tried (the unit and why, the wall and door layers) and only corrections that
    could work: another drawing when the one read is not a floor plan, another unit when the geometry suggests one, layers holding lines whose role nothing guessed (a layer ignored by its name, a grid or dimensions, is
    not offered)."""
    door_layers = sorted(lay for lay, role in roles.items() if role == "doors")
    lines_on = Counter(lay or "0" for lay in raw.seg_layer)
    other = [lay for lay, _ in lines_on.most_common() if roles.get(lay) == "unknown" and lay not in wall_layers][:4]
    unit_hint = "@imp.refused.unit_hint" if unit_guess else ""
    layer_hint = "@imp.refused.layer_hint" if other else ""
    kind = next((d for d in drawings if d.get("index") == read and d.get("kind") != "plan"), None)
    text = said("imp.refused_tried",
                kind_hint="@imp.refused.kind_hint" if kind else "",
                kind_what=said(f"doubt.what.{kind['kind']}") if kind else "",
                kind_why=kind["why_t"] if kind else "",
                kind_others="@imp.refused.kind_others" if kind and len(drawings) > 1 else "", reason=[error.key, error.params] if error.key else
                ["doubt.unknown", {"message": str(error)}], unit_tried=unit_name(unit), unit_source=unit_why,
                walls_tried=_layers(wall_layers) if wall_layers else "@imp.refused.none",
                doors_tried=_layers(door_layers) if door_layers else "@imp.refused.none",
                unit_hint=unit_hint, unit_guess=unit_name(unit_guess) if unit_guess else "", unit_code=unit_guess or "",
                layer_hint=layer_hint, other_layers=", ".join(repr(x) for x in other),
                other_first=other[0] if other else "")
    refusal = PlanError.text(text[0], **text[1])
    refusal.code = refusal_code(error.key)
    return refusal


def units_unknown(guess: str | None) -> PlanError:
    if guess:
        return PlanError.text("imp.units_unknown", unit=f"@units.{guess}", code=guess)
    return PlanError.text("imp.units_unknown_no_guess")


# What the report says: warnings, the sentences for the user, and the what of guesses and ignored items.
register({
    "imp.warn.units_kept": {
        "en": "The drawing says its unit is {header}, and that was used; but {why}, which suggests {guess}. If the "
              "rooms and doors look too large or too small, choose {guess} (CLI: --units).",
        "nb": "Tegningen oppgir enheten {header}, og den er brukt; men {why}, som tyder på {guess}. Ser rom og dører "
              "for store eller for små ut, velg {guess} (CLI: --units)."},
    "imp.warn.units_overridden": {
        "en": "The drawing says its unit is {header}, but {why}; it was read in {used} — check a known width and "
              "change the unit if that is wrong (CLI: --units).",
        "nb": "Tegningen oppgir enheten {header}, men {why}; den ble lest i {used} — kontroller et mål du kjenner, "
              "og endre enheten hvis det er feil (CLI: --units)."},
    "imp.warn.several_regions": {
        "en": "The file holds {count} separate drawings side by side; region {chosen} (the largest floor plan) was "
              "read — pick another with --region N (or in the app).",
        "nb": "Filen inneholder {count} separate tegninger ved siden av hverandre; område {chosen} (den største "
              "plantegningen) ble lest — velg et annet med --region N (eller i appen)."},
    "imp.issue.no_doors": {
        "en": "No doors were recognised; door checks need them — give the door layer the role 'doors' or add doors "
              "by hand.",
        "nb": "Ingen dører ble gjenkjent, og dørkontrollene trenger dem — gi dørlaget rollen 'doors' eller legg inn "
              "dørene for hånd."},
    "imp.issue.unnamed_rooms": {
        "en": "{unnamed} of {rooms} rooms have no name in the drawing; their type is 'other' until you name them.",
        "nb": "{unnamed} av {rooms} rom har ikke navn i tegningen; de får romtypen «Annet» til du gir dem navn."},
    "imp.count": {"en": "{n} {what}", "nb": "{n} {what}"},
    "imp.dropped.why": {"en": "not used for rooms, doors or fixtures",
                        "nb": "brukes ikke til rom, dører eller innredning"},
    "imp.guess.layer": {"en": "layer {layer} holds {role}", "nb": "laget {layer} inneholder {role_name}"},
    "imp.guess.unit": {"en": "the unit is {unit}", "nb": "enheten er {unit}"},
    "imp.role.walls": {"en": "walls", "nb": "vegger"}, "imp.role.doors": {"en": "doors", "nb": "dører"},
    "imp.role.rooms": {"en": "rooms", "nb": "rom"}, "imp.role.labels": {"en": "labels", "nb": "tekster"},
    "imp.role.fixtures": {"en": "fixtures", "nb": "innredning"},
    "imp.role.ignore": {"en": "ignore", "nb": "ingenting som brukes"},
    "imp.role.unknown": {"en": "unknown", "nb": "ukjent"},
})


def units_overridden(header: str, used: str, why: list) -> list:
    return said("imp.warn.units_overridden", header=unit_name(header), used=unit_name(used), why=why)


def units_kept(header: str, suggested: str, why: list) -> list:
    return said("imp.warn.units_kept", header=unit_name(header), guess=unit_name(suggested), why=why)


def several_regions(count: int, chosen: int) -> list:
    return said("imp.warn.several_regions", count=count, chosen=chosen)


@dataclass(frozen=True, slots=True)
class Item:
    """A guess or an ignored item of the report: what and why, as texts to render (planner.i18n.said)."""

    what_t: list
    why_t: list

    def to_dict(self) -> dict:
        """The English sentences and, as what_t/why_t, the texts to render in any language."""
        return {"what": render(self.what_t), "why": render(self.why_t), "what_t": self.what_t, "why_t": self.why_t}

    @classmethod
    def from_dict(cls, data: dict) -> "Item":
        return cls(what_t=data["what_t"], why_t=data["why_t"])


def item(what: list, why: list) -> dict:
    """A report item as the report holds it (Item.to_dict), for the readers of building models."""
    return Item(what, why).to_dict()


def no_rooms(wall_layers: list[str], wall_count: int, door_count: int) -> PlanError:
    if not wall_count:
        return PlanError.text("imp.no_walls")
    return PlanError.text("imp.no_rooms", count=wall_count, layers=_layers(wall_layers), doors=door_count)


def faces_without_meaning(faces: int, wall_layers: list[str], door_shapes: int = 0,
                          door_blocks: list[str] | None = None) -> PlanError:
    if door_shapes:
        blocks = "@imp.door_blocks" if door_blocks else ""
        return PlanError.text("imp.faces_no_door_meets", layers=_layers(wall_layers), faces=faces,
                              doors=door_shapes, blocks=blocks, block_names=", ".join((door_blocks or [])[:3]))
    return PlanError.text("imp.faces_no_meaning", layers=_layers(wall_layers), faces=faces)


def unnamed_faces_without_doors(faces: int, beside: int, doors: int, wall_layers: list[str]) -> PlanError:
    return PlanError.text("imp.unnamed_faces", layers=_layers(wall_layers), faces=faces, beside=beside, doors=doors)


def unnamed_fragment(faces: int, room_m2: float, extent_m2: float, wall_layers: list[str]) -> PlanError:
    return PlanError.text("imp.fragment", layers=_layers(wall_layers), faces=faces, room_m2=fmt_mm(room_m2),
                          extent_m2=fmt_mm(extent_m2))


def furniture_outlines(layers: list[str], count: int) -> PlanError:
    return PlanError.text("imp.furniture", count=count, layers=_layers(layers), first=layers[0])


def areas_without_outlines(missing: list[str], named: int, layers: list[str]) -> PlanError:
    names = ", ".join(repr(t) for t in missing[:4]) + (" …" if len(missing) > 4 else "")
    return PlanError.text("imp.areas_without_outlines", with_outline=named - len(missing), named=named,
                          missing=names)


def walls_without_meaning(wall_layers: list[str], wall_count: int) -> PlanError:
    if not wall_count:
        return no_rooms(wall_layers, 0, 0)
    return PlanError.text("imp.walls_no_meaning", count=wall_count, layers=_layers(wall_layers))


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """The drawing unit used and why: what $INSUNITS says (header_code, None when absent), what the geometry
    suggests (inferred, with inference_t) and the unit the drawing was read in (used, with why_t)."""

    header_code: int | None
    used: str
    why_t: list
    inferred: str | None
    inference_t: list

    @property
    def header(self) -> str | None:
        return INSUNITS_TO_UNIT.get(self.header_code)

    def to_dict(self) -> dict:
        code = self.header_code
        return {"header": self.header, "header_code": code,
                "header_name": INSUNITS_NAMES.get(code, "absent") if code is not None else "absent",
                "used": self.used, "inferred": self.inferred, "why": render(self.why_t),
                "inference": render(self.inference_t), "why_t": self.why_t, "inference_t": self.inference_t}

    @classmethod
    def from_dict(cls, data: dict) -> "UnitChoice":
        return cls(header_code=data["header_code"], used=data["used"], why_t=data["why_t"],
                   inferred=data["inferred"], inference_t=data["inference_t"])


@dataclass(frozen=True, slots=True)
class Found:
    """How many of each thing the plan holds (labels: every text of the drawing; door_kinds: kind -> doors)."""

    rooms: int
    doors: int
    fixtures: int
    walls: int
    labels: int
    door_kinds: dict

    def to_dict(self) -> dict:
        return {"rooms": self.rooms, "doors": self.doors, "fixtures": self.fixtures, "walls": self.walls,
                "labels": self.labels, "door_kinds": dict(self.door_kinds)}

    @classmethod
    def from_dict(cls, data: dict) -> "Found":
        return cls(**{name: data[name] for name in cls.__slots__})


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What a DXF import found, ignored and guessed, and why: the layer roles, the unit, the drawings in the file,
    the warnings and what may be missing, the doubts. Sentences are texts to render (planner.i18n.said); to_dict
    adds their English beside them (what/why, warnings, layer_reasons, units.why) and is the JSON of the CLI
    contract (docs/cli.md) and of the project file (docs/project-file.md: plan.import_report).

    A refused import has no facts and no doubts (None); region_previews is there only when the file holds
    several drawings."""

    file: str
    dxf_version: str
    layout: str
    found: Found
    rooms_from: str                 # "outlines", "walls", or "" when no room was made
    ignored: tuple[Item, ...]
    guesses: tuple[Item, ...]
    units: UnitChoice
    layers: dict                    # layer -> role
    layer_reasons_t: dict           # layer -> why it has its role (a text)
    regions: list                   # the drawings in the file (planner.importers.regions.drawing_kinds)
    region: int | None              # the one read
    warnings_t: tuple[list, ...]
    issues_t: tuple[list, ...]      # what may be missing from the plan
    swings: dict                    # how the arcs were sorted (planner.importers.swings.Swings.to_dict)
    proxy_entities: int
    dropped: dict                   # text key of what was dropped -> count (only counts above 0)
    overlay: dict                   # the drawing by layer, for the layer-role overlay (regions.overlay)
    region_previews: dict | None = None
    facts: dict | None = None       # what the doubts judge besides the plan (planner.importers.doubts)
    doubts: tuple[dict, ...] | None = None

    def issues(self) -> list[str]:
        """Sentences for the user, in English: warnings first, then what may be missing."""
        return [*(render(w) for w in self.warnings_t), *(render(text) for text in self.issues_t)]

    def to_dict(self) -> dict:
        out = {
            "file": self.file, "dxf_version": self.dxf_version, "layout": self.layout,
            "found": self.found.to_dict(), "rooms_from": self.rooms_from,
            "ignored": [i.to_dict() for i in self.ignored], "guesses": [g.to_dict() for g in self.guesses],
            "units": self.units.to_dict(),
            "layers": dict(self.layers),
            "layer_reasons": {lay: render(why) for lay, why in self.layer_reasons_t.items()},
            "layer_reasons_t": dict(self.layer_reasons_t),
            "regions": list(self.regions), "region": self.region,
            "warnings": [render(w) for w in self.warnings_t], "warnings_t": list(self.warnings_t),
            "issues_t": list(self.issues_t),
            "swings": self.swings, "proxy_entities": self.proxy_entities, "dropped": dict(self.dropped),
        }
        if self.region_previews is not None:
            out["region_previews"] = self.region_previews
        out["overlay"] = self.overlay
        if self.facts is not None:
            out["facts"] = self.facts
        if self.doubts is not None:
            out["doubts"] = list(self.doubts)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        """The report back from its dict (to_dict); the English sentences are made again from the texts."""
        doubts = data.get("doubts")
        return cls(
            file=data["file"], dxf_version=data["dxf_version"], layout=data["layout"],
            found=Found.from_dict(data["found"]), rooms_from=data["rooms_from"],
            ignored=tuple(Item.from_dict(i) for i in data["ignored"]),
            guesses=tuple(Item.from_dict(g) for g in data["guesses"]),
            units=UnitChoice.from_dict(data["units"]), layers=dict(data["layers"]),
            layer_reasons_t=dict(data["layer_reasons_t"]), regions=list(data["regions"]), region=data["region"],
            warnings_t=tuple(data["warnings_t"]), issues_t=tuple(data["issues_t"]), swings=data["swings"],
            proxy_entities=data["proxy_entities"], dropped=dict(data["dropped"]), overlay=data["overlay"],
            region_previews=data.get("region_previews"), facts=data.get("facts"),
            doubts=None if doubts is None else tuple(doubts))


def build_report(*, name, doc, layout, roles, role_why, units: UnitChoice, regions, chosen, parts, raw,
                 warnings: list[list], swings: dict, proxies: int, overlay: dict,
                 region_previews: dict | None) -> ImportReport:
    """The import report of a drawing read (parts: the plan's parts, planner.importers.pipeline.PlanParts)."""
    by_english = sorted(raw.ignored.items(), key=lambda kv: (kv[0][0], render(said(kv[0][1]))))
    ignored = [Item(said("imp.count", n=n, what=said("imp.ign.entities") if t == "entities" else t), said(why))
               for (t, why), n in by_english]
    ignored += [Item(said("imp.count", n=n, what=said(what)), said("imp.dropped.why"))
                for what, n in sorted(parts.dropped.items(), key=lambda kv: render(said(kv[0]))) if n]
    guesses = [Item(said("imp.guess.layer", layer=repr(lay), role=role, role_name=said(f"imp.role.{role}")),
                    role_why[lay])
               for lay, role in sorted(roles.items()) if role not in ("unknown",) and role_why[lay][0] != SET_BY_USER]
    if units.used != units.header:
        guesses.insert(0, Item(said("imp.guess.unit", unit=units.used), units.why_t))
    guesses += parts.guesses
    kinds = Counter(d.kind for d in parts.doors)
    return ImportReport(
        file=name, dxf_version=doc.version, layout=layout,
        found=Found(rooms=len(parts.rooms), doors=len(parts.doors), fixtures=len(parts.fixtures),
                    walls=len(parts.walls), labels=len(raw.texts), door_kinds=dict(kinds)),
        rooms_from=parts.rooms_from, ignored=tuple(ignored), guesses=tuple(guesses), units=units,
        layers=dict(sorted(roles.items())), layer_reasons_t=dict(sorted(role_why.items())),
        regions=regions, region=chosen, warnings_t=tuple(warnings),
        issues_t=tuple(_issue_texts(len(parts.rooms), len(parts.doors), guesses)),
        swings=swings, proxy_entities=proxies,
        dropped={key: n for key, n in sorted(parts.dropped.items()) if n},   # text key -> count
        overlay=overlay, region_previews=region_previews)


def _issue_texts(rooms: int, doors: int, guesses: list[Item]) -> list[list]:
    """What may be missing from the plan, as texts to render."""
    out = []
    if doors == 0:
        out.append(said("imp.issue.no_doors"))
    unnamed = sum(1 for g in guesses if g.why_t[0] == NO_TEXT_INSIDE)
    if unnamed:
        out.append(said("imp.issue.unnamed_rooms", unnamed=unnamed, rooms=rooms))
    return out
