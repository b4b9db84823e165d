"""Cluster-data helpers: QCEW areas and annualisation, Paris permit records, Chinese cluster facts parsing.

Pure functions on small frames, unit-tested in tests/test_raw_clusters.py and tests/test_cluster_year.py.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

# --- QCEW -------------------------------------------------------------------------------------------------

MONTHS = ["month1_emplvl", "month2_emplvl", "month3_emplvl"]
LQ_MONTHS = ["lq_month1_emplvl", "lq_month2_emplvl", "lq_month3_emplvl"]
PRIVATE = 5  # QCEW own_code: 0 total, 1 federal, 2 state, 3 local government, 5 private

# area_fips -> cluster name used in cluster_year.csv. The LA metro changes code in 2013 (C3110
# "Los Angeles-Long Beach-Santa Ana" -> C3108 "Los Angeles-Long Beach-Anaheim"): both map to one cluster
# name, and every row keeps its `area_code` and a flag, so the change is visible, not hidden.
QCEW_AREAS = {
    "US000": "United States",
    "06000": "California",
    "36000": "New York State",
    "13000": "Georgia",
    "06037": "Los Angeles County",
    "C3110": "Los Angeles metro",
    "C3108": "Los Angeles metro",
    "36061": "New York County (Manhattan)",
    "36047": "Kings County (Brooklyn)",
    "36081": "Queens County",
    "C3562": "New York metro",
    "13121": "Fulton County (Atlanta)",
    "C1206": "Atlanta metro",
    # other large film counties (top counties by mean private employment 2010-2025 in this file)
    "06059": "Orange County CA",
    "06075": "San Francisco County",
    "06001": "Alameda County",
    "17031": "Cook County (Chicago)",
    "22071": "Orleans Parish (New Orleans)",
    "49035": "Salt Lake County",
    "09001": "Fairfield County CT",
    "12086": "Miami-Dade County",
    "53033": "King County (Seattle)",
    "48453": "Travis County (Austin)",
    "32003": "Clark County (Las Vegas)",
    "15003": "Honolulu County",
    "25017": "Middlesex County MA",
    "25025": "Suffolk County (Boston)",
    "35001": "Bernalillo County (Albuquerque)",
}
LA_METRO_OLD, LA_METRO_NEW, METRO_CHANGE_YEAR = "C3110", "C3108", 2013


def la_metro_code(year: int) -> str:
    """The QCEW code of the Los Angeles MSA in `year` (C3110 to 2012, C3108 from 2013)."""
    return LA_METRO_OLD if year < METRO_CHANGE_YEAR else LA_METRO_NEW


def suppressed_to_missing(df: pd.DataFrame, cols: list[str], code_col: str = "disclosure_code") -> pd.DataFrame:
    """Cells published as 0 under disclosure code "N" (not disclosable) become NaN: missing, not zero."""
    out = df.copy()
    mask = out[code_col].astype("string").fillna("").eq("N")
    for c in cols:
        out[c] = out[c].astype(float).where(~mask)
    return out


def annualise(q: pd.DataFrame, keys: list[str] = ("area_fips", "own_code", "year")) -> pd.DataFrame:
    """Annual figures from QCEW quarterly rows (one row per key and quarter).

    establishments = mean over quarters of qtrly_estabs_count
    employment     = mean over the 3 x n_quarters monthly levels (month1..3_emplvl)
    total_wages    = sum over quarters of total_qtrly_wages (USD)
    avg_weekly_wage = total_wages / employment / (13 x n_quarters)   (BLS definition, 13 weeks a quarter)
    lq_employment  = mean of the monthly employment location quotients (lq_month1..3_emplvl)
    n_quarters, n_suppressed = quarters present and quarters with disclosure "N".
    Suppressed ("N") quarters make employment, wages and LQ of that year NaN (never zero); the
    establishment count is published even for suppressed cells and is kept.
    """
    keys = list(keys)
    q = suppressed_to_missing(q, MONTHS + ["total_qtrly_wages"] + [c for c in LQ_MONTHS if c in q])
    q = q.assign(_emp=q[MONTHS].mean(axis=1, skipna=False),
                 _n=q["disclosure_code"].astype("string").fillna("").eq("N").astype(int))
    agg = {"establishments": ("qtrly_estabs_count", "mean"),
           "employment": ("_emp", lambda s: s.mean(skipna=False)),
           "total_wages": ("total_qtrly_wages", lambda s: s.sum(min_count=len(s))),
           "n_quarters": ("qtr", "nunique"),
           "n_suppressed": ("_n", "sum")}
    if all(c in q for c in LQ_MONTHS):
        q = q.assign(_lq=q[LQ_MONTHS].mean(axis=1, skipna=False))
        agg["lq_employment"] = ("_lq", lambda s: s.mean(skipna=False))
    out = q.groupby(keys, sort=True).agg(**agg).reset_index()
    out["avg_weekly_wage"] = out["total_wages"] / out["employment"] / (13 * out["n_quarters"])
    return out


def quarters_label(n_quarters: int) -> str:
    """Period label of a QCEW annualised row: 'year' for four quarters, else 'Q1', 'Q1-Q2', 'Q1-Q3'."""
    return "year" if n_quarters == 4 else ("Q1" if n_quarters == 1 else f"Q1-Q{n_quarters}")


# --- Paris -----------------------------------------------------------------------------------------------

PARIS_TYPE_EN = {"Long métrage": "feature film", "Série TV": "TV series", "Téléfilm": "TV film",
                 "Série Web": "web series"}


def normalise_name(s: str) -> str:
    """Free-text names: strip accents, collapse spaces, upper case ('Télévision' == 'TELEVISION')."""
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", s).strip().upper()


def location_days(start: pd.Series, end: pd.Series) -> pd.Series:
    """Days of a location permit, end − start + 1 (ISO dates); NaN where the end is before the start.

    A register entry ending before it starts is a data-entry error: its length is unknown, not negative.
    """
    span = (pd.to_datetime(end, format="%Y-%m-%d") - pd.to_datetime(start, format="%Y-%m-%d")).dt.days
    return (span + 1).where(span >= 0)


def parse_geo_point(text: str) -> tuple[float, float]:
    """'48.8266, 2.3765' (geo_point_2d: WGS84 'lat, lon', same in every year) -> (lat, lon)."""
    lat, lon = (float(p) for p in str(text).split(","))
    return lat, lon


def arrondissement(postcode: str) -> int | None:
    """Paris arrondissement from a postcode: 75001-75020 -> 1-20, 75116 (Passy) -> 16; else None."""
    m = re.fullmatch(r"75(0\d\d|116)", str(postcode).strip())
    if not m:
        return None
    n = 16 if m.group(1) == "116" else int(m.group(1))
    return n if 1 <= n <= 20 else None


# --- Chinese cluster facts ---------------------------------------------------------------------------------

MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def parse_fact_date(text: str) -> dict | None:
    """Turn a facts `year` text into (year, period, year_approx); None when no year can be given.

    '2020' -> 2020 'year'; 'c.2017' -> 2017 'year' approx; '2019-01..09' -> 2019 'Jan-Sep';
    '2017H1' / '2024-H1' -> 'H1'; '2022Q1' -> 'Q1'; '2018-03' -> 2018 'as of Mar' (a stock at a date);
    '2004-2020' / '1996-2018' / '2004..2017-02' -> end year, period 'span <text>' (a multi-year total or a
    cumulative stock: the indicator name says which); 'to 2024' -> 2024 'as of end';
    'year not stated', 'pre-2010', "'近3年'" and other vague dates -> None (dropped, listed in the note).
    """
    t = str(text).strip()
    approx = t.startswith("c.")
    core = t[2:] if approx else t
    if "not stated" in t or t.startswith("pre-") or "近" in t:
        return None
    if re.fullmatch(r"\d{4}", core):
        return {"year": int(core), "period": "year", "year_approx": approx}
    m = re.fullmatch(r"(\d{4})-?H([12])", core)
    if m:
        return {"year": int(m.group(1)), "period": f"H{m.group(2)}", "year_approx": approx}
    m = re.fullmatch(r"(\d{4})Q([1-4])", core)
    if m:
        return {"year": int(m.group(1)), "period": f"Q{m.group(2)}", "year_approx": approx}
    m = re.fullmatch(r"(\d{4})-(\d{2})\.\.(c\.)?(\d{2})", core)
    if m:
        a, b = int(m.group(2)), int(m.group(4))
        return {"year": int(m.group(1)), "period": f"{MONTH_ABBR[a - 1]}-{MONTH_ABBR[b - 1]}",
                "year_approx": approx or bool(m.group(3))}
    m = re.fullmatch(r"(\d{4}) \(to ([A-Z][a-z]{2}) \d+\)", core)
    if m:
        return {"year": int(m.group(1)), "period": f"Jan-{m.group(2)} (part)", "year_approx": approx}
    m = re.fullmatch(r"(\d{4})-(\d{2})", core)
    if m and 1 <= int(m.group(2)) <= 12:
        return {"year": int(m.group(1)), "period": f"as of {MONTH_ABBR[int(m.group(2)) - 1]}",
                "year_approx": approx}
    m = re.fullmatch(r"(?:to (?:end-)?)(\d{4})", core)
    if m:
        return {"year": int(m.group(1)), "period": "as of end", "year_approx": approx}
    m = re.fullmatch(r"(\d{4})(?:-\d{2})?(?:-|\.\.)(\d{4})(?:-(\d{2}))?", core)
    if m:
        end = int(m.group(2))
        return {"year": end, "period": f"span {t[2:] if approx else t}", "year_approx": approx}
    m = re.fullmatch(r"(\d{4}) \(.*\)", core)
    if m:
        return {"year": int(m.group(1)), "period": "year", "year_approx": True}
    return None


# unit text in the facts tables -> (multiplier to base units, base unit)
def parse_fact_unit(unit: str) -> tuple[float, str, str]:
    """Multiplier, base unit and qualifier of a facts `unit` text.

    '100 million RMB (亿元)' -> (1e8, 'CNY'); '10 thousand RMB (万元)' -> (1e4, 'CNY');
    '10 thousand ... visits (万人次)' -> (1e4, 'visits'); '10 thousand m2' -> (1e4, 'm2');
    'percent' -> (0.01, 'fraction'); counts (crews, firms, companies, ...) -> (1, 'count');
    'persons'/'jobs' -> (1, 'persons'). Qualifier: 'lower bound', 'upper bound', 'approx.' or ''.
    A trailing 'per day' / 'per year' is appended to the base unit.
    """
    u = str(unit)
    low = u.lower()
    qual = "lower bound" if "lower bound" in low else "upper bound" if "upper bound" in low else (
        "approx." if "approx" in low else "")
    if "亿元" in u or "100 million rmb" in low:
        mult, base = 1e8, "CNY"
    elif "万元" in u or "10 thousand rmb" in low:
        mult, base = 1e4, "CNY"
    elif low.startswith("billion rmb"):
        mult, base = 1e9, "CNY"
    elif low.startswith("million rmb"):
        mult, base = 1e6, "CNY"
    elif "万人次" in u or "visits" in low:
        mult, base = 1e4, "visits"
    elif "万平方米" in u or "10 thousand m2" in low:
        mult, base = 1e4, "m2"
    elif low.startswith("km2"):
        mult, base = 1.0, "km2"
    elif low.startswith("percent y/y"):
        mult, base = 0.01, "fraction y/y"
    elif low.startswith("percent"):
        mult, base = 0.01, "fraction"
    elif low.startswith("index"):
        mult, base = 1.0, "index"
    elif low.startswith(("persons", "jobs")):
        mult, base = 1.0, "persons"
    elif "万" in u or "亿" in u:
        raise ValueError(f"unhandled scaled unit {unit!r}")
    else:
        mult, base = 1.0, "count"
    if "per day" in low:
        base += " per day"
    elif "per year" in low and base == "CNY":
        base += " per year"
    return mult, base, qual
