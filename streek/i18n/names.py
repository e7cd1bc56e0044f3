"""English names of data/'s municipal indicators and of their units.

The Dutch names live in data/indicators.csv (the single source); this table only translates them
for English readers. It is not a catalogue of interface keys (hence no NL/EN dicts): use
:func:`indicator_name` and :func:`unit_name`, which fall back to the Dutch name from data/."""
from __future__ import annotations

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
    "unit.personen": "persons",
    "unit.ondernemingen": "enterprises",
    "unit.inwoners per km²": "inhabitants per km²",
    "unit.bedrijven": "companies",
    "unit.werknemers": "employees",
    "unit.vacatures": "vacancies",
}


def indicator_name(indicator_id: str, title_nl: str, lang: str) -> str:
    """The indicator's name in ``lang``; the Dutch title from data/ where none is known."""
    return _EN.get(f"indicator.{indicator_id}", title_nl) if lang == "en" else title_nl


def unit_name(unit: str, lang: str) -> str:
    return _EN.get(f"unit.{unit}", unit) if lang == "en" else unit
