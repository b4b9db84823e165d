"""Data shaping for notebook 03 (foreign experience): QCEW area panels, Box Office Mojo foreign shares,
KOBIS Korean shares, London/UK shares, Paris filming geography, NYC permits, the comparative table.

Pure functions on small frames (the notebook loads the tables and passes them in). Concentration, shares and
wage premia use lib/indicators (hhi, shares, top_n_share, wage_premium). Tested in tests/test_foreign.py.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from lib import indicators as ind
from lib.cluster_data import PARIS_TYPE_EN, arrondissement, location_days, normalise_name

QCEW_SCOPE = "private (own_code 5)"


# --- QCEW (Los Angeles and the comparison areas) ------------------------------------------------------------

def qcew_panel(cluster_year: pd.DataFrame, indicator: str, clusters: list[str] | None = None,
               years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Wide table year × cluster of one QCEW indicator, full calendar years only (period == 'year').

    Private ownership; partial years (2025 has Q1 only) are left out; missing (suppressed) stays NaN.
    """
    d = cluster_year[cluster_year["indicator"].eq(indicator)]
    d = d[(d["period"] == "year") & (d["scope"] == QCEW_SCOPE)]
    if clusters is not None:
        d = d[d["cluster"].isin(clusters)]
    if years is not None:
        d = d[d["year"].between(*years)]
    out = d.pivot_table(index="year", columns="cluster", values="value", aggfunc="first", dropna=False)
    if clusters is not None:
        out = out.reindex(columns=[c for c in clusters if c in out.columns])
    return out.sort_index()


def wage_premium_panel(wages: pd.DataFrame, reference: str = "United States") -> pd.DataFrame:
    """Wage premium of each area over the reference column: w_area / w_reference − 1 (per year)."""
    ref = wages[reference]
    out = {c: ind.wage_premium(wages[c].to_numpy(), ref.to_numpy()) for c in wages.columns if c != reference}
    return pd.DataFrame(out, index=wages.index)


def hhi_by_year(panel: pd.DataFrame, min_areas: int = 2) -> pd.DataFrame:
    """HHI Σ s_k² across the columns of `panel` (areas) for each row (year), with the number of areas used.

    Shares are within the areas given (a year with fewer than `min_areas` disclosed areas gives NaN):
    suppressed areas drop out of that year, so `n_areas` must be read next to the index.
    """
    rows = []
    for year, r in panel.iterrows():
        v = r.dropna()
        rows.append({"year": year, "hhi": ind.hhi(v) if len(v) >= min_areas else np.nan, "n_areas": len(v),
                     "top_share": ind.top_n_share(v, 1) if len(v) >= min_areas else np.nan})
    return pd.DataFrame(rows).set_index("year")


def shares_by_year(panel: pd.DataFrame) -> pd.DataFrame:
    """Each area's share of the row total (the areas given), row by row (indicators.shares)."""
    return panel.apply(ind.shares, axis=1)


def change(series: pd.Series, start: int, end: int) -> float:
    """series[end] − series[start] (NaN if either is missing)."""
    try:
        return float(series.loc[end] - series.loc[start])
    except KeyError:
        return float("nan")


# --- Box Office Mojo: Hollywood's turn to international markets --------------------------------------------

def foreign_share_by_year(films: pd.DataFrame, origin: str | None = None) -> pd.DataFrame:
    """Per chart year: Σ foreign / Σ worldwide of the yearly worldwide top chart (optionally one origin).

    foreign = worldwide − domestic (US + Canada), with a missing domestic gross read as no US release
    (the film's whole gross is foreign). Also: films, films with a foreign gross, and origin coverage
    (share of the year's worldwide gross whose origin is known).
    """
    f = films.assign(_foreign=films["worldwide_usd"] - films["domestic_usd"].fillna(0.0))
    if (f["_foreign"] < -1).any():
        raise ValueError("domestic gross above worldwide gross in the chart")
    f["_foreign"] = f["_foreign"].clip(lower=0.0)
    cov = f.groupby("year").apply(
        lambda g: g.loc[g["origin_iso3"].notna(), "worldwide_usd"].sum() / g["worldwide_usd"].sum(),
        include_groups=False)
    if origin is not None:
        f = f[f["origin_iso3"] == origin]
    g = f.groupby("year", sort=True)
    out = pd.DataFrame({"films": g.size(), "films_with_foreign": g["_foreign"].apply(lambda s: int((s > 0).sum())),
                        "worldwide_usd": g["worldwide_usd"].sum(), "foreign_usd": g["_foreign"].sum()})
    out["foreign_share"] = ind.safe_ratio(out["foreign_usd"], out["worldwide_usd"])
    out["foreign_tracked"] = out["films_with_foreign"] / out["films"]  # < ~0.9: foreign grosses not tracked
    out["origin_coverage"] = cov.reindex(out.index)
    return out


def period_mean(series: pd.Series, start: int, end: int) -> float:
    """Mean of a yearly series over start..end inclusive (NaN-skipping)."""
    return float(series.loc[(series.index >= start) & (series.index <= end)].mean())


# --- Korea (KOBIS) ----------------------------------------------------------------------------------------

def korea_shares(annual: pd.DataFrame, incomplete_until: int = 2007) -> pd.DataFrame:
    """Korean films' share of admissions per year (as published) with a flag for incomplete early years."""
    out = annual[["year", "kr_market_share", "kr_audience", "ovs_audience", "total_audience"]].copy()
    out["computed_share"] = ind.safe_ratio(out["kr_audience"], out["total_audience"])
    out["incomplete"] = out["year"] <= incomplete_until
    return out.set_index("year").sort_index()


def top500_by_year(top500: pd.DataFrame) -> pd.DataFrame:
    """All-time top 500 in Korea by release year: Korean vs foreign titles and admissions."""
    t = top500.assign(korean=top500["production_main"].eq("Korea"))
    g = t.groupby(["year", "korean"], sort=True)
    out = g.agg(titles=("rank", "size"), admissions=("audience", "sum")).unstack("korean", fill_value=0)
    out.columns = [f"{m}_{'korean' if k else 'foreign'}" for m, k in out.columns]
    out = out.reindex(columns=["titles_korean", "titles_foreign", "admissions_korean", "admissions_foreign"],
                      fill_value=0)
    out["korean_title_share"] = out["titles_korean"] / (out["titles_korean"] + out["titles_foreign"])
    return out


def top500_by_period(top500: pd.DataFrame, breaks: list[int]) -> pd.DataFrame:
    """Korean share of top-500 titles and admissions in periods cut at the policy years in `breaks`.

    A break year b starts a new period (e.g. breaks [1999, 2006] -> ..-1998, 1999-2005, 2006-..).
    """
    t = top500.assign(korean=top500["production_main"].eq("Korea"))
    edges = [int(t["year"].min())] + sorted(breaks) + [int(t["year"].max()) + 1]
    rows = []
    for a, b in zip(edges[:-1], edges[1:]):
        p = t[(t["year"] >= a) & (t["year"] < b)]
        rows.append({"period": f"{a}-{b - 1}", "titles": len(p), "korean_titles": int(p["korean"].sum()),
                     "korean_title_share": p["korean"].mean() if len(p) else np.nan,
                     "korean_admissions_share": ind.safe_ratio(p.loc[p["korean"], "audience"].sum(),
                                                           p["audience"].sum())})
    return pd.DataFrame(rows)


# --- London / UK ------------------------------------------------------------------------------------------

def uk_share_panel(cluster_year: pd.DataFrame, cluster: str, indicator: str) -> pd.DataFrame:
    """Wide table year × scope (sector) of one BFI/ONS share indicator for one cluster."""
    d = cluster_year[(cluster_year["cluster"] == cluster) & (cluster_year["indicator"] == indicator)]
    return d.pivot_table(index="year", columns="scope", values="value", aggfunc="first").sort_index()


# --- Paris ------------------------------------------------------------------------------------------------

def paris_locations(loc: pd.DataFrame) -> pd.DataFrame:
    """Raw Paris location records with English type, arrondissement (1-20 or NaN), days, normalised producer.

    days = end − start + 1 (a one-day permit counts 1 location-day); NaN where the register gives an end
    before the start (a data-entry error: the length is unknown, not negative).
    """
    post = loc["postcode"].map(lambda p: "" if pd.isna(p) else str(int(p)))
    return loc.assign(type_en=loc["type"].map(PARIS_TYPE_EN),
                      arrondissement=post.map(arrondissement).astype("Float64"),
                      days=location_days(loc["start"], loc["end"]),
                      producer_n=loc["producer"].fillna("").map(normalise_name))


def paris_days_by_type(d: pd.DataFrame) -> pd.DataFrame:
    """Location-days year × type (0 where a type has no record that year: the register is complete)."""
    return d.pivot_table(index="year", columns="type_en", values="days", aggfunc="sum", fill_value=0)


def paris_concentration(d: pd.DataFrame, top_n: int) -> pd.DataFrame:
    """Per year: HHI of records across arrondissements 1-20, top-N producers' share of named records."""
    rows = []
    for year, g in d.groupby("year", sort=True):
        inside = g["arrondissement"].dropna()
        named = g.loc[g["producer_n"] != "", "producer_n"]
        rows.append({"year": year, "records": len(g), "records_in_paris": len(inside),
                     "arrondissement_hhi": ind.hhi(inside.value_counts()),
                     "producer_top_share": ind.top_n_share(named.value_counts(), top_n),
                     "producers": named.nunique()})
    return pd.DataFrame(rows).set_index("year")


def arrondissement_shares(d: pd.DataFrame) -> pd.Series:
    """Share of all records (all years) by arrondissement 1-20, sorted by arrondissement."""
    counts = d["arrondissement"].dropna().astype(int).value_counts().sort_index()
    return ind.shares(counts.astype(float))


# --- NYC --------------------------------------------------------------------------------------------------

def with_gap_years(panel: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Reindex a year-indexed panel to every year first..last: absent years become NaN rows (gaps, not 0)."""
    return panel.reindex(range(first, last + 1))


# --- Comparative table ------------------------------------------------------------------------------------

def comparative_row(cluster: str, country: str, concentration: float, concentration_def: str, scale: float,
                    scale_def: str, wage_premium: float, reach: float, reach_def: str, levers: str,
                    years: str) -> dict:
    """One row of the comparative table (NaN where the data do not exist)."""
    return {"cluster": cluster, "country": country, "share of national industry": concentration,
            "share definition": concentration_def, "scale": scale, "scale definition": scale_def,
            "wage premium vs national industry": wage_premium, "international reach": reach,
            "reach definition": reach_def, "main policy levers (timeline)": levers, "data years": years}


def short_event(text: str, max_len: int = 60) -> str:
    """First clause of an event text (before ':', ';', ',' or ' ('), cut to max_len characters with '…'."""
    t = str(text)
    for sep in (":", ";", ",", " ("):
        t = t.split(sep)[0]
    t = t.rstrip(". ")
    return t if len(t) <= max_len else t[: max_len - 1].rstrip() + "…"


def levers_from_timeline(events: pd.DataFrame, case: str, max_items: int = 4) -> str:
    """'year: short event' list for one case: its `max_items` latest timeline events."""
    e = events[events["case"] == case].sort_values("year", kind="mergesort").tail(max_items)
    return "; ".join(f"{y}: {short_event(t)}" for y, t in zip(e["year"], e["event"]))
