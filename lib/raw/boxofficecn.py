"""boxofficecn.com (中国票房): films released in mainland China 2000–mid 2022 with their box office.

Extract `boxofficecn/films.csv`: rank (upstream `number`, the rank within the year), year, title
(`movie_name`), box_office_10k_cny (`box_office`, in 万元 = 10,000 CNY, kept as published text: 52 values
are "–", "暂无", "未知" or "[]" and are missing, not zeros). `year` is as published: a dozen re-releases
(重映) carry the film's original year (1958–1999), not the re-release year.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import atomic_write_bytes

FILE = "boxofficecn/films.csv"
RENAME = {"number": "rank", "year": "year", "movie_name": "title", "box_office": "box_office_10k_cny"}


def extract(shared: Path, raw: Path) -> None:
    with open(shared / "china_boxofficecn" / "China_move_rank.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if rows[0] != list(RENAME):
        raise ValueError(f"China_move_rank.csv: unexpected header {rows[0]}")
    # parsing only: strip surrounding whitespace (incl. no-break spaces and a CRLF inside one quoted title)
    rows = [[cell.strip().replace("\r\n", " ") for cell in row] for row in rows[1:]]
    df = pd.DataFrame(rows, columns=list(RENAME.values()), dtype=object)
    text = df.to_csv(index=False, lineterminator="\n")  # upstream order (year, rank) is kept
    atomic_write_bytes(raw / FILE, text.encode("utf-8"))


SOURCE = {
    "key": "boxofficecn",
    "publisher": "boxofficecn.com (中国票房)",
    "title": "Yearly box office of films released in mainland China, 2000–2022",
    "address": "http://www.boxofficecn.com/ (crawled by github.com/TBSAAA/Web-crawler @ dab5566, "
               "data_analysis/data/China_move_rank.csv)",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "none stated; research use, cite boxofficecn.com",
    "mirror": "../shared/data/china_boxofficecn/China_move_rank.csv",
    "subset": "all 4,168 rows; columns renamed (number→rank, movie_name→title, box_office→box_office_10k_cny)",
    "caveats": [
        "Box office in 万元 (10,000 CNY).",
        "No imported/domestic flag.",
        "52 non-numeric values (暂无 'not yet', 未知 'unknown'): missing, not zero.",
        "44 repeated names (different films or re-releases); 2022 is partial (mid-year crawl).",
        "A dozen re-releases (重映) carry the original film's year (1958–1999), not the re-release year.",
        "Whitespace (no-break spaces, one line break inside a title) stripped; values otherwise unchanged.",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"rank": pa.Column(int, pa.Check.ge(1)),
         "year": pa.Column(int, pa.Check.in_range(1950, 2022)),
         "title": pa.Column(str),
         "box_office_10k_cny": pa.Column(str)},
        strict=True,
    )
}
