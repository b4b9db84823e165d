"""Hand-checked cases for lib/scenario.py (the what-if model of notebook 04)."""
import numpy as np
import pandas as pd
import pytest

from lib import scenario as sc


def test_share_intensity_roundtrip_by_hand():
    # s = 0.2 -> e = 0.2 / 0.8 = 0.25; e = 1 -> s = 0.5
    assert sc.intensity_from_share(0.2) == pytest.approx(0.25)
    assert sc.share_from_intensity(1.0) == pytest.approx(0.5)
    assert sc.share_from_intensity(sc.intensity_from_share(0.37)) == pytest.approx(0.37)
    with pytest.raises(ValueError):
        sc.intensity_from_share(1.0)
    with pytest.raises(ValueError):
        sc.share_from_intensity(-0.1)


def test_cagr_by_hand():
    assert sc.cagr(100, 121, 2) == pytest.approx(0.10)
    assert np.isnan(sc.cagr(0, 121, 2))
    assert np.isnan(sc.cagr(100, 121, 0))


def test_home_path_zero_growth_is_flat():
    h = sc.home_path(50.0, 0.0, 2024, 2027)
    assert list(h.index) == [2024, 2025, 2026, 2027]
    assert (h == 50.0).all()


def test_home_path_growth_by_hand():
    h = sc.home_path(100.0, 0.1, 2024, 2026)
    assert h.to_list() == pytest.approx([100.0, 110.0, 121.0])
    with pytest.raises(ValueError):
        sc.home_path(100.0, -1.0, 2024, 2026)


def test_horizon_equal_to_base_year_gives_one_observed_point():
    s = sc.target_share_path(0.05, 0.5, 2024, 2024)
    h = sc.home_path(80.0, 0.07, 2024, 2024)
    p = sc.project(h, s)
    assert len(p) == 1
    assert p.loc[0, "share"] == 0.05            # the base is observed, the target cannot be reached in 0 years
    assert p.loc[0, "overseas"] == pytest.approx(80.0 * 0.05 / 0.95)
    with pytest.raises(ValueError):
        sc.years(2024, 2023)


def test_target_path_linear_by_hand():
    # 0.1 -> 0.3 over 4 years: +0.05 a year
    s = sc.target_share_path(0.1, 0.3, 2020, 2024)
    assert s.to_list() == pytest.approx([0.1, 0.15, 0.2, 0.25, 0.3])
    # reached in 2022, flat afterwards
    s = sc.target_share_path(0.1, 0.3, 2020, 2024, reach_year=2022)
    assert s.to_list() == pytest.approx([0.1, 0.2, 0.3, 0.3, 0.3])


def test_target_already_reached_holds_base_share():
    s = sc.target_share_path(0.4, 0.3, 2020, 2023)
    assert s.to_list() == [0.4, 0.4, 0.4, 0.4]
    s = sc.target_share_path(0.3, 0.3, 2020, 2022)
    assert s.to_list() == [0.3, 0.3, 0.3]


def test_trend_path_by_hand():
    # s0 = 0.2 (e0 = 0.25); overseas +10%, home 0%: e1 = 0.275, s1 = 0.275/1.275
    s = sc.trend_share_path(0.2, 0.10, 0.0, 2020, 2021)
    assert s.to_list() == pytest.approx([0.2, 0.275 / 1.275])
    # equal growth keeps the share constant
    s = sc.trend_share_path(0.2, 0.05, 0.05, 2020, 2030)
    assert np.allclose(s.to_numpy(), 0.2)


def test_project_money_by_hand():
    h = sc.home_path(100.0, 0.0, 2020, 2021)
    s = sc.target_share_path(0.0, 0.5, 2020, 2021)
    p = sc.project(h, s)
    assert p["overseas"].to_list() == pytest.approx([0.0, 100.0])   # s = 0.5 -> R = H
    assert p["total"].to_list() == pytest.approx([100.0, 200.0])
    with pytest.raises(ValueError):
        sc.project(h, sc.target_share_path(0.0, 0.5, 2020, 2022))


def test_log_volatility_by_hand_and_gaps():
    # log changes ln2, 0, ln2 -> mean 2ln2/3, sd = ln2 * sqrt(1/3)
    s = pd.Series([1.0, 2.0, 2.0, 4.0], index=[2010, 2011, 2012, 2013])
    assert sc.log_volatility(s) == pytest.approx(np.log(2) * np.sqrt(1 / 3))
    # constant growth: zero volatility
    assert sc.log_volatility(pd.Series([1.0, 2.0, 4.0], index=[1, 2, 3])) == pytest.approx(0.0)
    # a gap (2012 missing) breaks the chain: only 2010->2011 and 2013->2014 count
    g = pd.Series([1.0, 2.0, 4.0, 4.0], index=[2010, 2011, 2013, 2014])
    assert sc.log_volatility(g) == pytest.approx(np.std([np.log(2), 0.0], ddof=1))
    assert np.isnan(sc.log_volatility(pd.Series([1.0, 2.0], index=[1, 2])))


def _path():
    return sc.project(sc.home_path(100.0, 0.05, 2024, 2030), sc.target_share_path(0.05, 0.3, 2024, 2030))


def test_zero_volatility_gives_degenerate_fan():
    p = _path()
    d = sc.simulate(p, 0.0, 0.0, sc.draw_shocks(np.random.default_rng(1), 50, len(p)))
    assert d["overseas"].shape == (50, 7)
    assert np.allclose(d["overseas"], p["overseas"].to_numpy())
    f = sc.fan(d["overseas"], p["year"])
    assert np.allclose(f["q05"], f["q95"]) and np.allclose(f["q50"], p["overseas"])


def test_simulation_reproducible_with_seed_and_base_year_fixed():
    p = _path()
    a = sc.simulate(p, 0.3, 0.1, sc.draw_shocks(np.random.default_rng(42), 200, len(p)))
    b = sc.simulate(p, 0.3, 0.1, sc.draw_shocks(np.random.default_rng(42), 200, len(p)))
    c = sc.simulate(p, 0.3, 0.1, sc.draw_shocks(np.random.default_rng(43), 200, len(p)))
    assert np.array_equal(a["overseas"], b["overseas"])
    assert not np.array_equal(a["overseas"], c["overseas"])
    assert np.allclose(a["overseas"][:, 0], p["overseas"].iloc[0])        # base year is observed
    assert ((a["share"] > 0) & (a["share"] < 1)).all()
    # the band widens with the horizon
    f = sc.fan(a["overseas"], p["year"])
    width = (f["q95"] - f["q05"]).to_numpy()
    assert width[-1] > width[1] > 0


def test_simulation_median_tracks_path():
    p = _path()
    d = sc.simulate(p, 0.2, 0.0, sc.draw_shocks(np.random.default_rng(0), 4000, len(p)))
    med = np.median(d["intensity"][:, -1])
    assert med == pytest.approx(p["intensity"].iloc[-1], rel=0.05)


def test_log_change_correlation_by_hand():
    # log changes: a = (ln 2, ln 2, 0, -ln 2) in 2001..2004, b the reverse sign -> correlation -1
    a = pd.Series([1.0, 2.0, 4.0, 4.0, 2.0], index=range(2000, 2005))
    b = pd.Series([8.0, 4.0, 2.0, 2.0, 4.0], index=range(2000, 2005))
    assert sc.log_change_correlation(a, b) == (pytest.approx(-1.0), 4)
    assert sc.log_change_correlation(a, a)[0] == pytest.approx(1.0)
    # a gap breaks the chain; only common consecutive steps count (2001 only) -> too few -> NaN
    r, n = sc.log_change_correlation(a.drop([2002, 2003]), b)
    assert np.isnan(r) and n == 1
    with pytest.raises(ValueError, match="positive"):
        sc.log_change_correlation(a - 2, b)


def test_correlated_shocks_give_the_stated_step_variance_of_overseas_revenue():
    # flat path, 1 step: Var(log R step) = σe² + σH² + 2ρσeσH; ρ = -1 with σe = σH cancels exactly
    p = sc.project(sc.home_path(100.0, 0.0, 2024, 2025), sc.target_share_path(0.2, 0.2, 2024, 2025))
    z = sc.draw_shocks(np.random.default_rng(3), 20000, len(p))
    for rho, expected in [(0.0, 0.3**2 + 0.2**2), (-0.5, 0.3**2 + 0.2**2 - 0.3 * 0.2), (0.5, 0.3**2 + 0.2**2 + 0.3 * 0.2)]:
        d = sc.simulate(p, 0.3, 0.2, z, rho=rho)
        step = np.log(d["overseas"][:, 1] / d["overseas"][:, 0])
        assert np.var(step) == pytest.approx(expected, rel=0.05)
    d = sc.simulate(p, 0.2, 0.2, z, rho=-1.0)
    assert np.allclose(d["overseas"][:, 1], p["overseas"].iloc[1])
    # the home walk does not depend on rho
    assert np.array_equal(sc.simulate(p, 0.3, 0.2, z, rho=0.7)["home"], sc.simulate(p, 0.3, 0.2, z)["home"])
    with pytest.raises(ValueError, match="outside"):
        sc.simulate(p, 0.3, 0.2, z, rho=1.5)


def test_fan_quantiles_by_hand():
    draws = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]])
    f = sc.fan(draws, [2020, 2021], quantiles=(0.0, 0.5, 1.0))
    assert list(f.columns) == ["year", "q00", "q50", "q100"]
    assert f["q50"].to_list() == [2.0, 20.0]


def test_tornado_by_hand():
    def model(a, b):
        return 10 * a + b
    t = sc.tornado(model, {"a": 1.0, "b": 0.0}, {"a": (0.5, 2.0), "b": (-1.0, 1.0)})
    assert t["parameter"].to_list() == ["a", "b"]            # swing 15 > 2
    assert t.loc[0, "outcome_low"] == 5.0 and t.loc[0, "outcome_high"] == 20.0
    assert t.loc[1, "swing"] == 2.0 and (t["base_outcome"] == 10.0).all()
    with pytest.raises(KeyError):
        sc.tornado(model, {"a": 1.0, "b": 0.0}, {"c": (0, 1)})


def test_grade_evidence_rule():
    assert sc.grade_evidence(2, "regression", True) == "A"
    assert sc.grade_evidence(2, "regression", True, foreign_only=True) == "B"
    assert sc.grade_evidence(1, "regression", True) == "B"
    assert sc.grade_evidence(2, "regression", False) == "C"
    assert sc.grade_evidence(2, "comparative", True) == "B"
    assert sc.grade_evidence(2, "comparative", False) == "C"
    assert sc.grade_evidence(1, "comparative", True) == "C"
    assert sc.grade_evidence(1, "descriptive", True) == "C"
    assert sc.grade_evidence(1, "descriptive", False) == "D"
    assert sc.grade_evidence(3, "anecdotal", True) == "D"
    assert sc.grade_evidence(0, "regression", True) == "D"
    with pytest.raises(ValueError):
        sc.grade_evidence(1, "causal", True)


def test_national_intensity_by_hand_and_gaps():
    years_ = [2010, 2011, 2012]
    d = sc.national_intensity(pd.Series([10.0, 30.0, np.nan], index=years_),
                              pd.Series([100.0, 200.0, 300.0], index=years_),
                              pd.Series([0.5, 0.75, 0.5], index=years_))
    assert d["year"].to_list() == [2010, 2011]                  # 2012 has no export figure: dropped, not zero
    assert d["home"].to_list() == pytest.approx([50.0, 150.0])
    assert d["intensity"].to_list() == pytest.approx([0.2, 0.2])
    assert d["share"].to_list() == pytest.approx([0.2 / 1.2, 0.2 / 1.2])


def test_china_intensity_uses_first_release_total():
    cy = pd.DataFrame({"year": [2016, 2017], "overseas_revenue_cny": [38.25e8, 42.53e8],
                       "box_office_cny_first_release": [457.12e8, 559.11e8], "domestic_share": [0.5833, 0.5384]})
    d = sc.china_intensity(cy)
    assert d["intensity"].iloc[1] == pytest.approx(42.53 / (559.11 * 0.5384))


def test_scenario_paths_and_horizon_outcome_by_hand():
    specs = {"hold": ("hold", None), "trend": ("trend", 0.0), "target": ("target", 0.5)}
    p = sc.scenario_paths(specs, 100.0, 0.2, 0.0, 2020, 2022)
    last = p[p["year"] == 2022].set_index("scenario")
    assert last.loc["hold", "overseas"] == pytest.approx(25.0)     # e = 0.25, H = 100
    assert last.loc["trend", "overseas"] == pytest.approx(25.0)    # r = g = 0: unchanged
    assert last.loc["target", "overseas"] == pytest.approx(100.0)  # s = 0.5 -> R = H
    assert sc.horizon_overseas(100.0, 0.2, 0.0, 0.5, 2020, 2022, 2022) == pytest.approx(100.0)
    # zero growth and target already reached: the horizon equals the base
    assert sc.horizon_overseas(100.0, 0.6, 0.0, 0.5, 2020, 2030, 2030) == pytest.approx(150.0)
    with pytest.raises(ValueError):
        sc.scenario_paths({"x": ("boom", 1.0)}, 100.0, 0.2, 0.0, 2020, 2022)


def test_cumulative_overseas_by_hand():
    # H = 100 flat; share 0 -> 0.5 over 2 years: s = 0.25, 0.5 -> R = 100/3, 100; sum after base = 133.33
    assert sc.cumulative_overseas(100.0, 0.0, 0.0, 0.5, 2020, 2022, 2022) == pytest.approx(100 / 3 + 100)
    # horizon = base year: nothing earned after the base year
    assert sc.cumulative_overseas(100.0, 0.2, 0.05, 0.5, 2020, 2020, 2020) == 0.0
    # target already reached, zero growth: R stays at H·e0 = 25 for 3 years
    assert sc.cumulative_overseas(100.0, 0.2, 0.0, 0.1, 2020, 2023, 2023) == pytest.approx(75.0)


def test_grade_recommendation_counts_supports_only():
    ev = [dict(design="regression", direction="supports", foreign=True),
          dict(design="comparative", direction="supports", foreign=True),
          dict(design="regression", direction="qualifies", foreign=True)]
    g = sc.grade_recommendation(ev)
    assert g["grade"] == "B" and g["n_sources"] == 2 and g["design"] == "regression" and g["foreign_only"]
    ev.append(dict(design="descriptive", direction="against", foreign=False))
    assert sc.grade_recommendation(ev)["grade"] == "C"
    assert sc.grade_recommendation([dict(design="anecdotal", direction="supports")])["grade"] == "D"
    # an anecdote is not a second computed finding: one regression + one anecdote stays B, not A
    g = sc.grade_recommendation([dict(design="regression", direction="supports", foreign=False),
                                 dict(design="anecdotal", direction="supports", foreign=False)])
    assert g["grade"] == "B" and g["n_sources"] == 1
    assert sc.grade_recommendation([dict(design="anecdotal", direction="supports")] * 2)["n_sources"] == 2
    assert sc.grade_recommendation([])["grade"] == "D"
    with pytest.raises(ValueError):
        sc.grade_recommendation([dict(design="regression", direction="maybe")])


def test_common_shocks_make_equal_paths_give_equal_draws_and_one_year_model():
    hold = sc.project(sc.home_path(100.0, 0.05, 2024, 2030), sc.target_share_path(0.3, 0.3, 2024, 2030))
    reached = sc.project(sc.home_path(100.0, 0.05, 2024, 2030), sc.target_share_path(0.3, 0.1, 2024, 2030))
    z = sc.draw_shocks(np.random.default_rng(5), 100, len(hold))
    assert np.array_equal(sc.simulate(hold, 0.3, 0.1, z)["overseas"], sc.simulate(reached, 0.3, 0.1, z)["overseas"])
    one = sc.project(sc.home_path(100.0, 0.05, 2024, 2024), sc.target_share_path(0.3, 0.5, 2024, 2024))
    d = sc.simulate(one, 0.3, 0.1, sc.draw_shocks(np.random.default_rng(5), 10, 1))
    assert d["overseas"].shape == (10, 1) and np.allclose(d["overseas"], 100.0 * 0.3 / 0.7)
    with pytest.raises(ValueError):
        sc.simulate(hold, 0.3, 0.1, z[:, :, :3])
