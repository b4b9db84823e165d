"""`china_year.csv`: China's national film market per year, in base units, from the published facts.

Inputs (data/raw): facts/facts_china.csv, facts/facts_crosscountry.csv (rows with iso3 = CHN), wdi/wdi.csv.

Units. Every facts row carries its own unit; `to_base(value, unit)` converts it (亿 = 1e8, 万 = 1e4,
billion = 1e9, trillion = 1e12, million = 1e6, percent / 100 = fraction) and raises `UnknownUnitError` for a
unit it does not know, so a new unit cannot slip through silently. USD = CNY / WDI official exchange rate
(PA.NUS.FCRF, CNY per US$, annual average) of the same year.

Conflict rule (stated; the same in country_year.py). Candidates for one value (e.g. box office 2016) are all
rows of the indicators mapped to that column with a plain four-digit year (months, quarters, ranges and
"c." years are left out). Each candidate gets a status, from best to worst:
  1. `final`         an official figure restated or verified after first publication (indicator `*_restated`,
                     unit "(revised)", note "verified"/"核实");
  2. `first_release` a figure as first published by the office or a named publisher (the default);
  3. `preliminary`   an early release later superseded (indicator `*_prelim`, "preliminary", "provisional",
                     "early");
  4. `estimate`      an estimate, an approximation or a bound ("approx", "about", "over", "more than",
                     "estimate", "unofficial", "LOW CONFIDENCE", "lower/upper bound", "derived", "左右",
                     "possible typo", ...), read from unit and note (and "unofficial"/"LOW CONFIDENCE" from the
                     source title).
The chosen value is the candidate with the best status; ties are broken by (a) more significant digits
(the unrounded figure), (b) more candidates agreeing on the value, (c) the first listed (facts_china before
facts_crosscountry, file order). So 2016 box office = 492.83亿 (restated, verified by the Film Bureau in
2017, the base of the official 2017 growth rate) over 457.12亿 (first published, Jan 2017); the first-release
figure stays visible in `box_office_cny_first_release`, and every candidate is listed in `alternatives` of
the sidecar `china_year_sources.csv` (year, column, value, unit, status, decided_by, source_title,
source_address, n_candidates, n_distinct, alternatives).

Caveats. Box office 1998–2003 is unofficial, 2004–2008 industry estimates (status `estimate` where the
source says so); the 2016 restatement includes online ticketing service fees, so 2015 → 2016 growth mixes
scopes. Domestic share is the published share of the first-release total; the imported films' box office
is the published figure (2012–2014) or box_office_cny_first_release × (1 − domestic_share) (method column).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from lib.raw import load as load_raw

# ---------------------------------------------------------------------------------------------- units

# unit stem (text before the first " (") -> (multiplier to the base unit, base unit)
UNIT_STEMS = {
    "100 million RMB": (1e8, "CNY"),       # 亿元
    "10 thousand RMB": (1e4, "CNY"),       # 万元
    "billion CNY": (1e9, "CNY"),
    "million CNY": (1e6, "CNY"),
    "100 million USD": (1e8, "USD"),       # 亿美元
    "billion USD": (1e9, "USD"),
    "million USD": (1e6, "USD"),
    "billion INR": (1e9, "INR"),
    "billion JPY": (1e9, "JPY"),
    "million EUR": (1e6, "EUR"),
    "million GBP": (1e6, "GBP"),
    "trillion KRW": (1e12, "KRW"),
    "billion KRW": (1e9, "KRW"),
    "100 million": (1e8, "count"),         # 亿人次 (admissions)
    "10 thousand": (1e4, "count"),         # 万人次
    "million admissions": (1e6, "count"),
    "count": (1.0, "count"),
    "films": (1.0, "count"),
    "screens": (1.0, "count"),
    "cinemas": (1.0, "count"),
    "percent": (0.01, "fraction"),
    "percent of admissions": (0.01, "fraction"),
    "percent of box office": (0.01, "fraction"),
    "percent of box office receipts": (0.01, "fraction"),
    "percent of global box office": (0.01, "fraction"),
}


class UnknownUnitError(ValueError):
    """A facts row uses a unit that UNIT_STEMS does not define: add it there (with its multiplier)."""


def parse_unit(unit: str) -> tuple[float, str, str]:
    """'billion CNY (approx.)' -> (1e9, 'CNY', 'approx.'): multiplier, base unit, parenthesised qualifier."""
    text = str(unit).strip()
    stem, _, rest = text.partition(" (")
    qualifier = rest[:-1] if rest.endswith(")") else rest
    if stem not in UNIT_STEMS:
        raise UnknownUnitError(f"unknown unit {unit!r} (stem {stem!r}); known stems: {sorted(UNIT_STEMS)}")
    factor, base = UNIT_STEMS[stem]
    return factor, base, qualifier


def to_base(value, unit: str) -> tuple[float, str]:
    """Value in base units: to_base('642.66', '100 million RMB (亿元)') -> (6.4266e10, 'CNY')."""
    factor, base, _ = parse_unit(unit)
    return float(value) * factor, base


def cny_to_usd(amount_cny, cny_per_usd):
    """USD = CNY / (CNY per US$); NaN where the rate is missing."""
    return np.asarray(amount_cny, dtype=float) / np.asarray(cny_per_usd, dtype=float)


# ------------------------------------------------------------------------------------ conflict rule

STATUS_RANK = {"final": 0, "first_release": 1, "preliminary": 2, "estimate": 3}
_FINAL = re.compile(r"\brevised\b|\bverified\b|核实", re.I)
_ESTIMATE = re.compile(
    r"approx|\babout\b|\bover\b|more than|less than|\bnear(ed|ly)?\b|\baround\b|estimat|unofficial|"
    r"low confidence|lower bound|upper bound|\bderived\b|possible typo|左右|余|多|超过|突破|接近", re.I)
_PRELIM = re.compile(r"prelim|provisional|\bearly\b", re.I)
_BAD_SOURCE = re.compile(r"unofficial|low confidence", re.I)


def classify(indicator: str, unit: str, note: str = "", source_title: str = "") -> str:
    """Status of one published figure (see the module docstring for the markers)."""
    _, _, qualifier = parse_unit(unit)
    text = f"{qualifier} | {note or ''}"
    if indicator.endswith(("_restated", "_revised")) or _FINAL.search(text):
        return "final"
    if indicator.endswith("_approx") or _ESTIMATE.search(text) or _BAD_SOURCE.search(source_title or ""):
        return "estimate"
    if indicator.endswith("_prelim") or _PRELIM.search(text):
        return "preliminary"
    return "first_release"


def sig_digits(text: str) -> int:
    """Significant digits of a published number: '642.66' -> 5, '60079' -> 5, '86300' -> 3, '0.77' -> 2."""
    s = str(text).strip().lstrip("+-")
    if "." in s:
        digits = s.replace(".", "").lstrip("0")
    else:
        digits = s.lstrip("0").rstrip("0")
    return max(len(digits), 1)


def _fmt(row) -> str:
    return f"{row.value_text} {row.unit} [{row.status}] {row.source_title}"


def resolve(cands: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Pick one candidate per key by the stated rule; add n_candidates, n_distinct, decided_by, alternatives.

    `cands` needs: keys, value (base units), value_text, unit, status, source_title, order.
    """
    c = cands.copy()
    c["rank"] = c["status"].map(STATUS_RANK)
    c["sig"] = c["value_text"].map(sig_digits)
    c["vkey"] = c["value"].map(lambda v: float(f"{v:.9g}"))  # same number written differently agrees
    c["agree"] = c.groupby(keys + ["vkey"], sort=False)["value"].transform("size")
    c = c.sort_values(keys + ["rank", "sig", "agree", "order"], ascending=[True] * len(keys) + [True, False,
                      False, True], kind="mergesort")
    rows = []
    for _, g in c.groupby(keys, sort=True):
        best = g.iloc[0]
        n_distinct = g["vkey"].nunique()
        if len(g) == 1:
            how = "single"
        elif n_distinct == 1:
            how = "all agree"
        else:
            second = g[g["vkey"] != best["vkey"]].iloc[0]
            how = ("status" if second["rank"] != best["rank"] else "precision" if second["sig"] != best["sig"]
                   else "agreement" if second["agree"] != best["agree"] else "order")
        others = [_fmt(r) for r in g.iloc[1:].itertuples()]
        out = best.to_dict()
        out.update(n_candidates=len(g), n_distinct=n_distinct, decided_by=how, alternatives=" || ".join(others))
        rows.append(out)
    return pd.DataFrame(rows).drop(columns=["rank", "sig", "vkey", "agree"])


# ------------------------------------------------------------------------------------- candidates

def plain_year(text) -> int | None:
    """'2016' -> 2016; months, quarters, ranges and 'c.' years -> None (not an annual figure)."""
    s = str(text).strip()
    return int(s) if re.fullmatch(r"(19|20)\d{2}", s) else None


def value_text(v) -> str:
    """The published number as text; floats (columns pandas parsed) lose no digits and gain no '.0'."""
    return f"{v:.15g}" if isinstance(v, float) else str(v).strip()


def candidates(facts: pd.DataFrame, spec: dict[str, list[str]], origin: str, unit_filter=None) -> pd.DataFrame:
    """Rows of `facts` whose indicator is mapped (spec: column -> indicators), in base units with a status."""
    rows = []
    for column, indicators in spec.items():
        sub = facts[facts["indicator"].isin(indicators)]
        for i, r in sub.iterrows():
            year = plain_year(r["year"])
            if year is None or (unit_filter and not unit_filter(column, r["unit"])):
                continue
            value, base = to_base(r["value"], r["unit"])
            rows.append({
                "year": year, "column": column, "value": value, "base_unit": base, "value_text": value_text(r["value"]),
                "unit": r["unit"], "indicator": r["indicator"],
                "status": classify(r["indicator"], r["unit"], r.get("note", ""), r["source_title"]),
                "source_title": r["source_title"], "source_address": r["source_address"],
                "origin": origin, "order": (0 if origin == "facts_china" else 100_000) + int(i),
            })
    return pd.DataFrame(rows)


CHINA_SPEC = {
    "box_office_cny": ["national_box_office", "national_box_office_restated"],
    "screens": ["screens_total", "screens_total_approx"],
    "admissions": ["admissions_urban"],
    "feature_films_produced": ["feature_films_produced", "feature_films_produced_approx"],
    "domestic_share": ["domestic_film_share_of_box_office"],
    "overseas_revenue_cny": ["overseas_box_office_and_sales_of_chinese_films"],
    "domestic_films_box_office_cny": ["domestic_films_box_office", "domestic_films_box_office_prelim"],
    "imported_films_box_office_cny_reported": ["imported_films_box_office"],
    "films_over_100m_cny": ["films_over_100m_rmb"],
    "films_produced_all_types": ["films_produced_total"],
}
CROSS_SPEC = {
    "box_office_cny": ["box_office_local"],
    "screens": ["screens"],
    "admissions": ["admissions"],
    "feature_films_produced": ["films_produced"],
    "domestic_share": ["national_film_share"],
    "overseas_revenue_cny": ["film_overseas_box_office_local"],
    "films_produced_all_types": ["films_produced_all_types"],
}
BASE_UNIT = {"box_office_cny": "CNY", "overseas_revenue_cny": "CNY", "domestic_films_box_office_cny": "CNY",
             "imported_films_box_office_cny_reported": "CNY", "domestic_share": "fraction"}


def _cross_filter(column: str, unit: str) -> bool:
    # only feature-film counts go into feature_films_produced (the all-types total is its own column)
    return column != "feature_films_produced" or "feature" in unit


def china_candidates(raw: Path) -> pd.DataFrame:
    fc = load_raw("facts/facts_china.csv", raw)
    cc = load_raw("facts/facts_crosscountry.csv", raw)
    cc = cc[cc["iso3"] == "CHN"]
    cands = pd.concat([candidates(fc, CHINA_SPEC, "facts_china"),
                       candidates(cc, CROSS_SPEC, "facts_crosscountry", _cross_filter)], ignore_index=True)
    bad = cands[cands.apply(lambda r: r["base_unit"] != BASE_UNIT.get(r["column"], "count"), axis=1)]
    if len(bad):
        raise ValueError(f"unexpected units for China columns: {bad[['column', 'unit']].drop_duplicates()}")
    return cands


def wdi_series(raw: Path, code: str, iso3: str = "CHN") -> pd.Series:
    w = load_raw("wdi/wdi.csv", raw)
    w = w[(w["indicator"] == code) & (w["iso3"] == iso3)]
    return w.set_index("year")["value"].astype(float)


# ------------------------------------------------------------------------------------------ build

COLUMNS = ["year", "box_office_cny", "box_office_usd", "screens", "admissions", "feature_films_produced",
           "domestic_share", "overseas_revenue_cny", "overseas_revenue_usd", "cny_per_usd",
           "box_office_cny_first_release", "box_office_status", "domestic_films_box_office_cny",
           "imported_films_box_office_cny", "imported_films_box_office_method", "films_over_100m_cny",
           "films_produced_all_types"]


def assemble(chosen: pd.DataFrame, cands: pd.DataFrame, cny_per_usd: pd.Series) -> pd.DataFrame:
    """Wide table from the chosen values, plus USD, first-release box office and imported films' box office."""
    wide = chosen.pivot(index="year", columns="column", values="value")
    wide = wide.reindex(columns=sorted(set(CHINA_SPEC) | set(CROSS_SPEC)))
    status = chosen[chosen["column"] == "box_office_cny"].set_index("year")["status"]
    first = resolve(cands[(cands["column"] == "box_office_cny") & (cands["status"] != "final")], ["year"])
    df = wide.reset_index()
    df["cny_per_usd"] = df["year"].map(cny_per_usd)
    df["box_office_usd"] = cny_to_usd(df["box_office_cny"], df["cny_per_usd"])
    df["overseas_revenue_usd"] = cny_to_usd(df["overseas_revenue_cny"], df["cny_per_usd"])
    df["box_office_status"] = df["year"].map(status)
    df["box_office_cny_first_release"] = df["year"].map(first.set_index("year")["value"])
    derived = df["box_office_cny_first_release"] * (1 - df["domestic_share"])
    reported = df["imported_films_box_office_cny_reported"]
    df["imported_films_box_office_cny"] = reported.where(reported.notna(), derived)
    df["imported_films_box_office_method"] = np.where(
        reported.notna(), "reported", np.where(derived.notna(), "first-release total x (1 - domestic share)", None))
    for col in ["screens", "admissions", "feature_films_produced", "films_over_100m_cny", "films_produced_all_types"]:
        df[col] = df[col].round().astype("Int64")
    return df[COLUMNS]


def build(raw: Path, processed: Path) -> dict[str, pd.DataFrame]:
    cands = china_candidates(raw)
    chosen = resolve(cands, ["year", "column"])
    table = assemble(chosen, cands, wdi_series(raw, "PA.NUS.FCRF"))
    sources = chosen.rename(columns={"base_unit": "unit_base"})[
        ["year", "column", "value", "unit_base", "value_text", "unit", "status", "decided_by", "source_title",
         "source_address", "n_candidates", "n_distinct", "alternatives"]]
    return {"china_year.csv": table, "china_year_sources.csv": sources}


# ----------------------------------------------------------------------------------------- schemas

def _money(nullable=True):
    return pa.Column(float, pa.Check.ge(0), nullable=nullable)


def _count():
    # coerce: a CSV reader gives float for an integer column with gaps; the values, not the dtype, are checked
    return pa.Column("Int64", pa.Check.ge(0), nullable=True, coerce=True)


SCHEMAS = {
    "china_year.csv": pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(1990, 2025), unique=True),
            "box_office_cny": pa.Column(float, pa.Check.in_range(1e8, 1e12), nullable=True),
            "box_office_usd": pa.Column(float, pa.Check.in_range(1e7, 2e11), nullable=True),
            "screens": _count(), "admissions": _count(), "feature_films_produced": _count(),
            "domestic_share": pa.Column(float, pa.Check.in_range(0, 1), nullable=True),
            "overseas_revenue_cny": _money(), "overseas_revenue_usd": _money(),
            "cny_per_usd": pa.Column(float, pa.Check.in_range(1, 10), nullable=True),
            "box_office_cny_first_release": _money(),
            "box_office_status": pa.Column(str, pa.Check.isin(list(STATUS_RANK)), nullable=True),
            "domestic_films_box_office_cny": _money(),
            "imported_films_box_office_cny": _money(),
            "imported_films_box_office_method": pa.Column(str, nullable=True),
            "films_over_100m_cny": _count(), "films_produced_all_types": _count(),
        },
        strict=True, ordered=True,
    ),
    "china_year_sources.csv": pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(1990, 2025)),
            "column": pa.Column(str, pa.Check.isin(sorted(set(CHINA_SPEC) | set(CROSS_SPEC)))),
            "value": pa.Column(float, pa.Check.ge(0)),
            "unit_base": pa.Column(str, pa.Check.isin(["CNY", "count", "fraction"])),
            "value_text": pa.Column(str, coerce=True), "unit": pa.Column(str),
            "status": pa.Column(str, pa.Check.isin(list(STATUS_RANK))),
            "decided_by": pa.Column(str, pa.Check.isin(["single", "all agree", "status", "precision",
                                                        "agreement", "order"])),
            "source_title": pa.Column(str), "source_address": pa.Column(str),
            "n_candidates": pa.Column(int, pa.Check.ge(1)), "n_distinct": pa.Column(int, pa.Check.ge(1)),
            "alternatives": pa.Column(str, nullable=True),
        },
        unique=["year", "column"], strict=True,
    ),
}
SORT_KEYS = {"china_year.csv": ["year"], "china_year_sources.csv": ["year", "column"]}
