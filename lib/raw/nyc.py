"""NYC Mayor's Office of Media and Entertainment film permits (NYC Open Data), teaching sample.

One extract, `nyc/film_permits.csv`: event_id, start, end, category, zip_codes, as published
(dates as 'm/d/yy H:MM' text; zip codes a comma-separated list). EnteredOn is dropped.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

FILE = "nyc/film_permits.csv"
SRC = "nyc_film_permits/Film_Permits_sample_2019.csv"
COLUMNS = {"EventID": "event_id", "StartDateTime": "start", "EndDateTime": "end", "Category": "category",
           "ZipCode(s)": "zip_codes"}
CATEGORIES = ["Television", "Film", "Theater", "Commercial", "Still Photography", "WEB", "Student",
              "Documentary", "Music Video"]


def read(path: Path) -> pd.DataFrame:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not set(COLUMNS) <= set(rows[0]):
        raise ValueError(f"{path}: columns missing {set(COLUMNS) - set(rows[0])}")
    return pd.DataFrame([{new: r[old] for old, new in COLUMNS.items()} for r in rows], dtype=object)


def extract(shared: Path, raw: Path) -> None:
    df = read(shared / SRC)
    df = df.assign(_id=df["event_id"].astype(int)).sort_values("_id", kind="mergesort").drop(columns="_id")
    write_csv(df, raw / FILE)


SOURCE = {
    "key": "nyc",
    "publisher": "NYC Mayor's Office of Media and Entertainment (MOME), NYC Open Data",
    "title": "Film Permits (sample of 42,216 permits, 2012-2015, 2018, Jan-Mar 2019)",
    "address": "https://data.cityofnewyork.us/City-Government/Film-Permits/tg4x-b46p",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "NYC Open Data terms of use (public data); teaching copy has no licence stated",
    "mirror": "../shared/data/nyc_film_permits/Film_Permits_sample_2019.csv (spbail/bash-workshop @ 80d0ea6)",
    "subset": "all rows; columns EventID, StartDateTime, EndDateTime, Category, ZipCode(s)",
    "caveats": [
        "A teaching sample, not the full register: 2016 and 2017 are missing entirely, 2019 covers Jan-Mar "
        "only, borough and sub-category columns were dropped by the compiler.",
        "A permit covers one event (often several zip codes and days); counts are permits, not productions.",
        "Dates are 'm/d/yy H:MM' text as published (two-digit years, all 20xx).",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"event_id": pa.Column(int, pa.Check.gt(0)),
         "start": pa.Column(str, pa.Check.str_matches(r"^\d{1,2}/\d{1,2}/\d{2} \d{1,2}:\d{2}$")),
         "end": pa.Column(str, pa.Check.str_matches(r"^\d{1,2}/\d{1,2}/\d{2} \d{1,2}:\d{2}$")),
         "category": pa.Column(str, pa.Check.isin(CATEGORIES)),
         "zip_codes": pa.Column(str, nullable=True)},
        strict=True, coerce=True, unique=["event_id"]),
}
