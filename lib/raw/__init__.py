"""Raw extracts: `make raw` turns the upstream mirror (../shared/data) into tidy files in data/raw/.

Each module in EXTRACTORS owns one source and defines:
  SOURCE   dict rendered into data/raw/SOURCES.md (publisher, title, address, accessed, licence, mirror,
           subset, caveats, files)
  SCHEMAS  {relative path in data/raw: pandera DataFrameSchema} for the frames returned by `load()`
  extract(shared: Path, raw: Path) -> None   writes its files (values exactly as published, UTF-8 CSV)
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd

from lib import paths
from lib.io import read_table

EXTRACTORS = [
    "wdi", "facts", "boxofficecn", "cbooo", "elcano",                       # China, macro, facts
    "bom_yearly", "bom_territory", "bom_films", "thenumbers", "tmdb", "kobis",  # films and markets
    "qcew", "bfi", "paris", "nyc",                                           # clusters
    "seed_facts", "timeline",                                                # typed from documents
]


def modules():
    """The modules of EXTRACTORS, in order."""
    return [importlib.import_module(f"lib.raw.{name}") for name in EXTRACTORS]


def load(relpath: str, raw: Path | None = None) -> pd.DataFrame:
    """Read one raw extract the way every consumer (schemas, processed builders) reads it."""
    return read_table(Path(raw or paths.RAW) / relpath, "make raw")


def schemas() -> dict:
    out = {}
    for mod in modules():
        out.update(mod.SCHEMAS)
    return out
