"""The contractor's quote sheet as XLSX: one row per line item of each chosen remedy, with quantity, unit, unit
price, VAT, total, where the price comes from, and the funding split of the line; the totals add up to the
funding plan (costing.plan)."""
from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from costing import texts  # noqa: F401  (registers the costing texts)
from costing.money import without_vat_nok
from costing.plan import FundingPlan
from costing.prices import QUOTE_SOURCE, Price
from planner.model.sourced import USER
from costing.remedies import NAV_AID, PERMANENT, SMALL_AID, LineItem, Remedy
from costing.schemes import NAMES, Split
from planner.i18n import register, t

# The one-off lines each scheme pays from (costing/schemes: nav_loan pays the aid, nav_grant the permanent work,
# small_aids the small aids); the other schemes pay whatever is still unpaid, line by line.
SCHEME_ROUTES = {"nav_loan": (NAV_AID,), "nav_grant": (PERMANENT,), "small_aids": (SMALL_AID,)}
NOK_FORMAT = '#,##0" kr"'
SHEET_LAYOUT = {"title_pt": 13, "widths": (26, 30, 36, 9, 10, 14, 14, 11, 14, 34), "scheme_width": 16}

register({
    "xlsx.sheet": {"en": "Quote", "nb": "Tilbud"},
    "xlsx.title": {"en": "Quote basis: {name}", "nb": "Grunnlag for tilbud: {name}"},
    "xlsx.note": {"en": "One row per line item of each chosen remedy. Prices marked as estimates must be replaced by "
                        "the contractor's own; the funding columns show who pays each line.",
                  "nb": "Én rad per post i hvert valgte tiltak. Priser merket som anslag må erstattes av entreprenørens "
                        "egne; kolonnene for finansiering viser hvem som betaler hver post."},
    "xlsx.col.barrier": {"en": "Barrier", "nb": "Hinder"},
    "xlsx.col.remedy": {"en": "Remedy", "nb": "Tiltak"},
    "xlsx.col.item": {"en": "Item", "nb": "Post"},
    "xlsx.col.quantity": {"en": "Quantity", "nb": "Mengde"},
    "xlsx.col.unit": {"en": "Unit", "nb": "Enhet"},
    "xlsx.col.unit_price": {"en": "Unit price excl. VAT", "nb": "Enhetspris eks. mva"},
    "xlsx.col.ex_vat": {"en": "Total excl. VAT", "nb": "Sum eks. mva"},
    "xlsx.col.vat": {"en": "VAT", "nb": "Mva"},
    "xlsx.col.total": {"en": "Total incl. VAT", "nb": "Sum inkl. mva"},
    "xlsx.col.source": {"en": "Price source", "nb": "Priskilde"},
    "xlsx.total": {"en": "Total", "nb": "Sum"},
    "xlsx.yearly": {"en": "Each year (not in the total)", "nb": "Hvert år (ikke med i summen)"},
    "xlsx.missing": {"en": "price missing", "nb": "pris mangler"},
    "xlsx.none": {"en": "No barrier needs a remedy.", "nb": "Ingen hindringer trenger tiltak."},
    "xlsx.src.A": {"en": "Tilpass estimate ({date})", "nb": "Tilpass-anslag ({date})"},
    "xlsx.src.C": {"en": "confirmed ({date})", "nb": "bekreftet ({date})"},
    "xlsx.src.S": {"en": "secondary source ({date})", "nb": "sekundærkilde ({date})"},
    "xlsx.src.U": {"en": "unconfirmed ({date})", "nb": "ubekreftet ({date})"},
    "xlsx.src.quote": {"en": "contractor's quote", "nb": "tilbud fra entreprenør"},
    "xlsx.src.user": {"en": "entered by you", "nb": "lagt inn av deg"},
    "xlsx.item.quote": {"en": "Contractor's quote for the whole remedy", "nb": "Entreprenørens tilbud på hele tiltaket"},
})
ITEM_NAMES = {
    "door_widen_internal": ("Widen an inside door (new door set and frame)", "Utvide innvendig dør (ny dør og karm)"),
    "door_widen_entrance": ("Widen the entrance door (new door set and frame)", "Utvide inngangsdør (ny dør og karm)"),
    "door_offset_hinges": ("Swing-clear hinges", "Sveivhengsler"),
    "threshold_removal": ("Remove the threshold, flat transition strip", "Fjerne terskel, flat overgangslist"),
    "threshold_ramp_aid": ("Threshold ramp (NAV aid)", "Terskelrampe (hjelpemiddel fra NAV)"),
    "bath_to_shower": ("Replace the bath with a step-free shower", "Bytte badekar med trinnfri dusj"),
    "shower_kerb_removal": ("Remove the shower kerb", "Fjerne dusjkant"),
    "wall_reinforcement": ("Reinforce walls for grab rails", "Forsterke vegger for støttehåndtak"),
    "grab_rail": ("Grab rail", "Støttehåndtak"),
    "bath_lift_aid": ("Bath lift (NAV aid)", "Badekarløfter (hjelpemiddel fra NAV)"),
    "sliding_door": ("Sliding door instead of a hinged door", "Skyvedør i stedet for slagdør"),
    "room_enlarge": ("Move a wall to enlarge the room", "Flytte vegg for å gjøre rommet større"),
    "bathroom_layout_rebuild": ("Rebuild the bathroom", "Bygge om badet"),
    "ramp_aid_per_m": ("Ramp lent by NAV", "Rampe utlånt fra NAV"),
    "ramp_built_per_m": ("Permanent ramp", "Fast rampe"),
    "ramp_landing_built": ("Ramp landing", "Repos for rampe"),
    "regrade_base": ("Raising the ground: setting up", "Heving av terreng: oppstart"),
    "regrade_per_m2": ("Raising the ground", "Heving av terreng"),
    "stairlift": ("Stair lift (NAV aid)", "Trappeheis (hjelpemiddel fra NAV)"),
    "platformlift": ("Platform lift (NAV aid)", "Løfteplattform (hjelpemiddel fra NAV)"),
    "shaftlift": ("Shaft lift (NAV aid)", "Løfteplattform i sjakt (hjelpemiddel fra NAV)"),
    "lift_installation": ("Installing the lift", "Montering av løfter"),
    "lift_foundation": ("Foundation for the lift", "Fundament for løfter"),
    "electrical_circuit": ("New electrical circuit", "Ny elektrisk kurs"),
    "stairlift_permit_fee": ("Building permit fee (shared stairwell)", "Byggesaksgebyr (felles trappeoppgang)"),
    "shaft_alarm_link": ("Alarm link for the shaft lift", "Alarmoverføring for sjaktløfter"),
    "lift_electricity": ("Electricity for the lift", "Strøm til løfter"),
}
UNIT_NAMES = {"each": ("each", "stk"), "unit": ("each", "stk"), "per door": ("per door", "per dør"),
              "per bathroom": ("per bathroom", "per bad"), "per case": ("per case", "per sak"),
              "per circuit": ("per circuit", "per kurs"), "per job": ("per job", "per jobb"),
              "per lift": ("per lift", "per løfter"), "per m2": ("per m²", "per m²"),
              "per metre": ("per metre", "per meter"), "per room": ("per room", "per rom"),
              "per shower": ("per shower", "per dusj"), "per year": ("per year", "per år")}
register({f"xlsx.item.{k}": {"en": en, "nb": nb} for k, (en, nb) in ITEM_NAMES.items()})
register({f"xlsx.unit.{k}": {"en": en, "nb": nb} for k, (en, nb) in UNIT_NAMES.items()})


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """One line of the quote: what, how much, its price incl. VAT and who pays how much of it [kr]."""

    barrier: str
    remedy: Remedy
    line: LineItem
    total_nok: int | None
    paid_by: dict[str, int]


def quote_lines(fp: FundingPlan) -> list[QuoteLine]:
    """The one-off lines of every chosen remedy with the remedy's funding shared out over them, so that each
    line's shares add up to its total and each scheme's shares add up to the scheme's amount in the plan."""
    by_remedy = {b.chosen: b for b in fp.barriers if b.chosen}
    out = []
    for s in fp.chosen:
        barrier = by_remedy[s.remedy_id]
        remedy = barrier.remedy(s.remedy_id)
        lines = list(remedy.one_off)
        shares = _share_out(s, lines) if s.total_nok is not None else [{} for _ in lines]
        out += [QuoteLine(barrier.key, remedy, line, line.total_nok, share) for line, share in zip(lines, shares)]
    return out


def _share_out(s: Split, lines: list[LineItem]) -> list[dict[str, int]]:
    """Each scheme's amount for one remedy laid on the lines it pays from, in proportion to what is unpaid."""
    left = [line.total_nok or 0 for line in lines]
    shares: list[dict[str, int]] = [{} for _ in lines]
    for name in NAMES:
        amount = s.amounts.get(name, 0)
        routes = SCHEME_ROUTES.get(name)
        for pick in ((lambda i: lines[i].route in routes) if routes else (lambda i: True), lambda i: True):
            if amount <= 0:
                break
            eligible = [i for i in range(len(lines)) if pick(i) and left[i] > 0]
            given = _largest_remainder(amount, [left[i] for i in eligible])
            for i, g in zip(eligible, given):
                shares[i][name] = shares[i].get(name, 0) + g
                left[i] -= g
                amount -= g
    return shares


def _largest_remainder(amount: int, capacity: list[int]) -> list[int]:
    """amount [kr] shared over capacity in proportion, whole kroner, never more than a line's capacity."""
    total = sum(capacity)
    if total <= 0:
        return [0] * len(capacity)
    amount = min(amount, total)
    exact = [amount * c / total for c in capacity]
    given = [int(x) for x in exact]
    for i in sorted(range(len(capacity)), key=lambda i: exact[i] - given[i], reverse=True)[:amount - sum(given)]:
        given[i] += 1
    return given


def _source(price: Price | None, item: str, lang: str) -> str:
    if item == "quote":
        return t("xlsx.src.quote", lang)
    if price is None:
        return t("xlsx.missing", lang)
    if price.confidence == USER:
        return t("xlsx.src.quote" if price.source.startswith(QUOTE_SOURCE) else "xlsx.src.user", lang)
    return price.source if lang == "en" else t(f"xlsx.src.{price.confidence}", lang, date=price.edition)


def quote_xlsx(fp: FundingPlan, prices: dict[str, Price], vat: float, name: str, lang: str) -> bytes:
    """The workbook as bytes. prices: the price list the plan was priced with; vat: the VAT rate (0.25)."""
    wb = Workbook()
    ws = wb.active
    ws.title = t("xlsx.sheet", lang)
    ws.append([t("xlsx.title", lang, name=name)])
    ws["A1"].font = Font(bold=True, size=SHEET_LAYOUT["title_pt"])
    ws.append([t("xlsx.note", lang)])
    ws.append([])
    used = [n for n in NAMES if fp.total(n)]
    head = [t(f"xlsx.col.{c}", lang) for c in ("barrier", "remedy", "item", "quantity", "unit", "unit_price",
                                                  "ex_vat", "vat", "total", "source")] + \
        [t(f"scheme.{n}", lang) for n in used]
    ws.append(head)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F0F2F5")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    first = ws.max_row + 1
    lines = quote_lines(fp)
    barriers = {b.key: b for b in fp.barriers}
    for q in lines:
        price = prices.get(q.line.item)
        ex_vat = None if q.total_nok is None else without_vat_nok(q.total_nok, vat)
        unit = (price.unit if price else "each") if q.line.item != "quote" else "each"
        f = barriers[q.barrier].finding
        ws.append([t(f"barrier.{f.code}", lang, element=f.element), t(f"remedy.{q.remedy.option}", lang),
                   t(f"xlsx.item.{q.line.item}", lang), round(q.line.quantity, 2),
                   t(f"xlsx.unit.{unit}", lang) if unit in UNIT_NAMES else unit,
                   None if price is None or q.line.item == "quote" else without_vat_nok(price.value, vat), ex_vat,
                   None if q.total_nok is None else q.total_nok - ex_vat, q.total_nok,
                   _source(price, q.line.item, lang), *[q.paid_by.get(n, 0) for n in used]])
    last = ws.max_row
    if not lines:
        ws.append([t("xlsx.none", lang)])
    else:
        ws.append([t("xlsx.total", lang), "", "", "", "", "",
                   *[f"=SUM({c}{first}:{c}{last})" for c in "GHI"], "",
                   *[f"=SUM({_col(11 + i)}{first}:{_col(11 + i)}{last})" for i in range(len(used))]])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
    yearly = [(barriers[b].finding, r, line) for b, r, line in _yearly(fp)]
    if yearly:
        ws.append([])
        ws.append([t("xlsx.yearly", lang)])
        ws[f"A{ws.max_row}"].font = Font(bold=True)
        for f, remedy, line in yearly:
            ws.append([t(f"barrier.{f.code}", lang, element=f.element), t(f"remedy.{remedy.option}", lang),
                       t(f"xlsx.item.{line.item}", lang), round(line.quantity, 2), t("xlsx.unit.per year", lang),
                       None, None, None, line.total_nok, _source(prices.get(line.item), line.item, lang)])
    for row in ws.iter_rows(min_row=first, min_col=6, max_col=10 + len(used)):
        for cell in row:
            if cell.column != 10:
                cell.number_format = NOK_FORMAT
    widths = [*SHEET_LAYOUT["widths"], *[SHEET_LAYOUT["scheme_width"]] * len(used)]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[_col(i)].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _yearly(fp: FundingPlan):
    by_remedy = {b.chosen: b for b in fp.barriers if b.chosen}
    for s in fp.chosen:
        b = by_remedy[s.remedy_id]
        remedy = b.remedy(s.remedy_id)
        for line in remedy.lines:
            if line.yearly:
                yield b.key, remedy, line


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(n)
