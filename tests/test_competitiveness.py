"""competitiveness: China's export intensity and TC index, shares, IP TC and IMS on tiny hand-computed frames."""
from __future__ import annotations

import pandas as pd
import pytest

from lib.processed import competitiveness as comp


def test_china_metrics_hand_computed():
    cy = pd.DataFrame({"year": [2010, 2014, 2020], "overseas_revenue_cny": [35.17e8, 18.7e8, None],
                       "box_office_cny": [101.72e8, 296.39e8, 204.17e8],
                       "domestic_films_box_office_cny": [57e8, None, 170.93e8],
                       "imported_films_box_office_cny": [40e8, 134.84e8, 33.24e8]})
    out = comp.china_metrics(cy).set_index(["year", "metric"])["value"]
    assert out[(2010, "export_intensity")] == pytest.approx(0.3457530)      # published 34.58%
    assert out[(2014, "export_intensity")] == pytest.approx(0.0630925)      # published 6.31%
    assert out[(2010, "export_intensity_domestic_films")] == pytest.approx(35.17 / 57)
    # TC, r = 0.25: X = 35.17, M = 10 -> (35.17 - 10) / (35.17 + 10) = 0.5572283
    assert out[(2010, "tc_index_film")] == pytest.approx(0.5572283)
    assert (2020, "export_intensity") not in out.index and (2014, "export_intensity_domestic_films") not in out.index
    half = comp.china_metrics(cy, revenue_share=0.5).set_index(["year", "metric"])["value"]
    assert half[(2010, "tc_index_film")] == pytest.approx((35.17 - 20) / (35.17 + 20))


def test_shares_and_ip_tc():
    cl = pd.DataFrame({"iso3": ["KOR", "KOR", "KOR", "JPN"], "year": [2016] * 4,
                       "indicator": ["national_film_share_admissions", "ip_receipts_usd", "ip_payments_usd",
                                     "national_film_share_box_office"],
                       "value": [0.537, 3.0, 1.0, 0.634], "source": ["KOFIC", "WB", "WB", "Eiren"]})
    s = comp.share_metrics(cl).set_index(["iso3", "metric"])["value"]
    assert s[("KOR", "domestic_share_admissions")] == 0.537 and s[("JPN", "domestic_share_box_office")] == 0.634
    ip = comp.ip_tc(cl)
    assert ip["value"].tolist() == [pytest.approx(0.5)] and ip["iso3"].tolist() == ["KOR"]


def test_film_metrics_ims_and_outside_home_share():
    films = pd.DataFrame({
        "title": ["a", "b", "c", "d", "e"], "year": [2019] * 5,
        "worldwide_usd": [100.0, 50.0, 40.0, 10.0, 5.0],
        "outside_home_usd": [60.0, 20.0, 4.0, 6.0, None],
        "origin_iso3": ["USA", "USA", "CHN", "GBR", "CHN"]})
    out = comp.film_metrics(films).set_index(["iso3", "metric"])["value"]
    # outside-home total of known films = 60 + 20 + 4 + 6 = 90
    assert out[("USA", "ims_top_chart")] == pytest.approx(80 / 90)
    assert out[("CHN", "ims_top_chart")] == pytest.approx(4 / 90)
    assert out[("CHN", "outside_home_share_top_chart")] == pytest.approx(4 / 40)   # film e has no outside gross
    assert out[("USA", "n_films_top_chart")] == 2
    assert out.xs("ims_top_chart", level="metric").sum() == pytest.approx(1.0)
    assert out[("WLD", "ims_sample_coverage")] == pytest.approx(200 / 205)


def test_ims_dropped_when_origin_coverage_is_low():
    films = pd.DataFrame({"title": ["a", "b", "c"], "year": [2018] * 3, "worldwide_usd": [10.0, 500.0, 400.0],
                          "outside_home_usd": [2.0, None, None], "origin_iso3": ["CHN", None, None]})
    out = comp.film_metrics(films)
    assert "ims_top_chart" not in set(out["metric"])                       # 10 / 910 < 0.5
    assert set(out["metric"]) == {"ims_sample_coverage", "outside_home_share_top_chart", "n_films_top_chart"}


def test_schema_rejects_out_of_range_tc():
    bad = pd.DataFrame({"iso3": ["CHN"], "year": [2010], "metric": ["tc_index_film"], "value": [1.5],
                        "source": ["x"]})
    with pytest.raises(Exception):
        comp.SCHEMAS["competitiveness.csv"].validate(bad)
