"""The pipeline: notebook runner errors, parameter overrides, stored notebooks, environment pins, HTML."""
from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from tests.helpers import PY, ROOT, copy_project, tiny_notebook
from tools.run_notebook import UsageError, parse_params

RUNNER = str(ROOT / "tools" / "run_notebook.py")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def run(nb: Path, out: Path, params: str = "", tmp: Path | None = None):
    cmd = [PY, RUNNER, str(nb), str(out), "--html", str(out.with_suffix(".html")), "--params", params,
           "--out-root", str(tmp or out.parent)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def test_parse_params_types_and_errors():
    assert parse_params('-p n 3 -p share 0.25 -p iso \'["USA","KOR"]\' -p flag true -p name x') == {
        "n": 3, "share": 0.25, "iso": ["USA", "KOR"], "flag": True, "name": "x"}
    assert parse_params("") == {}
    assert parse_params("-p iso [USA,KOR] -p years [2010,2015] -p empty []") == {
        "iso": ["USA", "KOR"], "years": [2010, 2015], "empty": []}
    with pytest.raises(UsageError, match="-p NAME VALUE"):
        parse_params("-p lonely")


def test_make_passes_overrides_through_unchanged(tmp_path):
    """P01 reaches the runner byte for byte (quotes, brackets, spaces), and only a change rewrites the file."""
    proj = copy_project(tmp_path / "proj", include_outputs=False)
    spec = """-p comparators ["USA","KOR"] -p label 'a b' -p top_n 10"""
    args = proj / "reports/.params/01_current_state.args"
    for _ in range(2):
        subprocess.run(["make", "-s", "reports/.params/01_current_state.args", f"P01={spec}"], cwd=proj, check=True)
    assert args.read_text().rstrip("\n") == spec
    mtime = args.stat().st_mtime_ns
    subprocess.run(["make", "-s", "reports/.params/01_current_state.args", f"P01={spec}"], cwd=proj, check=True)
    assert args.stat().st_mtime_ns == mtime, "an unchanged override must not re-run the notebook"
    subprocess.run(["make", "-s", "reports/.params/01_current_state.args"], cwd=proj, check=True)
    assert args.read_text().strip() == ""


def test_successful_run_writes_notebook_and_html(tmp_path):
    out = tmp_path / "ok.ipynb"
    res = run(tiny_notebook(tmp_path / "tiny.ipynb"), out, "-p n 21")
    assert res.returncode == 0, res.stderr
    nb = nbformat.read(out, as_version=4)
    assert "42" in nb.cells[-1].outputs[0]["text"]
    assert "papermill" not in nb.metadata and all("papermill" not in c.metadata for c in nb.cells)
    assert out.with_suffix(".html").exists()


def test_failing_cell_names_notebook_and_cell_and_leaves_no_output(tmp_path):
    out = tmp_path / "fail.ipynb"
    res = run(tiny_notebook(tmp_path / "tiny.ipynb"), out, "-p fail true")
    assert res.returncode == 1
    assert "FAILED tiny.ipynb" in res.stderr and "deliberate failure for the test" in res.stderr
    assert re.search(r"cell \d+", res.stderr)
    assert not out.exists() and not out.with_suffix(".html").exists()


def test_unknown_parameter_is_an_error(tmp_path):
    out = tmp_path / "x.ipynb"
    res = run(tiny_notebook(tmp_path / "tiny.ipynb"), out, "-p bootstrap_repz 5")
    assert res.returncode == 2
    assert "unknown parameter(s) ['bootstrap_repz']" in res.stderr and "['fail', 'n']" in res.stderr
    assert not out.exists()


def test_invalid_parameter_value_is_named(tmp_path):
    out = tmp_path / "x.ipynb"
    res = run(tiny_notebook(tmp_path / "tiny.ipynb"), out, "-p n 1000")
    assert res.returncode == 1
    assert "parameter `n` = 1000 is not allowed: expected an integer from 1 to 100" in res.stderr
    assert not out.exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_source_notebooks_are_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), f"{path.name} has outputs"
    tags = [t for c in code for t in c.metadata.get("tags", [])]
    assert tags.count("parameters") == 1, f"{path.name} needs exactly one parameters cell"
    idx = [i for i, c in enumerate(code) if "parameters" in c.metadata.get("tags", [])][0]
    assert "validation" in code[idx + 1].metadata.get("tags", []), "parameters must be validated in the next cell"
    assert nb.metadata.kernelspec["name"] == "film-study"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_parameter_can_be_overridden(path):
    """papermill only sees one-name assignments: `a, b = 1, 2` in a parameters cell could not be overridden."""
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assigned = {t.id for node in ast.parse(cell.source).body if isinstance(node, ast.Assign)
                for tgt in node.targets for t in ast.walk(tgt) if isinstance(t, ast.Name)}
    assert assigned and assigned == set(pm.inspect_notebook(str(path)))


def test_every_notebook_is_in_the_study():
    names = [p.stem for p in NOTEBOOKS]
    assert names == ["00_data", "01_current_state", "02_mechanism", "03_foreign_experience",
                     "04_recommendations"][: len(names)]


def test_environment_yml_has_the_lock_pins():
    lock = {line.strip() for line in (ROOT / "requirements.lock").read_text().splitlines()
            if line.strip() and not line.startswith("#")}
    env = {line.strip()[2:] for line in (ROOT / "environment.yml").read_text().splitlines()
           if line.strip().startswith("- ") and "==" in line}
    assert env == lock
    top = [line for line in (ROOT / "requirements.in").read_text().splitlines() if "==" in line]
    assert top and all(t.strip() in lock for t in top), "requirements.in pins must match the lock"


@pytest.mark.parametrize("path", sorted((ROOT / "reports").glob("[0-9][0-9]_*.html")), ids=lambda p: p.name)
def test_html_reads_offline_with_captions_and_alt_text(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=\"https?://", text), "no CDN scripts"
    assert '<nav class="toc">' in text
    imgs = re.findall(r"<img [^>]*>", text)
    assert all('alt="' in img and 'alt=""' not in img for img in imgs), "every image needs alt text"
    assert text.count("<figcaption>") == text.count('class="study-figure"')
    assert str(ROOT) not in text, "no absolute paths of this machine"


@pytest.mark.parametrize("path", sorted((ROOT / "reports").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name)
def test_executed_notebooks_show_no_errors_warnings_or_stray_echoes(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        for out in cell.get("outputs", []):
            assert out.get("name") != "stderr", f"{path.name} code cell {i} writes to stderr: {out.get('text', '')[:200]}"
            plain = out.get("data", {}).get("text/plain", "")
            assert "PosixPath(" not in plain, f"{path.name} code cell {i} echoes a return value: {plain[:100]}"


def test_figure_and_table_numbers_are_unique():
    """Two outputs called "Figure 1.4" would leave a reader (and the README map) guessing."""
    numbers = []
    for path in sorted((ROOT / "reports" / "values").glob("[0-9][0-9]_*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        numbers += [item["caption"].split(". ")[0] for item in record["figures"] + record["tables"]]
    assert numbers and len(numbers) == len(set(numbers)), sorted(n for n in numbers if numbers.count(n) > 1)
