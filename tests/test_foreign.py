"""lib/foreign.py and lib/raw/timeline.py against hand-computed cases (tiny inline frames, no ../shared)."""
import math

import numpy as np
import pandas as pd
import pytest

from lib import foreign as fo
from lib.raw import timeline


def _cy(rows):
    cols = ["cluster", "year", "indicator", "value", "period", "scope"]
    return pd.DataFrame(rows, columns=cols)


def test_qcew_panel_full_years_private_only():
    cy = _cy([("A", 2010, "emp", 10.0, "year", fo.QCEW_SCOPE), ("B", 2010, "emp", 30.0, "year", fo.QCEW_SCOPE),
              ("A", 2011, "emp", 20.0, "year", fo.QCEW_SCOPE), ("A", 2025, "emp", 99.0, "Q1", fo.QCEW_SCOPE),
              ("B", 2011, "emp", 5.0, "year", "counties, private (own_code 5)")])
    p = fo.qcew_panel(cy, "emp", ["B", "A"])
    assert list(p.columns) == ["B", "A"] and list(p.index) == [2010, 2011]
    assert p.loc[2010, "B"] == 30.0 and math.isnan(p.loc[2011, "B"])  # other scope left out -> gap
    assert 2025 not in p.index  # partial year dropped


def test_wage_premium_panel_hand_case():
    w = pd.DataFrame({"United States": [1000.0, 2000.0], "LA": [1200.0, 1500.0]}, index=[2010, 2011])
    prem = fo.wage_premium_panel(w)
    np.testing.assert_allclose(prem["LA"], [0.2, -0.25])


def test_hhi_by_year_hand_case_and_suppressed_area():
    # shares 0.5/0.3/0.2 -> 0.25+0.09+0.04 = 0.38; second year one area suppressed: 60/40 -> 0.52
    p = pd.DataFrame({"a": [50.0, 60.0], "b": [30.0, 40.0], "c": [20.0, np.nan]}, index=[2010, 2011])
    h = fo.hhi_by_year(p)
    assert h.loc[2010, "hhi"] == pytest.approx(0.38) and h.loc[2011, "hhi"] == pytest.approx(0.52)
    assert h.loc[2011, "n_areas"] == 2 and h.loc[2010, "top_share"] == pytest.approx(0.5)
    one = fo.hhi_by_year(pd.DataFrame({"a": [5.0], "b": [np.nan]}, index=[2012]))
    assert math.isnan(one.loc[2012, "hhi"])  # a single disclosed area is no concentration measure


def test_shares_by_year_rows_sum_to_one():
    s = fo.shares_by_year(pd.DataFrame({"a": [1.0, 3.0], "b": [3.0, 1.0]}, index=[1, 2]))
    assert s.loc[1, "a"] == pytest.approx(0.25) and s.sum(axis=1).tolist() == pytest.approx([1.0, 1.0])


def test_change_and_period_mean():
    s = pd.Series([0.2, 0.4, 0.9], index=[2010, 2011, 2012])
    assert fo.change(s, 2010, 2012) == pytest.approx(0.7) and math.isnan(fo.change(s, 2009, 2012))
    assert fo.period_mean(s, 2010, 2011) == pytest.approx(0.3)


def test_foreign_share_by_year_hand_case():
    f = pd.DataFrame({"year": [2000, 2000, 2000, 2001],
                      "worldwide_usd": [100.0, 50.0, 10.0, 80.0],
                      "domestic_usd": [40.0, 50.0, np.nan, 20.0],  # NaN domestic = no US release
                      "origin_iso3": ["USA", "USA", None, "GBR"]})
    a = fo.foreign_share_by_year(f)
    # 2000: foreign = 60 + 0 + 10 = 70 of 160
    assert a.loc[2000, "foreign_share"] == pytest.approx(70 / 160)
    assert a.loc[2000, "films_with_foreign"] == 2 and a.loc[2000, "origin_coverage"] == pytest.approx(150 / 160)
    assert a.loc[2000, "foreign_tracked"] == pytest.approx(2 / 3)
    us = fo.foreign_share_by_year(f, "USA")
    assert us.loc[2000, "foreign_share"] == pytest.approx(60 / 150) and 2001 not in us.index
    with pytest.raises(ValueError, match="domestic gross above"):
        fo.foreign_share_by_year(pd.DataFrame({"year": [1], "worldwide_usd": [1.0], "domestic_usd": [5.0],
                                               "origin_iso3": [None]}))


def test_korea_shares_flag_and_top500():
    annual = pd.DataFrame({"year": [2007, 2008], "kr_market_share": [0.5, 0.4], "kr_audience": [50, 40],
                           "ovs_audience": [50, 60], "total_audience": [100, 100]})
    k = fo.korea_shares(annual)
    assert k.loc[2007, "incomplete"] and not k.loc[2008, "incomplete"]
    assert k.loc[2008, "computed_share"] == pytest.approx(0.4)
    top = pd.DataFrame({"rank": [1, 2, 3, 4], "year": [2004, 2004, 2007, 2008],
                        "production_main": ["Korea", "US", "Korea", "Korea"], "audience": [10, 30, 20, 20]})
    y = fo.top500_by_year(top)
    assert y.loc[2004, "titles_korean"] == 1 and y.loc[2004, "korean_title_share"] == pytest.approx(0.5)
    p = fo.top500_by_period(top, [2006])
    assert p["period"].tolist() == ["2004-2005", "2006-2008"]
    assert p.loc[0, "korean_admissions_share"] == pytest.approx(0.25) and p.loc[1, "korean_title_share"] == 1.0


def test_paris_locations_and_concentration():
    loc = pd.DataFrame({"year": [2020] * 4, "type": ["Long métrage", "Série TV", "Long métrage", "Série Web"],
                        "postcode": [75001.0, 75116.0, 75001.0, 93200.0],
                        "start": ["2020-01-01", "2020-01-01", "2020-01-05", "2020-02-01"],
                        "end": ["2020-01-03", "2020-01-01", "2020-01-05", "2020-02-01"],
                        "producer": ["Gaumont Télévision", "GAUMONT TELEVISION", "X", None]})
    d = fo.paris_locations(loc)
    assert d["days"].tolist() == [3, 1, 1, 1] and d["arrondissement"].tolist()[:3] == [1, 16, 1]
    assert pd.isna(d["arrondissement"].iloc[3])  # outside Paris
    assert fo.paris_days_by_type(d).loc[2020, "feature film"] == 4
    c = fo.paris_concentration(d, 1)
    # arrondissements 1,16,1 -> shares 2/3, 1/3 -> HHI 5/9; producers GAUMONT x2, X x1 (named only) -> 2/3
    assert c.loc[2020, "arrondissement_hhi"] == pytest.approx(5 / 9)
    assert c.loc[2020, "producer_top_share"] == pytest.approx(2 / 3) and c.loc[2020, "producers"] == 2
    assert fo.arrondissement_shares(d).to_dict() == pytest.approx({1: 2 / 3, 16: 1 / 3})


def test_paris_record_ending_before_it_starts_has_unknown_length():
    loc = pd.DataFrame({"year": [2021, 2021], "type": ["Long métrage"] * 2, "postcode": [75001.0, 75002.0],
                        "start": ["2021-03-10", "2021-03-10"], "end": ["2021-03-08", "2021-03-11"],
                        "producer": ["A", "B"]})
    d = fo.paris_locations(loc)
    assert pd.isna(d["days"].iloc[0]) and d["days"].iloc[1] == 2
    assert fo.paris_days_by_type(d).loc[2021, "feature film"] == 2   # not 2 + (-1)


def test_with_gap_years_marks_missing_years_as_nan():
    p = pd.DataFrame({"Film": [5.0, 7.0]}, index=[2015, 2018])
    g = fo.with_gap_years(p, 2015, 2018)
    assert list(g.index) == [2015, 2016, 2017, 2018] and g["Film"].isna().sum() == 2


def test_levers_from_timeline():
    ev = pd.DataFrame({"case": ["K", "K", "X"], "year": [2006, 1996, 2000],
                       "event": ["Screen quota halved, from July", "First festival (Busan): big", "other"]})
    assert fo.levers_from_timeline(ev, "K") == "1996: First festival; 2006: Screen quota halved"
    assert fo.short_event("A" * 70, max_len=10) == "A" * 9 + "…"
    assert fo.short_event("Tax relief starts; more text.") == "Tax relief starts"


def test_timeline_extract_and_checks(tmp_path):
    good = tmp_path / "f.csv"
    good.write_text("case,year,event,source_title,source_address,note\n"
                    "London / UK,2007,Tax relief starts for films,HM Treasury,https://x,\n"
                    "London / UK,2000,Council opens for film,BBC,https://y,n\n", encoding="utf-8")
    timeline.extract(tmp_path, tmp_path / "raw", facts=good)
    out = pd.read_csv(tmp_path / "raw" / timeline.FILE)
    assert out["year"].tolist() == [2000, 2007]
    timeline.SCHEMAS[timeline.FILE].validate(out)
    bad = tmp_path / "bad.csv"
    bad.write_text("case,year,event,source_title,source_address,note\n"
                   "London / UK,2007,Tax relief starts,,https://x,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="source_title"):
        timeline.read_facts(bad)
    bad.write_text("case,year,event,source_title,source_address,note\nMars,2007,x,y,https://z,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown case"):
        timeline.read_facts(bad)


def test_committed_timeline_file_is_valid():
    df = timeline.read_facts()
    assert set(df["case"]) == set(timeline.CASES)
    assert (df.groupby("case").size() >= 4).all()
