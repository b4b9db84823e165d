"""cluster_year builder: QCEW annualisation and flags, BFI shares, Paris/facts parsing, spot checks."""
import math

import pandas as pd
import pytest

from lib import paths
from lib.cluster_data import annualise, arrondissement, parse_fact_date, parse_fact_unit
from lib.processed import cluster_year as cy


def _q(fips, year, qtr, estabs, m1, m2, m3, wages, disc=None, lq=(2.0, 2.0, 2.0)):
    return {"area_fips": fips, "own_code": 5, "year": year, "qtr": qtr, "disclosure_code": disc,
            "qtrly_estabs_count": estabs, "month1_emplvl": m1, "month2_emplvl": m2, "month3_emplvl": m3,
            "total_qtrly_wages": wages, "lq_month1_emplvl": lq[0], "lq_month2_emplvl": lq[1],
            "lq_month3_emplvl": lq[2]}


MINI = pd.DataFrame([
    _q("06037", 2010, 1, 10, 100, 110, 120, 13_000), _q("06037", 2010, 2, 12, 130, 140, 150, 26_000),
    _q("06037", 2010, 3, 14, 100, 100, 100, 13_000), _q("06037", 2010, 4, 16, 90, 90, 90, 13_000, lq=(1, 2, 3)),
    _q("01001", 2010, 1, 2, 0, 0, 0, 0, disc="N"), _q("01001", 2010, 2, 2, 5, 5, 5, 650)])


def test_annualise_hand_computed():
    y = annualise(MINI).set_index("area_fips")
    la = y.loc["06037"]
    assert la["establishments"] == pytest.approx(13.0)               # (10+12+14+16)/4
    assert la["employment"] == pytest.approx(1320 / 12)              # 12 monthly levels sum to 1320
    assert la["total_wages"] == pytest.approx(65_000)
    assert la["avg_weekly_wage"] == pytest.approx(65_000 / 110 / 52)
    assert la["lq_employment"] == pytest.approx(2.0)                 # 11 x 2 + (1+2+3) over 12 = 2
    sup = y.loc["01001"]                                             # one suppressed quarter
    assert math.isnan(sup["employment"]) and math.isnan(sup["total_wages"])   # missing, not 0
    assert sup["establishments"] == 2 and sup["n_suppressed"] == 1 and sup["n_quarters"] == 2


def test_qcew_rows_flags_metro_change_and_2017_break():
    rows = []
    for fips, year in [("US000", 2017), ("C3110", 2012), ("C3108", 2013), ("06037", 2017), ("06037", 2015)]:
        rows += [_q(fips, year, q, 10, 100, 100, 100, 1300) for q in (1, 2, 3, 4)]
    rows += [_q("US000", y, q, 20, 200, 200, 200, 2600) for y in (2012, 2013, 2015) for q in (1, 2, 3, 4)]
    out = cy.qcew_rows(cy.qcew_area_years(pd.DataFrame(rows).assign(agglvl_code=0)))
    metro = out[out["cluster"] == "Los Angeles metro"]
    assert set(metro["area_code"]) == {"C3110", "C3108"} and metro["flag"].str.contains("metro_code").all()
    la = out[(out["cluster"] == "Los Angeles County") & (out["indicator"] == "employment_annual_mean")]
    assert la.set_index("year")["flag"].to_dict()[2017] == "break_2016_17" and pd.isna(
        la.set_index("year")["flag"][2015])
    share = out[(out["area_code"] == "06037") & (out["year"] == 2015) & (out["indicator"] == "share_us_employment")]
    assert share["value"].item() == pytest.approx(0.5)


def test_bfi_suppressed_turnover_gives_no_share():
    reg = pd.DataFrame([
        {"year": 2017, "sic": "59111", "measure": m, "region": r, "value": v}
        for m, r, v in [("Count", "London", "50"), ("Count", "South East", "10"), ("Count", "UK", "100"),
                        ("Turnover", "London", "..C"), ("Turnover", "South East", "5"), ("Turnover", "UK", "90")]]
        + [{"year": 2017, "sic": s, "measure": "Count", "region": r, "value": "0"}
           for s in ("59112", "59120") for r in ("London", "South East", "UK")])
    aps = pd.DataFrame({"sheet": ["Employment by region"], "year": [2017], "series": ["Film and video production"],
                        "value": ["64"]})
    out = cy.bfi_rows(reg, aps)
    ldn = out[(out["cluster"] == "London") & (out["scope"] == "production")]
    assert ldn.set_index("indicator")["value"].to_dict() == {"share_uk_enterprises": 0.5}   # turnover missing
    se = out[(out["cluster"] == "London + South East") & (out["indicator"] == "share_uk_employment")]
    assert se["value"].item() == pytest.approx(0.64)


def test_paris_arrondissement_and_fact_parsers():
    assert arrondissement("75116") == 16 and arrondissement("75001") == 1 and arrondissement("93500") is None
    assert parse_fact_date("2020") == {"year": 2020, "period": "year", "year_approx": False}
    assert parse_fact_date("2019-01..09")["period"] == "Jan-Sep"
    assert parse_fact_date("2022-01..08") == {"year": 2022, "period": "Jan-Aug", "year_approx": False}
    assert parse_fact_date("2017H1")["period"] == "H1" and parse_fact_date("2022Q2")["period"] == "Q2"
    assert parse_fact_date("c.2017") == {"year": 2017, "period": "year", "year_approx": True}
    assert parse_fact_date("2004-2020")["year"] == 2020
    assert parse_fact_date("H1 (year not stated, c.2021)") is None
    assert parse_fact_unit("100 million RMB (亿元)")[:2] == (1e8, "CNY")
    assert parse_fact_unit("10 thousand person-visits (万人次)")[:2] == (1e4, "visits")
    assert parse_fact_unit("count (crews), lower bound") == (1.0, "count", "lower bound")
    assert parse_fact_unit("percent")[:2] == (0.01, "fraction")


def test_hengdian_scopes_are_kept_apart():
    assert cy.fact_scope("Hengdian", "zone_operating_revenue", "") == "national experimental zone (实验区)"
    assert cy.fact_scope("Hengdian", "cluster_operating_revenue", "") == "cluster zone (集聚区)"
    assert cy.fact_scope("Hengdian", "film_tourism_revenue_cumulative", "") == "Hengdian Group / World Studios"
    assert cy.fact_scope("Hengdian", "operating_revenue", "(scope: 横店/实验区, not defined)").startswith("unspecified")


@pytest.fixture(scope="module")
def table():
    path = paths.PROCESSED / cy.FILE
    if not path.exists():
        pytest.skip("data/processed/cluster_year.csv not built")
    from lib.processed import load
    return load(cy.FILE)


def _get(t, cluster, year, indicator):
    r = t[(t["cluster"] == cluster) & (t["year"] == year) & (t["indicator"] == indicator)
          & (t["period"] == "year")]
    assert len(r) == 1, (cluster, year, indicator)
    return r["value"].item()


def test_spot_check_la_county_2010(table):
    """PROVENANCE check: private, LA County, 2010: ~100.9k of 197.6k US (51.0%), LQ ~16.8."""
    assert _get(table, "Los Angeles County", 2010, "employment_annual_mean") == pytest.approx(100_900, abs=100)
    assert _get(table, "United States", 2010, "employment_annual_mean") == pytest.approx(197_600, abs=100)
    assert _get(table, "Los Angeles County", 2010, "share_us_employment") == pytest.approx(0.510, abs=0.001)
    assert _get(table, "Los Angeles County", 2010, "location_quotient_employment") == pytest.approx(16.8, abs=0.2)


def test_processed_table_valid_and_keyed(table):
    cy.SCHEMAS[cy.FILE].validate(table.astype({c: "string" for c in cy.COLUMNS if c not in ("year", "value")}))
    assert not table.duplicated(cy.KEY).any()
    hd = table[table["cluster"] == "Hengdian"]
    assert hd["scope"].nunique() >= 3 and (table["unit"].isin(cy.UNITS)).all()
