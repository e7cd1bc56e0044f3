import pytest

from streek.fmt import fmt_change, fmt_number, fmt_pct, fmt_period, fmt_value
from streek.periods import parse_period


@pytest.mark.parametrize("value,decimals,expected", [
    (28309, None, "28.309"), (114221, None, "114.221"), (1000, None, "1.000"), (999, None, "999"),
    (75.4, None, "75,4"), (75.4, 2, "75,40"), (1234.5, None, "1.234,5"), (-3.7, None, "-3,7"),
    (0, None, "0"), (6494.0, None, "6.494"), (1234567.891, 1, "1.234.567,9"), (-0.04, 1, "0,0"),
])
def test_fmt_number(value, decimals, expected):
    assert fmt_number(value, decimals) == expected


def test_fmt_pct_and_value():
    assert fmt_pct(75.4) == "75,4 %"
    assert fmt_value(28309, "ondernemingen") == "28.309 ondernemingen"
    assert fmt_value(44.4, "%") == "44,4 %"
    assert fmt_value(None, "%") == "geen gegevens"
    assert fmt_number(float("nan")) == "–"


def test_fmt_change():
    assert fmt_change(0.017) == "+1,7 %"
    assert fmt_change(-0.2) == "-20,0 %"
    assert fmt_change(0.0) == "0,0 %"


def test_fmt_period():
    assert fmt_period("2009-2017") == "2009–2017"
    assert fmt_period("2016") == "2016"
    assert fmt_period("2017-Q1") == "2017-K1"


def test_parse_period():
    assert parse_period("2016").start == 2016
    p = parse_period("2009-2017")
    assert (p.start, p.end, p.is_range) == (2009, 2017, True)
    assert parse_period("2017-Q3").start == 2017.5
    for bad in ("16", "2017-2009", "2017/18", "2017-Q5", ""):
        with pytest.raises(ValueError):
            parse_period(bad)


def test_fmt_datetime_shows_belgian_summer_and_winter_time():
    from datetime import UTC, datetime

    from streek.fmt import fmt_datetime
    summer = datetime(2026, 7, 1, 12, 30, tzinfo=UTC)      # CEST: +2 h
    winter = datetime(2026, 1, 15, 12, 30, tzinfo=UTC)     # CET: +1 h
    assert fmt_datetime(summer, "nl") == "01-07-2026 14:30"
    assert fmt_datetime(winter, "nl") == "15-01-2026 13:30"
    assert fmt_datetime(winter, "en") == "2026-01-15 13:30"
    # SQLite hands back naive datetimes that were stored in UTC
    assert fmt_datetime(datetime(2026, 7, 1, 12, 30), "nl") == "01-07-2026 14:30"
    # late evening UTC is already the next day in Brussels
    assert fmt_datetime(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "nl", date_only=True) == "01-01-2027"
    assert fmt_datetime("2026-03-29T01:30:00Z", "en") == "2026-03-29 03:30"   # the night summer time starts


def test_today_is_the_belgian_date_not_the_utc_date():
    """"Gemaakt op" in a deck or fiche made just after midnight in Kortrijk says today, not yesterday."""
    from datetime import UTC, date, datetime

    from streek.fmt import fmt_date, today_brussels
    assert today_brussels(datetime(2026, 11, 29, 23, 30, tzinfo=UTC)) == date(2026, 11, 30)   # 00:30 CET
    assert today_brussels(datetime(2026, 11, 29, 22, 30, tzinfo=UTC)) == date(2026, 11, 29)   # 23:30 CET
    assert today_brussels(datetime(2026, 7, 1, 22, 30, tzinfo=UTC)) == date(2026, 7, 2)       # 00:30 CEST
    assert today_brussels(datetime(2026, 7, 1, 21, 30, tzinfo=UTC)) == date(2026, 7, 1)
    assert fmt_date(date(2026, 11, 30), "nl") == "30-11-2026"
    assert fmt_date(date(2026, 11, 30), "en") == "2026-11-30"


@pytest.mark.parametrize("lang, expected", [("nl", "28.309"), ("en", "28,309")])
def test_a_chart_config_locale_writes_the_readers_numbers(lang, expected):
    """The chart's own config carries the number locale (what Streamlit's vega-embed uses in the
    browser; no separator swapping in label expressions): an axis label of 28309 in each language."""
    import vl_convert
    from streek.fmt import vega_locale
    spec = {"data": {"values": [{"v": 28309}]}, "mark": "point", "config": {"locale": vega_locale(lang)},
            "encoding": {"y": {"field": "v", "type": "quantitative", "axis": {"format": ",.0f", "values": [28309]}}}}
    svg = vl_convert.vegalite_to_svg(spec)
    assert f">{expected}<" in svg
