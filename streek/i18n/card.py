"""Strings of the card model (streek.card): status reasons, caveats, change and needed rate.

Status words are ``deck.status.<code>``, target kinds ``deck.kind.<code>`` (streek/i18n/present.py)."""
NL = {
    "progress.reason.maintain_no_data": "Nog geen meting: het niveau kan niet getoetst worden.",
    "progress.reason.maintain_above": "Laatste meting ({period}: {value}) ligt op of boven het te behouden niveau van {target}.",
    "progress.reason.maintain_below": "Laatste meting ({period}: {value}) ligt onder het te behouden niveau van {target}.",
    "progress.reason.average_no_data": ("Nog geen jaarcijfer in {window}: het gemiddelde over die periode kan nog niet "
                                        "berekend worden (vergelijk: {base} gemiddeld in {base_period})."),
    "progress.reason.average_so_far": "Gemiddelde van {n} jaar in {window} tot nu toe: {average} (doel: gemiddeld {target}).",
    "progress.reason.no_baseline_no_data": "Het document geeft geen basiswaarde en er is nog geen meting.",
    "progress.reason.no_data": "Er is nog geen meting.",
    "progress.reason.only_baseline": "Er is alleen de basiswaarde; er is nog geen latere meting om de vooruitgang te beoordelen.",
    "progress.reason.met": "De laatste meting ({period}: {value}) haalt de doelwaarde van {target} al.",
    "progress.reason.rate_undefined": "De groeivoet is niet te berekenen (waarde nul of negatief, of geen verandering vereist).",
    "progress.reason.rates": ("Vanaf {year} is {needed} per jaar nodig om {target} te halen in {target_year}; de trend sinds "
                              "{base_period} geeft {actual} per jaar (vereist vanaf de basiswaarde: {required} per jaar)."),
    "progress.note.first_as_baseline": "Het document geeft geen basiswaarde; de eerste meting ({period}: {value}) dient als vertrekpunt.",
    "progress.note.short_trend": ("De basiswaarde ({base_period}) en de laatste meting ({period}) liggen minder dan {min_years} jaar uit elkaar: te "
                                  "kort om de trend door te trekken tot het doeljaar. De status steunt op de verandering tot nu toe."),
    "progress.note.share_rate_approx": "Bij aandelen in procent is de groeivoet een benadering: een aandeel kan niet boven 100 % groeien.",
    "card.points": "{value} procentpunt",
    "card.change.points": "{points} ({relative})",
    "card.change.relative_printed": "het document drukt {printed} af",
    "card.needed": "Nodig",
    "card.needed.rate": "{rate} per jaar vanaf {year}",
    "card.needed.trend": "trend tot nu toe: {rate} per jaar",
}
EN = {
    "progress.reason.maintain_no_data": "No measurement yet: the level cannot be checked.",
    "progress.reason.maintain_above": "Latest measurement ({period}: {value}) is at or above the level to keep of {target}.",
    "progress.reason.maintain_below": "Latest measurement ({period}: {value}) is below the level to keep of {target}.",
    "progress.reason.average_no_data": ("No yearly figure in {window} yet: the average over that period cannot be computed "
                                        "yet (compare: {base} on average in {base_period})."),
    "progress.reason.average_so_far": "Average of {n} years in {window} so far: {average} (target: {target} on average).",
    "progress.reason.no_baseline_no_data": "The document gives no baseline and there is no measurement yet.",
    "progress.reason.no_data": "There is no measurement yet.",
    "progress.reason.only_baseline": "There is only the baseline; no later measurement yet to assess progress.",
    "progress.reason.met": "The latest measurement ({period}: {value}) already reaches the target of {target}.",
    "progress.reason.rate_undefined": "The growth rate cannot be computed (value zero or negative, or no change required).",
    "progress.reason.rates": ("From {year}, {needed} a year is needed to reach {target} in {target_year}; the trend since "
                              "{base_period} gives {actual} a year (required from the baseline: {required} a year)."),
    "progress.note.first_as_baseline": "The document gives no baseline; the first measurement ({period}: {value}) is the starting point.",
    "progress.note.short_trend": ("The baseline ({base_period}) and the latest measurement ({period}) are less than {min_years} years apart: too "
                                  "short to carry the trend on to the target year. The status rests on the change so far."),
    "progress.note.share_rate_approx": "For shares in per cent the growth rate is an approximation: a share cannot grow beyond 100%.",
    "card.points": "{value} percentage points",
    "card.change.points": "{points} ({relative})",
    "card.change.relative_printed": "the document prints {printed}",
    "card.needed": "Needed",
    "card.needed.rate": "{rate} a year from {year}",
    "card.needed.trend": "trend so far: {rate} a year",
}
