"""Data shaping for notebook 01 (current state): market size in USD, per-capita capacity, Box Office Mojo
tracking coverage, chart summaries by film origin, the TC sensitivity grid, the dashboard and the cluster
inventory. Pure functions on small frames; the formulas live in lib/indicators.py where they are shared.

Tested against hand-computed cases in tests/test_current_state.py.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lib import indicators as ind

# ------------------------------------------------------------------------------------------- general

def growth(previous, current):
    """Growth rate g = current / previous − 1 (NaN if previous is 0 or missing)."""
    return ind.safe_ratio(current, previous) - 1


def per_capita(values, population, per: float = 1e6):
    """Value per `per` inhabitants: values / population × per (NaN where population is missing)."""
    return ind.safe_ratio(np.asarray(values, dtype=float) * per, population)


def series(cy: pd.DataFrame, indicator: str, iso3s=None) -> pd.DataFrame:
    """Wide table year × iso3 of one indicator of country_year.csv (missing stays NaN)."""
    sub = cy[cy["indicator"] == indicator]
    if iso3s is not None:
        sub = sub[sub["iso3"].isin(iso3s)]
    return sub.pivot_table(index="year", columns="iso3", values="value", aggfunc="first").sort_index()


# --------------------------------------------------------------------------------------- market size

def market_usd(cy: pd.DataFrame, iso3s: list[str], start: int, end: int) -> pd.DataFrame:
    """Box office in USD per country and year, one rule for every country.

    usd = box_office_local / fx_lcu_per_usd (WDI annual average rate of the same year) where the local-currency
    figure exists (so all countries are converted alike, as china_year.csv converts China); otherwise the
    published USD figure (`box_office_usd`, e.g. US + Canada, which is reported in USD). Columns: iso3, year,
    box_office_usd, method ("local / WDI rate" | "published USD").
    """
    fx_iso = {"USC": "USA"}  # the US + Canada market is reported in USD; no conversion needed
    local = series(cy, "box_office_local", iso3s)
    fx = series(cy, "fx_lcu_per_usd")
    pub = series(cy, "box_office_usd", iso3s)
    rows = []
    for iso in iso3s:
        for year in range(start, end + 1):
            lv = local.at[year, iso] if (year in local.index and iso in local.columns) else np.nan
            rate_iso = fx_iso.get(iso, iso)
            rate = fx.at[year, rate_iso] if (year in fx.index and rate_iso in fx.columns) else np.nan
            pv = pub.at[year, iso] if (year in pub.index and iso in pub.columns) else np.nan
            if pd.notna(lv) and pd.notna(rate) and rate > 0:
                rows.append((iso, year, lv / rate, "local / WDI rate"))
            elif pd.notna(pv):
                rows.append((iso, year, pv, "published USD"))
    return pd.DataFrame(rows, columns=["iso3", "year", "box_office_usd", "method"])


def tracking_coverage(tracked, official):
    """Coverage of a tracker = tracked gross / official box office (1 = complete; NaN if official unknown)."""
    return ind.safe_ratio(tracked, official)


def break_years(coverage: pd.Series, threshold: float) -> list[int]:
    """Years (index) whose coverage is below `threshold` or missing: the tracker is not comparable there."""
    return sorted(int(y) for y, c in coverage.items() if not (pd.notna(c) and c >= threshold))


# ------------------------------------------------------------------------------- national films at home

def national_films_home_gross(total, national_share, reported=None):
    """Home-market gross of a country's own films: the published figure where there is one, else
    total box office × national films' share."""
    derived = np.asarray(total, dtype=float) * np.asarray(national_share, dtype=float)
    if reported is None:
        return derived
    rep = np.asarray(reported, dtype=float)
    return np.where(np.isnan(rep), derived, rep)


# --------------------------------------------------------------------------------------- film charts

def chart_by_origin(films: pd.DataFrame, origins: list[str]) -> pd.DataFrame:
    """Per year and origin, from a yearly top chart (films.csv):

    n_films, worldwide_usd (sum), share_of_chart = worldwide of the origin's films / worldwide of all chart films,
    outside_home_usd (sum over films whose home gross is known), worldwide_known_home (their worldwide sum),
    outside_home_share = outside_home_usd / worldwide_known_home (gross-weighted outside-home share),
    n_home_known = films with a known home-market gross.
    """
    total = films.groupby("year")["worldwide_usd"].sum()
    f = films[films["origin_iso3"].isin(origins)].copy()
    known = f["outside_home_usd"].notna()
    f["ww_known"] = f["worldwide_usd"].where(known)
    g = f.groupby(["year", "origin_iso3"], sort=True).agg(
        n_films=("title", "size"), worldwide_usd=("worldwide_usd", "sum"),
        outside_home_usd=("outside_home_usd", lambda s: s.sum(min_count=1)),
        worldwide_known_home=("ww_known", lambda s: s.sum(min_count=1)),
        n_home_known=("outside_home_usd", "count")).reset_index()
    g["share_of_chart"] = ind.safe_ratio(g["worldwide_usd"], g["year"].map(total))
    g["outside_home_share"] = ind.safe_ratio(g["outside_home_usd"], g["worldwide_known_home"])
    return g


def top_films(films: pd.DataFrame, origin: str, n: int) -> pd.DataFrame:
    """The n films of `origin` with the largest worldwide gross, with home gross and outside-home share
    = (worldwide − home gross) / worldwide (lib.indicators.outside_home_share)."""
    f = films[(films["origin_iso3"] == origin) & films["outside_home_usd"].notna()]
    f = f.sort_values(["worldwide_usd", "title"], ascending=[False, True]).head(n).copy()
    f["home_usd"] = f["worldwide_usd"] - f["outside_home_usd"]
    f["outside_home_share"] = ind.outside_home_share(f["worldwide_usd"], f["home_usd"])
    return f[["title", "year", "worldwide_usd", "home_usd", "outside_home_usd", "outside_home_share",
              "origin_method"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- trade

def tc_grid(years, exports, imported_box_office, shares) -> pd.DataFrame:
    """TC index for each year and each imported-film revenue share s:

    M = imported films' box office × s (lib.indicators.film_imports), TC = (X − M) / (X + M).
    Returns year, revenue_share, exports, imports, tc (rows where X or M is missing are dropped).
    """
    rows = []
    for s in shares:
        m = ind.film_imports(imported_box_office, s)
        tc = ind.tc_index(np.nan_to_num(exports, nan=0.0), np.nan_to_num(m, nan=0.0))
        for y, x_, m_, t in zip(years, exports, m, np.atleast_1d(tc)):
            if pd.notna(x_) and pd.notna(m_):
                rows.append((int(y), float(s), float(x_), float(m_), float(t)))
    return pd.DataFrame(rows, columns=["year", "revenue_share", "exports", "imports", "tc"])


def breakeven_share(exports, imported_box_office):
    """The revenue share s* at which TC = 0 (X = M): s* = X / imported box office (NaN if no imports)."""
    return ind.safe_ratio(exports, imported_box_office)


# ------------------------------------------------------------------------------------------ dashboard

def latest_and_trend(df: pd.DataFrame, keys: list[str], start: int, end: int, min_points: int = 3) -> pd.DataFrame:
    """For each key group (e.g. iso3 × metric) within [start, end]: latest year and value, first year and value,
    n_years and the trend = OLS slope of value on year (units per year; NaN with fewer than `min_points`)."""
    d = df[(df["year"] >= start) & (df["year"] <= end)].dropna(subset=["value"])
    rows = []
    for key, g in d.sort_values("year").groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        slope = float(np.polyfit(g["year"], g["value"], 1)[0]) if len(g) >= min_points else np.nan
        rows.append((*key, int(g["year"].iloc[-1]), float(g["value"].iloc[-1]), int(g["year"].iloc[0]),
                     float(g["value"].iloc[0]), len(g), slope))
    return pd.DataFrame(rows, columns=[*keys, "latest_year", "latest_value", "first_year", "first_value",
                                       "n_years", "trend_per_year"])


# ------------------------------------------------------------------------------------------- clusters

CATEGORIES = {  # inventory category -> regex on cluster_year indicator names (first match wins)
    "revenue": r"revenue|income|output_value",
    "crews hosted": r"crews|productions|projects|works_shot|films_shot|dramas_shot",
    "firms": r"compan|firms|enterprises$|studios_registered",
    "visitors": r"visitor|tourists",
}


def categorise(indicator: str) -> str | None:
    """Inventory category of a cluster indicator (None if it is none of crews, firms, revenue, visitors)."""
    if re.search(r"growth|tax|box_office|investment|index|share_of", indicator):
        return None
    for cat, pat in CATEGORIES.items():
        if re.search(pat, indicator):
            return cat
    return None


def plain_scope(scope) -> str:
    """Scope label without the Chinese gloss in brackets: 'cluster zone (集聚区)' -> 'cluster zone'."""
    text = re.sub(r"\s*\([^)]*[\u4e00-\u9fff][^)]*\)", "", str(scope)) if pd.notna(scope) else "unspecified"
    return re.sub(r"unspecified.*", "unspecified", text).strip() or "unspecified"


def cluster_inventory(cl: pd.DataFrame, clusters: list[str]) -> pd.DataFrame:
    """Latest published figure per cluster, category and scope, preferring full-year figures over partial
    periods on the same year; indicator, period, scope and source stay visible (scopes differ: never summed)."""
    d = cl[cl["cluster"].isin(clusters)].copy()
    d["category"] = d["indicator"].map(categorise)
    d = d[d["category"].notna()]
    d["scope"] = d["scope"].map(plain_scope)
    d["full_year"] = (d["period"].fillna("") == "year").astype(int)
    d = d.sort_values(["cluster", "category", "scope", "year", "full_year", "value"],
                      ascending=[True, True, True, False, False, False])
    out = d.groupby(["cluster", "category", "scope"], sort=True).head(1)
    return out[["cluster", "category", "indicator", "year", "period", "value", "unit", "scope", "qualifier",
                "source"]].reset_index(drop=True)
