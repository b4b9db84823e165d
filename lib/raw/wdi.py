"""World Bank WDI: macro context (GDP, population, exchange rates, IP charges) for the study countries.

One long file `wdi/wdi.csv` (iso3, country, year, indicator, value): indicator is the official WDI code
(upper case), value exactly as published in the mirror (text copied, no rounding).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandera.pandas as pa

from lib.io import write_csv

import pandas as pd

# WDI code -> file stem in the mirror
INDICATORS = {
    "NY.GDP.MKTP.CD": "ny.gdp.mktp.cd",        # GDP (current US$)
    "NY.GDP.PCAP.CD": "ny.gdp.pcap.cd",        # GDP per capita (current US$)
    "NY.GDP.PCAP.PP.CD": "ny.gdp.pcap.pp.cd",  # GDP per capita, PPP (current international $)
    "SP.POP.TOTL": "sp.pop.totl",              # population, total
    "PA.NUS.FCRF": "pa.nus.fcrf",              # official exchange rate (LCU per US$, period average)
    "BX.GSR.ROYL.CD": "bx.gsr.royl.cd",        # charges for the use of IP, receipts (BoP, current US$)
    "BM.GSR.ROYL.CD": "bm.gsr.royl.cd",        # charges for the use of IP, payments (BoP, current US$)
}
# Study countries; TWN is not a WDI economy (absent from every file), HKG is.
COUNTRIES = ["CHN", "USA", "CAN", "JPN", "GBR", "FRA", "KOR", "DEU", "IND", "HKG", "TWN", "WLD"]
FILE = "wdi/wdi.csv"


def titles(shared: Path) -> dict[str, str]:
    """Indicator titles from each datapackage.json (the World Bank's own names)."""
    out = {}
    for code, stem in INDICATORS.items():
        meta = json.loads((shared / "wdi" / f"{stem}.datapackage.json").read_text(encoding="utf-8"))
        out[code] = meta["title"].strip()
    return out


def read_indicator(path: Path, code: str) -> pd.DataFrame:
    """Rows of one WDI file for the study countries, value kept as the published text."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Country Code"] in COUNTRIES and r["Value"] != ""]
    return pd.DataFrame({
        "iso3": [r["Country Code"] for r in rows],
        "country": [r["Country Name"] for r in rows],
        "year": [int(r["Year"]) for r in rows],
        "indicator": code,
        "value": [r["Value"] for r in rows],
    })


def extract(shared: Path, raw: Path) -> None:
    frames = [read_indicator(shared / "wdi" / f"{stem}.csv", code) for code, stem in INDICATORS.items()]
    df = pd.concat(frames, ignore_index=True)
    write_csv(df, raw / FILE, sort_by=["indicator", "iso3", "year"])


def _source() -> dict:
    return {
        "key": "wdi",
        "publisher": "World Bank",
        "title": "World Development Indicators: " + "; ".join(INDICATORS),
        "address": "https://data.worldbank.org/indicator (codes above); mirror of github.com/datasets/"
                   "world-development-indicators @ 4ebec5a, indicators/<code>/data.csv + datapackage.json",
        "accessed": "2026-11-22 (upstream mirror copy)",
        "licence": "CC-BY-4.0 (per datapackage.json)",
        "mirror": "../shared/data/wdi/<code>.csv",
        "subset": "7 indicators (GDP current US$, GDP per capita current US$, GDP per capita PPP current "
                  "international $, population, official exchange rate LCU per US$, charges for the use of "
                  "IP receipts and payments) for CHN, USA, CAN, JPN, GBR, FRA, KOR, DEU, IND, HKG, WLD; all years",
        "caveats": [
            "Taiwan (TWN) is not a WDI economy: no rows.",
            "PA.NUS.FCRF is a period average in local currency units per US$; the euro area countries "
            "report EUR from 1999.",
            "PPP series starts in 1990; IP charges are balance-of-payments series with gaps for some years.",
            "Latest years are provisional and revised by the World Bank in later releases.",
        ],
        "files": [FILE],
    }


SOURCE = _source()

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, pa.Check.isin(COUNTRIES)),
            "country": pa.Column(str),
            "year": pa.Column(int, pa.Check.in_range(1960, 2030)),
            "indicator": pa.Column(str, pa.Check.isin(list(INDICATORS))),
            "value": pa.Column(float),
        },
        unique=["iso3", "year", "indicator"],
        strict=True,
    )
}
