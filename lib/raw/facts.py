"""Published facts: figures read one by one from published pages, one figure per row.

The three upstream tables are copied unchanged (all rows, all columns, upstream row order): `year` stays text
because some rows are months, quarters or ranges ("2007-03", "2016-2020", "c.2017"), and `value` is exactly
as entered (one row of facts_china holds a range, "20-30"). Parsing, unit conversion and the resolution of
conflicting figures happen in lib/processed (china_year.py, country_year.py).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import atomic_write_bytes

FILES = {
    "facts/facts_china.csv": ["indicator", "year", "value", "unit", "source_title", "source_address", "note"],
    "facts/facts_china_intl.csv": ["indicator", "entity", "year", "value", "unit", "source_title",
                                   "source_address", "note"],
    "facts/facts_crosscountry.csv": ["indicator", "iso3", "year", "value", "unit", "source_title",
                                     "source_address", "note"],
}


def copy_table(src: Path, dst: Path, columns: list[str]) -> None:
    """Re-serialise one facts table as text (UTF-8, LF, minimal quoting); fail if the header changed."""
    with open(src, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if rows[0] != columns:
        raise ValueError(f"{src}: header {rows[0]} differs from the expected {columns}")
    df = pd.DataFrame(rows[1:], columns=columns, dtype=object)
    text = df.to_csv(index=False, lineterminator="\n")
    atomic_write_bytes(dst, text.encode("utf-8"))


def extract(shared: Path, raw: Path) -> None:
    for rel, cols in FILES.items():
        copy_table(shared / rel, raw / rel, cols)


SOURCE = {
    "key": "facts",
    "publisher": "Named per row (`source_title`: the original publisher, e.g. China Film Administration / "
                 "SAPPRFT releases via Xinhua, People's Daily; MPA; KOFIC; CNC; BFI; Eiren; FFA; UNESCO UIS)",
    "title": "Published film-market figures compiled one per row (China national market, clusters and "
             "international facts, cross-country market indicators)",
    "address": "per row (`source_address`, often a repost of the original release)",
    "accessed": "2026-11-22 (upstream mirror copy; pages read when the mirror was compiled)",
    "licence": "facts (numbers) from published pages; cite the original publisher per row",
    "mirror": "../shared/data/facts/facts_china.csv, facts_china_intl.csv, facts_crosscountry.csv",
    "subset": "all rows and columns, unchanged",
    "caveats": [
        "Units vary per row (亿元 = 1e8 CNY, 万 = 1e4, 亿人次, billion/million/trillion of a currency, "
        "counts, percent): always read `unit`.",
        "`year` is text: months, quarters, ranges and 'c.' dates exist; only plain years enter annual series.",
        "Sources disagree for some figures; all are kept (notes say DISAGREES / conflict / restated). "
        "2016 China box office: 457.12亿 first published vs 492.83亿 restated (verified) in 2017.",
        "Values marked 'about'/'over'/approx. in the source are entered as the number, qualifier in `note` "
        "or `unit`.",
        "Many official releases were read on reposts (some on low-quality mirror sites): cite `source_title`, "
        "not the repost address.",
        "China box office before 2009 is an industry estimate (2004–2008) or unofficial (1998–2003); "
        "films_produced definitions differ by country (see `unit`).",
    ],
    "files": list(FILES),
}

_text = pa.Column(str)
_text_nullable = pa.Column(str, nullable=True)

SCHEMAS = {
    "facts/facts_china.csv": pa.DataFrameSchema(
        {"indicator": _text, "year": _text, "value": _text, "unit": _text, "source_title": _text,
         "source_address": _text, "note": _text_nullable}, strict=True),
    "facts/facts_china_intl.csv": pa.DataFrameSchema(
        {"indicator": _text, "entity": _text, "year": _text, "value": pa.Column(float), "unit": _text,
         "source_title": _text, "source_address": _text, "note": _text_nullable}, strict=True),
    "facts/facts_crosscountry.csv": pa.DataFrameSchema(
        {"indicator": _text, "iso3": pa.Column(str, pa.Check.isin(
            ["CHN", "USA", "USC", "JPN", "GBR", "FRA", "KOR", "DEU", "IND", "WLD"])),
         "year": pa.Column(int, pa.Check.in_range(1990, 2030)), "value": pa.Column(float), "unit": _text,
         "source_title": _text, "source_address": _text, "note": _text_nullable}, strict=True),
}
