"""Stable CSV bytes for processed tables: sorted by the table's key, fixed float format."""
from __future__ import annotations

import pandas as pd

from lib.io import FLOAT_FORMAT


def to_csv_bytes(df: pd.DataFrame, sort_by: list[str]) -> bytes:
    if df.duplicated(sort_by).any():
        dupes = df[df.duplicated(sort_by, keep=False)][sort_by].head(5).to_dict("records")
        raise ValueError(f"duplicate keys {sort_by}: {dupes}")
    df = df.sort_values(sort_by, kind="mergesort").reset_index(drop=True)
    return df.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n").encode("utf-8")
