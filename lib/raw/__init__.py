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

EXTRACTORS = [
    "wdi", "facts", "boxofficecn", "cbooo", "elcano",                       # China, macro, facts
    "bom_yearly", "bom_territory", "bom_films", "thenumbers", "tmdb", "kobis",  # films and markets
    "qcew", "bfi", "paris", "nyc",                                           # clusters
    "seed_facts", "timeline",                                                # typed from documents
]


def modules():
    """The extractor modules that exist (all of EXTRACTORS once the data layer is complete)."""
    found = []
    for name in EXTRACTORS:
        try:
            found.append(importlib.import_module(f"lib.raw.{name}"))
        except ModuleNotFoundError as err:
            if err.name != f"lib.raw.{name}":
                raise
    return found


def load(relpath: str, raw: Path | None = None) -> pd.DataFrame:
    """Read one raw extract the way every consumer (schemas, processed builders) reads it."""
    path = Path(raw or paths.RAW) / relpath
    if not path.exists():
        raise FileNotFoundError(f"raw extract {path} is missing: run `make raw`")
    return pd.read_csv(path, encoding="utf-8", keep_default_na=False, na_values=[""], low_memory=False)


def schemas() -> dict:
    out = {}
    for mod in modules():
        out.update(mod.SCHEMAS)
    return out
