"""A self-contained HTML report of a plan's findings and measurements, to attach to an application.

Print it to PDF from the browser. It holds the drawing, every finding with its rule, the measurements with
where and when they were taken, notes, and the rule values with their sources.
"""
from __future__ import annotations

from base64 import b64encode
from datetime import datetime, timezone
from html import escape

from planner.project import daily, falls
from planner.checks import summary
from planner.model.findings import Finding
from planner.i18n import app_texts, register, t
from planner.importers.doubts import open_doubts
from planner.project.measurements import describe, latest
from planner.project.file import Project
from planner.output.report_pdf import element_name, local_stamp
from planner.rules.texts import rule_clause_text, rule_source_text, rule_value_name, rule_value_text
from planner.rules import Rules
from planner.model.status import TEXT_COLOURS, worst_first
from planner.project.visit import PHOTO_TYPES

register({
    "report.col.field": {"en": "Measured", "nb": "Målt"},
    "report.col.value": {"en": "Value", "nb": "Verdi"},
    "report.col.when": {"en": "When", "nb": "Tid"},
    "report.col.room": {"en": "Room", "nb": "Rom"},
    "report.col.item": {"en": "To do", "nb": "Å gjøre"},
    "report.col.aids": {"en": "Aids", "nb": "Hjelpemidler"},
    "falls.title": {"en": "Fall prevention", "nb": "Fallforebygging"},
    "day.title": {"en": "The day in the home", "nb": "Dagen i hjemmet"},
    "report.title": {"en": "Accessibility survey: {name}", "nb": "Tilgjengelighetskartlegging: {name}"},
    "report.provisional": {
        "en": "The findings are provisional: the import doubts this plan, and nobody has confirmed it.",
        "nb": "Funnene er foreløpige: importen tviler på denne planen, og ingen har bekreftet den."},
    "report.made": {"en": "Made with Tilpass on {day}, against {standard}.",
                    "nb": "Laget med Tilpass {day}, mot {standard}."},
    "report.summary": {"en": "{fail} barriers, {unknown} to measure, {passed} in order.",
                       "nb": "{fail} hindringer, {unknown} må måles, {passed} i orden."},
    "report.findings": {"en": "Findings", "nb": "Funn"},
    "report.measurements": {"en": "Site measurements", "nb": "Målinger på stedet"},
    "report.notes": {"en": "Notes", "nb": "Notater"},
    "report.rules": {"en": "Rule values and sources", "nb": "Kravverdier og kilder"},
    "report.extra": {"en": "Costs and funding", "nb": "Kostnader og finansiering"},
    "report.photos": {"en": "Photos from the site", "nb": "Bilder fra stedet"},
    "report.disclaimer": {
        "en": "Clear widths marked 'estimated' come from the drawn leaf width; measure them before applying. "
              "Values marked 'secondary source', 'unconfirmed' or 'Tilpass assumption' must be checked against "
              "the current rules.",
        "nb": "Fri bredde merket «anslått» er beregnet fra tegnet dørblad; mål før du søker. Verdier merket "
              "«sekundærkilde», «ubekreftet» eller «Tilpass-antakelse» må sjekkes mot gjeldende regler."},
})

CSS = """body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#1f2328}
table{border-collapse:collapse;width:100%;font-size:13px;margin:1em 0}td,th{border:1px solid #d0d7de;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f6f8fa}.fail{font-weight:600}img{max-width:100%}""" + "".join(
    f".{status}{{color:{colour}}}" for status, colour in TEXT_COLOURS.items())


def _table(headers: list[str], rows: list[list[str]], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(f"<tr class='{escape(classes[i]) if classes else ''}'>" + "".join(f"<td>{escape(str(c))}</td>" for c in row)
                   + "</tr>" for i, row in enumerate(rows))
    return f"<table><tr>{head}</tr>{body}</table>"


@app_texts()
def build_html(project: Project, findings: list[Finding], rules: Rules, lang: str, png: bytes | None = None,
               extra_html: str = "") -> str:
    """The report as one HTML page; `extra_html` (already escaped) adds a costs section."""
    plan = project.plan
    counts = summary(findings)
    name = plan.name or project.source.get("file", "") or "Plan"
    parts = [f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><title>{escape(name)}</title>"
             f"<style>{CSS}</style><body>",
             f"<h1>{escape(t('report.title', lang, name=name))}</h1>",
             f"<p>{escape(t('report.made', lang, day=local_stamp(datetime.now(timezone.utc).isoformat(), lang), standard=rules.name_nb if lang == 'nb' else rules.name))}</p>",
             f"<p><b>{escape(t('report.summary', lang, fail=counts['fail'], unknown=counts['unknown'], passed=counts['pass']))}</b></p>"]
    doubts = open_doubts(plan, project.source)
    if doubts:   # the findings on a plan the importer doubts are provisional, and the report says why
        parts.append(f"<p><b>{escape(t('report.provisional', lang))}</b></p><ul>"
                     + "".join(f"<li>{escape(d.message(lang))}</li>" for d in doubts) + "</ul>")
    if png:
        parts.append(f"<img alt='plan' src='data:image/png;base64,{b64encode(png).decode()}'>")
    parts.append(f"<h2>{escape(t('report.findings', lang))}</h2>")
    ordered = worst_first(findings)
    parts.append(_table([t("col.status", lang), t("col.element", lang), t("col.check", lang), t("col.message", lang),
                         t("col.rule", lang)],
                        [[t("status." + f.status, lang), element_name(f.element, lang), t("check." + f.check, lang),
                          f.message(lang), rule_clause_text(f.rule, lang)] for f in ordered], [f.status for f in ordered]))
    in_use = latest(list(project.measurements))   # a value replaced later is not shown beside its successor
    if in_use:
        parts.append(f"<h2>{escape(t('report.measurements', lang))}</h2>")
        parts.append(_table([t("col.element", lang), t("report.col.field", lang), t("report.col.value", lang),
                             t("col.confidence", lang), t("report.col.when", lang), t("report.notes", lang)],
                            [[element_name(m.element, lang), *describe(m.field, m.value, lang),
                              t("source." + m.source, lang), local_stamp(m.taken_at, lang), m.note]
                             for m in in_use]))
    if project.notes:
        parts.append(f"<h2>{escape(t('report.notes', lang))}</h2>")
        parts.append(_table([t("col.element", lang), t("report.notes", lang)],
                            [[element_name(k, lang), v] for k, v in project.notes.items()]))
    photos = [p for p in project.photos if p.get("mime") in PHOTO_TYPES and isinstance(p.get("data"), str)]
    if photos:
        parts.append(f"<h2>{escape(t('report.photos', lang))}</h2>")
        for p in photos:
            name = str(p.get("name") or "")
            caption = t("pdf.photo", lang, element=element_name(str(p.get("element")), lang), name=name,
                        when=local_stamp(str(p.get("taken_at") or ""), lang))
            parts.append(f"<figure><img alt='{escape(name)}' src='data:{escape(p['mime'])};base64,"
                         f"{escape(p['data'])}' style='max-height:320px'><figcaption>{escape(caption)}"
                         "</figcaption></figure>")
    todo = falls.to_do(plan, project.falls)
    if todo:
        parts.append(f"<h2>{escape(t('falls.title', lang))}</h2>")
        parts.append(_table([t("report.col.room", lang), t("report.col.item", lang), t("report.col.aids", lang)],
                            [[t("fall.entrance", lang) if room == falls.ENTRANCE else
                              (plan.room(room).name if plan.room(room) else room), t(f"fall.{item.id}", lang),
                              ", ".join(t(f"aid.{a}", lang) for a in item.aids)] for room, item in todo]))
    day = daily.describe(project.daily, lang)
    if day:
        parts.append(f"<h2>{escape(t('day.title', lang))}</h2><ul>"
                     + "".join(f"<li>{escape(line)}</li>" for line in day) + "</ul>")
    if extra_html:
        parts.append(f"<h2>{escape(t('report.extra', lang))}</h2>{extra_html}")
    parts.append(f"<h2>{escape(t('report.rules', lang))}</h2>")
    parts.append(_table([t("rules.col.what", lang), t("rules.col.value", lang), t("col.rule", lang),
                         t("col.confidence", lang), t("pdf.col.source", lang)],
                        [[rule_value_name(k, v.note, lang), rule_value_text(k, v.value), rule_clause_text(v.clause, lang),
                          t("confidence." + v.confidence, lang), rule_source_text(v.source, lang)]
                         for k, v in rules.values.items()]))
    parts.append(f"<p><i>{escape(t('report.disclaimer', lang))}</i></p></body></html>")
    return "".join(parts)
