"""Regression helpers that return tidy tables (one row per term).

Every fitting function returns ``(result, tidy)`` where ``tidy`` has the columns
``term, estimate, std_error, ci_low, ci_high, p, n, specification`` (TIDY_COLUMNS).

Standard errors (say which one in the notebook):
  * ``"HC1"``     heteroskedasticity-robust (White, with the n/(n−k) small-sample factor, Stata's `robust`);
  * ``"cluster"`` clustered by ``groups`` (Liang–Zeger with the G/(G−1)·(n−1)/(n−k) correction);
  * ``"HAC"``     Newey–West with Bartlett kernel and ``maxlags`` lags (time series);
  * ``"nonrobust"`` classical OLS.
Intervals are Wald intervals: estimate ± z_{1−α/2}·SE for GLM, ± t_{df}·SE for OLS (statsmodels' defaults).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats

TIDY_COLUMNS = ["term", "estimate", "std_error", "ci_low", "ci_high", "p", "n", "specification"]
COV_TYPES = ["nonrobust", "HC0", "HC1", "HC3", "cluster", "HAC"]


def newey_west_lags(n: int) -> int:
    """Newey–West (1994) rule of thumb: L = floor(4 · (n/100)^(2/9))."""
    return int(math.floor(4 * (n / 100) ** (2 / 9)))


def _cov_args(cov: str, groups=None, maxlags: int | None = None, n: int | None = None) -> dict:
    """statsmodels `fit` keyword arguments for one of COV_TYPES."""
    if cov not in COV_TYPES:
        raise ValueError(f"cov must be one of {COV_TYPES}, got {cov!r}")
    if cov == "cluster":
        if groups is None:
            raise ValueError("cov='cluster' needs groups")
        return {"cov_type": "cluster", "cov_kwds": {"groups": np.asarray(groups)}}
    if cov == "HAC":
        lags = maxlags if maxlags is not None else newey_west_lags(n or 0)
        return {"cov_type": "HAC", "cov_kwds": {"maxlags": int(lags)}}
    return {"cov_type": cov}


def tidy(res, specification: str = "", terms: Sequence[str] | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Tidy table of a fitted statsmodels result (OLS or GLM): one row per term (all, or `terms`)."""
    ci = res.conf_int(alpha=alpha)
    ci = pd.DataFrame(ci, index=res.params.index) if not isinstance(ci, pd.DataFrame) else ci
    out = pd.DataFrame({
        "term": res.params.index,
        "estimate": res.params.to_numpy(),
        "std_error": np.asarray(res.bse),
        "ci_low": ci.iloc[:, 0].to_numpy(),
        "ci_high": ci.iloc[:, 1].to_numpy(),
        "p": np.asarray(res.pvalues),
        "n": int(res.nobs),
        "specification": specification,
    })
    if terms is not None:
        out = out.set_index("term").loc[list(terms)].reset_index()
    return out[TIDY_COLUMNS]


def _fit(model, data: pd.DataFrame, cov: str, groups: str | None, maxlags: int | None):
    """Fit with the covariance `cov`; cluster groups are taken from the rows the model kept (missing dropped)."""
    rows = model.data.row_labels
    g = data.loc[rows, groups] if groups else None
    return model.fit(**_cov_args(cov, g, maxlags, len(rows)))


def ols(formula: str, data: pd.DataFrame, cov: str = "HC1", groups: str | None = None,
        maxlags: int | None = None, specification: str = "", terms: Sequence[str] | None = None):
    """OLS by formula with the chosen covariance; `groups` names the cluster column of `data`.

    Returns (statsmodels result, tidy table). Rows with missing values are dropped before fitting.
    """
    d = data.dropna(subset=[groups]) if groups else data
    res = _fit(smf.ols(formula, data=d), d, cov, groups, maxlags)
    return res, tidy(res, specification, terms)


def frac_logit(formula: str, data: pd.DataFrame, cov: str = "HC0", groups: str | None = None,
               specification: str = "", terms: Sequence[str] | None = None):
    """Fractional logit (Papke & Wooldridge 1996): GLM, binomial family, logit link, outcome in [0, 1].

    The quasi-likelihood is only correctly specified in the mean, so use robust (HC0) or clustered errors.
    Returns (result, tidy table of the logit coefficients).
    """
    d = data.dropna(subset=[groups]) if groups else data
    model = smf.glm(formula, data=d, family=sm.families.Binomial())
    if ((model.endog < 0) | (model.endog > 1)).any():
        raise ValueError("fractional logit needs an outcome in [0, 1]")
    res = _fit(model, d, cov, groups, None)
    return res, tidy(res, specification, terms)


def _logistic(z):
    return 1.0 / (1.0 + np.exp(-z))


def average_marginal_effects(res, terms: Sequence[str], binary: Sequence[str] = (), specification: str = "",
                             alpha: float = 0.05) -> pd.DataFrame:
    """Average marginal effects (AME) of a logit-link GLM on the mean, with delta-method errors.

    With Λ the logistic function, λ = Λ(1 − Λ), x_i the design row and b the coefficients:
      continuous term j:  AME_j = (1/n) Σ_i λ(x_i b) · b_j
                          ∂AME_j/∂b = (1/n) Σ_i λ(x_i b)(1 − 2Λ(x_i b)) x_i · b_j + (1/n) Σ_i λ(x_i b) · e_j
      binary term j:      AME_j = (1/n) Σ_i [Λ(x_i¹ b) − Λ(x_i⁰ b)], x_i¹ / x_i⁰ = x_i with column j set to 1 / 0
                          ∂AME_j/∂b = (1/n) Σ_i [λ(x_i¹ b) x_i¹ − λ(x_i⁰ b) x_i⁰]
      Var(AME_j) = g' V g with V the (robust/clustered) covariance of b used in the fit.
    The term must enter the model linearly (no interactions or transforms of it).
    """
    X = np.asarray(res.model.exog, dtype=float)
    names = list(res.model.exog_names)
    b = np.asarray(res.params, dtype=float)
    V = np.asarray(res.cov_params(), dtype=float)
    n = X.shape[0]
    z_crit = stats.norm.ppf(1 - alpha / 2)
    rows = []
    for term in terms:
        j = names.index(term)
        if term in binary:
            x1, x0 = X.copy(), X.copy()
            x1[:, j], x0[:, j] = 1.0, 0.0
            m1, m0 = _logistic(x1 @ b), _logistic(x0 @ b)
            ame = float(np.mean(m1 - m0))
            g = ((m1 * (1 - m1))[:, None] * x1 - (m0 * (1 - m0))[:, None] * x0).mean(axis=0)
        else:
            m = _logistic(X @ b)
            lam = m * (1 - m)
            ame = float(lam.mean() * b[j])
            g = ((lam * (1 - 2 * m))[:, None] * X).mean(axis=0) * b[j]
            g[j] += lam.mean()
        se = float(np.sqrt(g @ V @ g))
        zval = ame / se if se > 0 else np.nan
        rows.append({"term": term, "estimate": ame, "std_error": se, "ci_low": ame - z_crit * se,
                     "ci_high": ame + z_crit * se, "p": float(2 * stats.norm.sf(abs(zval))), "n": n,
                     "specification": specification})
    return pd.DataFrame(rows, columns=TIDY_COLUMNS)


# --- mediation --------------------------------------------------------------------------------------------

def _design(data: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    return np.column_stack([np.ones(len(data))] + [data[c].to_numpy(dtype=float) for c in columns])


def _lstsq(X, y):
    """OLS coefficients via the normal equations (X'X) b = X'y: far cheaper than an SVD for the bootstrap's many
    small fits; falls back to lstsq when X'X is singular (e.g. a dummy with no rows in a resample)."""
    try:
        return np.linalg.solve(X.T @ X, X.T @ y)
    except np.linalg.LinAlgError:
        return np.linalg.lstsq(X, y, rcond=None)[0]


def _mediation_arrays(XT: np.ndarray, m: np.ndarray, y: np.ndarray) -> dict:
    """Mediation quantities from arrays: XT = [1, T, C] (treatment in column 1), m the mediator, y the outcome."""
    a = _lstsq(XT, m)[1]
    XTM = np.column_stack([XT[:, :2], m, XT[:, 2:]])
    coef = _lstsq(XTM, y)
    direct, b = coef[1], coef[2]
    total = _lstsq(XT, y)[1]
    return {"a": a, "b": b, "indirect": a * b, "direct": direct, "total": total,
            "prop_mediated": a * b / total if total != 0 else np.nan}


def mediation_point(data: pd.DataFrame, treatment: str, mediator: str, outcome: str,
                    controls: Sequence[str] = ()) -> dict:
    """Product-of-coefficients mediation (Baron–Kenny / linear structural model), point estimates.

      M = a0 + a·T + C'γ + u                (path a: treatment -> mediator)
      Y = b0 + c'·T + b·M + C'δ + e         (path b and the direct effect c')
      Y = c0 + c·T + C'θ + v                (total effect c)
    indirect = a·b, direct = c', total = c (= a·b + c' exactly in OLS with the same sample and controls),
    proportion mediated = a·b / c. `controls` are numeric columns (dummy-code categories first).
    """
    XT = _design(data, [treatment, *controls])
    return _mediation_arrays(XT, data[mediator].to_numpy(float), data[outcome].to_numpy(float))


def mediation_bootstrap(data: pd.DataFrame, treatment: str, mediator: str, outcome: str,
                        controls: Sequence[str] = (), reps: int = 200, seed: int = 0,
                        cluster: str | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Percentile-bootstrap intervals for the mediation quantities of `mediation_point`.

    Resamples rows (or whole clusters when `cluster` names a column) with replacement, `reps` times, from
    numpy's default_rng(seed). Returns a tidy table (term = a, b, indirect, direct, total, prop_mediated;
    std_error = bootstrap standard deviation; p = two-sided bootstrap p, 2·min(share ≤ 0, share ≥ 0)).
    """
    cols = [treatment, mediator, outcome, *controls] + ([cluster] if cluster else [])
    d = data.dropna(subset=cols).reset_index(drop=True)
    XT = _design(d, [treatment, *controls])
    m, y = d[mediator].to_numpy(float), d[outcome].to_numpy(float)
    point = _mediation_arrays(XT, m, y)
    rng = np.random.default_rng(seed)
    if cluster:
        codes, uniq = pd.factorize(d[cluster], sort=True)
        members = [np.flatnonzero(codes == k) for k in range(len(uniq))]
    draws = []
    for _ in range(reps):
        if cluster:
            pick = rng.integers(0, len(members), len(members))
            idx = np.concatenate([members[k] for k in pick])
        else:
            idx = rng.integers(0, len(d), len(d))
        draws.append(_mediation_arrays(XT[idx], m[idx], y[idx]))
    boot = pd.DataFrame(draws)
    rows = []
    for term in ["a", "b", "indirect", "direct", "total", "prop_mediated"]:
        s = boot[term].dropna()
        p = 2 * min((s <= 0).mean(), (s >= 0).mean())
        rows.append({"term": term, "estimate": point[term], "std_error": float(s.std(ddof=1)),
                     "ci_low": float(s.quantile(alpha / 2)), "ci_high": float(s.quantile(1 - alpha / 2)),
                     "p": float(min(p, 1.0)), "n": len(d), "specification": f"bootstrap reps={reps} seed={seed}"})
    return pd.DataFrame(rows, columns=TIDY_COLUMNS)


# --- specification curve ----------------------------------------------------------------------------------

def spec_curve(data: pd.DataFrame, specs: Sequence[dict], fit: Callable[[pd.DataFrame, dict], pd.DataFrame]
               ) -> pd.DataFrame:
    """Run every specification and stack the results (Simonsohn, Simmons & Nelson 2020).

    Each spec is a dict with at least `name` and `sample` (a function data -> boolean mask); `fit(sub, spec)`
    returns a one-row tidy table (the coefficient of interest). Other keys of the spec (outcome, controls,
    sample label ...) are added as columns, so the curve can show which choices drive the estimate.
    Specs whose sample is too small to fit (fit raises ValueError/LinAlgError) are kept with NaN estimates.
    """
    rows = []
    for spec in specs:
        sub = data[spec["sample"](data)]
        try:
            row = fit(sub, spec).iloc[[0]].copy()
        except (ValueError, np.linalg.LinAlgError):
            row = pd.DataFrame([{c: np.nan for c in TIDY_COLUMNS}])
            row["n"] = len(sub)
        row["specification"] = spec["name"]
        for key, value in spec.items():
            if key not in ("name", "sample") and not callable(value):
                row[key] = value if not isinstance(value, (list, tuple)) else "+".join(map(str, value))
        rows.append(row)
    out = pd.concat(rows, ignore_index=True)
    return out.sort_values(["estimate", "specification"], na_position="first").reset_index(drop=True)
