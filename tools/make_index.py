"""Write reports/index.html: the executive summary, then every notebook with a one-line finding."""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402

from lib.io import atomic_write_bytes  # noqa: E402

STYLE = """body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:900px;margin:2em auto;
padding:0 1em;line-height:1.5;color:#222} h1{font-size:1.6em} li{margin:.3em 0}
.summary{background:#f4f6f8;border-left:4px solid #0173b2;padding:.6em 1.2em} td,th{padding:.3em .6em;
text-align:left;vertical-align:top} table{border-collapse:collapse} tr{border-bottom:1px solid #ddd}"""


def title_of(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def record_of(name: str, reports: Path) -> dict:
    path = reports / "values" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def build(reports: Path) -> str:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    records = {nb.stem: record_of(nb.stem, reports) for nb in notebooks}
    highlights = next((r["highlights"] for name, r in sorted(records.items(), reverse=True)
                       if r.get("highlights")), [])
    rows = "".join(
        f'<tr><td><a href="{nb.stem}.html">{html.escape(title_of(nb))}</a></td>'
        f"<td>{html.escape(records[nb.stem].get('summary', '') or '(not yet summarised)')}</td></tr>"
        for nb in notebooks
    )
    summary = ""
    if highlights:
        items = "".join(f"<li>{html.escape(h)}</li>" for h in highlights)
        summary = f'<section class="summary"><h2>Executive summary</h2><ul>{items}</ul></section>'
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>'
        "<title>Film clusters and international competitiveness: China and Hengdian</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>How film industry clusters raise international competitiveness: China and Hengdian "
        "against Hollywood, London, Seoul/Busan and Paris</h1>"
        f"{summary}<h2>The notebooks</h2><table><tr><th>Notebook</th><th>Main finding</th></tr>{rows}</table>"
        "<p>Every number above is computed by the notebooks and recorded in <code>reports/values/</code>. "
        "Data sources: <code>data/raw/SOURCES.md</code>. Rebuild with <code>make all</code>.</p>"
        "</body></html>\n"
    )


def figure_table(reports: Path) -> str:
    """Markdown table: every figure and table -> notebook -> output file (from the recorded values)."""
    rows = ["| output | notebook | file | caption |", "|---|---|---|---|"]
    for path in sorted((reports / "values").glob("[0-9][0-9]_*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        for kind, items in (("figure", rec.get("figures", [])), ("table", rec.get("tables", []))):
            for item in items:
                label = item["caption"].split(". ", 1)[0]
                caption = item["caption"].split(". ", 1)[-1].split(" Source:")[0].replace("|", "/")
                rows.append(f"| {label} | `{rec['notebook']}` | `{item['file']}` | {caption} |")
    return "\n".join(rows)


def replace_between(text: str, marker: str, content: str) -> str:
    start, end = f"<!-- {marker}:START -->", f"<!-- {marker}:END -->"
    head, rest = text.split(start, 1)
    return head + start + "\n" + content + "\n" + end + rest.split(end, 1)[1]


def update_readme(reports: Path) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = replace_between(text, "FIGURES", figure_table(reports))
    if new != text:
        readme.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    reports = ROOT / "reports"
    atomic_write_bytes(reports / "index.html", build(reports).encode("utf-8"))
    update_readme(reports)
    print("[index] wrote reports/index.html and the README's figure/table map")
