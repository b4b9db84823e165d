"""Processed tables (the data contract in STUDY.md), built from data/raw/ only.

Each module in BUILDERS (run in this order; later ones may read earlier outputs) defines:
  SCHEMAS    {file name in data/processed: pandera DataFrameSchema}
  SORT_KEYS  {file name: [columns]}  the unique key, also the row order on disk
  build(raw: Path, processed: Path) -> {file name: DataFrame}
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd

from lib import paths

BUILDERS = ["china_year", "country_year", "films", "cluster_year", "competitiveness"]


def modules():
    found = []
    for name in BUILDERS:
        try:
            found.append(importlib.import_module(f"lib.processed.{name}"))
        except ModuleNotFoundError as err:
            if err.name != f"lib.processed.{name}":
                raise
    return found


def load(name: str, processed: Path | None = None) -> pd.DataFrame:
    """Read one processed table (e.g. 'films.csv') as notebooks and later builders read it."""
    path = Path(processed or paths.PROCESSED) / name
    if not path.exists():
        raise FileNotFoundError(f"processed table {path} is missing: run `make data`")
    return pd.read_csv(path, encoding="utf-8", keep_default_na=False, na_values=[""], low_memory=False)
