"""Strings of the comparable public series beside an ambition (streek/comparable.py)."""

NL = {
    "comparable.series": "Eurostat – {area}",
    "comparable.geo.wvl": "West-Vlaanderen",
    "comparable.geo.vl": "Vlaanderen",
    "comparable.geo.be": "België",
    "comparable.element": "vergelijkbare reeks (Eurostat)",
    "pillars.chart.el.comparable": "vergelijkbare reeks (Eurostat)",
    "comparable.legend": "Vergelijkbare reeks, andere bron:\nEurostat trng_lfse_04",
    "comparable.legend2": "niet de meting van de ambitie\n□ = breuk in de reeks",
    "comparable.caption": "vergelijkbare reeks, geen meting van de ambitie: {source}",
    "comparable.source": "Eurostat, trng_lfse_04 (deelname aan onderwijs en opleiding, laatste 4 weken, 25-64 jaar)",
    "comparable.break": "breuk",
    "comparable.note": (
        "Naast de basiswaarde en het doel van de visie staat Eurostats reeks over deelname aan onderwijs en opleiding "
        "({first}–{last}; West-Vlaanderen tegenover Vlaanderen en België). Die reeks is vergelijkbaar, maar niet dezelfde: "
        "voor West-Vlaanderen in {year} geeft ze {theirs}, het document {ours}. Ze wordt daarom apart getekend en telt "
        "niet mee voor de status. Laatste waarde: {latest} ({latest_year}). Breuken in de reeks: {breaks}."),
    "comparable.overview": "vergelijkbare reeks: Eurostat {latest_year} {latest}",
}

EN = {
    "comparable.series": "Eurostat – {area}",
    "comparable.geo.wvl": "West Flanders",
    "comparable.geo.vl": "Flanders",
    "comparable.geo.be": "Belgium",
    "comparable.element": "comparable series (Eurostat)",
    "pillars.chart.el.comparable": "comparable series (Eurostat)",
    "comparable.legend": "Comparable series, other source:\nEurostat trng_lfse_04",
    "comparable.legend2": "not the ambition's measurement\n□ = break in the series",
    "comparable.caption": "comparable series, not a measurement of the ambition: {source}",
    "comparable.source": "Eurostat, trng_lfse_04 (participation in education and training, last 4 weeks, aged 25-64)",
    "comparable.break": "break",
    "comparable.note": (
        "Beside the vision's baseline and target is Eurostat's series on participation in education and training "
        "({first}–{last}; West Flanders against Flanders and Belgium). It is comparable but not the same: for West "
        "Flanders in {year} it gives {theirs}, the document {ours}. So it is drawn separately and does not count "
        "towards the status. Latest value: {latest} ({latest_year}). Breaks in the series: {breaks}."),
    "comparable.overview": "comparable series: Eurostat {latest_year} {latest}",
}
