"""Shared test utilities: a throw-away copy of the project, and small notebooks built on the fly."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
KERNELSPEC = {"name": "film-study", "display_name": "Film cluster study (.venv)", "language": "python"}
OUTPUT_DIRS = ("data/processed", "figures", "reports")


def project_files() -> list[str]:
    """Tracked and untracked-but-not-ignored files: what a fresh clone of this work would contain."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    return sorted(f for f in out if (ROOT / f).is_file())


def copy_project(dest: Path, include_outputs: bool = True) -> Path:
    for rel in project_files():
        if not include_outputs and rel.startswith(OUTPUT_DIRS):
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


def tiny_notebook(path: Path) -> Path:
    """A notebook with a validated parameter `n` and a switch `fail` that raises in a later cell."""
    nb = new_notebook(metadata={"kernelspec": KERNELSPEC})
    nb.cells = [
        new_markdown_cell("# Tiny test notebook"),
        new_code_cell("n = 10\nfail = False", metadata={"tags": ["parameters"]}),
        new_code_cell("from lib.params import check_int\ncheck_int('n', n, 1, 100)",
                      metadata={"tags": ["validation"]}),
        new_code_cell("if fail:\n    raise RuntimeError('deliberate failure for the test')\nprint(n * 2)"),
    ]
    nbformat.write(nb, path)
    return path
