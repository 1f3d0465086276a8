"""All user-facing text in Norwegian (bokmål) and English, through one function: t(key, lang, **params).

Each part of the program registers its own table with `register`; a key missing in a language falls back
to English, and a key missing altogether shows as the key itself, so a gap is visible, never a crash.
"""
from __future__ import annotations

import contextlib
import contextvars
import importlib
import re
import string
from functools import lru_cache

LANGUAGES = {"nb": "Norsk (bokmål)", "en": "English"}
DEFAULT_LANGUAGE = "nb"
_TABLE: dict[str, dict[str, str]] = {}


def register(table: dict[str, dict[str, str]]) -> None:
    """Add texts: {key: {"en": "...", "nb": "..."}}. A key registered twice must say the same."""
    for key, texts in table.items():
        if "en" not in texts:
            raise ValueError(f"text {key!r} has no English version")
        if key in _TABLE and _TABLE[key] != texts:
            raise ValueError(f"text {key!r} is registered twice with different words")
        _TABLE[key] = texts


# Where the texts are read. A sentence may say how to do a thing from the command line ("(CLI: --units mm)") and
# name a layer role by the word the command line takes ('walls'); in the app and in the reports it says neither:
# the app has its own boxes for both, and in Norwegian shows a role by its Norwegian name.
_IN_APP = contextvars.ContextVar("texts_in_app", default=False)
_CLI_HINT = re.compile(r" ?\(CLI: [^;()]*\)")
_CLI_AND_APP_HINT = re.compile(r"\(CLI: [^;()]*; (?:in the app|i appen): ([^()]*)\)")
_ROLE_WORD = re.compile(r"'(walls|doors|rooms|labels|fixtures|ignore)'|«(walls|doors|rooms|labels|fixtures|ignore)»")


@contextlib.contextmanager
def app_texts():
    """Texts made within (or by a function it decorates) are the app's and the reports' (see _IN_APP)."""
    token = _IN_APP.set(True)
    try:
        yield
    finally:
        _IN_APP.reset(token)


@lru_cache(maxsize=1024)
def _app_template(template: str, lang: str) -> str:
    """template as the app says it: without the command line's hints, each role by the name the app shows."""
    template = _CLI_HINT.sub("", _CLI_AND_APP_HINT.sub(r"(\1)", template))
    return _ROLE_WORD.sub(lambda m: f"«{t('imp.role.' + (m.group(1) or m.group(2)), lang)}»" if lang == "nb"
                          else m.group(0), template)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    texts = _TABLE.get(key)
    if texts is None:
        return key
    template = texts.get(lang) or texts["en"]
    if _IN_APP.get() and ("(CLI:" in template or "'" in template or "«" in template):
        template = _app_template(template, lang)
    if not params:
        return _formatted(template, params)
    # A parameter written "@key" is itself a text, translated in the same language; only the parameters the
    # template uses are resolved (a report's texts carry their nested texts' parameters too)
    nested, whole, numbers = [], [], []
    fields, bare = _fields(template), _bare_fields(template)
    for k in fields:
        value = params.get(k)
        if isinstance(value, str):
            if value.startswith("@"):
                nested.append(k)
        elif isinstance(value, float):
            if k in bare:
                numbers.append(k)
        elif _is_said(value):
            whole.append(k)
    if nested or whole or numbers:
        params = dict(params)
        for k in nested:
            params[k] = t(params[k][1:], lang, **{n: w for n, w in params.items() if n != k})
        for k in whole:   # a nested text kept whole, with its own params (see said)
            params[k] = render(params[k], lang)
        for k in numbers:   # a number as the language writes it: 759,6 in Norwegian; 760.0 as 760
            params[k] = _number_text(params[k], lang)
    return _formatted(template, params)


def _formatted(template: str, params: dict) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _number_text(value: float, lang: str) -> str:
    text = f"{value:.10g}"
    return text.replace(".", ",") if lang == "nb" else text


@lru_cache(maxsize=4096)
def _bare_fields(template: str) -> tuple[str, ...]:
    """The fields a template writes without a format of its own ({w} but not {w:.0f}): a float there is written as
    the language writes numbers."""
    try:
        return tuple({name for _, name, spec, conv in string.Formatter().parse(template) if name and not spec
                      and not conv})
    except ValueError:
        return ()


@lru_cache(maxsize=4096)
def _fields(template: str) -> tuple[str, ...]:
    """The names of the fields a format template uses."""
    try:
        return tuple({name for _, name, _, _ in string.Formatter().parse(template) if name})
    except ValueError:
        return ()


def said(key: str, **params) -> list:
    """A text to render later, in any language: [key, params], JSON-able (a report keeps it next to its English).
    A param that is itself such a text is nested as "@key" with its params merged in, so that t renders it whole;
    when a nested text's param names clash with the others' (an error's own "what" inside a sentence with a
    "what"), it is kept whole as [key, params] instead, and t renders it with its own params."""
    flat: dict = {}
    names = set(params)
    for name, value in params.items():
        if _is_said(value):
            inner = value[1]
            if names.isdisjoint(inner) and set(flat).isdisjoint(inner):
                flat.update(inner)
                value = "@" + value[0]
            else:
                value = [value[0], dict(inner)]
        flat[name] = value
    return [key, flat]


def _is_said(value) -> bool:
    return isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[0], str) \
        and isinstance(value[1], dict)


def render(text: list | tuple, lang: str = "en") -> str:
    """A text made by `said`, in lang."""
    return t(text[0], lang, **text[1])


class TextError(Exception):
    """An error whose one sentence is a registered text (mixed in before ValueError: PlanError, QuoteError, ...).

    Raised with `Cls.text(key, **params)`: str() is the English sentence (CLIs and logs rely on it) and
    `message(lang)` the sentence in the user's language. TEXTS names the module that registers the class's
    sentences; it is imported before the first one is made. Values the user typed go in as params.
    """

    TEXTS = ""

    def __init__(self, message: str, key: str | None = None, params: dict | None = None):
        super().__init__(message)
        self.key, self.params = key, dict(params or {})

    @classmethod
    def text(cls, key: str, /, **params):
        if cls.TEXTS:
            importlib.import_module(cls.TEXTS)
        return cls(t(key, "en", **params), key, params)

    def message(self, lang: str) -> str:
        return str(self) if self.key is None else t(self.key, lang, **self.params)


def keys() -> set[str]:
    return set(_TABLE)


def missing(lang: str) -> set[str]:
    return {k for k, v in _TABLE.items() if lang not in v}


def fmt_mm(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", " ")


def fmt_decimal(value: float, lang: str, digits: int = 1) -> str:
    """A decimal number as the language writes it, rounded half up: 6,8 in Norwegian, 6.8 in English (5.25 -> 5.3,
    not the 5.2 that binary floats and half-even rounding give)."""
    from decimal import ROUND_HALF_UP, Decimal
    text = str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return text.replace(".", ",") if lang == "nb" else text


def fmt_nok(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} kr".replace(",", " ")


register({
    # Findings (planner/checks)
    "door_width.pass": {
        "en": "Clear width {measured} mm meets the {required} mm required for {door_kind}.",
        "nb": "Fri bredde {measured} mm oppfyller kravet på {required} mm for {door_kind}."},
    "door_width.fail": {
        "en": "Clear width {measured} mm is less than the {required} mm required for {door_kind}.",
        "nb": "Fri bredde {measured} mm er mindre enn kravet på {required} mm for {door_kind}."},
    "door_width.unknown_side": {
        "en": "Clear width {measured} mm is enough for a door inside the dwelling ({internal} mm) but not for an "
              "entrance door or a door to a shared corridor ({required} mm); what lies behind it is not a room of the "
              "plan, so which applies is not known: say what is behind it (Measurements, 'Behind the door').",
        "nb": "Fri bredde {measured} mm er nok for en dør inne i boligen ({internal} mm), men ikke for inngangsdør "
              "eller dør mot felles gang ({required} mm); det som ligger bak døren er ikke et rom i planen, så det er "
              "ikke kjent hvilket krav som gjelder: angi hva som er bak døren (Målinger, «Bak døren»)."},
    "door_width.dead_end": {
        "en": "Clear width {measured} mm is enough for a door inside the dwelling ({internal} mm) but not for the "
              "dwelling's entrance door ({required} mm): {room} beyond it leads nowhere else in the plan, and no door "
              "of the plan leads outside, so it may be the building's shared corridor: say what is behind the door "
              "(Measurements, 'Behind the door').",
        "nb": "Fri bredde {measured} mm er nok for en dør inne i boligen ({internal} mm), men ikke for boligens "
              "inngangsdør ({required} mm): {room} bak den fører ikke videre noe sted i planen, og ingen dør i planen "
              "fører ut, så det kan være byggets felles gang: angi hva som er bak døren (Målinger, «Bak døren»)."},
    "door_kind.entrance": {"en": "an entrance door", "nb": "inngangsdør"},
    "door_kind.unknown_side": {"en": "a door whose far side is not known", "nb": "dør der den andre siden er ukjent"},
    "door_kind.route": {"en": "a door on a communication route", "nb": "dør i kommunikasjonsvei"},
    "door_kind.internal": {"en": "a door inside the dwelling", "nb": "dør inne i boligen"},
    "estimated_note": {"en": " (estimated from the {leaf} mm leaf: measure it)",
                       "nb": " (anslått ut fra dørbladet på {leaf} mm: mål den)"},
    "threshold.unknown": {
        "en": "Threshold height not measured: measure it (at most {required} mm, bevelled).",
        "nb": "Terskelhøyden er ikke målt: mål den (høyst {required} mm, avfaset)."},
    "threshold.pass": {
        "en": "Threshold {measured} mm is within the {required} mm limit (bevelled).",
        "nb": "Terskel {measured} mm er innenfor grensen på {required} mm (avfaset)."},
    "threshold.fail": {
        "en": "Threshold {measured} mm is higher than the {required} mm a wheelchair can cross.",
        "nb": "Terskel {measured} mm er høyere enn {required} mm som en rullestol kan passere."},
    "shower.bath_only": {
        "en": "{room} has a bathtub but no shower: a step-free shower zone is required.",
        "nb": "{room} har badekar, men ingen dusj: det kreves en trinnfri dusjsone."},
    "shower.none": {
        "en": "{room}: no shower or bath found in the plan: check on site.",
        "nb": "{room}: ingen dusj eller badekar funnet i planen: sjekk på stedet."},
    "shower.unknown": {
        "en": "Shower kerb not measured: measure it (at most {required} mm).",
        "nb": "Dusjkanten er ikke målt: mål den (høyst {required} mm)."},
    "shower.pass": {
        "en": "Shower kerb {measured} mm: step-free (limit {required} mm).",
        "nb": "Dusjkant {measured} mm: trinnfri (grense {required} mm)."},
    "shower.fail": {
        "en": "Shower kerb {measured} mm is a step (limit {required} mm).",
        "nb": "Dusjkant {measured} mm er et trinn (grense {required} mm)."},
    "shower.no_bathroom": {
        "en": "No bathroom found in the plan: the step-free shower could not be checked.",
        "nb": "Fant ikke noe bad i planen: trinnfri dusj kunne ikke sjekkes."},
    "turning.pass": {
        "en": "{room}: a {measured} mm circle of free floor fits (needs {required} mm).",
        "nb": "{room}: en sirkel på {measured} mm fritt gulv får plass (krav {required} mm)."},
    "turning.fail": {
        "en": "{room}: the largest free circle is {measured} mm, less than the {required} mm turning circle.",
        "nb": "{room}: største frie sirkel er {measured} mm, mindre enn snusirkelen på {required} mm."},
    "turning.fail_rectangle": {
        "en": "{room}: the largest free circle is {measured} mm, less than the {required} mm turning circle, and no "
              "{rect_width} × {rect_length} mm turning rectangle fits either.",
        "nb": "{room}: største frie sirkel er {measured} mm, mindre enn snusirkelen på {required} mm, og et snuareal "
              "på {rect_width} × {rect_length} mm får heller ikke plass."},
    "turning.if_space_under": {
        "en": "{room}: the largest free circle is {measured} mm with the basin's footprint counted, but the turning "
              "space fits if the basin is wall-hung at least {height} mm above the floor with free floor under it: "
              "check on site (Measurements, basins).",
        "nb": "{room}: største frie sirkel er {measured} mm når servanten regnes med, men snuarealet får plass hvis "
              "servanten henger på veggen minst {height} mm over gulvet med fritt gulv under: sjekk på stedet "
              "(Målinger, servanter)."},
    "turning.pass_rectangle": {
        "en": "{room}: a {rect_width} × {rect_length} mm turning rectangle of free floor fits, which the standard "
              "accepts instead of the {required} mm circle (the largest free circle is {measured} mm).",
        "nb": "{room}: et snuareal på {rect_width} × {rect_length} mm fritt gulv får plass, og det godtas i stedet "
              "for snusirkelen på {required} mm (største frie sirkel er {measured} mm)."},
    "turning.no_floor": {
        "en": "{room}: no free floor left outside fixtures and door swings.",
        "nb": "{room}: ikke noe fritt gulv utenfor innredning og dørslag."},
    "entrance.unknown": {
        "en": "The level difference at the entrance is not known: measure the rise.",
        "nb": "Nivåforskjellen ved inngangen er ukjent: mål høyden."},
    "entrance.pass": {
        "en": "The entrance is step-free ({measured} mm rise).",
        "nb": "Inngangen er trinnfri ({measured} mm høydeforskjell)."},
    "turning.swing_unknown": {
        "en": "{room}: a turning space of {measured} mm fits, but which way its doors open is not known (a scan or a "
              "model without door swings): check on site that no door leaf sweeps it.",
        "nb": "{room}: en snusirkel på {measured} mm får plass, men hvilken vei dørene slår er ukjent (en skanning eller "
              "en modell uten dørslag): sjekk på stedet at ingen dør slår inn over den."},
    "entrance.steps": {"en": " ({n} steps)", "nb": " ({n} trinn)"},
    "entrance.contradicts": {
        "en": "The entrance has {n} steps but a {measured} mm rise: one of them is wrong; measure the rise again.",
        "nb": "Inngangen har {n} trinn, men {measured} mm høydeforskjell: ett av dem er feil; mål høyden på nytt."},
    "entrance.fail": {
        "en": "The entrance has a {measured} mm rise{steps}: it needs a ramp, a lift or raised ground.",
        "nb": "Inngangen har {measured} mm høydeforskjell{steps}: den trenger rampe, løftebord eller oppfylling."},
})

register({
    "fixture.wc": {"en": "WC", "nb": "WC"},
    "fixture.shower": {"en": "Shower", "nb": "Dusj"},
    "fixture.bath": {"en": "Bath", "nb": "Badekar"},
    "fixture.sink": {"en": "Sink", "nb": "Servant"},
    "fixture.bed": {"en": "Bed", "nb": "Seng"},
    "fixture.kitchen": {"en": "Kitchen", "nb": "Kjøkken"},
    "room.bathroom": {"en": "Bathroom", "nb": "Bad"},
    "room.wc": {"en": "WC", "nb": "WC"},
    "room.bedroom": {"en": "Bedroom", "nb": "Soverom"},
    "room.living": {"en": "Living room", "nb": "Stue"},
    "room.kitchen": {"en": "Kitchen", "nb": "Kjøkken"},
    "room.hall": {"en": "Hall", "nb": "Gang/entré"},
    "room.storage": {"en": "Storage", "nb": "Bod"},
    "room.common": {"en": "Shared corridor or stairwell", "nb": "Fellesareal/trapperom"},
    "room.other": {"en": "Other", "nb": "Annet"},
    "drawing.entrance": {"en": "Entrance: {rise} mm rise", "nb": "Inngang: {rise} mm høydeforskjell"},
    "check.door_clear_width": {"en": "Door clear width", "nb": "Fri døråpning"},
    "check.threshold": {"en": "Threshold", "nb": "Terskel"},
    "check.step_free_shower": {"en": "Step-free shower", "nb": "Trinnfri dusj"},
    "check.turning_circle": {"en": "Turning circle", "nb": "Snusirkel"},
    "check.step_free_entrance": {"en": "Step-free entrance", "nb": "Trinnfri inngang"},
    "status.pass": {"en": "pass", "nb": "ok"},
    "status.fail": {"en": "fail", "nb": "avvik"},
    "status.unknown": {"en": "unknown", "nb": "ukjent"},
})

register({
    "col.status": {"en": "Status", "nb": "Status"}, "col.check": {"en": "Check", "nb": "Kontroll"},
    "col.element": {"en": "Element", "nb": "Element"}, "col.measured": {"en": "Measured (mm)", "nb": "Målt (mm)"},
    "col.required": {"en": "Required (mm)", "nb": "Krav (mm)"}, "col.message": {"en": "Finding", "nb": "Funn"},
    "col.rule": {"en": "Rule", "nb": "Regel"}, "col.remeasure": {"en": "Re-measure", "nb": "Mål på nytt"},
    "col.where": {"en": "Where", "nb": "Hvor"},
    "col.confidence": {"en": "Source", "nb": "Kilde"},
    "confidence.C": {"en": "confirmed", "nb": "bekreftet"},
    "confidence.S": {"en": "secondary source", "nb": "sekundærkilde"},
    "confidence.U": {"en": "unconfirmed", "nb": "ubekreftet"},
    "confidence.A": {"en": "Tilpass assumption", "nb": "Tilpass-antakelse"},
    "confidence.user": {"en": "your own value", "nb": "din egen verdi"},
    "source.drawn": {"en": "drawn", "nb": "tegnet"}, "source.measured": {"en": "measured", "nb": "målt"},
    "source.estimated": {"en": "estimated", "nb": "anslått"},
    "source.scanned": {"en": "scanned", "nb": "skannet"},
    "rules.col.value": {"en": "Value", "nb": "Verdi"}, "rules.col.what": {"en": "What", "nb": "Hva"},
})

register({  # sentences a person meets while drawing, building rooms by numbers or on a site visit
    "edit.corners": {"en": "A room needs at least three corners; draw it larger.",
                     "nb": "Et rom trenger minst tre hjørner; tegn det større."},
    "edit.crosses": {"en": "The room's outline crosses itself; draw the corners in order around the room.",
                     "nb": "Omrisset av rommet krysser seg selv; tegn hjørnene i rekkefølge rundt rommet."},
    "edit.too_small": {"en": "The room would be smaller than {area} m² (or lies on a room already drawn); draw it "
                             "larger, beside the other rooms.",
                       "nb": "Rommet ville blitt mindre enn {area} m² (eller ligger oppå et rom som alt er tegnet); "
                             "tegn det større, ved siden av de andre rommene."},
    "edit.room_first": {"en": "Draw a room first; a door goes in a room's wall.",
                        "nb": "Tegn et rom først; en dør står i veggen til et rom."},
    "edit.no_wall": {"en": "No wall within {reach} m of where you tapped; tap on a wall or just inside the room the "
                           "door opens into.",
                     "nb": "Ingen vegg innen {reach} m fra der du trykket; trykk på en vegg eller like innenfor rommet "
                           "døren slår inn i."},
    "edit.wall_short": {"en": "That wall is {length} mm long, too short for a {width} mm door.",
                        "nb": "Den veggen er {length} mm lang, for kort for en dør på {width} mm."},
    "edit.fixture_outside": {"en": "Tap inside a room to place a fixture there.",
                             "nb": "Trykk inne i et rom for å plassere innredning der."},
    "edit.steps": {"en": "The number of steps must be between 0 and 60.",
                   "nb": "Antall trinn må være mellom 0 og 60."},
    "edit.rise": {"en": "The rise must be between 0 and 10 000 mm; give it in millimetres.",
                  "nb": "Høyden må være mellom 0 og 10 000 mm; oppgi den i millimeter."},
    "edit.not_number": {"en": "{element}: {field} must be a number of millimetres, not {value}.",
                        "nb": "{element}: {field} må være et tall i millimeter, ikke {value}."},
    "edit.out_of_range": {"en": "{element}: {field} {number} is outside {low}–{high} mm.",
                          "nb": "{element}: {field} {number} er utenfor {low}–{high} mm."},
    "edit.opens_into": {"en": "Door {door} can only open into {sides}.",
                        "nb": "Dør {door} kan bare slå inn i {sides}."},
    "edit.door_width": {"en": "Door {door}: a width of {width} mm is not a door; give 200–3000 mm.",
                        "nb": "Dør {door}: en bredde på {width} mm er ikke en dør; oppgi 200–3000 mm."},
    "edit.view_width": {"en": "Show between 2 m and 200 m across the drawing area.",
                        "nb": "Vis mellom 2 m og 200 m over tegneflaten."},
    "edit.tap_door": {"en": "Tap on the entrance door to mark the steps there.",
                      "nb": "Trykk på inngangsdøren for å merke trinnene der."},
    "numbers.no_fit": {"en": "The {fixture} does not fit in {room} clear of the door and the other fixtures; make "
                             "the room larger or place it on the drawing.",
                       "nb": "{fixture} får ikke plass i {room} utenfor døren og den andre innredningen; gjør rommet "
                             "større eller plasser den på tegningen."},
    "numbers.size": {"en": "Give the room's width and depth in millimetres, between 500 and 50 000 (e.g. 2000 × 2400).",
                     "nb": "Oppgi rommets bredde og dybde i millimeter, mellom 500 og 50 000 (f.eks. 2000 × 2400)."},
    "numbers.overlap": {"en": "{room} would overlap a room already on the plan by {area} m²; build it beside another "
                              "room or on another side.",
                        "nb": "{room} ville overlappe et rom som alt er i planen med {area} m²; legg det ved siden av "
                              "et annet rom eller på en annen side."},
    "numbers.door_fit": {"en": "A {width} mm door does not fit {offset} mm along the {length} mm {wall} wall.",
                         "nb": "En dør på {width} mm får ikke plass {offset} mm inn på veggen mot {wall}, som er {length} mm."},
    "wall.north": {"en": "north", "nb": "nord"}, "wall.south": {"en": "south", "nb": "sør"},
    "wall.east": {"en": "east", "nb": "øst"}, "wall.west": {"en": "west", "nb": "vest"},
    "visit.photo_empty": {"en": "{name} is empty.", "nb": "{name} er tom."},
    "visit.photo_large": {"en": "{name} is larger than 15 MB; take a smaller photo.",
                          "nb": "{name} er større enn 15 MB; ta et mindre bilde."},
    "visit.photo_unshown": {"en": "this photo cannot be shown here (HEIC, or damaged); it is kept in the project",
                            "nb": "bildet kan ikke vises her (HEIC eller skadet); det er tatt vare på i prosjektet"},
    "visit.not_image": {"en": "{name} is not a JPEG, PNG, WebP or HEIC image and was not added; choose a photo.",
                        "nb": "{name} er ikke et JPEG-, PNG-, WebP- eller HEIC-bilde og ble ikke lagt til; velg et "
                              "bilde."},
})
