"""`country_year.csv`: one row per country × year × indicator, value in base units, with its unit and source.

Inputs (data/raw): wdi/wdi.csv; facts/facts_crosscountry.csv; for China the resolved china_year values
(facts_china + facts_crosscountry, see china_year.py); kobis/annual.csv and bom_territory/territory_years.csv
when those extracts exist (written by other modules; skipped with a message if absent).

Indicators and units (unit column): WDI gdp_usd, gdp_per_capita_usd (USD), gdp_per_capita_ppp
(PPP_intl_USD), population (persons), fx_lcu_per_usd (LCU_per_USD), ip_receipts_usd, ip_payments_usd (USD);
facts box_office_local (CNY, JPY, EUR, GBP, KRW, INR: the country's currency), box_office_usd, admissions,
screens, films_produced, films_produced_all_types (count), national_film_share_box_office /
national_film_share_admissions (fraction; "percent" without a basis is read as box office for CHN, JPN, GBR,
IND, USA and as admissions for FRA, DEU, KOR, following each country's official statistic),
film_overseas_box_office_local, film_exports_usd, film_tv_exports_usd, global_box_office_usd (WLD),
international_box_office_usd (WLD, outside US + Canada); Box Office Mojo bom_tracked_gross_usd (sum of
tracked releases, not official national box office; year-to-date 2020 rows dropped).

Conflicting facts are resolved by the rule in china_year.py (final > first release > preliminary >
estimate; then precision, agreement, order); `status`, `n_candidates` and `definition` (the published unit
text of the chosen figure, e.g. "count (films agréés)") keep the choice visible. KOBIS rows count as
first releases except 2004–2007, which KOBIS itself covers only partly (status estimate). Definitions of
films_produced differ by country (see `definition`).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.processed.china_year import STATUS_RANK, candidates, china_candidates, resolve
from lib.raw import load as load_raw

WDI = {  # WDI code -> (indicator, unit)
    "NY.GDP.MKTP.CD": ("gdp_usd", "USD"),
    "NY.GDP.PCAP.CD": ("gdp_per_capita_usd", "USD"),
    "NY.GDP.PCAP.PP.CD": ("gdp_per_capita_ppp", "PPP_intl_USD"),
    "SP.POP.TOTL": ("population", "persons"),
    "PA.NUS.FCRF": ("fx_lcu_per_usd", "LCU_per_USD"),
    "BX.GSR.ROYL.CD": ("ip_receipts_usd", "USD"),
    "BM.GSR.ROYL.CD": ("ip_payments_usd", "USD"),
}
CROSS = {  # indicator in facts_crosscountry -> indicator here (shares are split by basis below)
    "box_office_local": "box_office_local", "box_office_usd": "box_office_usd", "admissions": "admissions",
    "screens": "screens", "films_produced": "films_produced", "films_produced_all_types": "films_produced_all_types",
    "national_film_share": "national_film_share", "film_overseas_box_office_local": "film_overseas_box_office_local",
    "film_exports_usd": "film_exports_usd", "film_tv_exports_usd": "film_tv_exports_usd",
    "global_box_office_usd": "global_box_office_usd", "international_box_office_usd": "international_box_office_usd",
}
CHINA = {  # china_year column -> indicator here (China comes from the resolved china_year candidates)
    "box_office_cny": "box_office_local", "admissions": "admissions", "screens": "screens",
    "feature_films_produced": "films_produced", "films_produced_all_types": "films_produced_all_types",
    "domestic_share": "national_film_share_box_office", "overseas_revenue_cny": "film_overseas_box_office_local",
}
SHARE_BASIS_DEFAULT = {"CHN": "box_office", "JPN": "box_office", "GBR": "box_office", "IND": "box_office",
                       "USA": "box_office", "USC": "box_office", "FRA": "admissions", "DEU": "admissions",
                       "KOR": "admissions"}
UNITS = ["USD", "CNY", "JPY", "EUR", "GBP", "KRW", "INR", "PPP_intl_USD", "persons", "LCU_per_USD", "count",
         "fraction"]
INDICATORS = sorted({i for i, _ in WDI.values()} | (set(CROSS.values()) - {"national_film_share"})
                    | {"national_film_share_box_office", "national_film_share_admissions", "bom_tracked_gross_usd"})
OUT = ["iso3", "year", "indicator", "value", "unit", "source", "status", "n_candidates", "definition"]


def share_basis(iso3: str, unit: str) -> str:
    """'percent of admissions' -> admissions; plain 'percent' -> the country's official basis."""
    if "admissions" in unit:
        return "national_film_share_admissions"
    if "box office" in unit:
        return "national_film_share_box_office"
    return f"national_film_share_{SHARE_BASIS_DEFAULT[iso3]}"


def wdi_rows(raw: Path) -> pd.DataFrame:
    w = load_raw("wdi/wdi.csv", raw)
    w = w[w["indicator"].isin(list(WDI))].copy()
    w["source"] = "World Bank, World Development Indicators (" + w["indicator"] + ")"
    w["definition"] = w["indicator"]
    w["unit"] = w["indicator"].map(lambda c: WDI[c][1])
    w["indicator"] = w["indicator"].map(lambda c: WDI[c][0])
    w = w[w["iso3"] != "TWN"]
    return w.assign(value=w["value"].astype(float), status="first_release", n_candidates=1)[OUT]


def cross_candidates(raw: Path) -> pd.DataFrame:
    """facts_crosscountry candidates (China only for indicators china_year does not cover)."""
    cc = load_raw("facts/facts_crosscountry.csv", raw)
    cc = cc[cc["indicator"].isin(list(CROSS))]
    cc = cc[~((cc["iso3"] == "CHN") & cc["indicator"].isin([k for k in CROSS if CROSS[k] in CHINA.values()
                                                             or k == "national_film_share"]))]
    frames = []
    for iso3, g in cc.groupby("iso3", sort=True):
        spec = {CROSS[i]: [i] for i in g["indicator"].unique()}
        c = candidates(g, spec, "facts_crosscountry")
        c["order"] += 100_000
        c["iso3"] = iso3
        frames.append(c)
    c = pd.concat(frames, ignore_index=True).rename(columns={"column": "indicator_out"})
    is_share = c["indicator_out"] == "national_film_share"
    c.loc[is_share, "indicator_out"] = [share_basis(i, u) for i, u in zip(c.loc[is_share, "iso3"],
                                                                         c.loc[is_share, "unit"])]
    return c


def china_rows(raw: Path) -> pd.DataFrame:
    c = china_candidates(raw)
    c = c[c["column"].isin(list(CHINA))].copy()
    c["indicator_out"] = c["column"].map(CHINA)
    c["iso3"] = "CHN"
    return c


def kobis_candidates(raw: Path) -> pd.DataFrame:
    """KOBIS annual totals for Korea (KRW sales, admissions, Korean films' admissions share), if extracted."""
    if not (Path(raw) / "kobis/annual.csv").exists():
        print("[data]   country_year: kobis/annual.csv not found, KOBIS skipped", flush=True)
        return pd.DataFrame()
    k = load_raw("kobis/annual.csv", raw)
    spec = [("total_sales", "box_office_local", "KRW"), ("total_audience", "admissions", "count"),
            ("kr_market_share", "national_film_share_admissions", "fraction")]
    rows = []
    for i, r in k.iterrows():
        for col, ind, base in spec:
            if col in k.columns and pd.notna(r[col]):
                rows.append({"iso3": "KOR", "year": int(r["year"]), "indicator_out": ind, "value": float(r[col]),
                             "base_unit": base, "value_text": f"{r[col]:.15g}", "unit": f"{base} (KOBIS {col})",
                             "status": "estimate" if r["year"] <= 2007 else "first_release",
                             "source_title": "KOBIS, Korean Film Council (KOFIC), annual market statistics",
                             "source_address": "https://www.kobis.or.kr/", "order": 200_000 + i})
    return pd.DataFrame(rows)


def bom_rows(raw: Path) -> pd.DataFrame:
    path = Path(raw) / "bom_territory/territory_years.csv"
    if not path.exists():
        print("[data]   country_year: bom_territory/territory_years.csv not found, skipped", flush=True)
        return pd.DataFrame(columns=OUT)
    b = load_raw("bom_territory/territory_years.csv", raw)
    b = b[~b["year_to_date"].astype(bool) & b["total_gross"].notna()]
    return pd.DataFrame({
        "iso3": b["iso3"], "year": b["year"].astype(int), "indicator": "bom_tracked_gross_usd",
        "value": b["total_gross"].astype(float), "unit": "USD",
        "source": "Box Office Mojo, yearly box office by territory (tracked releases)", "status": "first_release",
        "n_candidates": 1, "definition": "sum of tracked releases (not official national box office)"})[OUT]


def resolved_facts(raw: Path) -> pd.DataFrame:
    parts = [china_rows(raw), cross_candidates(raw), kobis_candidates(raw)]
    cands = pd.concat([p for p in parts if len(p)], ignore_index=True)
    chosen = resolve(cands, ["iso3", "year", "indicator_out"])
    return pd.DataFrame({
        "iso3": chosen["iso3"], "year": chosen["year"].astype(int), "indicator": chosen["indicator_out"],
        "value": chosen["value"], "unit": chosen["base_unit"], "source": chosen["source_title"],
        "status": chosen["status"], "n_candidates": chosen["n_candidates"].astype(int),
        "definition": chosen["unit"]})[OUT]


def build(raw: Path, processed: Path) -> dict[str, pd.DataFrame]:
    parts = [wdi_rows(raw), resolved_facts(raw), bom_rows(raw)]
    df = pd.concat([p for p in parts if len(p)], ignore_index=True)
    df = df.sort_values(["iso3", "year", "indicator"], kind="mergesort").reset_index(drop=True)
    return {"country_year.csv": df}


def _fractions_le_1(df: pd.DataFrame) -> pd.Series:
    return (df["unit"] != "fraction") | (df["value"] <= 1)


SCHEMAS = {
    "country_year.csv": pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
            "year": pa.Column(int, pa.Check.in_range(1960, 2025)),
            "indicator": pa.Column(str, pa.Check.isin(INDICATORS)),
            "value": pa.Column(float, pa.Check.ge(0)),
            "unit": pa.Column(str, pa.Check.isin(UNITS)),
            "source": pa.Column(str),
            "status": pa.Column(str, pa.Check.isin(list(STATUS_RANK))),
            "n_candidates": pa.Column(int, pa.Check.ge(1)),
            "definition": pa.Column(str),
        },
        checks=[pa.Check(_fractions_le_1, error="fraction above 1")],
        unique=["iso3", "year", "indicator"], strict=True,
    )
}
SORT_KEYS = {"country_year.csv": ["iso3", "year", "indicator"]}
