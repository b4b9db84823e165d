"""The Numbers production budgets (5,460 films 1925–2019) -> data/raw/thenumbers/budgets.csv.

Strings exactly as published ("$400,000,000", "181 minutes", "Apr 23, 2019"); parse them with lib.parse.money,
lib.parse.runtime_minutes and pandas.to_datetime(format="%b %d, %Y"). Cast and director lists are not used
by the study and are left out; `source_row` is the row number in the upstream file.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

FILE = "thenumbers/budgets.csv"
COLUMNS = [
    "title", "release_date", "production_budget", "domestic_gross", "worldwide_gross", "genre", "story_source",
    "creative_type", "production_method", "production_company", "MPAA_Rating", "runtime",
    "opening_theater_count", "max_theater_count", "avg_run_per_theater",
]
MONEY_PATTERN = r"^\$[0-9]{1,3}(,[0-9]{3})*$"

SOURCE = {
    "key": "thenumbers",
    "publisher": "The Numbers (Nash Information Services)",
    "title": "Movie budgets and financial performance records (5,460 films, 1925–2019)",
    "address": "https://www.the-numbers.com/movie/budgets/all",
    "accessed": "December 2019 (pulled by the mirror's author)",
    "licence": "none stated (The Numbers terms of use apply)",
    "mirror": "delafields/delafields.github.io @ f49aaf3, movie-budgets/movie-budgets.csv",
    "subset": "all rows; all columns except actors and directors; unnamed index column kept as source_row",
    "caveats": [
        "Money values are strings ('$400,000,000'); runtimes are strings ('181 minutes').",
        "1,311 rows have worldwide_gross equal to domestic_gross: no international figure was recorded (missing, "
        "not zero).",
        "124 titles (and some names) carry mojibake (UTF-8 read as Latin-1, e.g. 'PenÃ©lope'); kept as published, "
        "lib.parse.fix_mojibake repairs them for matching.",
        "production_company is the first listed company only; some rows have shifted descriptive columns "
        "(e.g. creative_type holding a chart name).",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {
            "source_row": pa.Column(int, pa.Check.ge(0), unique=True),
            "title": pa.Column(str),
            "release_date": pa.Column(str),
            "production_budget": pa.Column(str, pa.Check.str_matches(MONEY_PATTERN)),
            "domestic_gross": pa.Column(str, pa.Check.str_matches(MONEY_PATTERN)),
            "worldwide_gross": pa.Column(str, pa.Check.str_matches(MONEY_PATTERN)),
            "runtime": pa.Column(str, pa.Check.str_matches(r"^[0-9]+ minutes$"), nullable=True),
            **{c: pa.Column(str, nullable=True) for c in COLUMNS if c not in {
                "title", "release_date", "production_budget", "domestic_gross", "worldwide_gross", "runtime"}},
        },
        strict=True, coerce=True,
    )
}


def extract(shared: Path, raw: Path) -> None:
    src = Path(shared) / "thenumbers_budgets_2019" / "movie-budgets.csv"
    df = pd.read_csv(src, dtype=str, keep_default_na=False, na_values=[""])
    df = df.rename(columns={df.columns[0]: "source_row"})
    df["source_row"] = df["source_row"].astype(int)
    write_csv(df[["source_row", *COLUMNS]], Path(raw) / FILE, sort_by=["source_row"])
