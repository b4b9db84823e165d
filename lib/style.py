"""One plotting style for the study, and deterministic figure/table output with caption and alt text.

PNG and SVG carry no date or software version; SVG ids use a fixed hash salt, so the same figure gives
the same bytes on every run.
"""
from __future__ import annotations

import base64
import html

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from IPython.display import HTML, display  # noqa: E402

from lib import paths  # noqa: E402
from lib.io import write_csv  # noqa: E402

PALETTE = sns.color_palette("colorblind")
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": "film-cluster-study"}


def setup() -> None:
    """Apply the study style (call once per notebook, in the set-up cell)."""
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    matplotlib.rcParams.update({
        "svg.hashsalt": "film-cluster-study",
        "svg.fonttype": "path",
        "figure.dpi": 100,
        "savefig.dpi": 120,
        "savefig.bbox": "tight",
        "figure.figsize": (9, 4.8),
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "font.family": "DejaVu Sans",
        "axes.spines.top": False,
        "axes.spines.right": False,
    })


def _caption(number: str, caption: str, source: str, notebook: str) -> str:
    return f"{number}. {caption} Source: {source}. Notebook: {notebook}."


def save_figure(fig, name: str, *, caption: str, alt: str, source: str, record=None) -> None:
    """Save `fig` as figures/<name>.png and .svg, show it with caption and alt text, and close it.

    `name` follows fig<NN>_<k>_<slug> (NN = notebook number); the caption names notebook and source.
    """
    if not name.startswith("fig") or "_" not in name:
        raise ValueError(f"figure name {name!r} must look like fig01_2_market_size")
    notebook = record.notebook if record is not None else name[3:5]
    number = "Figure " + (name[3:].split("_")[0].lstrip("0") or "0") + "." + name.split("_")[1]
    paths.FIGURES.mkdir(parents=True, exist_ok=True)
    png = paths.FIGURES / f"{name}.png"
    fig.savefig(png, format="png", metadata=PNG_METADATA)
    fig.savefig(paths.FIGURES / f"{name}.svg", format="svg", metadata=SVG_METADATA)
    plt.close(fig)
    text = _caption(number, caption, source, notebook)
    if record is not None:
        record.add_figure(f"figures/{name}.png", text)
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    display(HTML(
        f'<figure class="study-figure"><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}"/>'
        f"<figcaption>{html.escape(text)}</figcaption></figure>"
    ))  # returns None, so a notebook cell ending in save_figure echoes nothing


def show_table(df: pd.DataFrame, name: str, *, caption: str, source: str, record=None,
               float_format: str = "{:,.3g}") -> None:
    """Write reports/tables/<name>.csv and show the table with a caption (index not shown)."""
    notebook = record.notebook if record is not None else name[5:7]
    target = paths.REPORTS / "tables" / f"{name}.csv"
    write_csv(df, target)
    number = "Table " + (name[5:].split("_")[0].lstrip("0") or "0") + "." + name.split("_")[1]
    text = _caption(number, caption, source, notebook)
    if record is not None:
        record.add_table(f"reports/tables/{name}.csv", text)
    body = df.to_html(index=False, na_rep="–", border=0, classes="study-table",
                      float_format=lambda v: float_format.format(v))
    display(HTML(f"<p><b>{html.escape(text)}</b></p>{body}"))
