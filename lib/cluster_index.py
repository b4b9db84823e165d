"""A six-dimension composite index of cluster competitiveness (mirroring the structure of the Hengdian indexes:
cluster, development environment, influence, innovation, internationalization, prosperity).

Steps (rows = years, columns = indicators):
  1. direction: an indicator where "less is better" is negated, so larger always means stronger;
  2. normalisation: z_ij = (x_ij − min_i x_ij) / (max_i x_ij − min_i x_ij) in [0, 1] (lib.indicators.minmax);
  3. weights w_j over all indicators, Σ_j w_j = 1, by one of
       entropy  lib.indicators.entropy_weights (formula in STUDY.md),
       equal    w_j = 1/m,
       pca      w_j = v_j² with v the unit-length first eigenvector of the indicators' correlation matrix
                (the share of the first principal component's loading on indicator j);
  4. dimension score  D_id = 100 · Σ_{j∈d} w_j z_ij / Σ_{j∈d} w_j   (0–100),
     composite index  I_i  = 100 · Σ_j w_j z_ij = Σ_d W_d D_id / 100 · 100, W_d = Σ_{j∈d} w_j.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from lib.indicators import entropy_weights, minmax

DIMENSIONS = ["cluster", "development environment", "influence", "innovation", "internationalization",
              "prosperity"]
WEIGHTINGS = ["entropy", "equal", "pca"]


def oriented(x: pd.DataFrame, negative: list[str] | tuple = ()) -> pd.DataFrame:
    """Negate 'less is better' indicators so that a larger value always means stronger competitiveness."""
    out = x.astype(float).copy()
    for c in negative:
        out[c] = -out[c]
    return out


def equal_weights(x: pd.DataFrame) -> pd.Series:
    """w_j = 1/m for m indicators."""
    return pd.Series(1.0 / x.shape[1], index=x.columns)


def pca_weights(x: pd.DataFrame) -> pd.Series:
    """w_j = v_j², v the unit first eigenvector of the correlation matrix of x (complete rows needed).

    Squared loadings sum to 1 and do not depend on the eigenvector's sign. A constant column has no
    correlation and gets weight 0.
    """
    if x.isna().any().any():
        raise ValueError("pca_weights needs a complete matrix")
    sd = x.std(ddof=0)
    keep = sd[sd > 0].index
    if keep.empty:
        raise ValueError("every indicator is constant: no PCA weights")
    z = (x[keep] - x[keep].mean()) / sd[keep]
    corr = (z.T @ z) / len(z)
    vals, vecs = np.linalg.eigh(corr.to_numpy())
    v = vecs[:, np.argmax(vals)]
    w = pd.Series(0.0, index=x.columns)
    w[keep] = v**2
    return w / w.sum()


def weights(x: pd.DataFrame, method: str) -> pd.Series:
    """Indicator weights by `method` in WEIGHTINGS (computed on the min–max normalised matrix)."""
    z = minmax(x)
    if method == "entropy":
        return entropy_weights(x)
    if method == "equal":
        return equal_weights(z)
    if method == "pca":
        return pca_weights(z)
    raise ValueError(f"weighting must be one of {WEIGHTINGS}, got {method!r}")


def composite(x: pd.DataFrame, dimension_of: dict[str, str], method: str = "entropy",
              negative: list[str] | tuple = ()) -> tuple[pd.DataFrame, pd.Series]:
    """Dimension scores and the composite index (0–100) for the rows of x, and the indicator weights.

    `dimension_of` maps each column to one of DIMENSIONS. Returns (scores, w): scores has one column per
    dimension present plus `index`; w holds the indicator weights (sum 1).
    """
    unknown = {d for d in dimension_of.values() if d not in DIMENSIONS}
    if unknown:
        raise ValueError(f"unknown dimensions {sorted(unknown)}; allowed {DIMENSIONS}")
    missing = [c for c in x.columns if c not in dimension_of]
    if missing:
        raise ValueError(f"indicators without a dimension: {missing}")
    xo = oriented(x, negative)
    w = weights(xo, method)
    z = minmax(xo)
    scores = {}
    for d in DIMENSIONS:
        cols = [c for c in x.columns if dimension_of[c] == d]
        if not cols:
            continue
        wd = w[cols]
        scores[d] = 100 * (z[cols] @ wd) / wd.sum() if wd.sum() > 0 else 100 * z[cols].mean(axis=1)
    out = pd.DataFrame(scores, index=x.index)
    out["index"] = 100 * (z @ w)
    return out, w


def fill_interior(x: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Interpolation of interior gaps only (never extrapolated), linear in the index value (the year, so a row
    missing from the index is not mistaken for one step); returns (filled, was_filled mask)."""
    filled = x.astype(float).interpolate(method="index", limit_area="inside")
    return filled, x.isna() & filled.notna()
