"""Regression helpers against reference values: NIST's certified Longley results, hand-computed OLS,
statsmodels fitted directly (HAC, cluster), a fractional logit whose MLE is known in closed form, and
mediation identities."""
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from lib import regression as reg

# NIST StRD, Longley (1967) certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml
LONGLEY_B = {"Intercept": -3482258.63459582, "GNPDEFL": 15.0618722713733, "GNP": -0.358191792925910e-01,
             "UNEMP": -2.02022980381683, "ARMED": -1.03322686717359, "POP": -0.511041056535807e-01,
             "YEAR": 1829.15146461355}
LONGLEY_SE = {"Intercept": 890420.383607373, "GNPDEFL": 84.9149257747669, "GNP": 0.334910077722432e-01,
              "UNEMP": 0.488399681651699, "ARMED": 0.214274163161675, "POP": 0.226073200069370,
              "YEAR": 455.478499142212}


@pytest.fixture(scope="module")
def longley():
    return sm.datasets.longley.load_pandas().data


def test_ols_matches_nist_longley_certified_values(longley):
    res, t = reg.ols("TOTEMP ~ GNPDEFL + GNP + UNEMP + ARMED + POP + YEAR", longley, cov="nonrobust",
                     specification="longley")
    assert list(t.columns) == reg.TIDY_COLUMNS
    t = t.set_index("term")
    for term, b in LONGLEY_B.items():
        assert t.loc[term, "estimate"] == pytest.approx(b, rel=1e-7)
        assert t.loc[term, "std_error"] == pytest.approx(LONGLEY_SE[term], rel=1e-6)
    assert res.rsquared == pytest.approx(0.995479004577296, rel=1e-9)
    assert (t["n"] == 16).all() and (t["specification"] == "longley").all()


def test_ols_hand_computed_and_interval():
    # y = [1, 2, 2, 4], x = [0, 1, 2, 3]: Sxx = 5, Sxy = 4.5 -> slope 0.9, intercept 2.25 - 0.9*1.5 = 0.9
    # residuals [0.1, 0.2, -0.7, 0.4], SSR = 0.7, s² = 0.35, se(slope) = sqrt(0.35/5)
    d = pd.DataFrame({"y": [1.0, 2, 2, 4], "x": [0.0, 1, 2, 3]})
    _, t = reg.ols("y ~ x", d, cov="nonrobust", terms=["x"])
    se = np.sqrt(0.35 / 5)
    assert t.loc[0, "estimate"] == pytest.approx(0.9)
    assert t.loc[0, "std_error"] == pytest.approx(se)
    half = 4.302652729911275 * se  # t_{0.975, df=2}
    assert t.loc[0, "ci_low"] == pytest.approx(0.9 - half) and t.loc[0, "ci_high"] == pytest.approx(0.9 + half)


def test_hc1_hand_computed():
    # HC1 slope variance = n/(n-k) * Σ (x_i - x̄)² e_i² / Sxx² for a simple regression
    d = pd.DataFrame({"y": [1.0, 2, 2, 4], "x": [0.0, 1, 2, 3]})
    e = np.array([0.1, 0.2, -0.7, 0.4])
    xc = np.array([-1.5, -0.5, 0.5, 1.5])
    v = 4 / 2 * np.sum(xc**2 * e**2) / 5**2
    _, t = reg.ols("y ~ x", d, cov="HC1", terms=["x"])
    assert t.loc[0, "std_error"] == pytest.approx(np.sqrt(v))


def test_hac_matches_statsmodels_direct(longley):
    _, t = reg.ols("TOTEMP ~ GNP", longley, cov="HAC", maxlags=2, terms=["GNP"])
    direct = sm.OLS(longley["TOTEMP"], sm.add_constant(longley[["GNP"]])).fit(
        cov_type="HAC", cov_kwds={"maxlags": 2})
    assert t.loc[0, "std_error"] == pytest.approx(direct.bse["GNP"], rel=1e-12)
    assert t.loc[0, "p"] == pytest.approx(direct.pvalues["GNP"], rel=1e-10)
    assert reg.newey_west_lags(16) == 2 and reg.newey_west_lags(100) == 4


def test_cluster_uses_rows_kept_after_missing_values():
    rng = np.random.default_rng(1)
    d = pd.DataFrame({"x": rng.normal(size=60), "g": np.repeat(np.arange(12), 5)})
    d["y"] = 1 + 2 * d["x"] + rng.normal(size=60)
    d.loc[[3, 17, 40], "y"] = np.nan
    _, t = reg.ols("y ~ x", d, cov="cluster", groups="g", terms=["x"])
    kept = d.dropna()
    direct = sm.OLS(kept["y"], sm.add_constant(kept[["x"]])).fit(cov_type="cluster",
                                                                   cov_kwds={"groups": kept["g"]})
    assert t.loc[0, "n"] == 57
    assert t.loc[0, "std_error"] == pytest.approx(direct.bse["x"], rel=1e-12)
    with pytest.raises(ValueError, match="cov must be"):
        reg.ols("y ~ x", d, cov="robust")


def test_frac_logit_binary_regressor_closed_form():
    # With an intercept and one binary regressor the quasi-MLE reproduces the two group means:
    # b0 = logit(ȳ0), b1 = logit(ȳ1) − logit(ȳ0); AME of d = ȳ1 − ȳ0 exactly.
    d = pd.DataFrame({"y": [0.1, 0.3, 0.2, 0.6, 0.8, 0.7], "d": [0, 0, 0, 1, 1, 1]})
    res, t = reg.frac_logit("y ~ d", d, cov="HC0")
    logit = lambda p: np.log(p / (1 - p))  # noqa: E731
    t = t.set_index("term")
    assert t.loc["Intercept", "estimate"] == pytest.approx(logit(0.2), rel=1e-6)
    assert t.loc["d", "estimate"] == pytest.approx(logit(0.7) - logit(0.2), rel=1e-6)
    ame = reg.average_marginal_effects(res, ["d"], binary=["d"])
    assert ame.loc[0, "estimate"] == pytest.approx(0.5, rel=1e-6)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        reg.frac_logit("y ~ d", d.assign(y=d["y"] * 2))


def test_ame_matches_statsmodels_margeff():
    rng = np.random.default_rng(3)
    n = 400
    d = pd.DataFrame({"x": rng.normal(size=n), "t": rng.integers(0, 2, n)})
    d["y"] = 1 / (1 + np.exp(-(-0.5 + 0.8 * d["x"] + 0.6 * d["t"] + rng.normal(0, 0.5, n))))
    res, _ = reg.frac_logit("y ~ x + t", d, cov="HC0")
    mine = reg.average_marginal_effects(res, ["x", "t"], binary=["t"]).set_index("term")
    ref = res.get_margeff(at="overall", method="dydx", dummy=True).summary_frame()
    assert mine.loc["x", "estimate"] == pytest.approx(ref.loc["x", "dy/dx"], rel=1e-8)
    assert mine.loc["t", "estimate"] == pytest.approx(ref.loc["t", "dy/dx"], rel=1e-8)
    assert mine.loc["x", "std_error"] == pytest.approx(ref.loc["x", "Std. Err."], rel=1e-5)
    assert mine.loc["t", "std_error"] == pytest.approx(ref.loc["t", "Std. Err."], rel=1e-5)


def test_mediation_identity_and_bootstrap_determinism():
    rng = np.random.default_rng(5)
    n = 300
    d = pd.DataFrame({"t": rng.integers(0, 2, n).astype(float), "c": rng.normal(size=n)})
    d["m"] = 1 + 2 * d["t"] + 0.5 * d["c"] + rng.normal(size=n)
    d["y"] = 0.3 * d["t"] + 1.5 * d["m"] + rng.normal(size=n)
    p = reg.mediation_point(d, "t", "m", "y", ["c"])
    assert p["indirect"] + p["direct"] == pytest.approx(p["total"], rel=1e-10)  # OLS decomposition is exact
    assert p["indirect"] == pytest.approx(3.0, abs=0.4)
    b1 = reg.mediation_bootstrap(d, "t", "m", "y", ["c"], reps=30, seed=9)
    b2 = reg.mediation_bootstrap(d, "t", "m", "y", ["c"], reps=30, seed=9)
    pd.testing.assert_frame_equal(b1, b2)
    ind = b1.set_index("term").loc["indirect"]
    assert ind["ci_low"] < p["indirect"] < ind["ci_high"] and ind["n"] == n
    d["g"] = np.arange(n) % 10
    b3 = reg.mediation_bootstrap(d, "t", "m", "y", ["c"], reps=10, seed=9, cluster="g")
    assert b3.set_index("term").loc["indirect", "estimate"] == pytest.approx(p["indirect"])


def test_spec_curve_runs_every_spec_and_keeps_failures():
    d = pd.DataFrame({"y": [1.0, 2, 2, 4, 5, 7], "x": [0.0, 1, 2, 3, 4, 5], "late": [0, 0, 0, 1, 1, 1]})
    specs = [{"name": "all", "sample": lambda df: df["y"].notna(), "controls": []},
             {"name": "late", "sample": lambda df: df["late"] == 1, "controls": ["late"]},
             {"name": "none", "sample": lambda df: df["y"] > 100, "controls": []}]

    def fit(sub, spec):
        if len(sub) < 3:
            raise ValueError("too few rows")
        return reg.ols("y ~ x", sub, cov="nonrobust", terms=["x"])[1]

    out = reg.spec_curve(d, specs, fit)
    assert len(out) == 3 and out["estimate"].isna().sum() == 1
    assert out.set_index("specification").loc["late", "estimate"] == pytest.approx(1.5)
    assert out.set_index("specification").loc["late", "controls"] == "late"
