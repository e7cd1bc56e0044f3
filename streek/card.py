"""The card model: everything a card states about one ambition, composed once, in one language.

The pillar page, the overview, presentation mode and the PowerPoint/PDF exports all render a
:class:`Card` (or its :class:`SeriesCard` rows); none of them composes these texts itself.

    card = build_card(vision, "2.1.1", lang="en", assessments=res)
    card.series[0].change        # '+4.6 percentage points (+6.1%)'
    card.series[0].fact_rows     # (("Area", ...), ("From → to", ...), ...) — the facts as label/value

Texts are plain (no Markdown, no HTML): each view escapes for its own medium. The document's own
titles (``title``, a sub-target's ``label``, annex sources) stay Dutch in every language; units and
indicator labels are translated (streek.i18n.names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from streek import comparable
from streek.fmt import fmt_change, fmt_number, fmt_period, fmt_value
from streek.i18n import t
from streek.i18n.names import label_name, unit_name
from streek.model import Ambition, Vision
from streek.progress import Assessment, Reason, Status, assess

_GEO_BASIS = {"swot": "pillars.geo.basis_swot", "bijlage 2": "pillars.geo.basis_annex",
              "bouwsteen": "pillars.geo.basis_block"}
_PERIOD_KEYS = {"period", "base_period", "window"}       # reason parameters that are periods
_RATE_KEYS = {"needed", "actual", "required"}             # ... that are yearly rates (fractions)
_VALUE_KEYS = {"value", "target", "base", "average"}      # ... that are values in the series' unit


# --- words for codes ------------------------------------------------------------------------------
def status_label(status: Status, lang: str) -> str:
    """The status word: 'Op koers' / 'On track'."""
    return t(f"deck.status.{Status(status).value}", lang)


def status_text(status: Status, lang: str) -> str:
    """Symbol and word: '▲ On track' (never colour alone)."""
    status = Status(status)
    return f"{status.symbol} {status_label(status, lang)}"


def kind_label(kind: str, lang: str) -> str:
    return t(f"deck.kind.{kind}", lang)


def reason_text(reason: Reason, lang: str, prefix: str = "progress.reason") -> str:
    """A status reason (or, with ``prefix="progress.note"``, a caveat) in ``lang``, its numbers formatted."""
    kw = reason.kw
    unit = kw.pop("unit", "")
    out = {}
    for k, v in kw.items():
        if k in _PERIOD_KEYS:
            out[k] = fmt_period(v, lang=lang) if v else "–"
        elif k in _RATE_KEYS:
            out[k] = fmt_change(v, lang=lang) if v is not None else "–"
        elif k in _VALUE_KEYS:
            out[k] = fmt_value(v, unit, 1 if k == "average" else None, lang=lang)
        else:
            out[k] = v
    return t(f"{prefix}.{reason.code}", lang, **out)


# --- pieces ---------------------------------------------------------------------------------------
def _signed(v: float, lang: str, decimals: int | None = 1) -> str:
    s = fmt_number(v, decimals, lang=lang)
    return "+" + s if v > 0 and s.strip("0,.") else s


def _signed_pct(v: float, lang: str, decimals: int | None = 1) -> str:
    return _signed(v, lang, decimals) + ("%" if lang == "en" else " %")


def geography_text(vision: Vision, a: Ambition, lang: str) -> str:
    if not a.geography:
        return t("common.geo_missing", lang)
    name = vision.geo_name(a.geography, lang)
    basis = _GEO_BASIS.get(a.geography_basis)
    return f"{name} ({t(basis, lang)})" if basis else name


def from_to_text(a: Ambition, lang: str) -> str:
    """Baseline -> target in the document's figures, with units and years."""
    v, u = a.target_value, a.unit
    if a.target_kind == "level":
        return t("pillars.target.level", lang, base=fmt_value(a.baseline_value, u, lang=lang),
                 base_period=fmt_period(a.baseline_period, lang=lang), target=fmt_value(v, u, lang=lang), year=a.target_year)
    if a.target_kind == "relative_change":
        return t("pillars.target.relative", lang, change=_signed_pct(v, lang, None), year=a.target_year)
    if a.target_kind == "maintain":
        return t("pillars.target.maintain", lang, value=fmt_value(v, u, lang=lang), year=a.target_year)
    if a.target_kind == "period_average":
        return t("pillars.target.period_average", lang, base=fmt_value(a.baseline_value, u, lang=lang),
                 base_period=fmt_period(a.baseline_period, lang=lang), target=fmt_value(v, u, lang=lang),
                 period=fmt_period(a.target_period, lang=lang))
    return t("pillars.target.share", lang, target=fmt_value(v, u, lang=lang), year=a.target_year)


def target_text(a: Ambition, lang: str) -> str:
    """The target in a few words: '80 % in 2030', '+25 % by 2030'."""
    if a.target_kind == "relative_change":
        return t("deck.target_relative", lang, change=_signed_pct(a.target_value, lang, None), year=a.target_year)
    if a.target_kind == "maintain":
        return t("deck.target_maintain", lang, value=fmt_value(a.target_value, a.unit, lang=lang), year=a.target_year)
    if a.target_kind == "period_average":
        return t("deck.target_average", lang, value=fmt_value(a.target_value, a.unit, lang=lang),
                 period=fmt_period(a.target_period, lang=lang))
    return t("deck.target_level", lang, value=fmt_value(a.target_value, a.unit, lang=lang), year=a.target_year)


def baseline_text(a: Ambition, lang: str) -> str:
    if a.baseline_value is None:
        return t("deck.no_baseline", lang)
    return t("deck.value_in", lang, value=fmt_value(a.baseline_value, a.unit, lang=lang),
             period=fmt_period(a.baseline_period, lang=lang))


def change_text(a: Ambition, lang: str) -> str | None:
    """Baseline -> target as a change: absolute (percentage points for shares) and relative;
    the document's printed percentage beside it where it differs from its own figures."""
    if a.target_kind == "relative_change":
        return _signed_pct(a.target_value, lang, None)
    if a.target_kind not in ("level", "period_average") or a.baseline_value is None:
        return None
    diff = a.target_value - a.baseline_value
    absolute = (t("card.points", lang, value=_signed(diff, lang)) if a.is_percentage
                else f"{_signed(diff, lang, None)} {unit_name(a.unit, lang)}".strip())
    if not a.baseline_value:
        return absolute
    rel = (a.target_value / a.baseline_value - 1) * 100
    out = t("card.change.points", lang, points=absolute, relative=_signed_pct(rel, lang))
    printed = a.printed_change_pct
    if printed is not None and round(printed, 1) != round(rel, 1) and not (float(printed).is_integer() and round(rel) == printed):
        out += " – " + t("card.change.relative_printed", lang, printed=_signed_pct(printed, lang, None))
    return out


def needed_text(res: Assessment, lang: str) -> str:
    """What is needed per year from the latest measurement, and the trend so far."""
    need = (t("card.needed.rate", lang, year=str(res.latest_period)[:4], rate=fmt_change(res.needed_from_latest, lang=lang))
            if res.needed_from_latest is not None and res.latest_period else "")
    trend = t("card.needed.trend", lang, rate=fmt_change(res.cagr_actual, lang=lang)) if res.cagr_actual is not None else ""
    return f"{need} ({trend})" if need and trend else need or trend


_PAGE_RE = re.compile(r"p\. ?(\d+)")
DOCUMENT_SOURCE = "jmi2019"      # data/sources.csv: the document itself


def source_label(vision: Vision, source_id: str, note: str, page: int | None, lang: str) -> str:
    """A reader's name for a measurement's source: Statbel's attribution, or the document page."""
    if source_id == DOCUMENT_SOURCE:
        m = _PAGE_RE.search(note or "")
        p = int(m.group(1)) if m else page
        return t("pillars.source.document", lang, page=p) if p else t("pillars.source.document_nopage", lang)
    src = vision.sources.get(source_id)
    if src is None:
        return source_id or t("pillars.source.unknown", lang)
    return src.attribution(lang, label=False)


# --- the model ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SeriesCard:
    """What a card states about one target series, in one language."""
    code: str
    label: str                 # the series' own sentence (document, Dutch) or the indicator (translated)
    series_title: str          # sub-target sentence, "" for a single series
    indicator: str             # the indicator label, in ``lang`` (streek.i18n.names)
    annex_source: str          # document, Dutch ("" where none)
    geography: str
    kind_code: str
    kind: str
    baseline: str
    target: str
    from_to: str
    change: str | None
    latest: str                # "75,4 % (2016)" or "no measurement yet"
    latest_source: str         # who measured it ("" without a measurement)
    latest_note: str           # "no measurement after the baseline yet" or ""
    needed: str
    status: Status
    status_label: str
    status_text: str
    reason_code: str
    reason: str
    notes: tuple[str, ...]     # caveats of the assessment, then the document's note (Dutch)
    lang: str

    @property
    def latest_line(self) -> str:
        """Latest value, period and source in one line."""
        if not self.latest_source:
            return self.latest
        out = f"{self.latest} – {self.latest_source}"
        return f"{out} – {self.latest_note}" if self.latest_note else out

    @property
    def fact_rows(self) -> tuple[tuple[str, str], ...]:
        """The facts as (label, value), in the order every view shows them."""
        lang = self.lang
        rows = [(t("common.geography", lang), self.geography), (t("pillars.card.target", lang), self.from_to)]
        if self.change:
            rows.append((t("pillars.card.change", lang), self.change))
        rows.append((t("pillars.card.latest", lang), self.latest_line))
        if self.needed:
            rows.append((t("card.needed", lang), self.needed))
        return tuple(rows)


@dataclass(frozen=True)
class Card:
    """A document ambition (with its sub-targets) or one target series, in one language."""
    code: str
    title: str                 # the document's title (Dutch)
    pillar: str
    block: str
    page: int
    kind: str
    meta: str                  # "Building block 2.1 · p. 25 · from baseline to target value"
    series: tuple[SeriesCard, ...]
    lang: str

    @property
    def multi(self) -> bool:
        return len(self.series) > 1


def series_card(vision: Vision, a: Ambition, res: Assessment, lang: str, *, multi: bool = False) -> SeriesCard:
    s = vision.series(a.code)
    if s.empty:
        latest, src, note = t("deck.no_measurement", lang), "", ""
    else:
        last = s.iloc[-1]
        latest = t("deck.value_in", lang, value=fmt_value(last["value"], a.unit, lang=lang),
                   period=fmt_period(last["period"], lang=lang))
        src = source_label(vision, last["source"], last["note"], a.page, lang)
        note = (t("deck.only_baseline", lang) if len(s) == 1 and a.baseline_period
                and last["period"] == a.baseline_period else "")
    notes = tuple(reason_text(n, lang, "progress.note") for n in res.notes) + ((a.note(lang),) if a.note_nl else ())
    notes += tuple(n for n in (comparable.note(vision, a.code, lang),) if n)   # e.g. Eurostat beside 3.3.1
    return SeriesCard(
        code=a.code, label=(a.series_nl or a.title_nl) if multi else label_name(a.indicator_nl, lang),
        series_title=(a.series_nl or label_name(a.indicator_nl, lang)) if (multi or a.series_nl) else "",
        indicator=label_name(a.indicator_nl, lang), annex_source=a.source_nl, geography=geography_text(vision, a, lang),
        kind_code=a.target_kind, kind=kind_label(a.target_kind, lang), baseline=baseline_text(a, lang),
        target=target_text(a, lang), from_to=from_to_text(a, lang), change=change_text(a, lang),
        latest=latest, latest_source=src, latest_note=note, needed=needed_text(res, lang),
        status=res.status, status_label=status_label(res.status, lang), status_text=status_text(res.status, lang),
        reason_code=res.reason.code, reason=reason_text(res.reason, lang), notes=notes, lang=lang)


def build_card(vision: Vision, code: str, lang: str, assessments: dict[str, Assessment] | None = None) -> Card:
    """The card of ``code`` (a document ambition with its sub-targets, or one series) in ``lang``.

    ``assessments``: {series code: Assessment}; missing ones are computed here."""
    group = vision.series_of(code)
    got = assessments or {}
    res = {a.code: got.get(a.code) or assess(a, vision.series(a.code)) for a in group}
    head = group[0]
    multi = len(group) > 1
    kind = kind_label(head.target_kind, lang)
    return Card(code=code, title=head.title_nl, pillar=head.pillar, block=head.building_block, page=head.page, kind=kind,
                meta=t("pillars.card.meta", lang, block=head.building_block, page=head.page, kind=kind),
                series=tuple(series_card(vision, a, res[a.code], lang, multi=multi) for a in group), lang=lang)
