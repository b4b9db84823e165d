"""Real Instituto Elcano, Global Presence Index (IEPG): the culture component and the overall index.

Extract `elcano/iepg.csv`: iso3 (via the mirror's country_lookup.csv), year (from date_in), component
(culture = exports of audiovisual services, in index units, not US$; soft_presence; iepg = overall index),
value as published.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

FILE = "elcano/iepg.csv"
COUNTRIES = ["CHN", "USA", "CAN", "JPN", "GBR", "FRA", "KOR", "DEU", "IND", "HKG", "TWN"]
COMPONENTS = ["culture", "soft_presence", "iepg"]


def lookup(path: Path) -> dict[str, str]:
    """Elcano country id (e.g. un156) -> ISO3."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["id_master_country"]: r["iso_3166_1_3_code"] for r in csv.DictReader(fh)}


def extract(shared: Path, raw: Path) -> None:
    src = shared / "elcano_iepg"
    iso = lookup(src / "country_lookup.csv")
    out = []
    with open(src / "iepg_final_data.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            code = iso.get(r["id_master_country"])
            if code not in COUNTRIES:
                continue
            out += [[code, int(r["date_in"][:4]), comp, r[comp]] for comp in COMPONENTS if r[comp] != ""]
    df = pd.DataFrame(out, columns=["iso3", "year", "component", "value"])
    write_csv(df, raw / FILE, sort_by=["iso3", "component", "year"])


SOURCE = {
    "key": "elcano",
    "publisher": "Real Instituto Elcano",
    "title": "Elcano Global Presence Index (IEPG), component values",
    "address": "https://www.globalpresence.realinstitutoelcano.org/ (database from github.com/GeographicaGS/"
               "Elcano-iepg @ 496fe36, database/iepg_final_data.csv, database/master_country.csv)",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "none stated; research use, cite Real Instituto Elcano",
    "mirror": "../shared/data/elcano_iepg/iepg_final_data.csv, country_lookup.csv",
    "subset": "components culture, soft_presence and iepg for CHN, USA, CAN, JPN, GBR, FRA, KOR, DEU, IND "
              "(HKG and TWN are not among the 70 countries); years 1990, 1995, 2000, 2005, 2010–2013",
    "caveats": [
        "`culture` measures exports of audiovisual services in index units (not US$); it is a proxy for "
        "audiovisual exports, not film alone.",
        "Index values are not comparable with later IEPG editions (methodology revisions).",
        "Some components repeat the previous year's value when new data were missing (e.g. China culture "
        "2012 = 2013).",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"iso3": pa.Column(str, pa.Check.isin(COUNTRIES)),
         "year": pa.Column(int, pa.Check.in_range(1990, 2013)),
         "component": pa.Column(str, pa.Check.isin(COMPONENTS)),
         "value": pa.Column(float, pa.Check.ge(0))},
        unique=["iso3", "year", "component"], strict=True),
}
