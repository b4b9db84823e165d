"""A clean rebuild from data/raw reproduces every committed output byte for byte (this also runs every notebook)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers import OUTPUT_DIRS, ROOT, copy_project

VOLATILE = {"reports/bench.json"}  # machine timings, not study outputs


def outputs(root: Path) -> dict[str, Path]:
    found = {}
    for d in OUTPUT_DIRS:
        for p in sorted((root / d).rglob("*")):
            rel = p.relative_to(root).as_posix()
            if p.is_file() and rel not in VOLATILE and "/." not in "/" + rel:
                found[rel] = p
    return found


def test_clean_rebuild_matches_committed_outputs(tmp_path):
    proj = copy_project(tmp_path / "proj", include_outputs=False)
    res = subprocess.run(["make", "all", f"VENV={ROOT / '.venv'}"], cwd=proj, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    committed, rebuilt = outputs(ROOT), outputs(proj)
    assert sorted(committed) == sorted(rebuilt), (
        f"missing after rebuild: {sorted(set(committed) - set(rebuilt))[:5]}; "
        f"new in rebuild: {sorted(set(rebuilt) - set(committed))[:5]}")
    for rel in sorted(committed):
        assert committed[rel].read_bytes() == rebuilt[rel].read_bytes(), f"first differing file: {rel}"
