"""The card model (streek.card): hand-written expected cards, one ambition per kind of target, in
Dutch and English. The figures are the document's (data/ambitions.csv) and the seed measurements."""
from __future__ import annotations

import pytest

from streek import load_vision
from streek.card import build_card
from streek.progress import Status

VISION = load_vision()

EXPECTED = {
    # level, a share: the change in percentage points, then relative
    ("2.1.1", "nl"): dict(
        meta="Bouwsteen 2.1 · p. 20 · van basiswaarde naar doelwaarde",
        rows=(("Gebied", "Zuid-West-Vlaanderen (afgeleid uit de SWOT-analyse; de ambitie zelf noemt geen gebied)"),
              ("Van → naar", "75,4 % in 2016 → 80 % in 2030"),
              ("Verandering", "+4,6 procentpunt (+6,1 %)"),
              ("Laatste meting", "75,4 % (2016) – Just Make It! (RESOC Zuid-West-Vlaanderen, mei 2019), p. 20"
                                 " – nog geen latere meting dan de basiswaarde")),
        status=Status.NOT_ASSESSABLE, status_text="? Niet te beoordelen", reason_code="only_baseline",
        reason="Er is alleen de basiswaarde; er is nog geen latere meting om de vooruitgang te beoordelen."),
    ("2.1.1", "en"): dict(
        meta="Building block 2.1 · p. 20 · from baseline to target value",
        rows=(("Area", "South-West Flanders (derived from the SWOT analysis; the ambition itself names no area)"),
              ("From → to", "75.4% in 2016 → 80% in 2030"),
              ("Change", "+4.6 percentage points (+6.1%)"),
              ("Latest measurement", "75.4% (2016) – Just Make It! (RESOC South-West Flanders, May 2019), p. 20"
                                     " – no measurement after the baseline yet")),
        status=Status.NOT_ASSESSABLE, status_text="? Not assessable", reason_code="only_baseline",
        reason="There is only the baseline; no later measurement yet to assess progress."),
    # level, a count, with later measurements: what is needed per year and the trend
    ("1.2.1", "nl"): dict(
        meta="Bouwsteen 1.2 · p. 18 · van basiswaarde naar doelwaarde",
        rows=(("Gebied", "Zuid-West-Vlaanderen"),
              ("Van → naar", "28.309 ondernemingen in 2016 → 34.000 ondernemingen in 2030"),
              ("Verandering", "+5.691 ondernemingen (+20,1 %)"),
              ("Laatste meting", "31.391 ondernemingen (2019) – Statbel (Algemene Directie Statistiek), Btw-plichtige "
                                 "ondernemingen naar rechtsvorm (TF_VAT_NACE_SQ_2019), referentiejaar 2019"),
              ("Nodig", "+0,7 % per jaar vanaf 2019 (trend tot nu toe: +3,5 % per jaar)")),
        status=Status.ON_TRACK, status_text="▲ Op koers", reason_code="rates",
        reason="Vanaf 2019 is +0,7 % per jaar nodig om 34.000 ondernemingen te halen in 2030; de trend sinds 2016 geeft "
               "+3,5 % per jaar (vereist vanaf de basiswaarde: +1,3 % per jaar)."),
    ("1.2.1", "en"): dict(
        meta="Building block 1.2 · p. 18 · from baseline to target value",
        rows=(("Area", "South-West Flanders"),
              ("From → to", "28,309 enterprises in 2016 → 34,000 enterprises in 2030"),
              ("Change", "+5,691 enterprises (+20.1%)"),
              ("Latest measurement", "31,391 enterprises (2019) – Statbel (Statistics Belgium), "
                                     "VAT-registered enterprises by legal form (TF_VAT_NACE_SQ_2019), reference year 2019"),
              ("Needed", "+0.7% a year from 2019 (trend so far: +3.5% a year)")),
        status=Status.ON_TRACK, status_text="▲ On track", reason_code="rates",
        reason="From 2019, +0.7% a year is needed to reach 34,000 enterprises in 2030; the trend since 2016 gives "
               "+3.5% a year (required from the baseline: +1.3% a year)."),
    # relative change without a baseline
    ("1.1.1", "nl"): dict(
        meta="Bouwsteen 1.1 · p. 17 · procentuele verandering zonder basiswaarde",
        rows=(("Gebied", "Zuid-West-Vlaanderen"),
              ("Van → naar", "+25 % tegen 2030 (het document geeft geen basisjaar en geen basiswaarde)"),
              ("Verandering", "+25 %"),
              ("Laatste meting", "nog geen meting")),
        status=Status.NOT_ASSESSABLE, status_text="? Niet te beoordelen", reason_code="no_baseline_no_data",
        reason="Het document geeft geen basiswaarde en er is nog geen meting."),
    ("1.1.1", "en"): dict(
        meta="Building block 1.1 · p. 17 · percentage change without a baseline",
        rows=(("Area", "South-West Flanders"),
              ("From → to", "+25% by 2030 (the document gives no base year and no baseline)"),
              ("Change", "+25%"),
              ("Latest measurement", "no measurement yet")),
        status=Status.NOT_ASSESSABLE, status_text="? Not assessable", reason_code="no_baseline_no_data",
        reason="The document gives no baseline and there is no measurement yet."),
    # maintain a level
    ("1.1.2", "nl"): dict(
        meta="Bouwsteen 1.1 · p. 17 · niveau behouden",
        rows=(("Gebied", "Zuid-West-Vlaanderen"),
              ("Van → naar", "minstens 1.000 vestigingen behouden tot 2030"),
              ("Laatste meting", "nog geen meting")),
        status=Status.NOT_ASSESSABLE, status_text="? Niet te beoordelen", reason_code="maintain_no_data",
        reason="Nog geen meting: het niveau kan niet getoetst worden."),
    ("1.1.2", "en"): dict(
        meta="Building block 1.1 · p. 17 · maintain a level",
        rows=(("Area", "South-West Flanders"),
              ("From → to", "keep at least 1,000 establishments until 2030"),
              ("Latest measurement", "no measurement yet")),
        status=Status.NOT_ASSESSABLE, status_text="? Not assessable", reason_code="maintain_no_data",
        reason="No measurement yet: the level cannot be checked."),
    # average over a period, a share: percentage points between the two averages
    ("1.4.3", "nl"): dict(
        meta="Bouwsteen 1.4 · p. 19 · gemiddelde over een periode",
        rows=(("Gebied", "Provincie West-Vlaanderen"),
              ("Van → naar", "gemiddeld 9,2 % in 2009–2017 → gemiddeld 20 % in 2020–2030"),
              ("Verandering", "+10,8 procentpunt (+117,4 %)"),
              ("Laatste meting", "9,2 % (2009–2017) – Just Make It! (RESOC Zuid-West-Vlaanderen, mei 2019), p. 19"
                                 " – nog geen latere meting dan de basiswaarde")),
        status=Status.NOT_ASSESSABLE, status_text="? Niet te beoordelen", reason_code="average_no_data",
        reason="Nog geen jaarcijfer in 2020–2030: het gemiddelde over die periode kan nog niet berekend worden "
               "(vergelijk: 9,2 % gemiddeld in 2009–2017)."),
    ("1.4.3", "en"): dict(
        meta="Building block 1.4 · p. 19 · average over a period",
        rows=(("Area", "Province of West Flanders"),
              ("From → to", "average 9.2% in 2009–2017 → average 20% in 2020–2030"),
              ("Change", "+10.8 percentage points (+117.4%)"),
              ("Latest measurement", "9.2% (2009–2017) – Just Make It! (RESOC South-West Flanders, May 2019), p. 19"
                                     " – no measurement after the baseline yet")),
        status=Status.NOT_ASSESSABLE, status_text="? Not assessable", reason_code="average_no_data",
        reason="No yearly figure in 2020–2030 yet: the average over that period cannot be computed yet "
               "(compare: 9.2% on average in 2009–2017)."),
    # a share to reach without a baseline
    ("2.3.2", "nl"): dict(
        meta="Bouwsteen 2.3 · p. 21 · aandeel te bereiken zonder basiswaarde",
        rows=(("Gebied", "Zuid-West-Vlaanderen"),
              ("Van → naar", "25 % in 2030 (het document geeft geen basiswaarde)"),
              ("Laatste meting", "nog geen meting")),
        status=Status.NOT_ASSESSABLE, status_text="? Niet te beoordelen", reason_code="no_baseline_no_data",
        reason="Het document geeft geen basiswaarde en er is nog geen meting."),
    ("2.3.2", "en"): dict(
        meta="Building block 2.3 · p. 21 · share to reach without a baseline",
        rows=(("Area", "South-West Flanders"),
              ("From → to", "25% in 2030 (the document gives no baseline)"),
              ("Latest measurement", "no measurement yet")),
        status=Status.NOT_ASSESSABLE, status_text="? Not assessable", reason_code="no_baseline_no_data",
        reason="The document gives no baseline and there is no measurement yet."),
}


@pytest.mark.parametrize("code,lang", sorted(EXPECTED))
def test_expected_card(code, lang):
    want = EXPECTED[(code, lang)]
    card = build_card(VISION, code, lang)
    assert card.lang == lang and card.title == VISION.ambition(code).title_nl    # the document's title stays Dutch
    assert card.meta == want["meta"]
    sc = card.series[0]
    assert sc.fact_rows == want["rows"]
    assert (sc.status, sc.status_text, sc.reason_code, sc.reason) == (
        want["status"], want["status_text"], want["reason_code"], want["reason"])


def test_every_kind_of_target_has_an_expected_card():
    kinds = {VISION.ambition(code).target_kind for code, _ in EXPECTED}
    assert kinds == {a.target_kind for a in VISION.ambitions}


def test_sub_targets_are_series_of_one_card():
    card = build_card(VISION, "2.1.1", "en")
    assert [s.code for s in card.series] == ["2.1.1", "2.1.1a", "2.1.1b", "2.1.1c", "2.1.1d"]
    assert card.multi and card.series[1].series_title.startswith("Laaggeschoolden")
    assert card.series[1].change == "+5.6 percentage points (+12.6%)"    # 44,4 % -> 50 %


def test_every_card_in_both_languages_has_no_dutch_status_words_in_english():
    dutch = {build_card(VISION, "1.2.1", "nl").series[0].status_label}
    for code in VISION.document_codes():
        for sc in build_card(VISION, code, "en").series:
            assert sc.status_label not in dutch
            assert "procentpunt" not in (sc.change or "")
