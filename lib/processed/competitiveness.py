"""`competitiveness.csv`: international-competitiveness metrics per country × year (iso3, year, metric, value).

Built from china_year.csv, country_year.csv and, if present, films.csv (data/processed). Formulas are the
pure functions of lib/indicators.py (definitions in STUDY.md):

- export_intensity (CHN, 2008–2017): official overseas revenue of Chinese films (box office and sales) /
  national box office, both CNY. This is the convention of the published ratios (e.g. 2010: 35.17 / 101.72 =
  34.58%). export_intensity_domestic_films uses the domestic films' box office as denominator instead.
- domestic_share_box_office / domestic_share_admissions: national films' share of the home market (fraction),
  for every country with a published figure (China from china_year, others from country_year).
- tc_index_film (CHN): (X − M) / (X + M), X = overseas revenue, M = imported films' box office × r, with
  IMPORT_REVENUE_SHARE r = 0.25 by default: the share of box office remitted to foreign rights holders of
  revenue-sharing imports since the 2012 US–China film agreement (flat-fee imports receive a fixed price, so
  r is a simplification; the notebooks vary it). Years with overseas revenue (2008–2017).
- tc_index_ip (all WDI countries): the same index for charges for the use of intellectual property
  (receipts X, payments M, current US$): a broader, official trade-in-IP benchmark.
- From films.csv (one row per film of the yearly top-chart sample): ims_top_chart = a country's films'
  outside-home gross / the outside-home gross of all films of known origin in that year's sample
  (films of unknown origin have no defined home market and are left out of both); outside_home_share_top_chart
  = Σ outside-home gross / Σ worldwide gross of a country's films; n_films_top_chart = number of films;
  ims_sample_coverage (iso3 WLD) = share of the year's sample worldwide gross carried by films with known
  origin and home gross. IMS is written only for years with coverage >= MIN_IMS_COVERAGE (0.5): with origin
  known for a few films only, the shares would describe the matched films, not the market.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from lib.indicators import export_intensity, film_imports, ims, tc_index
from lib.processed import load as load_processed

IMPORT_REVENUE_SHARE = 0.25
MIN_IMS_COVERAGE = 0.5  # IMS only where films of known origin and home gross carry >= half the sample's gross
COLUMNS = ["iso3", "year", "metric", "value", "source"]
METRICS = ["export_intensity", "export_intensity_domestic_films", "domestic_share_box_office",
           "domestic_share_admissions", "tc_index_film", "tc_index_ip", "ims_top_chart",
           "outside_home_share_top_chart", "n_films_top_chart", "ims_sample_coverage"]


def _long(iso3, years, metric, values, source) -> pd.DataFrame:
    df = pd.DataFrame({"iso3": iso3, "year": np.asarray(years, dtype=int), "metric": metric,
                       "value": np.asarray(values, dtype=float), "source": source})
    return df[df["value"].notna()]


def china_metrics(cy: pd.DataFrame, revenue_share: float = IMPORT_REVENUE_SHARE) -> pd.DataFrame:
    """Export intensity and film TC index for China from china_year (rows without inputs are dropped)."""
    x = cy["overseas_revenue_cny"]
    m = film_imports(cy["imported_films_box_office_cny"], revenue_share)
    return pd.concat([
        _long("CHN", cy["year"], "export_intensity", export_intensity(x, cy["box_office_cny"]),
              "china_year: overseas_revenue_cny / box_office_cny"),
        _long("CHN", cy["year"], "export_intensity_domestic_films",
              export_intensity(x, cy["domestic_films_box_office_cny"]),
              "china_year: overseas_revenue_cny / domestic_films_box_office_cny"),
        _long("CHN", cy["year"], "tc_index_film", tc_index(x, m),
              f"china_year: (X - M) / (X + M), X = overseas_revenue_cny, M = imported_films_box_office_cny x "
              f"{revenue_share}"),
    ], ignore_index=True)


def share_metrics(cy_long: pd.DataFrame) -> pd.DataFrame:
    """Domestic (national films') share of the home market, by basis, from country_year."""
    s = cy_long[cy_long["indicator"].str.startswith("national_film_share_")]
    return _long(s["iso3"].to_numpy(), s["year"], s["indicator"].str.replace("national_film_share_",
                 "domestic_share_").to_numpy(), s["value"], "country_year: " + s["source"].to_numpy())


def ip_tc(cy_long: pd.DataFrame) -> pd.DataFrame:
    """TC index of IP charges: (receipts − payments) / (receipts + payments), WDI current US$."""
    w = cy_long[cy_long["indicator"].isin(["ip_receipts_usd", "ip_payments_usd"])]
    w = w.pivot_table(index=["iso3", "year"], columns="indicator", values="value").dropna().reset_index()
    return _long(w["iso3"].to_numpy(), w["year"], "tc_index_ip", tc_index(w["ip_receipts_usd"],
                 w["ip_payments_usd"]), "World Bank WDI: BX.GSR.ROYL.CD vs BM.GSR.ROYL.CD")


def film_metrics(films: pd.DataFrame) -> pd.DataFrame:
    """IMS, outside-home share and film count per origin country and year in the top-chart sample."""
    known = films["origin_iso3"].notna() & films["outside_home_usd"].notna() & films["worldwide_usd"].notna()
    f = films[known]
    cover = (films["worldwide_usd"].where(known, 0).groupby(films["year"]).sum()
             / films.groupby("year")["worldwide_usd"].sum())
    g = (f.groupby(["year", "origin_iso3"], sort=True)
         .agg(outside=("outside_home_usd", "sum"), worldwide=("worldwide_usd", "sum"), n=("title", "size"))
         .reset_index())
    g["ims"] = g.groupby("year", group_keys=False)["outside"].apply(ims)
    g["share"] = g["outside"] / g["worldwide"].where(g["worldwide"] > 0)
    g["ims"] = g["ims"].where(g["year"].map(cover) >= MIN_IMS_COVERAGE)
    src = "films.csv: yearly top-chart sample, films of known origin"
    iso, yr = g["origin_iso3"].to_numpy(), g["year"]
    return pd.concat([_long("WLD", cover.index, "ims_sample_coverage", cover.to_numpy(),
                            "films.csv: share of the sample's worldwide gross with known origin and home gross"),
                      _long(iso, yr, "ims_top_chart", g["ims"], src),
                      _long(iso, yr, "outside_home_share_top_chart", g["share"], src),
                      _long(iso, yr, "n_films_top_chart", g["n"], src)], ignore_index=True)


def build(raw: Path, processed: Path) -> dict[str, pd.DataFrame]:
    cy = load_processed("china_year.csv", processed)
    cl = load_processed("country_year.csv", processed)
    parts = [china_metrics(cy), share_metrics(cl), ip_tc(cl)]
    films_path = Path(processed) / "films.csv"
    if films_path.exists():
        parts.append(film_metrics(load_processed("films.csv", processed)))
    else:
        print("[data]   competitiveness: films.csv not found, IMS and outside-home shares skipped", flush=True)
    df = pd.concat(parts, ignore_index=True)[COLUMNS]
    return {"competitiveness.csv": df.sort_values(["iso3", "year", "metric"], kind="mergesort")
            .reset_index(drop=True)}


def _in_range(df: pd.DataFrame) -> pd.Series:
    """Shares and IMS in [0, 1], TC indexes in [−1, 1], export intensity ≥ 0, counts ≥ 1."""
    v, m = df["value"], df["metric"]
    tc = m.str.startswith("tc_index")
    share = m.str.startswith(("domestic_share", "ims", "outside_home"))  # includes ims_sample_coverage
    ok = np.where(tc, v.between(-1, 1), np.where(share, v.between(0, 1), v >= 0))
    return pd.Series(ok, index=df.index)


SCHEMAS = {
    "competitiveness.csv": pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
            "year": pa.Column(int, pa.Check.in_range(1960, 2025)),
            "metric": pa.Column(str, pa.Check.isin(METRICS)),
            "value": pa.Column(float),
            "source": pa.Column(str),
        },
        checks=[pa.Check(_in_range, error="metric value out of its range")],
        unique=["iso3", "year", "metric"], strict=True,
    )
}
SORT_KEYS = {"competitiveness.csv": ["iso3", "year", "metric"]}
