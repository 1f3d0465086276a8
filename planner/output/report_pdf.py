"""The application package as one A4 PDF, in the order a NAV case officer reads it: the household and who
visited, the impairment and NAV's conditions, the dimensioned sketch, each barrier with its rule, measurement
and photo, then the sections the caller adds (options, funding plan, the nine steps, the checklist), and the
measurements and rule values with their sources.

This module only lays out what `planner` computes and what the caller passes in (`Section`s from costing);
fpdf2 writes the file, with DejaVu Sans from matplotlib's own fonts so æøå print on every system.
"""
from __future__ import annotations

import base64
import binascii
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.errors import FPDFException

from planner.checks import summary
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding
from planner.project.household import CONDITIONS, TENURES, Household
from planner.i18n import register, t
from planner.project.measurements import ENTRANCE_ID, describe, latest, local_time
from planner.model.plan import Plan
from planner.project.file import Project
from planner.rules.texts import rule_clause_text, rule_source_text, rule_value_name, rule_value_text
from planner.rules import Rules
from planner.model.status import TEXT_COLOURS
from planner.project.visit import measured

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu Sans"   # the family name matplotlib's SVG text asks for, so the sketch's text uses it too
PAGE_WIDTH_MM = 210
MARGIN_MM = 15
BODY_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM
PHOTO_HEIGHT_MM = 55
LABEL_MM = 82
# A large building has hundreds of elements in order; the report lists this many of them and says how many more
# there are (every finding is in the app and in `python -m planner check`), so it stays readable and quick
MAX_PASSED_ROWS = 120
STATUS_RGB = {status: tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) for status, colour in TEXT_COLOURS.items()}
# the measurement behind each check's number (planner/project/measurements.py field names)
CHECK_FIELD = {"door_clear_width": "clear_width_mm", "threshold": "threshold_mm", "step_free_shower": "lip_mm",
               "step_free_entrance": "rise_mm"}

register({
    "pdf.title": {"en": "Home adaptation: application documents", "nb": "Tilpasning av bolig: søknadsvedlegg"},
    "pdf.subtitle": {"en": "{name} · made with Tilpass {when} against {standard}",
                     "nb": "{name} · laget med Tilpass {when} mot {standard}"},
    "pdf.page": {"en": "Page {page} of {pages}", "nb": "Side {page} av {pages}"},
    "pdf.forms": {"en": "For NAV 10-07.03 (application for aids) with the supplementary form T09 (access to and "
                         "within the home: ramps, lifts and the grant instead of them).",
                  "nb": "Til NAV 10-07.03 (søknad om hjelpemidler) med tilleggsskjema T09 (adkomst til og i "
                         "boligen: ramper, løftere og tilskudd i stedet for dem)."},
    "pdf.empty": {"en": "(not filled in)", "nb": "(ikke fylt ut)"},
    "pdf.h.household": {"en": "1 The household and the home", "nb": "1 Husstanden og boligen"},
    "pdf.h.need": {"en": "2 The lasting impairment and daily life", "nb": "2 Den varige funksjonsnedsettelsen og dagliglivet"},
    "pdf.h.sketch": {"en": "3 Dimensioned sketch", "nb": "3 Målsatt skisse"},
    "pdf.h.barriers": {"en": "4 Barriers found", "nb": "4 Hindringer som er funnet"},
    "pdf.h.in_order": {"en": "Checked and in order", "nb": "Kontrollert og i orden"},
    "pdf.h.measurements": {"en": "Site measurements in use", "nb": "Målinger på stedet som er brukt"},
    "pdf.h.notes": {"en": "Notes", "nb": "Notater"},
    "pdf.h.rules": {"en": "Rule values and sources", "nb": "Kravverdier og kilder"},
    "pdf.f.applicant": {"en": "Applicant", "nb": "Søker"},
    "pdf.f.address": {"en": "Address of the home", "nb": "Boligens adresse"},
    "pdf.f.tenure": {"en": "Who owns the home", "nb": "Eierforhold"},
    "pdf.f.landlord": {"en": "Landlord or housing cooperative", "nb": "Utleier eller borettslag"},
    "pdf.f.consent": {"en": "Landlord's consent to fixed installations", "nb": "Utleiers samtykke til faste installasjoner"},
    "pdf.f.therapist": {"en": "Therapist or advisor who visited", "nb": "Terapeut eller rådgiver på befaring"},
    "pdf.f.role": {"en": "Profession and employer", "nb": "Yrke og arbeidssted"},
    "pdf.f.visit": {"en": "Date of the visit", "nb": "Dato for befaringen"},
    "pdf.f.impairment": {"en": "The lasting impairment", "nb": "Den varige funksjonsnedsettelsen"},
    "pdf.f.daily_life": {"en": "What it means for daily life", "nb": "Hva den betyr i dagliglivet"},
    "pdf.f.justification": {"en": "The professional's justification", "nb": "Fagpersonens begrunnelse"},
    "pdf.f.conditions": {"en": "NAV's conditions, as the professional judges them",
                         "nb": "NAVs vilkår, slik fagpersonen vurderer dem"},
    "pdf.tenure.owner": {"en": "owns the home", "nb": "selveier"},
    "pdf.tenure.cooperative": {"en": "housing cooperative (share)", "nb": "borettslag (andel)"},
    "pdf.tenure.tenant": {"en": "rents the home", "nb": "leier boligen"},
    "pdf.yes": {"en": "yes", "nb": "ja"}, "pdf.no": {"en": "no", "nb": "nei"},
    "pdf.cond.lasting": {"en": "The impairment is lasting (over two years) and substantial.",
                         "nb": "Funksjonsnedsettelsen er varig (over to år) og vesentlig."},
    "pdf.cond.necessary": {"en": "The solution is necessary and appropriate for practical problems in daily life.",
                           "nb": "Løsningen er nødvendig og hensiktsmessig for praktiske problemer i dagliglivet."},
    "pdf.cond.simpler_not_enough": {"en": "The need cannot be met with simpler aids or ordinary products.",
                                    "nb": "Behovet kan ikke løses med enklere hjelpemidler eller vanlige produkter."},
    "pdf.cond.able_to_use": {"en": "The person is able to use the solution.",
                             "nb": "Personen kan bruke løsningen."},
    "pdf.summary": {"en": "{fail} barriers, {unknown} still to measure, {passed} in order.",
                    "nb": "{fail} hindringer, {unknown} må måles, {passed} i orden."},
    "pdf.col.how": {"en": "How known", "nb": "Hvordan kjent"},
    "pdf.col.when": {"en": "When", "nb": "Tid"},
    "pdf.col.what": {"en": "Measured", "nb": "Målt"},
    "pdf.col.value": {"en": "Value", "nb": "Verdi"},
    "pdf.col.note": {"en": "Note", "nb": "Merknad"},
    "pdf.col.source": {"en": "Reference", "nb": "Henvisning"},
    "pdf.element.entrance": {"en": "entrance", "nb": "inngang"},
    "pdf.how.drawing": {"en": "from the drawing", "nb": "fra tegningen"},
    "pdf.how.not_measured": {"en": "not measured", "nb": "ikke målt"},
    "pdf.photo": {"en": "Photo of {element}: {name}, {when}", "nb": "Bilde av {element}: {name}, {when}"},
    "pdf.photo_bad": {"en": "Photo {name} of {element} could not be shown ({mime}); attach it separately.",
                      "nb": "Bildet {name} av {element} kunne ikke vises ({mime}); legg det ved separat."},
    "pdf.visit_line": {"en": "Site visit: {when}, by {who}. Each value says how it is known and when it was taken.",
                       "nb": "Befaring: {when}, ved {who}. Hver verdi sier hvordan den er kjent og når den ble tatt."},
    "pdf.no_barriers": {"en": "No barrier was found and no value is left unknown.",
                        "nb": "Ingen hindringer er funnet, og ingen verdier er ukjente."},
    "pdf.more_passed": {"en": "… and {n} more checks in order; every finding is in the app and in "
                              "'python -m planner check'.",
                        "nb": "… og {n} kontroller til i orden; alle funnene står i appen og i "
                              "«python -m planner check»."},
    "pdf.no_photos": {"en": "No photos were taken on site.", "nb": "Ingen bilder er tatt på stedet."},
    "pdf.sketch_note": {"en": "Red: fails the rule; yellow: not known yet; green: in order. Dashed circles: the "
                              "largest free turning circle where it falls short.",
                        "nb": "Rødt: oppfyller ikke kravet; gult: ikke kjent ennå; grønt: i orden. Stiplet sirkel: "
                              "den største frie snusirkelen der den er for liten."},
    "pdf.disclaimer": {
        "en": "Clear widths marked 'estimated' come from the drawn leaf width; measure them before applying. "
              "Values marked 'secondary source', 'unconfirmed' or 'Tilpass assumption' must be checked against "
              "the current rules.",
        "nb": "Fri bredde merket «anslått» er beregnet fra tegnet dørblad; mål før du søker. Verdier merket "
              "«sekundærkilde», «ubekreftet» eller «Tilpass-antakelse» må sjekkes mot gjeldende regler."},
})


@dataclass(frozen=True, slots=True)
class Table:
    """A table to lay out: headers, rows of text, each column's share of the width; last_bold: a totals row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None
    last_bold: bool = False
    size: float = 8          # font size [pt]


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the report made by the caller: a heading, paragraphs, tables and ticked items (text, done)."""

    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    items: tuple[tuple[str, bool | None], ...] = ()
    notes: tuple[str, ...] = ()


class _Pdf(FPDF):
    def __init__(self, lang: str):
        super().__init__(format="A4", unit="mm")
        self.lang = lang
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=18)
        for style, file in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"), ("I", "DejaVuSans-Oblique.ttf")):
            self.add_font(FONT, style, str(FONT_DIR / file))
        self.set_font(FONT, size=10)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, t("pdf.page", self.lang, page=self.page_no(), pages="{nb}"), align="C")
        self.set_text_color(0, 0, 0)


def build_pdf(project: Project, findings: list[Finding], rules: Rules, lang: str, plan: Plan,
              sketch_svg: bytes | None = None, sections: list[Section] = (), made_at: datetime | None = None) -> bytes:
    """The report as PDF bytes. plan: the plan with the measurements applied (what `findings` checked);
    sketch_svg: the dimensioned sketch (planner.output.sketch); sections: the caller's parts after the barriers."""
    pdf = _Pdf(lang)
    pdf.set_title(t("pdf.title", lang))
    pdf.set_creator("Tilpass")
    pdf.add_page()
    when = (made_at or datetime.now(ZoneInfo("Europe/Oslo"))).astimezone(ZoneInfo("Europe/Oslo"))
    name = plan.name or project.source.get("file", "") or "–"
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, t("pdf.title", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=9)
    standard = rules.name_nb if lang == "nb" else rules.name
    pdf.multi_cell(0, 5, t("pdf.subtitle", lang, name=name, when=local_stamp(when.isoformat(), lang),
                           standard=standard), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(0, 5, t("pdf.forms", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    counts = summary(findings)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(0, 6, t("pdf.summary", lang, fail=counts[FAIL], unknown=counts[UNKNOWN], passed=counts[PASS]),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _household(pdf, project.household, lang)
    _need(pdf, project.household, lang)
    _sketch(pdf, sketch_svg, lang)
    _barriers(pdf, project, plan, findings, lang)
    for section in sections:
        _section(pdf, section)
    _appendix(pdf, project, rules, lang)
    return bytes(pdf.output())


def _heading(pdf: _Pdf, text: str, size: int = 13) -> None:
    if pdf.get_y() > pdf.h - 47:   # a heading never sits alone at the foot of a page
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=10)


def _para(pdf: _Pdf, text: str, size: float = 10, style: str = "") -> None:
    pdf.set_font(FONT, style, size)
    pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=10)


def _field(pdf: _Pdf, label: str, value: str, lang: str, long: bool = False) -> None:
    """One labelled value; an empty one as a blank line to fill in by hand, marked as not filled in."""
    pdf.set_font(FONT, "B", 9)
    if long:
        pdf.multi_cell(0, 5, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.cell(LABEL_MM, 6, label)
    pdf.set_font(FONT, size=10)
    if value:
        pdf.multi_cell(0, 5 if long else 6, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    pdf.set_text_color(110, 110, 110)
    pdf.set_font(FONT, "I", 9)
    pdf.cell(0, 6, t("pdf.empty", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for _ in range(3 if long else 0):   # room to write by hand
        y = pdf.get_y() + 6
        pdf.line(MARGIN_MM, y, PAGE_WIDTH_MM - MARGIN_MM, y)
        pdf.set_y(y)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, size=10)
    if long:
        pdf.ln(2)


def _yes_no(value: bool | None, lang: str) -> str:
    return "" if value is None else t("pdf.yes" if value else "pdf.no", lang)


def _household(pdf: _Pdf, h: Household, lang: str) -> None:
    _heading(pdf, t("pdf.h.household", lang))
    tenure = t(f"pdf.tenure.{h.tenure}", lang) if h.tenure in TENURES else ""
    for label, value in (("applicant", h.applicant), ("address", h.address), ("tenure", tenure),
                         ("landlord", h.landlord), ("consent", _yes_no(h.landlord_consent, lang)),
                         ("therapist", h.therapist), ("role", h.therapist_role),
                         ("visit", _date(h.visit_date, lang))):
        _field(pdf, t(f"pdf.f.{label}", lang), value, lang)


def element_name(element: str, lang: str) -> str:
    """An element id as the report shows it: D2, R4, and the entrance by name."""
    return t("pdf.element.entrance", lang) if element == ENTRANCE_ID else element


def local_stamp(stamp: str, lang: str) -> str:
    """A stored time as local (Oslo) wall-clock time: 1.11.2026 kl. 11.00 in Norwegian, 2026-11-01 11:00 in
    English; as given when it is not a time."""
    local = local_time(stamp)
    try:
        when = datetime.strptime(local, "%Y-%m-%d %H:%M")
    except ValueError:
        return local
    return f"{when.day}.{when.month}.{when.year} kl. {when:%H.%M}" if lang == "nb" else local


def _date(iso: str, lang: str) -> str:
    """A YYYY-MM-DD date as Norwegians write it (1.11.2026), as stored in English."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{int(day)}.{int(month)}.{year}" if lang == "nb" else iso


def _need(pdf: _Pdf, h: Household, lang: str) -> None:
    _heading(pdf, t("pdf.h.need", lang))
    for key in ("impairment", "daily_life", "justification"):
        _field(pdf, t(f"pdf.f.{key}", lang), getattr(h, key), lang, long=True)
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(0, 5, t("pdf.f.conditions", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=10)
    for name in CONDITIONS:
        value = h.condition(name)
        yes, no = ("☒" if value is True else "☐"), ("☒" if value is False else "☐")
        pdf.cell(32, 6, f"{yes} {t('pdf.yes', lang)}  {no} {t('pdf.no', lang)}")
        pdf.multi_cell(0, 6, t(f"pdf.cond.{name}", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _sketch(pdf: _Pdf, svg: bytes | None, lang: str) -> None:
    if svg is None:
        return
    width_mm = _svg_width_mm(svg)   # drawn at its printed size (planner.output.sketch): at its own width it keeps its scale
    landscape = width_mm > BODY_MM + 0.5
    pdf.add_page(orientation="L" if landscape else "P")
    _heading(pdf, t("pdf.h.sketch", lang))
    top = pdf.get_y()
    width_mm = min(width_mm, pdf.w - 2 * MARGIN_MM)
    info = pdf.image(io.BytesIO(_fpdf_font_sizes(svg)), x=MARGIN_MM, y=top, w=width_mm, keep_aspect_ratio=True)
    pdf.set_y(top + info.rendered_height + 2)
    _para(pdf, t("pdf.sketch_note", lang), size=8, style="I")


def _svg_width_mm(svg: bytes) -> float:
    """The width an SVG says it has (matplotlib writes points), in millimetres; the body width when unsaid."""
    match = re.search(rb'<svg[^>]*\swidth="([0-9.]+)pt"', svg[:2000])
    return float(match.group(1)) * 25.4 / 72 if match else BODY_MM


def _fpdf_font_sizes(svg: bytes) -> bytes:
    """The sketch's SVG as fpdf2 reads it: matplotlib sizes text in px meaning user units (points), and fpdf2 reads
    px as 0.75 pt, so the text would print a quarter smaller than drawn; sizes in pt print as drawn."""
    svg = re.sub(rb"<metadata>.*?</metadata>", b"", svg, count=1, flags=re.S)   # fpdf2 would log it as unknown
    return re.sub(rb"font-size: ?([0-9.]+)px", rb"font-size: \1pt", svg)


def _how(project: Project, plan: Plan, f: Finding, lang: str) -> tuple[str, str]:
    """How the number behind a finding is known (measured, estimated, drawn, not measured) and when."""
    field = CHECK_FIELD.get(f.check)
    m = measured(project, f.element, field) if field else None
    if m is not None:
        return t(f"source.{m.source}", lang), local_stamp(m.taken_at, lang)
    door = plan.door(f.element)
    if f.check == "door_clear_width" and door is not None:
        return t(f"source.{door.clear_width_source}", lang), ""
    if f.measured is None and f.status == UNKNOWN:
        return t("pdf.how.not_measured", lang), ""
    return t("pdf.how.drawing", lang), ""


def _barriers(pdf: _Pdf, project: Project, plan: Plan, findings: list[Finding], lang: str) -> None:
    pdf.add_page()
    _heading(pdf, t("pdf.h.barriers", lang))
    h = project.household
    if h.visit_date or h.therapist:   # what the household section says of the visit, blanks where it says nothing
        empty = t("pdf.empty", lang)
        _para(pdf, t("pdf.visit_line", lang, when=_date(h.visit_date, lang) or empty,
                     who=", ".join(x for x in (h.therapist, h.therapist_role) if x) or empty), size=9)
    headers = (t("col.status", lang), t("col.element", lang), t("col.check", lang), t("col.message", lang),
               t("col.rule", lang), t("pdf.col.how", lang))
    widths = (15, 14, 23, 61, 27, 20)
    open_ = [f for f in findings if f.status == FAIL] + [f for f in findings if f.status == UNKNOWN]
    rows = []
    for f in open_:
        how, when = _how(project, plan, f, lang)
        rows.append((t(f"status.{f.status}", lang), element_name(f.element, lang), t(f"check.{f.check}", lang),
                     f.message(lang), rule_clause_text(f.rule, lang), f"{how}\n{when}".strip()))
    if rows:
        _table(pdf, Table(headers, tuple(rows), widths), statuses=[f.status for f in open_])
    else:
        _para(pdf, t("pdf.no_barriers", lang))
    photos = _photos(pdf, project, [f.element for f in open_], lang)
    passed = [f for f in findings if f.status == PASS]
    if passed:
        _heading(pdf, t("pdf.h.in_order", lang), size=11)
        rows = [(t("status.pass", lang), element_name(f.element, lang), t(f"check.{f.check}", lang), f.message(lang),
                 rule_clause_text(f.rule, lang),
                 "\n".join(x for x in _how(project, plan, f, lang) if x)) for f in passed[:MAX_PASSED_ROWS]]
        _table(pdf, Table(headers, tuple(rows), widths), statuses=[PASS] * len(rows), size=7.5)
        if len(passed) > MAX_PASSED_ROWS:
            _para(pdf, t("pdf.more_passed", lang, n=len(passed) - MAX_PASSED_ROWS), size=8, style="I")
    photos += _photos(pdf, project, [f.element for f in passed], lang, skip=photos)
    rest = [p for i, p in enumerate(project.photos) if i not in photos]
    if rest:   # photos of elements no finding names (a room, a fixture)
        _photos(pdf, project, sorted({str(p.get("element")) for p in rest}), lang, skip=photos)
    if not project.photos:
        _para(pdf, t("pdf.no_photos", lang), size=9, style="I")


def _photos(pdf: _Pdf, project: Project, elements: list[str], lang: str, skip: list[int] = ()) -> list[int]:
    """Each photo of the given elements with its caption; returns the indexes placed."""
    placed = []
    for element in dict.fromkeys(elements):
        for i, photo in enumerate(project.photos):
            if i in skip or str(photo.get("element")) != element:
                continue
            placed.append(i)
            name = str(photo.get("name") or "")
            try:
                data = base64.b64decode(photo.get("data") or "", validate=True)
                if pdf.get_y() + PHOTO_HEIGHT_MM + 10 > pdf.h - 17:
                    pdf.add_page()
                top = pdf.get_y() + 2
                info = pdf.image(io.BytesIO(data), x=MARGIN_MM, y=top, h=PHOTO_HEIGHT_MM, keep_aspect_ratio=True)
                pdf.set_y(top + info.rendered_height + 1)
            except (binascii.Error, ValueError, OSError, RuntimeError, SyntaxError, FPDFException):
                _para(pdf, t("pdf.photo_bad", lang, name=name, element=element_name(element, lang),
                             mime=photo.get("mime") or "?"),
                      size=9, style="I")
                continue
            _para(pdf, t("pdf.photo", lang, element=element_name(element, lang), name=name,
                         when=local_stamp(str(photo.get("taken_at") or ""), lang)),
                  size=8, style="I")
    return placed


def _table(pdf: _Pdf, table: Table, statuses: list[str] | None = None, size: float | None = None) -> None:
    """A table across the body width; a row's first cell is coloured by its status when given."""
    size = size or table.size
    shares = table.widths or tuple(1 for _ in table.headers)
    total = sum(shares)
    widths = tuple(BODY_MM * s / total for s in shares)
    pdf.set_font(FONT, size=size)
    with pdf.table(col_widths=widths, width=BODY_MM, line_height=size * 0.5, text_align="LEFT",
                   headings_style=_heading_style(), first_row_as_headings=True) as out:
        out.row(table.headers)
        for i, cells in enumerate(table.rows):
            row = out.row()
            bold = table.last_bold and i == len(table.rows) - 1
            for j, cell in enumerate(cells):
                colour = STATUS_RGB.get(statuses[i]) if statuses and j == 0 else None
                style = _cell_style(bold or colour is not None, colour)
                row.cell(str(cell), style=style)
    pdf.set_font(FONT, size=10)
    pdf.ln(2)


def _heading_style():
    from fpdf.fonts import FontFace
    return FontFace(family=FONT, emphasis="BOLD", fill_color=(240, 242, 245))


def _cell_style(bold: bool, colour: tuple[int, int, int] | None):
    from fpdf.fonts import FontFace
    return FontFace(family=FONT, emphasis="BOLD" if bold else None, color=colour)


def _section(pdf: _Pdf, section: Section) -> None:
    _heading(pdf, section.title)
    for text in section.paragraphs:
        _para(pdf, text)
    for table in section.tables:
        _table(pdf, table)
    for text, done in section.items:
        mark = "☒" if done else "☐" if done is False else "▸"
        pdf.cell(7, 5.5, mark)
        pdf.multi_cell(0, 5.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for text in section.notes:
        _para(pdf, text, size=8, style="I")


def _appendix(pdf: _Pdf, project: Project, rules: Rules, lang: str) -> None:
    measurements = latest(list(project.measurements))
    if measurements:
        _heading(pdf, t("pdf.h.measurements", lang), size=11)
        rows = tuple((element_name(m.element, lang), *describe(m.field, m.value, lang), t(f"source.{m.source}", lang),
                      local_stamp(m.taken_at, lang), m.note) for m in measurements)
        _table(pdf, Table((t("col.element", lang), t("pdf.col.what", lang), t("pdf.col.value", lang),
                           t("pdf.col.how", lang), t("pdf.col.when", lang), t("pdf.col.note", lang)), rows,
                          (14, 22, 16, 16, 30, 62)))
    if project.notes:
        _heading(pdf, t("pdf.h.notes", lang), size=11)
        _table(pdf, Table((t("col.element", lang), t("pdf.col.note", lang)),
                          tuple((k, v) for k, v in project.notes.items()), (15, 85)))
    _heading(pdf, t("pdf.h.rules", lang), size=11)
    rows = tuple((rule_value_name(k, v.note, lang), rule_value_text(k, v.value), rule_clause_text(v.clause, lang),
                  t(f"confidence.{v.confidence}", lang), rule_source_text(v.source, lang))
                 for k, v in rules.values.items())
    _table(pdf, Table((t("rules.col.what", lang), t("rules.col.value", lang), t("col.rule", lang),
                       t("col.confidence", lang), t("pdf.col.source", lang)), rows, (36, 11, 22, 19, 40)),
           size=7)
    _para(pdf, t("pdf.disclaimer", lang), size=8, style="I")

