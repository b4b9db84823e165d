"""lib/current_state.py against hand-computed cases (tiny inline frames; no ../shared, no data/processed)."""
import math

import numpy as np
import pandas as pd
import pytest

from lib import current_state as cs


def _cy(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "indicator", "value"])


def test_growth_and_per_capita():
    # 2022 vs 2021 national box office 300.67 / 472.58 − 1 = −0.36377...
    assert cs.growth(472.58, 300.67) == pytest.approx(-0.363769, abs=1e-6)
    assert math.isnan(cs.growth(0, 5))
    # 90,968 screens / 1.41e9 people × 1e6 = 64.516 per million
    assert cs.per_capita(90968, 1.41e9) == pytest.approx(64.5163, rel=1e-5)
    np.testing.assert_allclose(cs.per_capita([10, 20], [1e6, np.nan], per=1), [1e-5, np.nan])


def test_market_usd_converts_local_and_falls_back_to_published():
    cy = _cy([
        ("CHN", 2020, "box_office_local", 700.0), ("CHN", 2020, "fx_lcu_per_usd", 7.0),
        ("CHN", 2021, "box_office_usd", 50.0),                      # no local figure -> published USD
        ("USC", 2020, "box_office_usd", 2.2),                       # USD market, no fx needed
        ("KOR", 2020, "box_office_local", 1100.0),                  # no KRW rate -> dropped, not guessed
    ])
    out = cs.market_usd(cy, ["CHN", "USC", "KOR"], 2020, 2021)
    got = {(r.iso3, r.year): (r.box_office_usd, r.method) for r in out.itertuples()}
    assert got[("CHN", 2020)] == (100.0, "local / WDI rate")
    assert got[("CHN", 2021)] == (50.0, "published USD")
    assert got[("USC", 2020)] == (2.2, "published USD")
    assert ("KOR", 2020) not in got and len(got) == 3


def test_tracking_coverage_and_break_years():
    cov = pd.Series(cs.tracking_coverage([10.0, 80.0, 95.0, np.nan], [100.0, 100.0, 100.0, 100.0]),
                    index=[2010, 2013, 2014, 2015])
    assert cov[2010] == pytest.approx(0.1)
    # 2010 below 0.5, 2015 unknown -> both not comparable
    assert cs.break_years(cov, 0.5) == [2010, 2015]


def test_national_films_home_gross_prefers_reported():
    got = cs.national_films_home_gross([100.0, 200.0], [0.6, 0.5], [55.0, np.nan])
    np.testing.assert_allclose(got, [55.0, 100.0])


def test_chart_by_origin_hand_case():
    films = pd.DataFrame({
        "title": ["a", "b", "c", "d"], "year": [2019] * 4,
        "worldwide_usd": [100.0, 50.0, 40.0, 10.0],
        "origin_iso3": ["USA", "CHN", "CHN", None],
        "outside_home_usd": [60.0, 5.0, np.nan, np.nan],   # film c: home gross unknown
    })
    g = cs.chart_by_origin(films, ["CHN", "USA"]).set_index("origin_iso3")
    # chart total 200: CHN 90/200 = 0.45, USA 100/200 = 0.5
    assert g.loc["CHN", "share_of_chart"] == pytest.approx(0.45)
    assert g.loc["USA", "share_of_chart"] == pytest.approx(0.5)
    # CHN outside-home share only over films with a known home gross: 5 / 50 = 0.1 (not 5 / 90)
    assert g.loc["CHN", "outside_home_share"] == pytest.approx(0.1)
    assert g.loc["CHN", "n_films"] == 2 and g.loc["CHN", "n_home_known"] == 1
    assert g.loc["USA", "outside_home_share"] == pytest.approx(0.6)


def test_top_films_outside_home_share():
    films = pd.DataFrame({"title": ["x", "y", "z"], "year": [2017, 2019, 2019],
                          "worldwide_usd": [870.0, 700.0, 30.0], "origin_iso3": ["CHN", "CHN", "USA"],
                          "outside_home_usd": [16.0, 7.0, 20.0], "origin_method": ["m"] * 3})
    t = cs.top_films(films, "CHN", 1)
    assert list(t["title"]) == ["x"]
    assert t.loc[0, "home_usd"] == pytest.approx(854.0)
    assert t.loc[0, "outside_home_share"] == pytest.approx(16 / 870)


def test_tc_grid_and_breakeven():
    # X = 20, imported box office 100: s = 0.25 -> M = 25, TC = (20-25)/45 = -0.1111; s = 0.1 -> M = 10, TC = 1/3
    g = cs.tc_grid([2015, 2016], np.array([20.0, np.nan]), np.array([100.0, 100.0]), [0.1, 0.25])
    assert len(g) == 2  # 2016 dropped: exports unknown
    tc = g.set_index("revenue_share")["tc"]
    assert tc[0.25] == pytest.approx(-5 / 45)
    assert tc[0.1] == pytest.approx(1 / 3)
    assert cs.breakeven_share(20.0, 100.0) == pytest.approx(0.2)
    with pytest.raises(ValueError):
        cs.tc_grid([2015], np.array([1.0]), np.array([1.0]), [1.2])


def test_latest_and_trend():
    df = pd.DataFrame({"iso3": ["CHN"] * 4 + ["KOR"] * 2, "metric": ["m"] * 6,
                       "year": [2010, 2011, 2012, 2013, 2010, 2012], "value": [1.0, 2.0, 3.0, np.nan, 5.0, 4.0]})
    t = cs.latest_and_trend(df, ["iso3", "metric"], 2010, 2013).set_index("iso3")
    assert t.loc["CHN", "latest_year"] == 2012 and t.loc["CHN", "latest_value"] == 3.0  # NaN 2013 skipped
    assert t.loc["CHN", "trend_per_year"] == pytest.approx(1.0)
    assert math.isnan(t.loc["KOR", "trend_per_year"])  # two points: no trend


def test_cluster_inventory_prefers_latest_full_year():
    cl = pd.DataFrame({
        "cluster": ["H", "H", "H", "X"], "iso3": ["CHN"] * 4, "year": [2020, 2022, 2022, 2019],
        "indicator": ["cluster_operating_income", "cluster_operating_revenue", "zone_operating_revenue",
                      "crews_received"],
        "value": [1.0, 2.0, 3.0, 4.0], "unit": ["CNY"] * 3 + ["count"],
        "period": ["year", "year", "Jan-Sep", "H1"], "scope": ["s"] * 4, "qualifier": [None] * 4,
        "source": ["a", "b", "c", "d"]})
    inv = cs.cluster_inventory(cl, ["H", "X"])
    h = inv[inv["cluster"] == "H"].iloc[0]
    assert (h["category"], h["year"], h["value"], h["source"]) == ("revenue", 2022, 2.0, "b")
    assert list(inv["category"]) == ["revenue", "crews hosted"]
    assert cs.categorise("cluster_taxes") is None and cs.categorise("tourists") == "visitors"
    assert cs.categorise("cluster_above_size_firms_revenue") == "revenue"  # revenue wins over firms
    assert cs.categorise("cluster_operating_revenue_growth") is None
    assert cs.categorise("cluster_key_projects_investment_planned") is None


def test_plain_scope():
    assert cs.plain_scope("cluster zone (集聚区)") == "cluster zone"
    assert cs.plain_scope("unspecified (source does not define)") == "unspecified"
    assert cs.plain_scope(float("nan")) == "unspecified"
    assert cs.plain_scope("Hengdian Group / World Studios") == "Hengdian Group / World Studios"
