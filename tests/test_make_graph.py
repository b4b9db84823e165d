"""`make all` is a real dependency graph: a no-op does nothing, a changed notebook or parameter re-runs that
notebook and what reads its values, nothing else. Runs in a copy whose notebook runner is a stub that only logs."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, copy_project

STUB = '''"""Test stub: log which notebook make asked for and touch its outputs (no execution)."""
import sys
from pathlib import Path

args = sys.argv[1:]
notebook, output = Path(args[0]), Path(args[1])
html = Path(args[args.index("--html") + 1])
with open("runs.log", "a") as log:
    log.write(notebook.stem + "\\n")
for path in (html, output):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
'''


@pytest.fixture(scope="module")
def proj(tmp_path_factory):
    proj = copy_project(tmp_path_factory.mktemp("graph") / "proj")
    (proj / "tools" / "run_notebook.py").write_text(STUB)
    make(proj)  # settle: builds processed data and "runs" every notebook once
    return proj


def make(proj: Path, *args: str) -> list[str]:
    log = proj / "runs.log"
    log.unlink(missing_ok=True)
    res = subprocess.run(["make", "all", f"VENV={ROOT / '.venv'}", *args], cwd=proj, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    return sorted(log.read_text().split()) if log.exists() else []


def test_noop_runs_nothing(proj):
    assert make(proj) == []


def test_data_appendix_change_reruns_only_itself(proj):
    (proj / "notebooks" / "00_data.ipynb").touch()
    assert make(proj) == ["00_data"]


def test_changed_notebook_reruns_it_and_the_recommendations(proj):
    (proj / "notebooks" / "02_mechanism.ipynb").touch()
    assert make(proj) == ["02_mechanism", "04_recommendations"]


def test_parameter_override_reruns_once(proj):
    assert make(proj, "P01=-p top_n 20") == ["01_current_state", "04_recommendations"]
    assert make(proj, "P01=-p top_n 20") == []
    assert make(proj) == ["01_current_state", "04_recommendations"]  # back to the defaults


def test_shared_code_change_reruns_everything(proj):
    (proj / "tools" / "render_html.py").touch()  # like any lib/ module (which also rebuilds the data, slower)
    assert make(proj) == ["00_data", "01_current_state", "02_mechanism", "03_foreign_experience",
                          "04_recommendations"]
