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
from lib.io import read_table

BUILDERS = ["china_year", "country_year", "films", "cluster_year", "competitiveness"]


def modules():
    """The modules of BUILDERS, in order."""
    return [importlib.import_module(f"lib.processed.{name}") for name in BUILDERS]


def load(name: str, processed: Path | None = None) -> pd.DataFrame:
    """Read one processed table (e.g. 'films.csv') as notebooks and later builders read it."""
    return read_table(Path(processed or paths.PROCESSED) / name, "make data")
