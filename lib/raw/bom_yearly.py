"""Box Office Mojo yearly worldwide charts 1977–2024 -> data/raw/bom_yearly/worldwide_charts.csv.

One row per chart entry (year, rank). Values as published: worldwide, domestic (US + Canada) and foreign
(rest of world) gross in USD; domestic_pct and foreign_pct in percent of worldwide (0–100, as printed).
A blank domestic or foreign means Box Office Mojo printed no figure ('-'), not zero.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

FILE = "bom_yearly/worldwide_charts.csv"
YEARS = range(1977, 2025)
MONEY = ["worldwide", "domestic", "foreign"]

SOURCE = {
    "key": "bom_yearly",
    "publisher": "Box Office Mojo (IMDbPro)",
    "title": "Yearly worldwide box office charts (top 200 a year from 1986), 1977–2024",
    "address": "https://www.boxofficemojo.com/year/world/<year>/",
    "accessed": "crawl date not stated by the mirror (charts include July 2024)",
    "licence": "none stated (IMDb conditions of use apply)",
    "mirror": "jaxdsout/box_office @ c7ab7f4, datasets/box_office_<year>.csv",
    "subset": "all 48 yearly files, all columns, stacked with a year column",
    "caveats": [
        "'domestic' is the US + Canada market, 'foreign' the rest of the world: for a Chinese film 'foreign' is "
        "mostly China's own market, not an export.",
        "The 2023 and 2024 charts miss most Chinese releases (e.g. The Wandering Earth II shows 8.9M USD); the "
        "2024 chart stops in July 2024. Tracking of China before about 2013 is incomplete.",
        "Charts hold fewer than 200 films before 1986 (37 in 1977).",
        "Two different films share a title in one year (Beast, 2022): the key is (year, rank).",
        "Blank domestic/foreign = no figure printed, not zero.",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(1977, 2024)),
            "rank": pa.Column(int, pa.Check.in_range(1, 200)),
            "title": pa.Column(str, pa.Check.str_length(min_value=1)),
            "worldwide": pa.Column(float, pa.Check.gt(0)),
            "domestic": pa.Column(float, pa.Check.ge(0), nullable=True),
            "domestic_pct": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
            "foreign": pa.Column(float, pa.Check.ge(0), nullable=True),
            "foreign_pct": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
        },
        unique=["year", "rank"], strict=True, coerce=True,
    )
}


def read_year(path: Path, year: int) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    df.insert(0, "year", year)
    return df


def extract(shared: Path, raw: Path) -> None:
    folder = Path(shared) / "bom_worldwide_yearly"
    df = pd.concat([read_year(folder / f"box_office_{y}.csv", y) for y in YEARS], ignore_index=True)
    df["rank"] = df["rank"].astype(int)
    # money as whole dollars (the mirror wrote some columns through a float: '307263857.0')
    for col in MONEY:
        df[col] = pd.to_numeric(df[col]).round().astype("Int64")
    for col in ["domestic_pct", "foreign_pct"]:
        df[col] = pd.to_numeric(df[col])
    cols = ["year", "rank", "title", "worldwide", "domestic", "domestic_pct", "foreign", "foreign_pct"]
    write_csv(df[cols], Path(raw) / FILE, sort_by=["year", "rank"])
