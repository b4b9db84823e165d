"""Record what a notebook quotes: values, figures, tables and a one-line summary -> reports/values/<nb>.json.

Prose in the notebooks quotes numbers only through this record, so every number in the text can be traced.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from lib import paths
from lib.io import write_json


def _plain(value):
    """JSON-safe, deterministic Python value (numpy scalars -> Python; floats to 10 significant digits)."""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return None if math.isnan(value) else float(f"{value:.10g}")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


class Record:
    """Collects one notebook's quoted values; `save()` writes them atomically at the end of the run."""

    def __init__(self, notebook: str):
        self.notebook = notebook
        self.values: dict = {}
        self.figures: list[dict] = []
        self.tables: list[dict] = []
        self.summary = ""          # one line for reports/index.html
        self.highlights: list[str] = []  # optional executive-summary bullets (index leads with 04's)

    def value(self, name: str, value, unit: str = "", note: str = ""):
        """Store a quoted number under `name` and return it (so prose can use it directly)."""
        if name in self.values:
            raise KeyError(f"value {name!r} recorded twice in {self.notebook}")
        self.values[name] = {"value": _plain(value), "unit": unit, "note": note}
        return value

    def get(self, name: str):
        return self.values[name]["value"]

    def add_figure(self, file: str, caption: str) -> None:
        self.figures.append({"file": file, "caption": caption})

    def add_table(self, file: str, caption: str) -> None:
        self.tables.append({"file": file, "caption": caption})

    def save(self, directory: Path | None = None) -> None:
        target = Path(directory or paths.VALUES) / f"{self.notebook}.json"
        write_json(
            {"notebook": self.notebook, "summary": self.summary, "highlights": self.highlights,
             "values": self.values, "figures": self.figures, "tables": self.tables},
            target,
        )
        print(f"recorded {len(self.values)} values, {len(self.figures)} figures, {len(self.tables)} tables")


def load_values(notebook: str, directory: Path | None = None) -> dict:
    """Values recorded by another notebook (e.g. 04 reads 01-03); clear error if it has not run."""
    path = Path(directory or paths.VALUES) / f"{notebook}.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run notebook {notebook} first (make all)")
    import json
    return {k: v["value"] for k, v in json.loads(path.read_text(encoding="utf-8"))["values"].items()}
