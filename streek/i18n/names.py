"""English names of data/'s units and indicator labels: the one place that translates them.

The Dutch names live in data/ (the single source: indicators.csv, ambitions.csv,
document_figures.csv); this table only translates them for English readers. It is not a catalogue
of interface keys (hence no NL/EN dicts): use :func:`unit_name` for a unit, :func:`label_name` for
an indicator label as data/ writes it, :func:`indicator_name` for a municipal indicator by id. In
Dutch each returns its input unchanged. :func:`reference_date` does the same for a source's reference date. The document's own titles and sentences (an ambition's
title, a sub-target's sentence) are not labels: they stay Dutch in every language.

tests/test_i10_english_names.py walks every unit and label in data/ and fails on one without an
English form here, naming its file and row."""
from __future__ import annotations

import re

_EN = {
    "indicator.population_total": "Population",
    "indicator.population_20_64": "Population aged 20-64",
    "indicator.area_total_km2": "Total area",
    "indicator.population_density": "Population density",
    "indicator.vat_enterprises_active": "Active VAT-registered enterprises",
    "indicator.vat_enterprises_started": "VAT-registered enterprises started",
    "indicator.vat_enterprises_stopped": "VAT-registered enterprises stopped",
    "indicator.vat_first_registrations": "First VAT registrations",
    "indicator.employment_rate_20_64_census2011": "Employment rate 20-64 (Census 2011)",
    "indicator.employment_rate_15_64_census2011": "Employment rate 15-64 (Census 2011)",
    "indicator.activity_rate_15_64_census2011": "Activity rate 15-64 (Census 2011)",
    "indicator.unemployment_rate_15_64_census2011": "Unemployment rate 15-64 (Census 2011)",
    "indicator.share_self_employed_census2011": "Share of self-employed (Census 2011)",
    "indicator.share_salaried_employees_census2011": "Share of salaried employees (Census 2011)",
    "indicator.employment_rate_20_64_lfs": "Employment rate 20-64 (LFS)",
    "indicator.activity_rate_20_64_lfs": "Activity rate 20-64 (LFS)",
    "indicator.unemployment_rate_20_64_lfs": "Unemployment rate 20-64 (LFS)",
}

# units as data/ writes them (ambitions.csv unit/target_unit, document_figures.csv, indicators.csv)
UNITS_EN = {
    "%": "%",
    "% verandering": "% change",
    "bedrijven": "companies",
    "euro per werknemer": "euro per employee",
    "ha": "ha",
    "inwoners per km²": "inhabitants per km²",
    "km²": "km²",
    "leerlingen": "pupils",
    "migratiesaldo": "net migration",
    "miljoen euro": "million euro",
    "ondernemingen": "enterprises",
    "overeenkomsten": "agreements",
    "personen": "persons",
    "studenten": "students",
    "vacatures": "vacancies",
    "vestigingen": "establishments",
    "werknemers": "employees",
    "werkplekken": "workplaces",
    "werkzoekenden per vacature": "jobseekers per vacancy",
}

# indicator labels as data/ writes them (ambitions.csv indicator_nl, document_figures.csv indicator_nl
# and age_group, indicators.csv title_nl)
LABELS_EN = {
    # ambitions.csv indicator_nl (the document's annex 2 indicators)
    "Bruto toegevoegde waarde van de industrie (tegen basisprijzen in lopende prijzen in miljoen euro – inflatie inbegrepen)":
        "Gross value added of manufacturing (at basic prices, in current prices, in million euro – inflation included)",
    "Aantal vestigingen met loontrekkenden bedrijfstak industrie": "Number of establishments with employees, manufacturing",
    "Aantal actieve ondernemingen": "Number of active enterprises",
    "Aantal zelfstandigen en helpers": "Number of self-employed and helpers",
    "Aantal loontrekkenden": "Number of salaried employees",
    "Aantal opgerichte ondernemingen": "Number of enterprises founded",
    "Aandeel ondernemingen die een groei optekenden inzake toegevoegde waarde én tewerkstelling over een periode van 9 jaar":
        "Share of enterprises that grew in both value added and employment over a period of 9 years",
    "Aantal samenwerkingsverbanden binnen Fabrieken voor de Toekomst": "Number of partnerships within Factories of the Future",
    "Aantal O&O personeel (=alle personeelsleden die rechtstreeks (onderzoekers) of onrechtstreeks (dienstverlening) betrokken zijn bij O&O":
        "Number of R&D staff (= all staff directly (researchers) or indirectly (services) involved in R&D",
    "Steun uit het Baekeland-programma (doctoraatsprojecten in samenwerking met het bedrijfsleven)":
        "Support from the Baekeland programme (doctoral projects in cooperation with business)",
    "Toegevoegde waarde per werknemer in euro (inflatie inbegrepen) gedreven door innovatie en technologie":
        "Value added per employee in euro (inflation included) driven by innovation and technology",
    "Verankeringswaarde maatwerkbedrijven/industrie": "Anchoring value of sheltered-work companies/manufacturing",
    "Verankeringswaarde maatwerkbedrijven/tertiaire sector": "Anchoring value of sheltered-work companies/tertiary sector",
    "Verankeringswaarde maatwerkbedrijven/quartaire sector": "Anchoring value of sheltered-work companies/quaternary sector",
    "Werkzaamheidsgraad (= aandeel werkenden in de bevolking 20-64 jaar)":
        "Employment rate (= share of people in work in the population aged 20-64)",
    "Werkzaamheidsgraad laaggeschoolden": "Employment rate of the low-skilled",
    "Werkzaamheidsgraad 55-plussers": "Employment rate of people aged 55 and over",
    "Werkzaamheidsgraad personen met een migratieachtergrond (EU-28)": "Employment rate of people with a migration background (EU-28)",
    "Werkzaamheidsgraad personen met een migratieachtergrond (nt EU)": "Employment rate of people with a migration background (non-EU)",
    "Aantal niet-werkende werkzoekenden": "Number of unemployed jobseekers",
    "Aantal langdurig zieken": "Number of long-term sick",
    "Inkomende grensarbeid uit Frankrijk": "Incoming cross-border workers from France",
    "Inkomende pendel uit het Waals Gewest": "Incoming commuters from the Walloon Region",
    "Aantal werknemers met een migratieachtergrond in arrondissement Kortrijk":
        "Number of employees with a migration background in the arrondissement of Kortrijk",
    "Aantal tewerkstellingen met behulp van een tewerkstellings- of activeringsmaatregel":
        "Number of jobs supported by an employment or activation measure",
    "Aandeel tewerkstelling in enclaves van de totale tewerkstelling in maatwerkbedrijven":
        "Share of employment in enclaves in total employment in sheltered-work companies",
    "Aantal tewerkstelling van personen met een arbeidshandicap in maatwerkbedrijven":
        "Number of people with a work disability employed in sheltered-work companies",
    "Aantal niet-werkende werkzoekenden met een arbeidshandicap": "Number of unemployed jobseekers with a work disability",
    "Aantal openstaande vacatures": "Number of open vacancies",
    "Aantal leerlingen in een duaal leertraject secundair onderwijs": "Number of pupils in dual learning in secondary education",
    "Aantal bedrijven met een erkenning duaal leren": "Number of companies recognised for dual learning",
    "Aantal gestarte Individuele Beroepsopleidingen (IBO)": "Number of Individual Vocational Training contracts (IBO) started",
    "Aantal personen tewerkgesteld via art.60§7 van de OCMW-wetgeving":
        "Number of people employed under art. 60§7 of the OCMW (public social welfare centre) law",
    "Aandeel deelnemers levenslang leren in West-Vlaanderen": "Share of participants in lifelong learning in West Flanders",
    "Aandeel betrokken werknemers bij formeel voortgezette beroepsopleidingen":
        "Share of employees involved in formal continuing vocational training",
    "Aantal studenten hoger onderwijs en universiteit (minstens 27 studiepunten)":
        "Number of students in higher education and university (at least 27 credits)",
    "Aantal student-ondernemers": "Number of student entrepreneurs",
    # document_figures.csv indicator_nl (the SWOT chapter's benchmark figures)
    "Aandeel 60-64-jarigen dat niet aan het werk is": "Share of people aged 60-64 not in work",
    "Aandeel 60-64-jarigen onder de niet-beroepsactieven van 20-64 jaar": "Share of 60-64-year-olds among the inactive aged 20-64",
    "Aandeel in de inkomende grensarbeid Frankrijk/West-Vlaanderen":
        "Share of incoming cross-border work France/West Flanders",
    "Aandeel in de uitgaande grensarbeid Frankrijk/West-Vlaanderen":
        "Share of outgoing cross-border work France/West Flanders",
    "Aandeel industrie in de totale tewerkstelling": "Share of manufacturing in total employment",
    "Aandeel quartaire sector (zorg, onderwijs, overheid) in de totale tewerkstelling":
        "Share of the quaternary sector (care, education, government) in total employment",
    "Aandeel sector handel in de bruto toegevoegde waarde": "Share of the trade sector in gross value added",
    "Aandeel tertiaire sector in de totale tewerkstelling": "Share of the tertiary sector in total employment",
    "Aandeel vestigingen met minder dan 50 werknemers": "Share of establishments with fewer than 50 employees",
    "Aandeel zelfstandigen in de totale werkgelegenheid": "Share of self-employed in total employment",
    "Actieve ondernemingen": "Active enterprises",
    "Algemene werkzaamheidsgraad": "Overall employment rate",
    "Beschikbaar aanbod bedrijventerreinen": "Available supply of business parks",
    "Bevolkingsdichtheid": "Population density",
    "Dekkingsgraad maatwerkbedrijven": "Coverage rate of sheltered-work companies",
    "Europese doelstelling voor de werkzaamheidsgraad": "European target for the employment rate",
    "Groei inkomende grensarbeid uit Frankrijk": "Growth of incoming cross-border work from France",
    "Groei van het aantal actieve ondernemingen in tien jaar": "Growth of the number of active enterprises in ten years",
    "Migratiesaldo": "Net migration",
    "Migratiesaldo 25-29-jarigen": "Net migration of 25-29-year-olds",
    "Niet-beroepsactieven": "Economically inactive",
    "Niet-werkende werkzoekenden": "Unemployed jobseekers",
    "Niet-werkende werkzoekenden per openstaande vacature": "Unemployed jobseekers per open vacancy",
    "Openstaande vacatures": "Open vacancies",
    "Oprichtingsratio (opgerichte / actieve ondernemingen)": "Start-up ratio (enterprises founded / active enterprises)",
    "Personen met een afstand tot de arbeidsmarkt aan het werk dankzij een tewerkstellings- of activeringsmaatregel":
        "People at a distance from the labour market in work thanks to an employment or activation measure",
    "Toename van nieuwe ondernemingen": "Increase in new enterprises",
    "Uitgaande grensarbeid naar Frankrijk": "Outgoing cross-border work to France",
    "Verandering beschikbaar aanbod bedrijventerreinen": "Change in available supply of business parks",
    "Verandering van het aantal 25-64-jarigen dat deelneemt aan levenslang leren":
        "Change in the number of 25-64-year-olds taking part in lifelong learning",
    "Verandering van het aantal langdurig zieken": "Change in the number of long-term sick",
    "Verandering werkgelegenheid in de industrie": "Change in employment in manufacturing",
    "Verandering werkgelegenheid in de industrie (aantal personen)": "Change in employment in manufacturing (number of persons)",
    "Verandering werkzaamheidsgraad laaggeschoolden": "Change in the employment rate of the low-skilled",
    "Werkzaamheidsgraad": "Employment rate",
    "Werkzaamheidsgraad personen van buiten de EU": "Employment rate of people from outside the EU",
    "Langdurig zieken": "Long-term sick",
    # document_figures.csv age_group
    "60-64 van 20-64": "60-64 of 20-64",
}

# reference dates of the sources as data/sources.csv writes them
REFERENCE_DATES_EN = {
    "1 januari 1992–2021": "1 January 1992–2021",
    "1 januari 2022": "1 January 2022",
    "1 januari 2009–2015": "1 January 2009–2015",
    "1 januari 1983–2015 (zonder 1992, 2003, 2006)": "1 January 1983–2015 (without 1992, 2003, 2006)",
    "1 januari 1993–2015": "1 January 1993–2015",
    "referentiejaar 2019": "reference year 2019",
    "2008–2023 (bestand 16 oktober 2025)": "2008–2023 (file of 16 October 2025)",
    "1 januari 2011": "1 January 2011",
    "2017-K1 – 2024-K2": "2017-Q1 – 2024-Q2",
    "jaarlijks 2000–2023 (release in de kopie van datacommonsorg/data @2328ab7c)":
        "yearly 2000–2023 (release in the copy of datacommonsorg/data @2328ab7c)",
}

# publishers and datasets as data/sources.csv writes them: Statbel's own English names and our
# qualifiers in English. Names that stay as published in every language: the document's title and the
# name of the organisation that wrote it (SOURCE_NAMES_KEPT).
SOURCE_NAMES_EN = {
    "Statbel (Algemene Directie Statistiek)": "Statbel (Statistics Belgium)",
    "Bevolking per gemeente op 1 januari (Bevolking_per_gemeente.xlsx)":
        "Population by municipality on 1 January (Bevolking_per_gemeente.xlsx)",
    "TF_SOC_POP_STRUCT_2022": "TF_SOC_POP_STRUCT_2022",
    "TF_SOC_POP_STRUCT_2009 … 2015 (leeftijd 20–64)": "TF_SOC_POP_STRUCT_2009 … 2015 (age 20–64)",
    "Bodembezetting volgens het kadasterregister (TF_EAE_LAND_OCCUPTN)":
        "Land use according to the land register (TF_EAE_LAND_OCCUPTN)",
    "Afgeleid: bevolking op 1 januari / totale oppervlakte": "Derived: population on 1 January / total area",
    "Btw-plichtige ondernemingen naar rechtsvorm (TF_VAT_NACE_SQ_2019)":
        "VAT-registered enterprises by legal form (TF_VAT_NACE_SQ_2019)",
    "Overleving van btw-plichtige ondernemingen (TF_VAT_SURVIVALS), eerste registraties":
        "Survival of VAT-registered enterprises (TF_VAT_SURVIVALS), first registrations",
    "be.STAT, Census 2011, gemeentelijke indicatoren": "be.STAT, Census 2011, municipal indicators",
    "Enquête naar de arbeidskrachten (EAK), kwartaalresultaten vanaf 2017, indicatoren 20-64":
        "Labour Force Survey (LFS), quarterly results from 2017, indicators 20-64",
    "Participation rate in education and training (last 4 weeks) by NUTS 2 regions (trng_lfse_04), 25-64 jaar, totaal, %":
        "Participation rate in education and training (last 4 weeks) by NUTS 2 regions (trng_lfse_04), age 25-64, total, %",
}
SOURCE_NAMES_KEPT = {"RESOC Zuid-West-Vlaanderen", "Eurostat",
                     "Just Make It! Socio-economische streekvisie voor Zuid-West-Vlaanderen 2020-2030"}


def source_name(text: str, lang: str) -> str:
    """A source's publisher or dataset (data/sources.csv) in ``lang``; unchanged in Dutch."""
    if lang != "en" or not text:
        return text
    return SOURCE_NAMES_EN.get(text, text)


def indicator_name(indicator_id: str, title_nl: str, lang: str) -> str:
    """The indicator's name in ``lang``; the Dutch title from data/ where none is known."""
    return _EN.get(f"indicator.{indicator_id}", title_nl) if lang == "en" else title_nl


def unit_name(unit: str, lang: str) -> str:
    """A data unit ('personen', 'miljoen euro') in ``lang``; unchanged in Dutch."""
    if lang != "en" or not unit:
        return unit
    return UNITS_EN.get(unit, unit)


def label_name(label_nl: str, lang: str) -> str:
    """An indicator label as data/ writes it, in ``lang``; unchanged in Dutch."""
    if lang != "en" or not label_nl:
        return label_nl
    return LABELS_EN.get(label_nl, label_nl)


_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def reference_date(text: str, lang: str) -> str:
    """A source's reference date ('1 januari 2011') in ``lang``; unchanged in Dutch. A month as data/
    writes it ('2019-05') as a reader writes it: 'mei 2019' / 'May 2019'."""
    if not text:
        return text
    m = _YEAR_MONTH.fullmatch(text)
    if m:
        from datetime import date

        from babel.dates import format_date

        from streek.fmt import LOCALES
        return format_date(date(int(m.group(1)), int(m.group(2)), 1), "LLLL y", locale=LOCALES.get(lang, LOCALES["nl"]))
    if lang != "en":
        return text
    return REFERENCE_DATES_EN.get(text, text)


def has_unit(unit: str) -> bool:
    return not unit or unit in UNITS_EN


def has_label(label_nl: str) -> bool:
    return not label_nl or label_nl in LABELS_EN


def has_reference_date(text: str) -> bool:
    return not any(c.isalpha() for c in text) or text in REFERENCE_DATES_EN


def has_source_name(text: str) -> bool:
    return not text or text in SOURCE_NAMES_EN or text in SOURCE_NAMES_KEPT
