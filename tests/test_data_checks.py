"""Hand-computed cases for lib/data_checks.py (tiny inline frames; no ../shared, no data/processed)."""
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest

from lib import data_checks as dc


def test_source_table_counts_files_and_caveats():
    mod = SimpleNamespace(SOURCE={"key": "k", "publisher": "P", "title": "T", "licence": "L",
                                  "files": ["k/a.csv", "k/b.csv"], "caveats": ["x", "y", "z"]})
    t = dc.source_table([mod])
    assert t.loc[0, "files"] == "a.csv, b.csv"
    assert (t.loc[0, "n_files"], t.loc[0, "n_caveats"]) == (2, 3)


def test_coverage_matrix_keeps_gap_years_as_nan():
    df = pd.DataFrame({"iso3": ["A", "A", "B"], "indicator": ["x", "x", "x"], "year": [2000, 2002, 2002],
                       "value": [1.0, np.nan, 5.0]})
    m = dc.coverage_matrix(df, ["iso3", "indicator"], range(2000, 2004))
    assert list(m.columns) == [2000, 2001, 2002, 2003]      # 2001 and 2003: nobody has data, still shown
    assert m.loc[("A", "x"), 2000] == 1.0
    assert np.isnan(m.loc[("A", "x"), 2002])                # a missing value is a gap, not 0
    assert m.loc[("B", "x"), 2002] == 1.0 and np.isnan(m.loc[("B", "x"), 2000])


def test_coverage_matrix_best_status_code_wins():
    df = pd.DataFrame({"k": ["a", "a"], "year": [2010, 2010], "value": [1.0, 2.0],
                       "status": ["estimate", "final"]})
    df["code"] = dc.status_codes(df["status"])
    m = dc.coverage_matrix(df, ["k"], [2010], code="code")
    assert m.loc["a", 2010] == 4.0


def test_china_year_long_takes_status_from_sidecar():
    cy = pd.DataFrame({"year": [2015, 2016], "box_office_cny": [4.4e10, 4.9e10], "screens": [np.nan, 41179]})
    src = pd.DataFrame({"year": [2016, 2015], "column": ["box_office_cny", "box_office_cny"],
                        "status": ["final", "estimate"]})
    long = dc.china_year_long(cy, src, ["box_office_cny", "screens"]).set_index(["indicator", "year"])
    assert long.loc[("box_office_cny", 2016), "code"] == 4
    assert long.loc[("box_office_cny", 2015), "code"] == 1
    assert long.loc[("screens", 2016), "code"] == 3          # not listed in the sidecar: plain figure
    assert np.isnan(long.loc[("screens", 2015), "value"])


def test_cluster_coverage_counts_distinct_indicators():
    cl = pd.DataFrame({"cluster": ["H", "H", "H", "L"], "year": [2019, 2019, 2021, 2019],
                       "indicator": ["a", "b", "a", "a"], "value": [1, 2, 3, np.nan]})
    m = dc.cluster_coverage(cl, range(2019, 2022))
    assert m.loc["H", 2019] == 2 and np.isnan(m.loc["H", 2020]) and m.loc["H", 2021] == 1
    assert "L" not in m.index                                 # only a missing value: no coverage


def test_period_kind():
    assert list(dc.period_kind(pd.Series(["year", "Jan-Aug", None]))) == ["year", "part / snapshot / span", "year"]


def test_tracking_ratio_hand_computed():
    t = dc.tracking_ratio(pd.Series({2012: 25.0, 2013: 90.0, 2014: 5.0}), pd.Series({2012: 250.0, 2013: 100.0}))
    assert list(t["year"]) == [2012, 2013]                    # 2014 has no official figure: dropped
    assert t["ratio"].tolist() == pytest.approx([0.1, 0.9])


def test_official_usd_prefers_published_usd():
    cy = pd.DataFrame({
        "iso3": ["IND"] * 5, "indicator": ["box_office_usd", "box_office_local", "box_office_local",
                                            "fx_lcu_per_usd", "fx_lcu_per_usd"],
        "year": [2013, 2013, 2019, 2013, 2019], "value": [1.54e9, 93.4e9, 115e9, 58.6, 70.0]})
    o = dc.official_usd(cy, "IND").set_index("year")
    assert o.loc[2013, "official"] == 1.54e9 and o.loc[2013, "method"] == "published USD"
    assert o.loc[2019, "official"] == pytest.approx(115e9 / 70.0)
    assert o.loc[2019, "method"] == "local / WDI FX"


def test_chart_china_presence():
    films = pd.DataFrame({
        "year": [2019, 2019, 2019, 2023],
        "worldwide_usd": [700e6, 150e6, 50e6, 8.9e6],
        "domestic_usd": [5e6, np.nan, 40e6, 0.1e6],
        "origin_iso3": ["CHN", None, "USA", None]})
    p = dc.chart_china_presence(films).set_index("year")
    assert p.loc[2019, "films"] == 3 and p.loc[2019, "chart_worldwide_usd"] == 900e6
    assert p.loc[2019, "chinese_films"] == 1 and p.loc[2019, "chinese_worldwide_usd"] == 700e6
    # 700M with 5M US (0.7 % <= 5 %) and 150M with no US gross are big no-US hits; 50M with 80 % US is not
    assert p.loc[2019, "big_no_us_films"] == 2
    assert p.loc[2023, "chinese_films"] == 0 and p.loc[2023, "big_no_us_films"] == 0


def test_kofic_admissions_filters_source_unit_and_year():
    f = pd.DataFrame({
        "indicator": ["admissions"] * 5 + ["screens"], "iso3": ["KOR"] * 4 + ["JPN", "KOR"],
        "year": ["2005", "2005", "2006", "2007-H1", "2005", "2005"],
        "value": [135, 145.52, 153.41, 80, 160, 1648],
        "unit": ["million admissions (estimate)", "million admissions", "million admissions",
                 "million admissions", "million admissions", "screens"],
        "source_title": ["KBS World Radio", "KOFIC summary", "KOFIC summary", "KOFIC", "Eiren", "KOFIC"]})
    k = dc.kofic_admissions(f)
    assert k.to_dict() == {2005: pytest.approx(145.52e6), 2006: pytest.approx(153.41e6)}


def test_qcew_break_differences():
    rows = []
    for y, e, s in [(2016, 129.7, 4850.0), (2017, 100.7, 5339.0)]:
        rows += [("LA", y, "employment_annual_mean", e, "year"), ("LA", y, "establishments", s, "year")]
    rows.append(("LA", 2017, "employment_annual_mean", 999.0, "Q1"))  # a quarter must not enter the year
    cl = pd.DataFrame(rows, columns=["cluster", "year", "indicator", "value", "period"])
    q = dc.qcew_break(cl, "LA", [2016, 2017]).set_index("year")
    assert q.loc[2017, "d_employment"] == pytest.approx(-29.0)
    assert q.loc[2017, "d_establishments"] == pytest.approx(489.0)


def test_restatement_growth_rates():
    cy = pd.DataFrame({"year": [2015, 2016, 2017], "box_office_cny": [440.69e8, 492.83e8, 559.11e8],
                       "box_office_cny_first_release": [440.69e8, 457.12e8, 559.11e8]})
    r = dc.restatement(cy, 2016).set_index("figure")
    assert r.loc["first published", "growth_2015_2016"] == pytest.approx(457.12 / 440.69 - 1)   # 3.73 %
    assert r.loc["used in china_year (restated)", "growth_2016_2017"] == pytest.approx(559.11 / 492.83 - 1)
    assert r.loc["first published", "growth_2016_2017"] == pytest.approx(559.11 / 457.12 - 1)


def test_unit_table_and_docstring_section():
    t = dc.unit_table({"x.csv": pd.DataFrame({"unit": ["USD", "USD", "count"], "indicator": ["a", "b", "c"]})})
    assert t.set_index("unit").loc["USD", "n_indicators"] == 2
    doc = "Title.\n\nConflict rule. Best wins:\n  1. final\n\nCaveats. none"
    assert dc.docstring_section(doc, "Conflict rule") == "Conflict rule. Best wins:\n  1. final"
    with pytest.raises(KeyError):
        dc.docstring_section(doc, "Missing")


def test_dtype_only_and_coercion():
    schema = pa.DataFrameSchema({"n": pa.Column("Int64", pa.Check.ge(0), nullable=True)})
    df = pd.DataFrame({"n": [1.0, np.nan]})                   # how a CSV with a gap reads back
    with pytest.raises(pa.errors.SchemaError):
        schema.validate(df)
    assert dc.valid_after_coercion(df, schema)
    assert not dc.valid_after_coercion(pd.DataFrame({"n": [-1.0]}), schema)   # a real value failure stays one
    rep = pd.DataFrame({"check": ["dtype('Int64')"]})
    assert dc.dtype_only(rep) and not dc.dtype_only(pd.DataFrame({"check": ["greater_than_or_equal_to(0)"]}))


def test_stable_from():
    r = pd.Series({2007: 0.68, 2008: 0.84, 2009: 0.18, 2013: 0.90, 2016: 0.82, 2019: 0.86})
    assert dc.stable_from(r, 0.8) == 2013                     # 2008 passes but 2009 falls back
    assert dc.stable_from(r, 0.85) == 2019
    assert dc.stable_from(r, 0.9) is None
