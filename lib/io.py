"""Deterministic, atomic file writing: same data, same bytes; a failure leaves no half-written file."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.10g"  # stable across runs and platforms; 10 significant digits is beyond any source's precision


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see a partial file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(df: pd.DataFrame, path: Path, sort_by: list[str] | None = None) -> None:
    """Write a CSV with a stable row order, float format and line endings (UTF-8, no index)."""
    if sort_by:
        df = df.sort_values(sort_by, kind="mergesort").reset_index(drop=True)
    text = df.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
    atomic_write_bytes(path, text.encode("utf-8"))


def write_json(obj, path: Path) -> None:
    """Write JSON with sorted keys and a trailing newline."""
    text = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def read_table(path: Path, how_to_make: str) -> pd.DataFrame:
    """Read a study CSV: empty cells are missing, text such as 'NA' stays text; clear error if absent."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `{how_to_make}`")
    return pd.read_csv(path, encoding="utf-8", keep_default_na=False, na_values=[""], low_memory=False)
