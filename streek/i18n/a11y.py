"""Strings of search, the jump menu, the page-not-found page and accessibility notes (issue 12)."""
NL = {
    "search.label": "Zoeken",
    "search.placeholder": "bv. werkzaamheidsgraad, vacatures, 2.1.1",
    "search.help": "Zoekt in ambities, bouwstenen en indicatoren; kleine tikfouten mogen.",
    "search.none": "Niets gevonden voor “{query}”.",
    "search.kind.ambition": "Ambitie: opent de kaart van deze ambitie",
    "search.kind.block": "Bouwsteen: opent de pijlerpagina bij deze bouwsteen",
    "search.kind.indicator": "Indicator: opent de kaart van de gemeenten",
    "jump.label": "Ga naar bouwsteen",
    "notfound.title": "Pagina niet gevonden",
    "notfound.text": "De pagina “{path}” bestaat niet (meer). Misschien is het adres verkeerd overgenomen.",
    "notfound.home": "Naar de startpagina",
    "notfound.overview": "Naar het overzicht van de ambities",
}
EN = {
    "search.label": "Search",
    "search.placeholder": "e.g. employment rate, vacancies, 2.1.1",
    "search.help": "Searches ambitions, building blocks and indicators; small typos are fine.",
    "search.none": "Nothing found for “{query}”.",
    "search.kind.ambition": "Ambition: opens this ambition's card",
    "search.kind.block": "Building block: opens the pillar page at this building block",
    "search.kind.indicator": "Indicator: opens the map of the municipalities",
    "jump.label": "Go to building block",
    "notfound.title": "Page not found",
    "notfound.text": "The page “{path}” does not exist (any more). Perhaps the address was copied incorrectly.",
    "notfound.home": "To the home page",
    "notfound.overview": "To the overview of the ambitions",
}
