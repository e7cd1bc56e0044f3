"""The what-if block of an ambition card: an assumed yearly change, its projection and what it
would mean for the target. A scenario, never a measurement: nothing is stored."""
from __future__ import annotations

import streamlit as st

from pages.widgets import show_chart

from streek.fmt import fmt_change, fmt_value
from streek.i18n import t
from streek.model import Vision
from streek.progress import Assessment
from streek.scenario import (SLIDER_MAX, SLIDER_MIN, SLIDER_STEP, default_rate_pct, scenario_chart, scenario_for,
                             unsupported_reason)

RATES = [round(SLIDER_MIN + i * SLIDER_STEP, 1) for i in range(int(round((SLIDER_MAX - SLIDER_MIN) / SLIDER_STEP)) + 1)]


def scenario_lines(sc, lang: str) -> list[str]:
    """The scenario in words (Dutch-formatted numbers)."""
    target = fmt_value(sc.target_value, sc.unit, lang=lang)
    lines = [t("whatif.start", lang=lang, period=sc.start_year, value=fmt_value(sc.start_value, sc.unit, lang=lang)),
             t("whatif.projected", lang=lang, rate=fmt_change(sc.rate, lang=lang), value=fmt_value(sc.projected, sc.unit, 1 if sc.unit == "%" else 0, lang=lang),
               year=sc.target_year),
             t("whatif.met" if sc.meets_target else "whatif.not_met", lang=lang, target=target)]
    if sc.reached_year is None:
        lines.append(t("whatif.never", lang=lang))
    elif sc.reached_year == sc.start_year:
        lines.append(t("whatif.reached_already", lang=lang))
    else:
        lines.append(t("whatif.reached_year", lang=lang, year=sc.reached_year))
    if sc.needed_rate is not None and sc.start_year < sc.target_year:
        lines.append(t("whatif.needed", lang=lang, year=sc.target_year, rate=fmt_change(sc.needed_rate, lang=lang)))
    if sc.capped:
        lines.append(t("whatif.capped", lang=lang))
    return lines


@st.fragment
def _series_whatif(vision: Vision, code: str, res: Assessment, key: str, lang: str) -> None:
    a = vision.ambition(code)
    why = unsupported_reason(a, res)
    if why:
        st.caption(t(why, lang))
        return
    rate = st.select_slider(t("whatif.slider", lang), RATES, value=min(RATES, key=lambda r: abs(r - default_rate_pct(res))),
                            format_func=lambda r: fmt_change(r / 100, lang=lang), key=key, help=t("whatif.slider_help", lang))
    sc = scenario_for(a, res, rate)
    st.markdown(f"**{t('whatif.label', lang)}** · {a.code}")
    left, right = st.columns([2, 3], gap="medium")
    with left:
        st.markdown("  \n".join(scenario_lines(sc, lang)))
    with right:
        chart = scenario_chart(a, vision.series(a.code), sc, lang=lang)
        show_chart(chart, t("whatif.label", lang) + ": " + " ".join(scenario_lines(sc, lang)), key=f"{key}-chart", lang=lang)


def whatif_block(vision: Vision, code: str, res: dict[str, Assessment], lang: str) -> None:
    """On a card of document ambition ``code`` (``res``: assessment per series code)."""
    group = [a for a in vision.ambitions if a.ambition == code] or [vision.ambition(code)]
    box = st.expander(t("whatif.title", lang), icon=":material/science:", key=f"whatif-open-{code}", on_change="rerun")
    if not box.open:            # lazy: nothing is computed for a closed block (cards stay fast)
        return
    with box:
        if len(group) > 1:
            chosen = st.segmented_control(t("notes.ambition", lang), [a.code for a in group], default=group[0].code,
                                          key=f"whatif-series-{code}", required=True)
        else:
            chosen = group[0].code
        _series_whatif(vision, chosen, res[chosen], key=f"whatif-{chosen}", lang=lang)


@st.fragment
def card_extras(vision: Vision, code: str, res: dict[str, Assessment], lang: str, notes: list | None = None) -> None:
    """Under an ambition card: the what-if block and the workshop notes (one call from the card).
    A fragment: opening either block or moving the slider reruns this card's extras, not the page."""
    from pages.notes_view import notes_block
    whatif_block(vision, code, res, lang)
    notes_block(vision, code, lang, notes)
