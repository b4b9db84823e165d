"""Composite index on a small hand-worked matrix (entropy, equal and PCA weights; dimensions; direction)."""
import math

import numpy as np
import pandas as pd
import pytest

from lib import cluster_index as ci

# 3 years x 2 indicators.
#   a = [1, 2, 3]    -> z = [0, .5, 1], p = [0, 1/3, 2/3], e_a = (1/3·ln 3 + 2/3·ln 1.5) / ln 3 = 0.579380
#   b = [10, 10, 40] -> z = [0, 0, 1],  p = [0, 0, 1],      e_b = 0
#   1 − e = [0.420620, 1] -> w = [0.296082, 0.703918]
X = pd.DataFrame({"a": [1.0, 2, 3], "b": [10.0, 10, 40]}, index=[2020, 2021, 2022])
E_A = (math.log(3) / 3 + 2 / 3 * math.log(1.5)) / math.log(3)
W_A = (1 - E_A) / ((1 - E_A) + 1)


def test_entropy_weights_hand_worked():
    assert E_A == pytest.approx(0.579380, abs=1e-6)
    w = ci.weights(X, "entropy")
    assert w["a"] == pytest.approx(W_A) and w["b"] == pytest.approx(1 - W_A)
    assert W_A == pytest.approx(0.296082, abs=1e-6)


def test_composite_dimensions_and_index():
    scores, w = ci.composite(X, {"a": "cluster", "b": "influence"}, "entropy")
    np.testing.assert_allclose(scores["cluster"], [0, 50, 100])
    np.testing.assert_allclose(scores["influence"], [0, 0, 100])
    np.testing.assert_allclose(scores["index"], [0, 50 * W_A, 100])
    assert list(scores.columns) == ["cluster", "influence", "index"]


def test_negative_indicator_is_reversed():
    scores, _ = ci.composite(X, {"a": "cluster", "b": "influence"}, "equal", negative=["a"])
    # a reversed: z_a = [1, .5, 0]; equal weights .5 each -> index = 50·z_a + 50·z_b
    np.testing.assert_allclose(scores["index"], [50, 25, 50])


def test_equal_and_pca_weights():
    np.testing.assert_allclose(ci.weights(X, "equal"), [0.5, 0.5])
    # a and b perfectly correlated, c uncorrelated with both: correlation matrix [[1,1,0],[1,1,0],[0,0,1]],
    # largest eigenvalue 2 with eigenvector (1, 1, 0)/√2 -> squared loadings (.5, .5, 0)
    y = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [2.0, 4, 6, 8], "c": [1.0, -1, -1, 1]})
    np.testing.assert_allclose(ci.weights(y, "pca"), [0.5, 0.5, 0.0], atol=1e-12)


def test_errors_and_interpolation():
    with pytest.raises(ValueError, match="unknown dimensions"):
        ci.composite(X, {"a": "cluster", "b": "fame"})
    with pytest.raises(ValueError, match="without a dimension"):
        ci.composite(X, {"a": "cluster"})
    with pytest.raises(ValueError, match="weighting"):
        ci.weights(X, "random")
    gaps = pd.DataFrame({"a": [np.nan, 1.0, np.nan, 3.0, np.nan]})
    filled, flag = ci.fill_interior(gaps)
    assert filled["a"].tolist()[1:4] == [1.0, 2.0, 3.0]
    assert math.isnan(filled["a"].iloc[0]) and math.isnan(filled["a"].iloc[4])  # never extrapolated
    assert flag["a"].tolist() == [False, False, True, False, False]
    # the step is the year, not the row: 2010 -> 1, 2014 -> 5 gives 2011 = 2 (row-linear would give 3)
    uneven = pd.DataFrame({"a": [1.0, np.nan, 5.0]}, index=[2010, 2011, 2014])
    assert ci.fill_interior(uneven)[0]["a"].iloc[1] == pytest.approx(2.0)
    with pytest.raises(ValueError, match="constant"):
        ci.weights(pd.DataFrame({"a": [1.0, 1.0, 1.0], "b": [2.0, 2.0, 2.0]}), "pca")
