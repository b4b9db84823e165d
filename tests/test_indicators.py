"""Indicator formulas against hand-computed cases."""
import math

import numpy as np
import pandas as pd
import pytest

from lib import indicators as ind


def test_export_intensity_hand_case_and_zero_denominator():
    assert ind.export_intensity(35.17, 101.72) == pytest.approx(0.345753, rel=1e-5)
    assert math.isnan(ind.export_intensity(1.0, 0.0))


def test_outside_home_share():
    # worldwide 100, home 30 -> 0.7; vectorised
    np.testing.assert_allclose(ind.outside_home_share([100, 50], [30, 50]), [0.7, 0.0])
    with pytest.raises(ValueError, match="exceeds worldwide"):
        ind.outside_home_share(10, 11)


def test_ims_sums_to_one():
    s = ind.ims(pd.Series({"USA": 60.0, "CHN": 10.0, "GBR": 30.0}))
    assert s["USA"] == pytest.approx(0.6) and s["CHN"] == pytest.approx(0.1)
    assert s.sum() == pytest.approx(1.0)


def test_tc_index_bounds_and_hand_case():
    assert ind.tc_index(30, 10) == pytest.approx(0.5)
    assert ind.tc_index(0, 10) == -1.0 and ind.tc_index(10, 0) == 1.0
    assert math.isnan(ind.tc_index(0, 0))
    with pytest.raises(ValueError):
        ind.tc_index(-1, 2)


def test_film_imports_checks_share():
    assert ind.film_imports(200.0, 0.25) == pytest.approx(50.0)
    with pytest.raises(ValueError, match="revenue_share"):
        ind.film_imports(200.0, 1.5)


def test_location_quotient_hand_case():
    # region: 50 of 100 jobs in the industry; nation: 200 of 10,000 -> (0.5)/(0.02) = 25
    assert ind.location_quotient(50, 100, 200, 10_000) == pytest.approx(25.0)


def test_hhi_and_top_share():
    assert ind.hhi([50, 30, 20]) == pytest.approx(0.25 + 0.09 + 0.04)
    assert ind.hhi([1]) == 1.0
    assert ind.hhi([1, 1, 1, 1]) == pytest.approx(0.25)
    assert ind.hhi([3, 1, float("nan"), 0]) == pytest.approx(0.625)   # 0.75² + 0.25²: NaN and 0 add nothing
    assert ind.top_n_share([5, 3, 2], 1) == pytest.approx(0.5)
    assert ind.top_n_share([5, 3, 2], 2) == pytest.approx(0.8)
    with pytest.raises(ValueError):
        ind.hhi([-1, 2])


def test_wage_premium():
    assert ind.wage_premium(1500, 1000) == pytest.approx(0.5)


def test_entropy_weights_hand_worked():
    # Column a varies (0, 0.5, 1 after min-max); b is concentrated in one row; c is constant.
    x = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [0.0, 0.0, 5.0], "c": [2.0, 2.0, 2.0]})
    w = ind.entropy_weights(x)
    # a: p = (0, 1/3, 2/3); e = -(1/ln3)(1/3 ln 1/3 + 2/3 ln 2/3)
    e_a = -(1 / math.log(3)) * ((1 / 3) * math.log(1 / 3) + (2 / 3) * math.log(2 / 3))
    e_b = 0.0  # p = (0, 0, 1)
    d = np.array([1 - e_a, 1 - e_b, 0.0])
    np.testing.assert_allclose(w.to_numpy(), d / d.sum())
    assert w.sum() == pytest.approx(1.0) and w["c"] == 0.0


def test_entropy_weights_rejects_gaps():
    with pytest.raises(ValueError, match="complete matrix"):
        ind.entropy_weights(pd.DataFrame({"a": [1.0, np.nan], "b": [1.0, 2.0]}))


def test_safe_ratio_is_nan_without_a_positive_denominator():
    assert ind.safe_ratio(1, 4) == 0.25
    assert np.isnan(ind.safe_ratio(1, 0)) and np.isnan(ind.safe_ratio(1, np.nan)) and np.isnan(ind.safe_ratio(np.nan, 2))
    np.testing.assert_allclose(ind.safe_ratio([3, 1, 2], [6, 0, -1]), [0.5, np.nan, np.nan])
