"""Executed notebook -> self-contained HTML: plumbing cells removed, code folded, table of contents."""
from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

TEMPLATES = Path(__file__).resolve().parent / "nbtemplate"
HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)(?:<a class="anchor-link".*?</a>)?</h\1>', re.S)


def exporter() -> HTMLExporter:
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = {"plumbing"}
    c.TagRemovePreprocessor.remove_input_tags = {"hide-input", "validation"}
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"hide-output"}
    c.HTMLExporter.preprocessors = ["nbconvert.preprocessors.TagRemovePreprocessor"]
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "study"
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    return HTMLExporter(config=c)


def table_of_contents(body: str) -> str:
    items = [
        f'<li class="h{level}"><a href="#{anchor}">{re.sub(r"<[^>]+>", "", text).strip()}</a></li>'
        for level, anchor, text in HEADING.findall(body)
    ]
    return '<nav class="toc"><b>Contents</b><ul>' + "".join(items) + "</ul></nav>" if items else ""


def render_html(nb: nbformat.NotebookNode) -> str:
    body, _ = exporter().from_notebook_node(nb)
    toc = table_of_contents(body)
    return body.replace("<main>", "<main>\n" + toc, 1)


def escape(text: str) -> str:
    return html_lib.escape(text)
