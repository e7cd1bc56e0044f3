"""Strings of the downloads (CSV/XLSX column headers, units, file names, help texts)."""

NL = {
    "download.col.code": "code",
    "download.col.series": "reeks",
    "download.col.element": "soort",
    "download.col.period": "periode",
    "download.col.value": "waarde",
    "download.col.unit": "eenheid",
    "download.col.source": "bron",
    "download.col.computed": "berekend",
    "download.yes": "ja",
    "download.no": "nee",
    "download.unit.index": "index (basis = 100)",
    "download.sheet": "gegevens",
    "download.file.ambition": "ambitie-{code}",
    "download.csv_help": "De cijfers van deze grafiek als CSV voor Excel in het Nederlands "
                         "(puntkomma als scheidingsteken, komma als decimaalteken)",
    "download.xlsx_help": "De cijfers van deze grafiek als Excel-werkblad (XLSX), met echte getallen",
}

EN = {
    "download.col.code": "code",
    "download.col.series": "series",
    "download.col.element": "kind",
    "download.col.period": "period",
    "download.col.value": "value",
    "download.col.unit": "unit",
    "download.col.source": "source",
    "download.col.computed": "computed",
    "download.yes": "yes",
    "download.no": "no",
    "download.unit.index": "index (base = 100)",
    "download.sheet": "data",
    "download.file.ambition": "ambition-{code}",
    "download.csv_help": "This chart's figures as CSV (comma separator, point decimals)",
    "download.xlsx_help": "This chart's figures as an Excel sheet (XLSX), with real numbers",
}
