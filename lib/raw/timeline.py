"""Dated policy and development events of the film clusters -> data/raw/timeline/events.csv.

Unlike the other extractors, the source is not the upstream mirror but a facts file kept in the repository,
`lib/raw/timeline_events.csv`, written by hand from published pages: one event per row (case, year, event,
source_title = original publisher, source_address, note). Events are paraphrased, never copied. `extract()`
checks the header, the years and that every row names a source, then copies the rows unchanged (sorted by
case, year, event) to data/raw/timeline/events.csv.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import atomic_write_bytes

FILE = "timeline/events.csv"
FACTS = Path(__file__).with_name("timeline_events.csv")
COLUMNS = ["case", "year", "event", "source_title", "source_address", "note"]
CASES = ["Hollywood / Los Angeles", "London / UK", "Seoul / Busan (Korea)", "Paris / France", "Hengdian (China)"]


def read_facts(path: Path = FACTS) -> pd.DataFrame:
    """The hand-written facts file as text; fails on a changed header, an unknown case or a missing source."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows or rows[0] != COLUMNS:
        raise ValueError(f"{path}: header {rows[0] if rows else None} differs from {COLUMNS}")
    df = pd.DataFrame(rows[1:], columns=COLUMNS, dtype=object)
    bad_case = sorted(set(df["case"]) - set(CASES))
    if bad_case:
        raise ValueError(f"{path}: unknown case(s) {bad_case}; allowed {CASES}")
    if not df["year"].str.fullmatch(r"\d{4}").all():
        raise ValueError(f"{path}: every year must be a four-digit year")
    for col in ("event", "source_title", "source_address"):
        if (df[col].str.strip() == "").any():
            raise ValueError(f"{path}: every event needs a non-empty {col}")
    return df


def extract(shared: Path, raw: Path, facts: Path = FACTS) -> None:  # `shared` unused: the source is in the repo
    df = read_facts(facts)
    df = df.assign(_y=df["year"].astype(int)).sort_values(["case", "_y", "event"], kind="mergesort")
    text = df.drop(columns="_y").to_csv(index=False, lineterminator="\n")
    atomic_write_bytes(Path(raw) / FILE, text.encode("utf-8"))


SOURCE = {
    "key": "timeline",
    "publisher": "Named per row (`source_title`: the original publisher, e.g. U.S. Supreme Court, HM Treasury, "
                 "KOFIC, CNC, Department of Finance Canada, California Legislature, Jinhua Municipal Government)",
    "title": "Dated policy and development events of the film clusters (Hollywood, London/UK, Seoul/Busan, "
             "Paris/France, Hengdian), one event per row",
    "address": "per row (`source_address`)",
    "accessed": "2026-11-22 (pages read when the file was compiled)",
    "licence": "facts (dates and events) paraphrased from published pages; cite the original publisher per row",
    "mirror": "none: lib/raw/timeline_events.csv in this repository (hand-compiled facts file)",
    "subset": "all rows",
    "caveats": [
        "Events are paraphrased summaries, not quotations; the year is the year the measure was enacted or "
        "took effect (the note gives the other date where they differ).",
        "Some rows were read on summaries or reposts of the original page; the note says so and "
        "`source_title` names the original publisher.",
        "A selection of landmarks for the study's comparison, not a complete policy history.",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"case": pa.Column(str, pa.Check.isin(CASES)),
         "year": pa.Column(int, pa.Check.in_range(1900, 2030)),
         "event": pa.Column(str, pa.Check.str_length(min_value=10)),
         "source_title": pa.Column(str), "source_address": pa.Column(str, pa.Check.str_startswith("http")),
         "note": pa.Column(str, nullable=True)},
        strict=True, coerce=True),
}
