"""Checks behind notebook 00 (the data appendix): source table, coverage matrices, validation summary and
the caveats that change results, each computed from the data (never typed in).

Every function is pure (frames in, frame out) except `validation_summary`, which reads data/raw and
data/processed. Gaps stay gaps: a year with no value is NaN / absent, never 0.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from lib.indicators import safe_ratio

# ------------------------------------------------------------------------------------------- sources


def source_table(modules) -> pd.DataFrame:
    """One row per raw extractor module: key, publisher, title, licence, files, number of caveats."""
    rows = []
    for mod in modules:
        s = mod.SOURCE
        rows.append({
            "extract": s["key"], "publisher": s["publisher"], "title": s["title"], "licence": s["licence"],
            "files": ", ".join(f.split("/", 1)[-1] for f in s["files"]),
            "n_files": len(s["files"]), "n_caveats": len(s.get("caveats", [])),
        })
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------- coverage

# Quality rank of a value's `status` (country_year.csv, china_year_sources.csv): higher = better.
STATUS_CODE = {"estimate": 1, "preliminary": 2, "first_release": 3, "final": 4}
STATUS_LABEL = {0: "no value", 1: "estimate", 2: "preliminary", 3: "first release", 4: "final / restated"}


def coverage_matrix(df: pd.DataFrame, keys: list[str], years: range | list[int], code: str | None = None
                    ) -> pd.DataFrame:
    """Presence of a value per (keys) × year on a FULL year grid (missing years become NaN columns' cells).

    Cell = 1 if a non-missing `value` exists (or the best `code` column value where several rows exist),
    NaN otherwise; every year in `years` is a column even if no key has a value that year.
    """
    years = list(years)
    d = df[df["year"].isin(years) & df["value"].notna()].copy()
    d["cell"] = d[code].astype(float) if code else 1.0
    wide = d.pivot_table(index=keys, columns="year", values="cell", aggfunc="max", sort=True)
    return wide.reindex(columns=years)


def status_codes(status: pd.Series) -> pd.Series:
    """Map status text to STATUS_CODE (unknown text -> 3, a plain published figure)."""
    return status.map(STATUS_CODE).fillna(3).astype(int)


def china_year_long(china_year: pd.DataFrame, sources: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    """china_year.csv (wide) -> long (indicator, year, value, code) for the coverage heatmap.

    `code` = status of the chosen value from china_year_sources.csv where listed (derived columns such as
    box_office_usd get the status of the column they come from: 3 if not listed).
    """
    long = china_year.melt(id_vars="year", value_vars=columns, var_name="indicator", value_name="value")
    long["code"] = 3
    if sources is not None and len(sources):
        s = sources[["year", "column", "status"]].rename(columns={"column": "indicator"})
        long = long.merge(s, on=["year", "indicator"], how="left")
        long["code"] = status_codes(long["status"]).where(long["status"].notna(), 3)
        long = long.drop(columns="status")
    return long


def cluster_coverage(cluster_year: pd.DataFrame, years) -> pd.DataFrame:
    """Cluster × year: number of distinct indicators with a value (any period); NaN where none.

    Separately, `full_year` counts only rows whose period is a whole year (QCEW, BFI, Paris are annual;
    Chinese cluster figures are often 'Jan-Aug', 'as of ...' or cumulative snapshots).
    """
    years = list(years)
    d = cluster_year[cluster_year["year"].isin(years) & cluster_year["value"].notna()]
    allp = d.groupby(["cluster", "year"], sort=True)["indicator"].nunique().unstack()
    return allp.reindex(columns=years)


def period_kind(period: pd.Series) -> pd.Series:
    """'year' for whole-year figures, 'part / snapshot / span' otherwise (quarters, Jan-Aug, as of, spans)."""
    return np.where(period.fillna("year").eq("year"), "year", "part / snapshot / span")


# ------------------------------------------------------------------------------------------- validation


def dtype_only(report: pd.DataFrame) -> bool:
    """True if every failure in a (one-file) pandera report is a dtype check (values themselves pass)."""
    return len(report) > 0 and report["check"].astype(str).str.startswith("dtype(").all()


def valid_after_coercion(df: pd.DataFrame, schema) -> bool:
    """Re-validate a copy of `schema` with coerce=True: do the values pass once read with the schema's dtypes?"""
    import copy

    import pandera.pandas as pa

    s = copy.deepcopy(schema)
    s.coerce = True
    try:
        s.validate(df, lazy=True)
        return True
    except (pa.errors.SchemaErrors, pa.errors.SchemaError):
        return False


def validation_summary(raw_dir: Path, processed_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Verify SHA256SUMS of data/raw, then validate every raw extract and processed table, AS READ FROM DISK
    (lib.raw.load / lib.processed.load, the way notebooks read them), with lib.validate.validate_tables.

    Returns (summary: layer, file, rows, columns, status, n_failures; failures: the lazy pandera report;
    number of raw files whose checksum matched). Status: 'valid'; 'dtype only' (every failure is a dtype
    check and the table passes when its schema coerces dtypes: a reader/schema issue, values are valid);
    'FAILED'. A checksum failure raises (nothing downstream can be trusted).
    """
    from lib import processed, raw, validate
    from lib.checksums import verify_sums

    n_sums = verify_sums(raw_dir)
    tables, layer = {}, {}
    for rel, schema in raw.schemas().items():
        tables[rel] = (raw.load(rel, raw_dir), schema)
        layer[rel] = "raw"
    for mod in processed.modules():
        for name, schema in mod.SCHEMAS.items():
            tables[name] = (processed.load(name, processed_dir), schema)
            layer[name] = "processed"
    try:
        validate.validate_tables(tables)
        report = pd.DataFrame(columns=["file", "column", "check", "failure_case", "n_failures"])
    except validate.ValidationError as err:
        report = err.report
    rows = []
    for n, (df, schema) in tables.items():
        rep = report[report["file"] == n]
        status = "valid"
        if len(rep):
            status = "dtype only" if dtype_only(rep) and valid_after_coercion(df, schema) else "FAILED"
        rows.append({"layer": layer[n], "file": n, "rows": len(df), "columns": df.shape[1], "status": status,
                     "n_failures": int(rep["n_failures"].sum()) if len(rep) else 0})
    summary = pd.DataFrame(rows).sort_values(["layer", "file"], ascending=[False, True], kind="mergesort")
    return summary.reset_index(drop=True), report.reset_index(drop=True), n_sums


# ------------------------------------------------------------------------------------------- caveats


def tracking_ratio(tracked: pd.Series, official: pd.Series) -> pd.DataFrame:
    """Years with both series: tracked, official, ratio = tracked / official (share of the market tracked)."""
    df = pd.DataFrame({"tracked": tracked, "official": official}).dropna()
    df["ratio"] = safe_ratio(df["tracked"], df["official"])
    df.index.name = "year"
    return df.reset_index()


def series(cy: pd.DataFrame, indicator: str, iso3: str) -> pd.Series:
    """One country_year series as year -> value (sorted)."""
    s = cy[(cy["indicator"] == indicator) & (cy["iso3"] == iso3)].set_index("year")["value"]
    return s.astype(float).sort_index()


def official_usd(cy: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """National box office in USD: the published USD figure where it exists, else local / WDI LCU per USD.

    Returns year, official, method ('published USD' or 'local / WDI FX').
    The order is the reverse of `lib.current_state.market_usd` on purpose: this is a check of the charts against
    what the publishers say (their own USD figure first), whereas the analysis converts every country alike.
    """
    usd = series(cy, "box_office_usd", iso3)
    conv = (series(cy, "box_office_local", iso3) / series(cy, "fx_lcu_per_usd", iso3)).dropna()
    out = pd.concat([usd.rename("official").to_frame().assign(method="published USD"),
                     conv.drop(usd.index, errors="ignore").rename("official").to_frame()
                     .assign(method="local / WDI FX")])
    out.index.name = "year"
    return out.sort_index().reset_index()


def chart_china_presence(films: pd.DataFrame, max_us_share: float = 0.05, big_usd: float = 1e8) -> pd.DataFrame:
    """Per chart year: films, worldwide gross of the chart, films identified as Chinese (origin CHN) and their
    worldwide gross, and films with (near-)zero US + Canada gross and worldwide >= big_usd (the non-Hollywood
    hits a chart that tracks Asian markets must contain).

    near-zero US share: domestic_usd missing or domestic_usd / worldwide_usd <= max_us_share.
    """
    f = films.copy()
    nz = f["domestic_usd"].isna() | (f["domestic_usd"] / f["worldwide_usd"] <= max_us_share)
    f["chn"] = f["origin_iso3"].eq("CHN")
    f["big_nz"] = nz & (f["worldwide_usd"] >= big_usd)
    g = f.groupby("year", sort=True)
    out = pd.DataFrame({
        "films": g.size(),
        "chart_worldwide_usd": g["worldwide_usd"].sum(),
        "chinese_films": g["chn"].sum(),
        "chinese_worldwide_usd": f[f["chn"]].groupby("year")["worldwide_usd"].sum(),
        "big_no_us_films": g["big_nz"].sum(),
    })
    out["chinese_worldwide_usd"] = out["chinese_worldwide_usd"].fillna(0.0)
    return out.reset_index()


def kofic_admissions(facts_cross: pd.DataFrame) -> pd.Series:
    """KOFIC-published Korean admissions per year from facts_crosscountry.csv (persons).

    Rows: indicator 'admissions', iso3 KOR, plain year, source_title naming KOFIC (not aggregators), unit
    'million admissions' (x 1e6); several KOFIC rows in one year must agree (the first is kept).
    """
    f = facts_cross
    m = ((f["indicator"] == "admissions") & (f["iso3"] == "KOR") & f["source_title"].str.contains("KOFIC")
         & f["unit"].eq("million admissions") & f["year"].astype(str).str.fullmatch(r"(19|20)\d{2}"))
    d = f[m].assign(year=lambda x: x["year"].astype(int), value=lambda x: x["value"].astype(float) * 1e6)
    return d.drop_duplicates("year").set_index("year")["value"].sort_index()


def qcew_break(cluster_year: pd.DataFrame, cluster: str, years) -> pd.DataFrame:
    """Whole-year QCEW rows of one cluster, wide: employment, establishments, shares of the US and the
    year-on-year change of employment and establishments (levels, not %)."""
    ind = ["employment_annual_mean", "establishments", "share_us_employment", "share_us_establishments",
           "avg_weekly_wage"]
    d = cluster_year[(cluster_year["cluster"] == cluster) & cluster_year["indicator"].isin(ind)
                     & cluster_year["period"].fillna("year").eq("year") & cluster_year["year"].isin(list(years))]
    w = d.pivot_table(index="year", columns="indicator", values="value", aggfunc="first").reindex(list(years))
    w["d_employment"] = w["employment_annual_mean"].diff()
    w["d_establishments"] = w["establishments"].diff()
    return w.reset_index()


def restatement(china_year: pd.DataFrame, year: int) -> pd.DataFrame:
    """Box office growth into and out of a restated year, with the first-published and the used (restated)
    figure: growth = value_t / value_{t-1} - 1."""
    cy = china_year.set_index("year")
    used, first = cy["box_office_cny"], cy["box_office_cny_first_release"]
    rows = []
    for label, s in (("first published", first), ("used in china_year (restated)", used)):
        rows.append({"figure": label, f"box_office_{year}_cny": s[year],
                     f"growth_{year - 1}_{year}": s[year] / used[year - 1] - 1,
                     f"growth_{year}_{year + 1}": used[year + 1] / s[year] - 1})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------- how to read


def unit_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Units used in the long processed tables: table, unit, rows, indicators (up to 4 examples)."""
    rows = []
    for name, df in sorted(tables.items()):
        for unit, g in df.groupby("unit", sort=True):
            ind = sorted(g["indicator"].unique())
            rows.append({"table": name, "unit": unit, "rows": len(g), "n_indicators": len(ind),
                         "examples": ", ".join(ind[:4]) + (", ..." if len(ind) > 4 else "")})
    return pd.DataFrame(rows)


def docstring_section(doc: str, heading: str) -> str:
    """The paragraph of a module docstring that starts with `heading` (up to the next blank line + heading)."""
    parts = re.split(r"\n\s*\n", doc)
    hit = [p for p in parts if p.strip().startswith(heading)]
    if not hit:
        raise KeyError(f"no paragraph starting with {heading!r}")
    return hit[0].strip("\n")


# ------------------------------------------------------------------------------------------- plotting


def draw_coverage(ax, mat: pd.DataFrame, cmap, norm=None, label_size: float = 8, year_step: int = 5,
                  vmin=None, vmax=None):
    """Draw a coverage matrix (rows x year columns) as one image (fast, small SVG): every row labelled,
    years ticked every `year_step`, thin white cell borders so that single cells stay distinguishable.

    NaN cells are drawn in the axes face colour (light grey): set it before calling if needed.
    """
    years = list(mat.columns)
    arr = np.ma.masked_invalid(mat.to_numpy(dtype=float))
    im = ax.imshow(arr, aspect="auto", interpolation="nearest", cmap=cmap, norm=norm, vmin=vmin, vmax=vmax,
                   extent=(-0.5, len(years) - 0.5, len(mat) - 0.5, -0.5))
    ax.set_yticks(range(len(mat)))
    ax.set_yticklabels([" / ".join(map(str, i)) if isinstance(i, tuple) else str(i) for i in mat.index],
                       fontsize=label_size)
    pos = [i for i, y in enumerate(years) if int(y) % year_step == 0]
    ax.set_xticks(pos)
    ax.set_xticklabels([years[p] for p in pos])
    ax.grid(False)
    # cell borders as two line collections (minor ticks would cost one artist per line)
    ax.vlines(np.arange(-0.5, len(years)), -0.5, len(mat) - 0.5, color="white", lw=0.6)
    ax.hlines(np.arange(-0.5, len(mat)), -0.5, len(years) - 0.5, color="white", lw=0.6)
    ax.set_xlim(-0.5, len(years) - 0.5)
    ax.set_ylim(len(mat) - 0.5, -0.5)
    for s in ax.spines.values():
        s.set_visible(False)
    return im


def stable_from(ratio: pd.Series, threshold: float) -> int | None:
    """First year from which `ratio` (year -> value) stays >= threshold in every later year with data;
    None if the last year is below it."""
    ok = (ratio.sort_index() >= threshold)[::-1].cummin()[::-1]
    return int(ok[ok].index.min()) if ok.any() else None
