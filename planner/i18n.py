"""All user-facing text in Norwegian (bokmål) and English, through one function: t(key, lang, **params).

Each part of the program registers its own table with `register`; a key missing in a language falls back
to English, and a key missing altogether shows as the key itself, so a gap is visible, never a crash.
"""
from __future__ import annotations

LANGUAGES = {"nb": "Norsk (bokmål)", "en": "English"}
DEFAULT_LANGUAGE = "nb"
_TABLE: dict[str, dict[str, str]] = {}


def register(table: dict[str, dict[str, str]]) -> None:
    """Add texts: {key: {"en": "...", "nb": "..."}}. A key registered twice must not change meaning."""
    for key, texts in table.items():
        if "en" not in texts:
            raise ValueError(f"text {key!r} has no English version")
        _TABLE[key] = texts


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    texts = _TABLE.get(key)
    if texts is None:
        return key
    template = texts.get(lang) or texts["en"]
    # A parameter written "@key" is itself a text, translated in the same language.
    params = {k: t(v[1:], lang, **{n: w for n, w in params.items() if n != k})
              if isinstance(v, str) and v.startswith("@") else v for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def keys() -> set[str]:
    return set(_TABLE)


def missing(lang: str) -> set[str]:
    return {k for k, v in _TABLE.items() if lang not in v}


def fmt_mm(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", " ")


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
    "door_kind.entrance": {"en": "an entrance door", "nb": "inngangsdør"},
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
    "turning.no_floor": {
        "en": "{room}: no free floor left outside fixtures and door swings.",
        "nb": "{room}: ikke noe fritt gulv utenfor innredning og dørslag."},
    "entrance.unknown": {
        "en": "The level difference at the entrance is not known: measure the rise.",
        "nb": "Nivåforskjellen ved inngangen er ukjent: mål høyden."},
    "entrance.pass": {
        "en": "The entrance is step-free ({measured} mm rise).",
        "nb": "Inngangen er trinnfri ({measured} mm høydeforskjell)."},
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
    "source.drawn": {"en": "drawn", "nb": "tegnet"}, "source.measured": {"en": "measured", "nb": "målt"},
    "source.estimated": {"en": "estimated", "nb": "anslått"},
    "rules.col.value": {"en": "Value", "nb": "Verdi"}, "rules.col.what": {"en": "What", "nb": "Hva"},
})
