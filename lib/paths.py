"""Every path the study uses, in one place.

`STUDY_OUT` redirects figures, reports and values (used by `make quick` and the tests) so that a
smoke run never overwrites the committed outputs. `STUDY_SHARED` points `make raw` at another mirror.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("STUDY_SHARED", ROOT.parent / "shared")) / "data"
RAW = ROOT / "data" / "raw"
PROCESSED = Path(os.environ.get("STUDY_PROCESSED", ROOT / "data" / "processed"))
OUT = Path(os.environ.get("STUDY_OUT", ROOT))
FIGURES = OUT / "figures"
REPORTS = OUT / "reports"
VALUES = REPORTS / "values"
