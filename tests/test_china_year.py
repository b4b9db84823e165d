"""china_year: the stated conflict rule, unit and currency conversion, on hand-made inputs."""
from __future__ import annotations

import pandas as pd
import pytest

from lib.processed import china_year as cy


def cand(year, value_text, unit, status, order, title="t"):
    value, base = cy.to_base(value_text, unit)
    return {"year": year, "column": "box_office_cny", "value": value, "base_unit": base, "value_text": value_text,
            "unit": unit, "status": status, "source_title": title, "source_address": "a", "order": order}


def test_classify_markers():
    assert cy.classify("national_box_office_restated", "100 million RMB (亿元)") == "final"
    assert cy.classify("box_office_local", "billion CNY (revised)") == "final"
    assert cy.classify("national_box_office", "100 million RMB (亿元)", "'8.6亿左右' (approx.)") == "estimate"
    assert cy.classify("screens_total", "screens", "'9200多塊' (over 9,200)") == "estimate"
    assert cy.classify("x", "100 million RMB (亿元)", "", "yfs8.com (compiled list, unofficial)") == "estimate"
    assert cy.classify("domestic_films_box_office_prelim", "100 million RMB (亿元)") == "preliminary"
    assert cy.classify("box_office_local", "billion CNY (preliminary)") == "preliminary"
    assert cy.classify("national_box_office", "100 million RMB (亿元)", "+3.73% y/y; overseas") == "first_release"


def test_sig_digits():
    assert [cy.sig_digits(t) for t in ["642.66", "60079", "86300", "0.77", "14"]] == [5, 5, 3, 2, 2]


def test_conflict_rule_final_over_first_release_and_precision():
    c = pd.DataFrame([
        cand(2016, "457.12", "100 million RMB (亿元)", "first_release", 1, "gov.cn first release"),
        cand(2016, "49.2", "billion CNY (revised)", "final", 2),
        cand(2016, "492.83", "100 million RMB (亿元)", "final", 3, "restated"),
        cand(2018, "60.9", "billion CNY (rounded)", "first_release", 4),
        cand(2018, "609.76", "100 million RMB (亿元)", "first_release", 5),
        cand(2002, "9.5", "100 million RMB (亿元)", "estimate", 6),
        cand(2002, "9.2", "100 million RMB (亿元)", "first_release", 7),
    ])
    out = cy.resolve(c, ["year", "column"]).set_index("year")
    assert out.loc[2016, "value"] == pytest.approx(4.9283e10)          # restated beats first release
    assert out.loc[2016, "decided_by"] == "precision"                   # 492.83 vs 49.2 within `final`
    assert out.loc[2016, "n_candidates"] == 3 and "457.12" in out.loc[2016, "alternatives"]
    assert out.loc[2018, "value"] == pytest.approx(6.0976e10) and out.loc[2018, "decided_by"] == "precision"
    assert out.loc[2002, "value"] == pytest.approx(9.2e8) and out.loc[2002, "decided_by"] == "status"


def test_conflict_rule_agreement_then_order():
    c = pd.DataFrame([
        cand(2016, "41119", "screens", "first_release", 1),
        cand(2016, "41179", "screens", "first_release", 2),
        cand(2016, "41179", "count", "first_release", 3),
        cand(2017, "50776", "screens", "first_release", 5),
        cand(2017, "50777", "screens", "first_release", 4),
    ])
    out = cy.resolve(c, ["year", "column"]).set_index("year")
    assert out.loc[2016, "value"] == 41179 and out.loc[2016, "decided_by"] == "agreement"
    assert out.loc[2017, "value"] == 50777 and out.loc[2017, "decided_by"] == "order"


def test_cny_to_usd_hand_computed():
    # 642.66亿 CNY at 6.9 CNY per US$: 6.4266e10 / 6.9 = 9.313913e9 US$
    assert cy.cny_to_usd(cy.to_base("642.66", "100 million RMB (亿元)")[0], 6.9) == pytest.approx(9.3139130e9)


def test_build_on_tiny_raw(tmp_path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "wdi").mkdir()
    head = "indicator,year,value,unit,source_title,source_address,note\n"
    (tmp_path / "facts/facts_china.csv").write_text(head + "\n".join([
        "national_box_office,2016,457.12,100 million RMB (亿元),SAPPRFT first release,http://a,",
        "national_box_office_restated,2016,492.83,100 million RMB (亿元),restated,http://b,restated",
        "domestic_film_share_of_box_office,2016,58.33,percent,SAPPRFT,http://a,",
        "overseas_box_office_and_sales_of_chinese_films,2016,38.25,100 million RMB (亿元),SAPPRFT,http://a,",
        "admissions_urban,2016,13.72,100 million (亿人次),SAPPRFT,http://a,",
        "screens_total,2016-10,40000,screens,mid-year,http://c,",
    ]) + "\n", encoding="utf-8")
    (tmp_path / "facts/facts_crosscountry.csv").write_text(
        "indicator,iso3,year,value,unit,source_title,source_address,note\n"
        "screens,CHN,2016,41179,count,SAPPRFT,http://a,\nscreens,JPN,2016,3472,count,Eiren,http://j,\n",
        encoding="utf-8")
    (tmp_path / "wdi/wdi.csv").write_text("iso3,country,year,indicator,value\nCHN,China,2016,PA.NUS.FCRF,6.5\n",
                                          encoding="utf-8")
    out = cy.build(tmp_path, tmp_path)
    row = out["china_year.csv"].iloc[0]
    assert row["year"] == 2016 and row["box_office_cny"] == pytest.approx(4.9283e10)
    assert row["box_office_cny_first_release"] == pytest.approx(4.5712e10)
    assert row["box_office_usd"] == pytest.approx(4.9283e10 / 6.5)
    assert row["overseas_revenue_usd"] == pytest.approx(3.825e9 / 6.5)
    assert row["screens"] == 41179 and row["admissions"] == 1_372_000_000   # the 2016-10 snapshot is ignored
    assert row["domestic_share"] == pytest.approx(0.5833)
    assert row["imported_films_box_office_cny"] == pytest.approx(4.5712e10 * (1 - 0.5833))
    for name, df in out.items():
        cy.SCHEMAS[name].validate(df)
