"""cbooo.cn (EntGroup): the top ~25 films a year in mainland China 2008–2017, and yearly totals by origin.

Extracts
- `cbooo/films.csv`: row (upstream order; the file is grouped by chart year 2008→2017), title (片名),
  genre (类型), region (地区, production region as hand-corrected by the compiler), gross_10k_cny (票房, 万元),
  ticket_price_cny (票价, average price in CNY), first_schedule_date / last_schedule_date / n_schedule_points
  (from 排期, the weekly schedule list [[date, weekly gross, day offset], ...]).
- `cbooo/datayears.csv`: year, origin (China / cooperation / foreign), gross_10k_cny: the compiler's yearly
  sums of the grosses of those top films by origin.
"""
from __future__ import annotations

import ast
import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import atomic_write_bytes

FILMS = "cbooo/films.csv"
YEARS = "cbooo/datayears.csv"
FILM_HEADER = ["片名", "类型", "地区", "票房", "票价", "排期"]


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _write(df: pd.DataFrame, path: Path) -> None:
    atomic_write_bytes(path, df.to_csv(index=False, lineterminator="\n").encode("utf-8"))


def schedule_summary(text: str) -> tuple[str, str, int]:
    """First and last date and number of points of a schedule like "[['2008-07-10', 0, 0], ...]"."""
    points = ast.literal_eval(text) if text.strip() else []
    if not points:
        return "", "", 0
    return points[0][0], points[-1][0], len(points)


def films(rows: list[list[str]]) -> pd.DataFrame:
    if rows[0] != FILM_HEADER:
        raise ValueError(f"film.csv: unexpected header {rows[0]}")
    out = []
    for i, (title, genre, region, gross, price, sched) in enumerate(rows[1:], start=1):
        first, last, n = schedule_summary(sched)
        out.append([i, title.strip(), genre, region, gross, price, first, last, n])
    return pd.DataFrame(out, columns=["row", "title", "genre", "region", "gross_10k_cny", "ticket_price_cny",
                                      "first_schedule_date", "last_schedule_date", "n_schedule_points"])


def datayears(rows: list[list[str]]) -> pd.DataFrame:
    header, body = rows[0], rows[1:]
    if header != ["year", "China", "cooperation", "foreign"]:
        raise ValueError(f"datayears.csv: unexpected header {header}")
    long = [[r[0], origin, r[j]] for r in body for j, origin in enumerate(header[1:], start=1)]
    return pd.DataFrame(long, columns=["year", "origin", "gross_10k_cny"])


def extract(shared: Path, raw: Path) -> None:
    src = shared / "china_cbooo_top25"
    _write(films(_read(src / "film.csv")), raw / FILMS)
    _write(datayears(_read(src / "datayears.csv")), raw / YEARS)


SOURCE = {
    "key": "cbooo",
    "publisher": "cbooo.cn (EntGroup 艺恩), checked against Mtime by the compiler",
    "title": "Top ~25 films a year in mainland China 2008–2017 and yearly totals by origin",
    "address": "http://www.cbooo.cn/ (site closed; crawled by github.com/winhows5/filmsInTenYears @ 69ed78c, "
               "spiderData/film.csv, data/datayears.csv)",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "none stated; research use, cite EntGroup/cbooo.cn",
    "mirror": "../shared/data/china_cbooo_top25/film.csv, datayears.csv",
    "subset": "film.csv: all 244 films; title, genre, region, gross, price, and the first/last date and length "
              "of the weekly schedule (weekly grosses dropped). datayears.csv: all rows, reshaped long",
    "caveats": [
        "Gross in 万元 (10,000 CNY); ticket price in CNY.",
        "film.csv has no year column: rows are grouped by chart year in upstream order (`row`); some schedule "
        "dates carry wrong years (e.g. a 2009 film whose first date reads 2017), so derive the chart year from "
        "the block, not from a single date.",
        "Production region was hand-corrected by the compiler; co-productions flagged in datayears.csv only in "
        "2009, 2015 and 2016 (0 elsewhere means not flagged, not none).",
        "2017 is partial.",
    ],
    "files": [FILMS, YEARS],
}

SCHEMAS = {
    FILMS: pa.DataFrameSchema(
        {"row": pa.Column(int, pa.Check.ge(1), unique=True), "title": pa.Column(str), "genre": pa.Column(str),
         "region": pa.Column(str), "gross_10k_cny": pa.Column(int, pa.Check.ge(0)),
         "ticket_price_cny": pa.Column(int, pa.Check.in_range(1, 200)),
         "first_schedule_date": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
         "last_schedule_date": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
         "n_schedule_points": pa.Column(int, pa.Check.ge(1))},
        strict=True),
    YEARS: pa.DataFrameSchema(
        {"year": pa.Column(int, pa.Check.in_range(2008, 2017)),
         "origin": pa.Column(str, pa.Check.isin(["China", "cooperation", "foreign"])),
         "gross_10k_cny": pa.Column(int, pa.Check.ge(0))},
        unique=["year", "origin"], strict=True),
}
