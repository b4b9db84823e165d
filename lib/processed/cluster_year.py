"""cluster_year.csv: one row per cluster x year x indicator (x period x scope x source), from data/raw only.

Parts (each a small function, each row naming its source publisher):
  QCEW   Los Angeles County and metro, with US, states, New York, Atlanta and other film counties as their own
         clusters: establishments, annual mean employment, annual wages, average weekly wage, shares of the US,
         location quotient; US concentration across counties (HHI).
  BFI    London (and London + South East) shares of UK film enterprises, turnover and production employment;
         UK film workforce.
  Paris  location records and location-days by type, productions, arrondissement HHI, producer top-10 share.
  NYC    film permits by category.
  China  Hengdian, Xiangshan, Qingdao, Huairou, Songjiang/Chedun figures from the facts tables, one published
         figure per row, money in CNY (亿 = 1e8, 万 = 1e4), `scope` never spliced.

Columns: cluster, iso3, year, indicator, value, unit, source, period ('year' = full calendar year, else
e.g. 'Q1', 'Jan-Sep', 'H1', 'as of Mar', 'span 2016-2020'), scope (ownership, sector, type or zone scope),
area_code (QCEW fips), qualifier ('lower bound', 'approx.', ...), flag (series-break codes, ';'-joined) and
note. Key: cluster, year, indicator, period, scope, source (facts from two sources are both kept).
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from lib.cluster_data import (LA_METRO_NEW, LA_METRO_OLD, MONTH_ABBR, PARIS_TYPE_EN, PRIVATE, QCEW_AREAS, annualise,
                              arrondissement, location_days, normalise_name, parse_fact_date, parse_fact_unit,
                              quarters_label)
from lib.indicators import hhi, top_n_share
from lib.raw import load

FILE = "cluster_year.csv"
COLUMNS = ["cluster", "iso3", "year", "indicator", "value", "unit", "source", "period", "scope", "area_code",
           "qualifier", "flag", "note"]
KEY = ["cluster", "year", "indicator", "period", "scope", "source"]
UNITS = ["count", "persons", "USD", "USD per week", "fraction", "fraction y/y", "ratio", "index (0-1)",
         "location-days", "CNY", "CNY per year", "visits", "visits per day", "m2", "km2", "index"]

SRC_QCEW = "U.S. Bureau of Labor Statistics, QCEW (NAICS 512110)"
SRC_IDBR = "ONS Inter-Departmental Business Register, via BFI Research and Statistics Unit"
SRC_APS = "ONS Annual Population Survey, via BFI Research and Statistics Unit"
SRC_PARIS = "Ville de Paris, Lieux de tournage à Paris (open data)"
SRC_NYC = "NYC Mayor's Office of Media and Entertainment, Film Permits (NYC Open Data sample)"

# Series-break flags (documented in the note of every flagged row)
FLAG_METRO = "metro_code_change_2013"
NOTE_METRO = ("LA MSA is C3110 (Los Angeles-Long Beach-Santa Ana) to 2012 and C3108 (Los Angeles-Long Beach-"
              "Anaheim) from 2013: new OMB delineation, see area_code")
FLAG_2017 = "break_2016_17"
NOTE_2017 = ("LA private employment drops ~29k in 2017 while establishments rise and the weekly wage jumps: "
             "probable reclassification between NAICS codes; do not read 2016->2017 changes as real")
BREAK_AREAS = {"06037", LA_METRO_OLD, LA_METRO_NEW, "06000", "US000"}


def _rows(df: pd.DataFrame, **const) -> pd.DataFrame:
    """Attach constant columns and return the frame in COLUMNS order (missing optional columns -> NA)."""
    out = df.assign(**const)
    for c in COLUMNS:
        if c not in out:
            out[c] = pd.NA
    return out[COLUMNS]


# --- QCEW --------------------------------------------------------------------------------------------------

def qcew_area_years(areas: pd.DataFrame) -> pd.DataFrame:
    """Annual private-ownership figures per chosen area, with shares of the US and the US wage ratio.

    share_us_x = x_area / x_US (same year); wage_ratio_us = avg weekly wage_area / avg weekly wage_US.
    """
    areas = areas.assign(area_fips=areas["area_fips"].astype(str).str.zfill(5))
    priv = areas[areas["own_code"] == PRIVATE]
    y = annualise(priv)
    us = y[y["area_fips"] == "US000"].set_index("year")
    for col, name in [("establishments", "share_us_establishments"), ("employment", "share_us_employment"),
                      ("total_wages", "share_us_wages")]:
        y[name] = y[col] / y["year"].map(us[col])
    y["wage_ratio_us"] = y["avg_weekly_wage"] / y["year"].map(us["avg_weekly_wage"])
    return y


QCEW_INDICATORS = {  # column -> (indicator, unit)
    "establishments": ("establishments", "count"),
    "employment": ("employment_annual_mean", "persons"),
    "total_wages": ("total_wages", "USD"),
    "avg_weekly_wage": ("avg_weekly_wage", "USD per week"),
    "share_us_establishments": ("share_us_establishments", "fraction"),
    "share_us_employment": ("share_us_employment", "fraction"),
    "share_us_wages": ("share_us_wages", "fraction"),
    "wage_ratio_us": ("wage_ratio_us", "ratio"),
    "lq_employment": ("location_quotient_employment", "ratio"),
}


def qcew_rows(y: pd.DataFrame) -> pd.DataFrame:
    """Long rows from the annualised frame; suppressed (NaN) values are dropped, never written as 0."""
    long = y.melt(id_vars=["area_fips", "year", "n_quarters"], value_vars=list(QCEW_INDICATORS),
                  var_name="col", value_name="value").dropna(subset=["value"])
    long = long[~((long["area_fips"] == "US000") & long["col"].isin(
        ["share_us_establishments", "share_us_employment", "share_us_wages", "wage_ratio_us"]))]
    long["indicator"] = long["col"].map(lambda c: QCEW_INDICATORS[c][0])
    long["unit"] = long["col"].map(lambda c: QCEW_INDICATORS[c][1])
    long["cluster"] = long["area_fips"].map(QCEW_AREAS)
    long["period"] = long["n_quarters"].map(quarters_label)
    long["area_code"] = long["area_fips"]
    flags, notes = [], []
    for fips, year in zip(long["area_fips"], long["year"]):
        f, n = [], []
        if fips in (LA_METRO_OLD, LA_METRO_NEW):
            f.append(FLAG_METRO), n.append(NOTE_METRO)
        if fips in BREAK_AREAS and year in (2016, 2017):
            f.append(FLAG_2017), n.append(NOTE_2017)
        flags.append(";".join(f) or pd.NA)
        notes.append("; ".join(n) or pd.NA)
    long["flag"], long["note"] = flags, notes
    long.loc[long["col"] == "lq_employment", "note"] = long.loc[long["col"] == "lq_employment", "note"].fillna(
        "mean of the 12 published monthly employment LQs (BLS)")
    return _rows(long, iso3="USA", source=SRC_QCEW, scope="private (own_code 5)")


def county_concentration(counties: pd.DataFrame) -> pd.DataFrame:
    """US concentration of NAICS 512110 across counties, per year (full years only).

    HHI = Σ_k s_k², s_k = county k's share of the sum over counties. Establishments are published for every
    county; employment is suppressed for small counties, so the employment HHI uses disclosed counties only.
    """
    c = counties.assign(area_fips=counties["area_fips"].astype(str).str.zfill(5))
    y = annualise(c)
    y = y[y["n_quarters"] == 4]
    out = []
    for year, g in y.groupby("year", sort=True):
        disclosed = g[g["n_suppressed"] == 0]
        out += [
            (year, "county_hhi_establishments", hhi(g["establishments"]), "index (0-1)",
             f"{len(g)} counties, all published"),
            (year, "county_hhi_employment", hhi(disclosed["employment"]), "index (0-1)",
             f"{len(disclosed)} of {len(g)} counties disclosed all year; suppressed counties excluded"),
            (year, "county_top1_share_employment", top_n_share(disclosed["employment"], 1), "fraction",
             "largest county (Los Angeles County in every year) / sum of disclosed counties"),
            (year, "county_top5_share_employment", top_n_share(disclosed["employment"], 5), "fraction",
             "five largest counties / sum of disclosed counties"),
        ]
    df = pd.DataFrame(out, columns=["year", "indicator", "value", "unit", "note"])
    return _rows(df, cluster="United States", iso3="USA", source=SRC_QCEW, period="year",
                 scope="counties, private (own_code 5)", area_code="US000")


# --- BFI / ONS ---------------------------------------------------------------------------------------------

SIC_GROUPS = {"production": ["59111", "59112", "59120"], "distribution": ["59131", "59132"],
              "exhibition": ["59140"], "all film (5911-5914)": ["Total"]}


def _num(s: pd.Series) -> pd.Series:
    """Published text -> number; suppressed '..C'/'c' and blanks -> NaN (missing, not zero)."""
    return pd.to_numeric(s.astype("string").str.strip().replace({"..C": pd.NA, "c": pd.NA, "": pd.NA}),
                         errors="coerce")


def bfi_rows(regional: pd.DataFrame, aps: pd.DataFrame) -> pd.DataFrame:
    """London shares of UK film enterprises and turnover (IDBR) and London + SE share of employment (APS).

    share = Σ_{SIC in group} x_London / Σ_{SIC in group} x_UK; a group's turnover share is missing when any
    component cell is suppressed ('..C'). APS shares are published in percent: / 100.
    """
    r = regional.assign(sic=regional["sic"].astype(str), x=_num(regional["value"]))
    r = r[r["year"] >= 2015]
    out = []
    for grp, sics in SIC_GROUPS.items():
        g = r[r["sic"].isin(sics)]
        for (year, measure), m in g.groupby(["year", "measure"], sort=True):
            piv = m.pivot_table(index="sic", columns="region", values="x", aggfunc="first")
            if len(piv) != len(sics):
                continue
            def tot(region):
                col = piv.get(region)
                return np.nan if col is None or col.isna().any() else float(col.sum())
            uk, ldn, se = tot("UK"), tot("London"), tot("South East")
            what = "enterprises" if measure == "Count" else "turnover"
            if measure == "Count":
                out.append(("United Kingdom", year, "film_enterprises", uk, "count", grp, SRC_IDBR,
                            "IDBR counts rounded to 5"))
            out.append(("London", year, f"share_uk_{what}", ldn / uk, "fraction", grp, SRC_IDBR,
                        "London / UK; counts rounded to 5" if measure == "Count" else "London / UK"))
            out.append(("London + South East", year, f"share_uk_{what}", (ldn + se) / uk, "fraction", grp,
                        SRC_IDBR, "(London + South East) / UK"))
    a = aps.assign(x=_num(aps["value"]))
    for row in a.itertuples():
        series = row.series.strip()
        if row.sheet == "Employment by region":
            scope = "film and video production" if series.startswith("Film") else "all industries"
            out.append(("London + South East", row.year, "share_uk_employment", row.x / 100, "fraction", scope,
                        SRC_APS, "APS, published in percent; 2023 production share suppressed"))
        else:
            scope = {"Film and video production": "production", "Film and video production self-employed":
                     "production, self-employed", "Film and video distribution": "distribution",
                     "Film exhibition": "exhibition", "Total": "all film"}[series]
            out.append(("United Kingdom", row.year, "film_workforce", row.x, "persons", scope, SRC_APS,
                        "APS, rounded to 1000; self-employed are included in production"))
    df = pd.DataFrame(out, columns=["cluster", "year", "indicator", "value", "unit", "scope", "source", "note"])
    return _rows(df.dropna(subset=["value"]), iso3="GBR", period="year")


# --- Paris -------------------------------------------------------------------------------------------------

def _left_out(n: int) -> str:
    return f"; {n} record(s) ending before the start left out" if n else ""


def paris_rows(loc: pd.DataFrame) -> pd.DataFrame:
    """Counts by year and type; arrondissement HHI and producer top-10 share by year (all types).

    location_days = Σ (end − start + 1 day), records ending before they start left out of the sum;
    productions = distinct normalised titles;
    arrondissement HHI = Σ_a s_a², s_a = arrondissement a's share of the year's records in Paris proper;
    producer_top10_share = records of the 10 producers with most records / all records (normalised names).
    """
    d = loc.assign(type_en=loc["type"].map(PARIS_TYPE_EN),
                   days=location_days(loc["start"], loc["end"]),
                   title_n=loc["title"].map(normalise_name), producer_n=loc["producer"].fillna("").map(
                       normalise_name),
                   arr=loc["postcode"].map(lambda p: arrondissement(str(int(p))) if pd.notna(p) else None))
    out = []
    for scope, g0 in [("all types", d)] + [(t, d[d["type_en"] == t]) for t in PARIS_TYPE_EN.values()]:
        for year, g in g0.groupby("year", sort=True):
            out += [(year, "location_records", len(g), "count", scope, "rows = permitted locations"),
                    (year, "location_days", int(g["days"].sum()), "location-days", scope,
                     "sum of (end - start + 1) days over records" + _left_out(g["days"].isna().sum())),
                    (year, "productions", g["title_n"].nunique(), "count", scope,
                     "distinct titles (accents/case normalised)")]
    for year, g in d.groupby("year", sort=True):
        inside = g["arr"].dropna()
        out.append((year, "arrondissement_hhi_locations", hhi(inside.value_counts()), "index (0-1)", "all types",
                    f"{len(inside)} of {len(g)} records in arrondissements 1-20"))
        named = g[g["producer_n"] != ""]
        out.append((year, "producer_top10_share_locations", top_n_share(named["producer_n"].value_counts(), 10),
                    "fraction", "all types", "producer names normalised (case, accents); free text"))
    df = pd.DataFrame(out, columns=["year", "indicator", "value", "unit", "scope", "note"])
    return _rows(df, cluster="Paris", iso3="FRA", source=SRC_PARIS, period="year")


# --- NYC ---------------------------------------------------------------------------------------------------

def nyc_rows(permits: pd.DataFrame) -> pd.DataFrame:
    """Permits by start year and category (plus all categories); 2019 is Jan-Mar only, 2016-17 absent."""
    p = permits.assign(year=pd.to_datetime(permits["start"], format="%m/%d/%y %H:%M").dt.year)
    counts = pd.concat([p.groupby(["year", "category"]).size().rename("value").reset_index(),
                        p.groupby("year").size().rename("value").reset_index().assign(category="all categories")])
    last = p.assign(m=pd.to_datetime(p["start"], format="%m/%d/%y %H:%M").dt.month).groupby("year")["m"].max()
    counts["period"] = counts["year"].map(lambda y: "year" if last[y] == 12 else f"Jan-{MONTH_ABBR[last[y] - 1]}")
    counts = counts.rename(columns={"category": "scope"}).assign(
        indicator="film_permits", unit="count",
        note="teaching sample: 2016 and 2017 missing; a permit is one event, not a production")
    return _rows(counts, cluster="New York City", iso3="USA", source=SRC_NYC)


# --- Chinese clusters (facts tables) ------------------------------------------------------------------------

CN_CLUSTERS = {"hengdian": "Hengdian", "xiangshan": "Xiangshan", "qingdao": "Qingdao", "huairou": "Huairou",
               "songjiang": "Songjiang/Chedun", "chedun": "Songjiang/Chedun"}
# (cluster, field, regex, scope): first match wins; `field` is the facts indicator name or its note.
# Hengdian figures come with different scopes (national experimental zone 实验区, cluster zone 集聚区,
# Hengdian Group / World Studios): they are labelled here and never spliced into one series.
SCOPE_RULES = [
    ("Hengdian", "note", r"not defined|undefined", "unspecified (source does not define)"),
    ("Hengdian", "indicator", r"^zone_", "national experimental zone (实验区)"),
    ("Hengdian", "note", r"实验区|Experimental Zone", "national experimental zone (实验区)"),
    ("Hengdian", "indicator", r"^cluster_", "cluster zone (集聚区)"),
    ("Hengdian", "note", r"集聚区|Cluster Zone|Industry Complex", "cluster zone (集聚区)"),
    ("Hengdian", "indicator", r"world_studios|film_tourism|tourism|tourists", "Hengdian Group / World Studios"),
    ("Hengdian", "note", r"Hengdian Group", "Hengdian Group / World Studios"),
    ("Qingdao", "indicator", r"west_coast", "West Coast New Area"),
    ("Qingdao", "indicator", r".", "Oriental Movie Metropolis"),
    ("Songjiang/Chedun", "indicator", r"^chedun_", "Chedun town"),
    ("Songjiang/Chedun", "indicator", r"shengqiang", "Shengqiang film park"),
    ("Songjiang/Chedun", "indicator", r".", "Songjiang district"),
    ("Xiangshan", "indicator", r"studio_city", "Xiangshan studio city"),
    ("Xiangshan", "indicator", r".", "Xiangshan film & TV zone"),
    ("Huairou", "indicator", r"xingmei", "Xingmei studio"),
    ("Huairou", "indicator", r".", "Huairou film base"),
]


def fact_scope(cluster: str, indicator: str, note: str) -> str:
    """Scope label of one cluster fact by SCOPE_RULES (default 'unspecified')."""
    fields = {"indicator": indicator, "note": note}
    for cl, field, pattern, scope in SCOPE_RULES:
        if cl == cluster and re.search(pattern, fields[field], flags=re.IGNORECASE):
            return scope
    return "unspecified"


def china_cluster_facts(china: pd.DataFrame, intl: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cluster rows from both facts tables -> (rows in base units, rows dropped with the reason)."""
    a = china.assign(entity=china["indicator"].str.split("_").str[0])
    a = a[a["entity"].isin(CN_CLUSTERS)]
    a = a.assign(indicator=a.apply(lambda r: r["indicator"][len(r["entity"]) + 1:]
                 if r["entity"] != "chedun" else r["indicator"], axis=1))
    b = intl[intl["entity"].str.lower().isin(CN_CLUSTERS)]
    b = b.assign(entity=b["entity"].str.lower())
    f = pd.concat([a, b], ignore_index=True)
    rows, dropped = [], []
    for r in f.itertuples():
        date = parse_fact_date(r.year)
        value = pd.to_numeric(str(r.value), errors="coerce")
        if date is None or pd.isna(value):
            dropped.append({"indicator": r.indicator, "entity": r.entity, "year": r.year,
                            "reason": "no usable year" if date is None else "value not a number"})
            continue
        mult, unit, qual = parse_fact_unit(r.unit)
        cluster = CN_CLUSTERS[r.entity]
        note = "" if pd.isna(r.note) else str(r.note)
        notes = [f"published as {r.value} {r.unit}; date '{r.year}'"]
        if date["year_approx"]:
            notes.append("year approximate")
        rows.append({"cluster": cluster, "year": date["year"], "indicator": r.indicator,
                     "value": float(value) * mult, "unit": unit, "source": r.source_title,
                     "period": date["period"], "scope": fact_scope(cluster, r.indicator, note),
                     "qualifier": qual or pd.NA,
                     "flag": "year_approx" if date["year_approx"] else pd.NA,
                     "note": "; ".join(notes + ([note] if note else []))})
    df = pd.DataFrame(rows)
    return _rows(df, iso3="CHN"), pd.DataFrame(dropped)


# --- build -------------------------------------------------------------------------------------------------

def build_frame(raw: Path) -> pd.DataFrame:
    parts = [
        qcew_rows(qcew_area_years(load("qcew/qcew_512110_areas.csv", raw))),
        county_concentration(load("qcew/qcew_512110_counties.csv", raw)),
        bfi_rows(load("bfi/idbr_regional.csv", raw), load("bfi/aps.csv", raw)),
        paris_rows(load("paris/filming_locations.csv", raw)),
        nyc_rows(load("nyc/film_permits.csv", raw)),
        china_cluster_facts(load("facts/facts_china.csv", raw),
                            pd.concat([load("facts/facts_china_intl.csv", raw),
                                       load("seed_facts/hengdian_2022.csv", raw)], ignore_index=True))[0],
    ]
    df = pd.concat(parts, ignore_index=True)
    df["year"] = df["year"].astype(int)
    df["value"] = df["value"].astype(float)
    for c in COLUMNS:
        if c not in ("year", "value"):
            df[c] = df[c].astype("string")
    return df.sort_values(KEY, kind="mergesort").reset_index(drop=True)


def build(raw: Path, processed: Path) -> dict[str, pd.DataFrame]:
    return {FILE: build_frame(raw)}


_text = pa.Column(str)
SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"cluster": _text,
         "iso3": pa.Column(str, pa.Check.isin(["USA", "GBR", "FRA", "CHN"])),
         "year": pa.Column(int, pa.Check.in_range(1990, 2025)),
         "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$")),
         "value": pa.Column(float, pa.Check(np.isfinite, element_wise=True)),
         "unit": pa.Column(str, pa.Check.isin(UNITS)),
         "source": _text, "period": _text, "scope": _text,
         "area_code": pa.Column(str, nullable=True), "qualifier": pa.Column(str, nullable=True),
         "flag": pa.Column(str, nullable=True), "note": pa.Column(str, nullable=True)},
        checks=[
            pa.Check(lambda d: ~d["unit"].isin(["fraction", "index (0-1)"]) | d["value"].between(0, 1),
                     error="fractions and 0-1 indexes must lie in [0, 1]"),
            pa.Check(lambda d: ~d["unit"].isin(["count", "persons", "USD", "USD per week", "CNY", "visits",
                                                "location-days", "m2", "km2", "ratio"]) | (d["value"] >= 0),
                     error="levels must be non-negative"),
        ],
        strict=True, coerce=True, unique=KEY),
}
SORT_KEYS = {FILE: KEY}
