"""Competitiveness and concentration indicators (definitions in STUDY.md). Pure functions, no I/O.

Inputs may be scalars, numpy arrays or pandas Series; missing inputs give NaN, never a silent zero.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def safe_ratio(num, den):
    """num / den, NaN where den is 0, negative or missing (a ratio with no denominator is unknown, not infinite;
    every denominator in this study is a size, so a negative one is an error, not a sign flip)."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    return out.item() if out.ndim == 0 else out


def export_intensity(overseas_revenue, home_box_office):
    """Export intensity = overseas revenue of a country's films / their home-market box office."""
    return safe_ratio(overseas_revenue, home_box_office)


def outside_home_share(worldwide, home_gross):
    """Outside-home share of a film = (worldwide − home-market gross) / worldwide, in [0, 1]."""
    worldwide = np.asarray(worldwide, dtype=float)
    home = np.asarray(home_gross, dtype=float)
    if np.any(home > worldwide * (1 + 1e-9)):
        raise ValueError("home-market gross exceeds worldwide gross for at least one film")
    return safe_ratio(worldwide - home, worldwide)


def ims(outside_home_by_country: pd.Series) -> pd.Series:
    """International market share: each country's films' outside-home gross / the sample's total.

    `outside_home_by_country` is indexed by country (one sample, e.g. one year's top 200); the shares sum to 1.
    """
    total = outside_home_by_country.sum(min_count=1)
    if not total or np.isnan(total) or total <= 0:
        return outside_home_by_country * np.nan
    return outside_home_by_country / total


def tc_index(exports, imports):
    """Trade competitiveness index TC = (X − M) / (X + M), in [−1, 1]; NaN if both are zero or missing."""
    x = np.asarray(exports, dtype=float)
    m = np.asarray(imports, dtype=float)
    if np.any(x < 0) or np.any(m < 0):
        raise ValueError("exports and imports must be non-negative")
    return safe_ratio(x - m, x + m)


def film_imports(imported_box_office, revenue_share):
    """Payments to foreign rights holders M = imported films' box office × the share they receive."""
    if not 0 <= revenue_share <= 1:
        raise ValueError(f"revenue_share must be in [0, 1], got {revenue_share}")
    return np.asarray(imported_box_office, dtype=float) * revenue_share


def location_quotient(e_ri, e_r, e_i, e):
    """LQ = (e_ri / e_r) / (e_i / e): the region's industry share relative to the nation's."""
    return safe_ratio(safe_ratio(e_ri, e_r), safe_ratio(e_i, e))


def shares(values: pd.Series) -> pd.Series:
    """Each value's share of the total (NaN values are left out of the total)."""
    return values / values.sum(min_count=1)


def hhi(values) -> float:
    """Herfindahl–Hirschman index Σ s_k² of the shares s_k of `values` (0–1 scale; 1 = monopoly)."""
    v = pd.Series(values, dtype=float).dropna()
    if (v < 0).any():
        raise ValueError("HHI needs non-negative sizes")
    if v.sum() <= 0:
        return float("nan")
    s = v / v.sum()
    return float((s**2).sum())


def top_n_share(values, n: int) -> float:
    """Share of the total held by the n largest values."""
    v = pd.Series(values, dtype=float).dropna()
    return float(v.nlargest(n).sum() / v.sum()) if v.sum() > 0 else float("nan")


def wage_premium(area_avg_wage, reference_avg_wage):
    """Wage premium = area average wage / reference (e.g. US industry) average wage − 1."""
    return safe_ratio(area_avg_wage, reference_avg_wage) - 1


def minmax(x: pd.DataFrame) -> pd.DataFrame:
    """Min–max normalise each column to [0, 1]; a constant column becomes 0 (it carries no information)."""
    rng = x.max() - x.min()
    return (x - x.min()) / rng.where(rng > 0, 1.0)


def entropy_weights(x: pd.DataFrame) -> pd.Series:
    """Entropy weights of the columns of x (rows = units or years, columns = indicators).

    After min–max normalisation: p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij (0·ln 0 = 0),
    w_j = (1 − e_j) / Σ_j (1 − e_j). Rows with any missing value must be dropped or imputed before.
    """
    if x.isna().any().any():
        raise ValueError("entropy_weights needs a complete matrix (drop or impute missing values first)")
    n = len(x)
    if n < 2:
        raise ValueError("entropy_weights needs at least two rows")
    z = minmax(x)
    col_sum = z.sum()
    p = z / col_sum.where(col_sum > 0, 1.0)
    plogp = (p * np.log(p.where(p > 0, 1.0))).sum()
    e = -plogp / np.log(n)
    e = e.where(col_sum > 0, 1.0)  # a constant indicator has maximal entropy and gets no weight
    d = 1 - e
    if d.sum() <= 0:
        raise ValueError("every indicator is constant: no entropy weights")
    return d / d.sum()
