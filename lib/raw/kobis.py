"""KOBIS (Korean Film Council) market data -> data/raw/kobis/annual.csv, top500.csv, tenmillion.csv.

annual.csv      Korean vs foreign films per year 2004–2019: releases, screenings, sales (KRW), admissions,
                market share (fraction 0–1, as published)
top500.csv      all-time top 500 films in Korea with production country (production_main = lead country)
tenmillion.csv  films over 10 million admissions, with English titles (used to match Box Office Mojo titles)
Values as published; the unnamed R row-name column is dropped; 'NA' is blank.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

ANNUAL = "kobis/annual.csv"
TOP500 = "kobis/top500.csv"
TENMILLION = "kobis/tenmillion.csv"

SOURCE = {
    "key": "kobis",
    "publisher": "Korean Film Council (KOFIC), KOBIS box office information system",
    "title": "Korean film market 2004–2019 (Korean vs foreign films), all-time top 500, films over 10M admissions",
    "address": "https://www.kobis.or.kr/",
    "accessed": "March 2020 (compiled by the mirror's author)",
    "licence": "none stated (KOFIC terms apply)",
    "mirror": "realhestia/koreancinema @ ee0775a, exploratory-analysis/annual_clean.csv, top500_clean.csv, "
              "tenmillion_clean.csv",
    "subset": "all rows; unnamed row-number column dropped",
    "caveats": [
        "2004–2007 are incomplete (2004 admissions 69M vs about 135M published by KOFIC): do not read trends "
        "across 2008 without that caveat.",
        "Sales in KRW (base units); market shares are fractions of admissions-based totals as published.",
        "top500 titles are in Korean only; tenmillion has English titles (film_title_en).",
    ],
    "files": [ANNUAL, TOP500, TENMILLION],
}

SCHEMAS = {
    ANNUAL: pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(2004, 2019), unique=True),
            "kr_market_share": pa.Column(float, pa.Check.in_range(0, 1)),
            "ovs_market_share": pa.Column(float, pa.Check.in_range(0, 1)),
            "total_sales": pa.Column(int, pa.Check.gt(0)),
            "total_audience": pa.Column(int, pa.Check.gt(0)),
        },
        coerce=True,
    ),
    TOP500: pa.DataFrameSchema(
        {
            "rank": pa.Column(int, pa.Check.in_range(1, 500)),
            "film_title": pa.Column(str),
            "sales": pa.Column(float, pa.Check.ge(0), nullable=True),
            "audience": pa.Column(int, pa.Check.gt(0)),
            "production_main": pa.Column(str, nullable=True),
            "year": pa.Column(int, pa.Check.in_range(1970, 2020)),
        },
        coerce=True,
    ),
    TENMILLION: pa.DataFrameSchema(
        {
            "rank": pa.Column(int, unique=True),
            "film_title_en": pa.Column(str),
            "production_main": pa.Column(str),
            "audience": pa.Column(int, pa.Check.ge(10_000_000)),
            "year": pa.Column(int, pa.Check.in_range(2000, 2020)),
        },
        coerce=True,
    ),
}


def read_r_csv(path: Path) -> pd.DataFrame:
    """An R write.csv file: drop the row-name column, 'NA' means missing."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=["", "NA"])
    return df.drop(columns=[df.columns[0]])


def extract(shared: Path, raw: Path) -> None:
    folder, raw = Path(shared) / "kobis_korea", Path(raw)
    write_csv(read_r_csv(folder / "annual_clean.csv"), raw / ANNUAL, sort_by=["year"])
    top = read_r_csv(folder / "top500_clean.csv")
    top["rank"] = top["rank"].astype(int)
    write_csv(top, raw / TOP500, sort_by=["rank"])
    ten = read_r_csv(folder / "tenmillion_clean.csv")
    ten["rank"] = ten["rank"].astype(int)
    write_csv(ten, raw / TENMILLION, sort_by=["rank"])
