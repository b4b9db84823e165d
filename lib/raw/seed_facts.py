"""Figures read from the study's seed documents (../shared/seeds), one per row, in the facts-table layout.

The seed report on Hengdian (Jinhua government, 2022) gives the cluster zone's Jan-Aug 2022 revenue, taxes and
growth; these figures are not in the upstream facts tables (its internationalization index already is). They are typed once into
lib/raw/seed_facts.csv (values exactly as the document states them, units as stated) and copied here.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandera.pandas as pa

HERE = Path(__file__).resolve().parent
FILE = "seed_facts/hengdian_2022.csv"

SOURCE = {
    "key": "seed_facts",
    "publisher": "Jinhua Municipal People's Government (English site), report by Lu Fayang; the study's seed document 002",
    "title": "Hengdian Promotes Film and TV Industry",
    "address": "http://english.jinhua.gov.cn/art/2022/10/20/art_1229181174_58897763.html (address as recorded in the facts table for the same article)",
    "accessed": "2026-11-22",
    "licence": "news release; figures cited with attribution, no text reproduced",
    "mirror": "figures typed from the seed document into lib/raw/seed_facts.csv",
    "subset": "the document's dated figures on Hengdian (revenue, taxes, growth, projects, studios)",
    "caveats": [
        "a single press release by the cluster's own promoters; figures are not audited",
        "January-August figures are partial-year (period 'Jan-Aug' in cluster_year.csv), not annual totals",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$")),
         "entity": pa.Column(str, pa.Check.isin(["Hengdian"])),
         "year": pa.Column(str, pa.Check.str_matches(r"^20\d\d")),
         "value": pa.Column(float, pa.Check.gt(0)),
         "unit": pa.Column(str), "source_title": pa.Column(str), "source_address": pa.Column(str),
         "note": pa.Column(str)},
        strict=True, unique=["indicator", "entity", "year"],
    )
}


def extract(shared: Path, raw: Path) -> None:
    target = Path(raw) / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "seed_facts.csv", target)
