"""Analysis frames for notebook 02 (mechanism), built from raw extracts and processed tables.

* `film_frame`    The Numbers (budget, first production company, genre, rating, runtime) joined to Box Office
                  Mojo 2010–2018 (domestic/foreign gross, distributor), one row per Mojo film.
* `coprod_frame`  TMDB 5000 films with their production countries (multi-country = a "global pipeline").
* `us_time_series` Los Angeles' share of US motion-picture employment and wages (QCEW) against the foreign
                  share of the grosses of films released in the US + Canada (Mojo yearly top-200 charts).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lib.parse import money, norm_title, runtime_minutes

# Treatment: the six major studios that were Motion Picture Association (MPAA) members in 2010–2018 (Disney,
# Paramount, Sony Pictures, 20th Century Fox, Universal, Warner Bros.), all headquartered in Los Angeles
# County (Burbank, Hollywood, Culver City, Century City, Universal City). Box Office Mojo distributor codes of
# their wide-release labels; their specialty labels are a separate list used as a robustness variant.
MAJORS = {"BV": "Disney (Buena Vista)", "WB": "Warner Bros.", "WB (NL)": "Warner Bros. (New Line)",
          "Uni.": "Universal", "Par.": "Paramount", "P/DW": "Paramount (DreamWorks)", "Sony": "Sony (Columbia)",
          "SGem": "Sony (Screen Gems)", "TriS": "Sony (TriStar)", "Fox": "20th Century Fox"}
MAJOR_SPECIALTY = {"FoxS": "Fox Searchlight", "SPC": "Sony Pictures Classics", "Focus": "Focus (Universal)",
                   "ParV": "Paramount Vantage", "ParC": "Paramount Classics"}
MAJORS_SOURCE = ("Motion Picture Association, member companies 2010–2018 (https://www.motionpictures.org/"
                 "who-we-are/); distributor codes as used by Box Office Mojo")

_CHART = re.compile(r"for (.+?) Movies")
RATINGS = ["G", "PG", "PG-13", "R", "NC-17", "Not Rated"]


def _from_chart(text):
    """The Numbers' shifted cells hold a chart name ('All Time Domestic Box Office for R Movies (Rank 1-100)'):
    the rating/genre is the phrase between 'for' and 'Movies'; plain values pass through."""
    if not isinstance(text, str):
        return None
    m = _CHART.search(text)
    return m.group(1).strip() if m else text.strip()


def clean_thenumbers(tn: pd.DataFrame) -> pd.DataFrame:
    """Parsed The Numbers rows: money in USD, runtime in minutes, release year, cleaned genre and rating.

    worldwide == domestic means no international figure was recorded: foreign_tn is NaN (missing, not zero).
    """
    out = pd.DataFrame({
        "tn_title": tn["title"],
        "tn_year": pd.to_datetime(tn["release_date"], format="%b %d, %Y", errors="coerce").dt.year,
        "budget_usd": tn["production_budget"].map(money),
        "domestic_tn": tn["domestic_gross"].map(money),
        "worldwide_tn": tn["worldwide_gross"].map(money),
        "runtime_min": tn["runtime"].map(runtime_minutes),
        "genre": tn["genre"].map(_from_chart),
        "rating": tn["MPAA_Rating"].map(_from_chart),
        "production_company": tn["production_company"],
    })
    out["genre"] = out["genre"].replace({"Genre Tracking": None})
    out["rating"] = out["rating"].where(out["rating"].isin(RATINGS))
    out["foreign_tn"] = (out["worldwide_tn"] - out["domestic_tn"]).where(out["worldwide_tn"] > out["domestic_tn"])
    out["key"] = tn["title"].map(norm_title)
    return out


def clean_bom(bom: pd.DataFrame) -> pd.DataFrame:
    """Box Office Mojo 2010–2018 films with the treatment flags (major, major incl. specialty labels)."""
    out = bom.rename(columns={"title": "bom_title", "domestic_gross": "domestic_bom",
                              "foreign_gross": "foreign_bom"}).copy()
    out["major"] = out["studio"].isin(list(MAJORS)).astype(int)
    out["major_or_specialty"] = out["studio"].isin(list(MAJORS) + list(MAJOR_SPECIALTY)).astype(int)
    out["key"] = out["bom_title"].map(norm_title)
    out["reissue_title"] = out["bom_title"].str.contains(r"re-?issue|re-?release", case=False, regex=True)
    return out


def join_films(tn: pd.DataFrame, bom: pd.DataFrame, max_gap: int = 3) -> pd.DataFrame:
    """One-to-one join on the normalised title, The Numbers' release year at most `max_gap` years before the
    Mojo year (closest first). A gap of two or more years, or a Mojo title saying re-issue/re-release, marks a
    re-release. Returns the matched films with the outcome and control columns used in notebook 02:

      foreign_share_bom = foreign / (domestic + foreign)  (Mojo; NaN if foreign missing)
      foreign_share_tn  = (worldwide − domestic) / worldwide  (The Numbers; NaN if no international figure)
      log_foreign_bom   = ln(foreign_bom), log_budget = ln(budget_usd)
    """
    pairs = bom.reset_index(names="bom_row").merge(tn.reset_index(names="tn_row"), on="key")
    pairs["gap"] = pairs["year"] - pairs["tn_year"]
    pairs = pairs[(pairs["gap"] >= 0) & (pairs["gap"] <= max_gap)]
    pairs = pairs.sort_values(["gap", "bom_row", "tn_row"])
    pairs = pairs.drop_duplicates("bom_row").drop_duplicates("tn_row")
    d = pairs.sort_values("bom_row").reset_index(drop=True)
    d["rerelease"] = ((d["gap"] >= 2) | d["reissue_title"]).astype(int)
    d["no_intl_bom"] = d["foreign_bom"].isna().astype(int)
    d["no_intl_tn"] = d["foreign_tn"].isna().astype(int)
    tot = d["domestic_bom"].fillna(0) + d["foreign_bom"]
    d["foreign_share_bom"] = (d["foreign_bom"] / tot).where(tot > 0)
    d["foreign_share_tn"] = (d["foreign_tn"] / d["worldwide_tn"]).where(d["worldwide_tn"] > 0)
    d["log_foreign_bom"] = np.log(d["foreign_bom"].where(d["foreign_bom"] > 0))
    d["log_foreign_tn"] = np.log(d["foreign_tn"].where(d["foreign_tn"] > 0))
    d["log_budget"] = np.log(d["budget_usd"].where(d["budget_usd"] > 0))
    d["genre"] = d["genre"].fillna("Unknown")
    d["rating"] = d["rating"].fillna("Unknown")
    return d


def film_frame(tn_raw: pd.DataFrame, bom_raw: pd.DataFrame) -> pd.DataFrame:
    return join_films(clean_thenumbers(tn_raw), clean_bom(bom_raw))


def coprod_frame(movies: pd.DataFrame, countries: pd.DataFrame, genres: pd.DataFrame) -> pd.DataFrame:
    """TMDB films with n_countries, multi_country (≥ 2 production countries), has_CHN / china_coprod (China plus
    at least one other country), first genre, and budget/revenue with TMDB's zeros as missing."""
    nc = countries.groupby("id")["iso_3166_1"].agg(lambda s: ";".join(s)).rename("countries")
    g0 = genres[genres["position"] == 0].set_index("id")["name"].rename("genre")
    d = movies.set_index("id").join(nc).join(g0).reset_index()
    d["countries"] = d["countries"].fillna("")
    d["n_countries"] = d["countries"].map(lambda s: len(s.split(";")) if s else 0)
    d["multi_country"] = (d["n_countries"] >= 2).astype(int)
    d["has_CHN"] = d["countries"].str.split(";").map(lambda c: "CN" in c).astype(int)
    d["has_US"] = d["countries"].str.split(";").map(lambda c: "US" in c).astype(int)
    d["china_coprod"] = ((d["has_CHN"] == 1) & (d["n_countries"] >= 2)).astype(int)
    d["budget_usd"] = d["budget"].where(d["budget"] > 0)
    d["revenue_usd"] = d["revenue"].where(d["revenue"] > 0)
    d["log_budget"] = np.log(d["budget_usd"])
    d["log_revenue"] = np.log(d["revenue_usd"])
    d["genre"] = d["genre"].fillna("Unknown")
    d["key"] = d["title"].map(norm_title)
    return d


def foreign_share_us_released(films: pd.DataFrame) -> pd.DataFrame:
    """Per chart year: Σ foreign / Σ worldwide over the top-200 films with a US + Canada gross (domestic > 0),
    i.e. films released in North America — overwhelmingly US films — and the same for films whose origin is
    identified as USA (origin_iso3, TMDB-based, which ends in 2016).

    A missing foreign gross counts as 0: for 95% of such released films worldwide equals domestic, and the
    others differ by less than USD 60,000 (re-release rounding), so the chart records no foreign gross."""
    f = films.assign(foreign=films["foreign_usd"].fillna(0))
    rel = f[f["domestic_usd"].fillna(0) > 0]
    a = rel.groupby("year").agg(foreign=("foreign", "sum"), world=("worldwide_usd", "sum"), n=("title", "size"))
    us = f[f["origin_iso3"] == "USA"].groupby("year").agg(foreign=("foreign", "sum"), world=("worldwide_usd", "sum"),
                                                          n_usa=("title", "size"))
    out = pd.DataFrame({"foreign_share_released": a["foreign"] / a["world"], "n_released": a["n"]})
    out = out.join(pd.DataFrame({"foreign_share_usa": us["foreign"] / us["world"], "n_usa": us["n_usa"]}))
    return out.reset_index()


def us_time_series(cluster_year: pd.DataFrame, films: pd.DataFrame, cluster: str = "Los Angeles metro"
                   ) -> pd.DataFrame:
    """Year frame: `cluster`'s share of US employment / wages / establishments and its employment LQ (QCEW,
    full years only), the 2016/17 break flag, joined to the foreign shares of `foreign_share_us_released`."""
    cy = cluster_year[(cluster_year["cluster"] == cluster) & (cluster_year["period"] == "year")]
    wide = cy.pivot_table(index="year", columns="indicator", values="value", aggfunc="first")
    keep = {"share_us_employment": "la_share_emp", "share_us_wages": "la_share_wages",
            "share_us_establishments": "la_share_estab", "location_quotient_employment": "la_lq",
            "employment_annual_mean": "la_employment"}
    wide = wide[[c for c in keep if c in wide]].rename(columns=keep)
    codes = cy.groupby("year")["area_code"].first().rename("area_code")
    out = wide.join(codes).reset_index()
    out["post2017"] = (out["year"] >= 2017).astype(int)
    return out.merge(foreign_share_us_released(films), on="year", how="left")
