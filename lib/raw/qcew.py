"""BLS QCEW, NAICS 512110 (motion picture and video production), quarterly 2010Q1-2025Q1.

Three extracts, values copied as text exactly as published (no annualisation here):
  qcew/qcew_512110_areas.csv     every ownership, chosen areas (US, CA/NY/GA, LA County and metro, New York
                                 counties and metro, Fulton and Atlanta metro, other large film counties),
                                 levels plus location quotients and disclosure codes
  qcew/qcew_512110_counties.csv  every county (agglvl 78), private ownership only, levels only: enough to
                                 compute concentration (HHI) across counties
  qcew/qcew_512110_area_titles.csv  area_fips, agglvl_code -> latest area_title, every area in the files
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.cluster_data import PRIVATE, QCEW_AREAS
from lib.io import write_csv

AREAS_FILE = "qcew/qcew_512110_areas.csv"
COUNTIES_FILE = "qcew/qcew_512110_counties.csv"
TITLES_FILE = "qcew/qcew_512110_area_titles.csv"
COUNTY_AGGLVL = "78"  # county, NAICS 6-digit, by ownership sector

LEVELS = ["qtrly_estabs_count", "month1_emplvl", "month2_emplvl", "month3_emplvl", "total_qtrly_wages"]
AREA_COLS = ["area_fips", "own_code", "agglvl_code", "year", "qtr", "disclosure_code", *LEVELS,
             "avg_wkly_wage", "lq_disclosure_code", "lq_qtrly_estabs_count", "lq_month1_emplvl",
             "lq_month2_emplvl", "lq_month3_emplvl", "lq_total_qtrly_wages", "lq_avg_wkly_wage"]
COUNTY_COLS = ["area_fips", "own_code", "year", "qtr", "disclosure_code", *LEVELS]


def read_quarterly(folder: Path) -> pd.DataFrame:
    """All yearly QCEW files as text (every cell exactly as in the file; empty cells stay empty)."""
    files = sorted(folder.glob("qcew_512110_*.csv"))
    if not files:
        raise FileNotFoundError(f"no QCEW files in {folder}")
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files]
    df = pd.concat(frames, ignore_index=True)
    if not (df["industry_code"] == "512110").all() or not (df["size_code"] == "0").all():
        raise ValueError("QCEW mirror holds other industries or size classes than expected")
    return df


def select(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The three extracts from the full quarterly frame (text columns)."""
    keys = ["area_fips", "own_code", "year", "qtr"]
    areas = df[df["area_fips"].isin(QCEW_AREAS)][AREA_COLS]
    counties = df[(df["agglvl_code"] == COUNTY_AGGLVL) & (df["own_code"] == str(PRIVATE))][COUNTY_COLS]
    # latest title per area (a few areas are renamed over the years, e.g. Connecticut planning regions)
    titles = df.sort_values(["year", "qtr"], kind="mergesort").drop_duplicates(["area_fips", "agglvl_code"],
                                                                               keep="last")
    titles = titles[["area_fips", "agglvl_code", "area_title"]]
    titles = titles[titles["area_fips"].isin(set(areas["area_fips"]) | set(counties["area_fips"]))]
    return {AREAS_FILE: (areas, keys), COUNTIES_FILE: (counties, keys),
            TITLES_FILE: (titles, ["area_fips", "agglvl_code", "area_title"])}


def extract(shared: Path, raw: Path) -> None:
    for rel, (df, keys) in select(read_quarterly(shared / "bls_qcew_512110")).items():
        write_csv(df, raw / rel, sort_by=keys)


SOURCE = {
    "key": "qcew",
    "publisher": "U.S. Bureau of Labor Statistics (BLS), Quarterly Census of Employment and Wages",
    "title": "QCEW industry data, NAICS 512110 Motion picture and video production, 2010Q1-2025Q1 "
             "(all counties, MSAs, states, U.S.)",
    "address": "https://www.bls.gov/cew/downloadable-data-files.htm (industry files, 512110)",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "U.S. public domain (BLS)",
    "mirror": "../shared/data/bls_qcew_512110/qcew_512110_<year>.q1-q4.csv, copied from GitHub "
              "llorracc/as.180.369 @ e41dddb, contrib/peetyeety/Data Exploration/",
    "subset": "areas file: 28 chosen areas (U.S., CA, NY, GA, LA County, LA MSA C3110/C3108, NY counties 36061/"
              "36047/36081, NY MSA C3562, Fulton GA, Atlanta MSA C1206, 15 other large film counties), all "
              "ownerships, levels + location quotients; counties file: every county, private ownership "
              "(own_code 5), levels only; over-the-year change columns dropped",
    "caveats": [
        "Suppressed cells are published as 0 with disclosure_code 'N' (lq_disclosure_code for LQs): "
        "missing, not zero. Establishment counts are published even where employment is suppressed.",
        "The Los Angeles MSA code changes from C3110 (Los Angeles-Long Beach-Santa Ana) to C3108 "
        "(Los Angeles-Long Beach-Anaheim) in 2013 (new OMB delineation).",
        "Los Angeles County loses about 29k jobs in 2017 while its share of establishments rises: probably a "
        "reclassification, not a collapse; do not read trends across 2016/17 without checking.",
        "2025 has Q1 only. Quarterly files only: annual averages are computed (lib/cluster_data.annualise).",
        "Some rows carry disclosure_code '-' (tiny counties, zero employment published): kept as published.",
        "County rows include 'Unknown Or Undefined' counties (fips xx999) per state.",
    ],
    "files": [AREAS_FILE, COUNTIES_FILE, TITLES_FILE],
}

_code = pa.Column(str, nullable=True)
_num = pa.Column(float, pa.Check.ge(0))
SCHEMAS = {
    AREAS_FILE: pa.DataFrameSchema(
        {"area_fips": pa.Column(str, pa.Check.isin(list(QCEW_AREAS))),
         "own_code": pa.Column(int, pa.Check.isin([1, 2, 3, 5])),
         "agglvl_code": pa.Column(int),
         "year": pa.Column(int, pa.Check.in_range(2010, 2025)),
         "qtr": pa.Column(int, pa.Check.isin([1, 2, 3, 4])),
         "disclosure_code": pa.Column(str, pa.Check.isin(["N", "-"]), nullable=True),
         **{c: _num for c in AREA_COLS if c not in
            ("area_fips", "own_code", "agglvl_code", "year", "qtr", "disclosure_code", "lq_disclosure_code")},
         "lq_disclosure_code": pa.Column(str, pa.Check.isin(["N", "-"]), nullable=True)},
        strict=True, coerce=True, unique=["area_fips", "own_code", "year", "qtr"]),
    COUNTIES_FILE: pa.DataFrameSchema(
        {"area_fips": pa.Column(int, pa.Check.in_range(1000, 99999)),  # read back as int: zfill(5) downstream
         "own_code": pa.Column(int, pa.Check.eq(PRIVATE)),
         "year": pa.Column(int, pa.Check.in_range(2010, 2025)),
         "qtr": pa.Column(int, pa.Check.isin([1, 2, 3, 4])),
         "disclosure_code": pa.Column(str, pa.Check.isin(["N", "-"]), nullable=True),
         **{c: _num for c in LEVELS}},
        strict=True, coerce=True, unique=["area_fips", "year", "qtr"]),
    TITLES_FILE: pa.DataFrameSchema(
        {"area_fips": pa.Column(str), "agglvl_code": pa.Column(int), "area_title": pa.Column(str)},
        strict=True, coerce=True, unique=["area_fips", "agglvl_code"]),
}
