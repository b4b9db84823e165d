"""Run one study notebook with papermill, strip volatile metadata, and render HTML.

    python tools/run_notebook.py notebooks/01_current_state.ipynb reports/01_current_state.ipynb \
        --html reports/01_current_state.html [--params "-p start_year 2008 -p comparators '[\"USA\"]'"]

The executed notebook is written last and atomically: after a failure no output exists that make could
take as fresh, and the terminal names the notebook, the failing cell and the error.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402
import papermill as pm  # noqa: E402

from lib.io import atomic_write_bytes  # noqa: E402
from tools.render_html import render_html  # noqa: E402

KERNEL = "film-study"
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colour codes in IPython tracebacks
TIMEOUT_S = 600  # per cell


class UsageError(Exception):
    pass


def parse_value(text: str):
    """A -p value: JSON (numbers, lists, true/false/null) or Python-style True/False/None, else a string.

    A bracketed list of bare words, [USA,KOR], is a list too: the shell strips the quotes of ["USA","KOR"]
    unless they are escaped, and make's command line is no place for escaping.
    """
    for literal, value in (("True", True), ("False", False), ("None", None)):
        if text == literal:
            return value
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    if text.startswith("[") and text.endswith("]"):
        items = [item.strip() for item in text[1:-1].split(",")]
        return [parse_value(item) for item in items if item]
    return text


def parse_params(spec: str) -> dict:
    """Parse the reviewer override string "-p name value [-p name value ...]"."""
    tokens = shlex.split(spec or "")
    params = {}
    while tokens:
        flag = tokens.pop(0)
        if flag not in ("-p", "--parameter") or len(tokens) < 2:
            raise UsageError(f"bad parameter override {spec!r}: use -p NAME VALUE (repeatable)")
        name, value = tokens.pop(0), tokens.pop(0)
        params[name] = parse_value(value)
    return params


def check_known(notebook: Path, params: dict) -> None:
    """Unknown parameter names are an error (papermill would only warn)."""
    declared = pm.inspect_notebook(str(notebook))
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise UsageError(f"{notebook.name}: unknown parameter(s) {unknown}; "
                         f"this notebook's parameters are {sorted(declared)}")


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop timings, paths and host details so the same run gives the same bytes anywhere."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    root = str(ROOT)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = out["text"].replace(root, ".")
            for key, val in out.get("data", {}).items():
                if isinstance(val, str) and key.startswith("text/"):
                    out["data"][key] = val.replace(root, ".")
    return nb


def failing_cell(nb: nbformat.NotebookNode) -> str:
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                return f"cell {index} ({first[:70]!r}): {out['ename']}: {out['evalue']}"
    return "unknown cell"


def run(notebook: Path, output: Path, html: Path | None, params: dict, out_root: Path | None) -> int:
    check_known(notebook, params)
    env_out = {"STUDY_OUT": str(out_root)} if out_root else {}
    os.environ.update({"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg",
                       # one BLAS thread per kernel: two notebooks share the 2 cores, and sums stay bit-stable
                       "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", **env_out})
    start = time.monotonic()
    label = f"params {params}" if params else "default parameters"
    print(f"[run] {notebook.name}: executing with {label}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_nb = Path(tmp) / notebook.name
        try:
            pm.execute_notebook(
                str(notebook), str(tmp_nb), parameters=params, kernel_name=KERNEL, cwd=str(ROOT),
                execution_timeout=TIMEOUT_S, progress_bar=False, log_output=False,
            )
        except pm.PapermillExecutionError as err:
            where = failing_cell(nbformat.read(tmp_nb, as_version=4)) if tmp_nb.exists() else ""
            print(f"[run] FAILED {notebook.name}: {where or err.ename + ': ' + err.evalue}", file=sys.stderr)
            if err.ename != "ParameterError" and err.traceback:  # a parameter message says it all
                print(ANSI.sub("", "\n".join(err.traceback[-3:])), file=sys.stderr)
            return 1
        nb = clean(nbformat.read(tmp_nb, as_version=4))
    data = nbformat.writes(nb).encode("utf-8") + b"\n"
    if html:
        atomic_write_bytes(html, render_html(nb).encode("utf-8"))
    atomic_write_bytes(output, data)  # last: its presence means the whole run succeeded
    print(f"[run] {notebook.name}: done in {time.monotonic() - start:.1f} s -> {output}", flush=True)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebook", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--html", type=Path)
    ap.add_argument("--params", default="", help='overrides, e.g. "-p bootstrap_reps 200"')
    ap.add_argument("--out-root", type=Path, help="redirect figures/values (STUDY_OUT), e.g. for make quick")
    args = ap.parse_args(argv)
    try:
        return run(args.notebook, args.output, args.html, parse_params(args.params), args.out_root)
    except UsageError as err:
        print(f"[run] ERROR {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
