"""BFI Research and Statistics Unit tables of ONS data: UK film businesses (IDBR) and workforce (APS).

Every sheet is read cell by cell (openpyxl); title rows, header rows and footnotes inside the sheets are
recognised and skipped. Values are kept as published text: counts rounded to 5, suppressed turnover "..C",
APS suppressed share "c", empty cells empty.
  bfi/idbr_regional.csv    year, sic, sic_label, measure (Count | Turnover), region_code, region, value
  bfi/idbr_size_bands.csv  sheet, sheet_title, year, size_band, measure, value (workplace size bands)
  bfi/aps.csv              sheet, year, series, value (workforce by sector; London + South East shares, %)
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

REGIONAL_FILE = "bfi/idbr_regional.csv"
SIZE_FILE = "bfi/idbr_size_bands.csv"
APS_FILE = "bfi/aps.csv"
REGIONAL_SHEET = "Regional Data 2015-23"


def cell_text(v) -> str:
    """A cell as published: numbers without a spurious '.0', text stripped, empty -> ''."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def sheet_rows(path: Path) -> dict[str, list[list]]:
    """{sheet name: rows of raw cell values} for every sheet in a workbook."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def is_year(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and 1990 <= v <= 2100 and float(v).is_integer()


def regional(rows: list[list]) -> pd.DataFrame:
    """Long table from the 'Regional Data' sheet: header row = Year, Sector, Type, <regions...>."""
    header = [cell_text(h) for h in rows[0]]
    if header[:3] != ["Year", "Sector", "Type"]:
        raise ValueError(f"unexpected regional header {header[:3]}")
    regions = [(i, h) for i, h in enumerate(header) if i >= 3 and h]
    out = []
    for r in rows[1:]:
        if not is_year(r[0]):
            continue  # title / footnote rows
        sector = cell_text(r[1])
        sic, _, label = sector.partition(" : ")
        for i, h in regions:
            code, _, name = h.partition(" : ")
            out.append({"year": int(r[0]), "sic": sic if label else sector, "sic_label": label or sector,
                        "measure": cell_text(r[2]), "region_code": code if name else "",
                        "region": name or code, "value": cell_text(r[i] if i < len(r) else None)})
    return pd.DataFrame(out)


def size_bands(sheets: dict[str, list[list]]) -> pd.DataFrame:
    """Workplace size bands: T1-T3 (2023 counts, one row per band) and F1-F3 (shares by year, 2013-2023).

    A table starts after its title row (col A text); its header row starts with 'Workplace size band' or
    'Year'. Footnote rows ('Source: ...') and blank rows are skipped.
    """
    out = []
    for name, rows in sheets.items():
        if not (name.startswith("T") or name.startswith("F")) or not name[1:].isdigit():
            continue
        title = cell_text(rows[0][0])
        header = [cell_text(h) for h in rows[1]]
        year_2023 = 2023 if name.startswith("T") else None
        for r in rows[2:]:
            first = cell_text(r[0])
            if not first or first.startswith("Source"):
                continue
            if name.startswith("T"):  # rows are bands, columns are measures
                for i, h in enumerate(header[1:], start=1):
                    if h:
                        out.append({"sheet": name, "sheet_title": title, "year": year_2023, "size_band": first,
                                    "measure": h, "value": cell_text(r[i])})
            else:  # rows are years, columns are bands (share of employees)
                for i, h in enumerate(header[1:], start=1):
                    if h:
                        out.append({"sheet": name, "sheet_title": title, "year": int(r[0]), "size_band": h,
                                    "measure": "% of total employees", "value": cell_text(r[i])})
    return pd.DataFrame(out)


def aps(sheets: dict[str, list[list]]) -> pd.DataFrame:
    """APS sheets: title row, header row starting 'Year', year rows, then footnotes."""
    out = []
    for name, rows in sheets.items():
        hdr_i = next(i for i, r in enumerate(rows) if cell_text(r[0]) == "Year")
        header = [cell_text(h) for h in rows[hdr_i]]
        for r in rows[hdr_i + 1:]:
            if not is_year(r[0]):
                continue
            for i, h in enumerate(header[1:], start=1):
                if h:
                    out.append({"sheet": name, "year": int(r[0]), "series": h,
                                "value": cell_text(r[i] if i < len(r) else None)})
    return pd.DataFrame(out)


def extract(shared: Path, raw: Path) -> None:
    idbr = sheet_rows(shared / "bfi_employment" / "IDBR.xlsx")
    write_csv(regional(idbr[REGIONAL_SHEET]), raw / REGIONAL_FILE,
              sort_by=["year", "sic", "measure", "region_code", "region"])
    write_csv(size_bands(idbr), raw / SIZE_FILE, sort_by=["sheet", "year", "size_band", "measure"])
    write_csv(aps(sheet_rows(shared / "bfi_employment" / "APS.xlsx")), raw / APS_FILE,
              sort_by=["sheet", "year", "series"])


SOURCE = {
    "key": "bfi",
    "publisher": "Office for National Statistics (Inter-Departmental Business Register; Annual Population "
                 "Survey), tables compiled by the BFI Research and Statistics Unit",
    "title": "BFI employment data: UK film enterprises and turnover by region and SIC 2015-2023 (IDBR); "
             "UK film workforce 2013-2023 and London + South East share of production employment (APS)",
    "address": "https://github.com/BFI-RSU/employment (data/IDBR.xlsx, data/APS.xlsx); "
               "https://www.bfi.org.uk/industry-data-insights",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "ONS data: Open Government Licence v3.0; BFI compilation: no licence stated, cite BFI RSU / ONS",
    "mirror": "../shared/data/bfi_employment/IDBR.xlsx, APS.xlsx (BFI-RSU/employment @ 919fadc)",
    "subset": "all sheets except 'Classifications' (SIC groups: production 59111/59112/59120, distribution "
              "59131/59132, exhibition 59140), reshaped long; values as published text",
    "caveats": [
        "IDBR counts are rounded to the nearest 5; suppressed turnover cells are '..C' (kept as text).",
        "IDBR turnover has no unit label in the sheet (BFI publishes IDBR turnover in GBP thousand); only "
        "shares are used downstream.",
        "The regional sheet has empty 2014 rows for some SIC codes (no data); IDBR regional data start 2015.",
        "APS: 2013 self-employed production workforce is blank; the 2023 London + South East share of "
        "production employment is suppressed ('c'); APS shares are in percent; APS is a survey (sampling error).",
        "Sheet F3 carries the title of F2 (distribution) but holds exhibition shares (its 2023 row equals T3).",
        "Enterprise counts (IDBR) count registered businesses by head-office region: London-registered "
        "firms may produce elsewhere.",
    ],
    "files": [REGIONAL_FILE, SIZE_FILE, APS_FILE],
}

_text = pa.Column(str)
SCHEMAS = {
    REGIONAL_FILE: pa.DataFrameSchema(
        {"year": pa.Column(int, pa.Check.in_range(2014, 2023)), "sic": _text, "sic_label": _text,
         "measure": pa.Column(str, pa.Check.isin(["Count", "Turnover"])),
         "region_code": pa.Column(str, nullable=True), "region": _text,
         "value": pa.Column(str, pa.Check.str_matches(r"^(\d+|\.\.C)$"), nullable=True)},
        strict=True, coerce=True, unique=["year", "sic", "measure", "region"]),
    SIZE_FILE: pa.DataFrameSchema(
        {"sheet": _text, "sheet_title": _text, "year": pa.Column(int, pa.Check.in_range(2013, 2023)),
         "size_band": _text, "measure": _text, "value": pa.Column(float, pa.Check.ge(0))},
        strict=True, coerce=True, unique=["sheet", "year", "size_band", "measure"]),
    APS_FILE: pa.DataFrameSchema(
        {"sheet": _text, "year": pa.Column(int, pa.Check.in_range(2013, 2023)), "series": _text,
         "value": pa.Column(str, pa.Check.str_matches(r"^(\d+(\.\d+)?|c)$"), nullable=True)},
        strict=True, coerce=True, unique=["sheet", "year", "series"]),
}
