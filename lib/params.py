"""Validation of notebook parameters: each check names the parameter and what it allows."""
from __future__ import annotations

from collections.abc import Iterable


class ParameterError(ValueError):
    """A notebook parameter has a value outside what the analysis allows."""


def _fail(name, value, allowed) -> None:
    raise ParameterError(f"parameter `{name}` = {value!r} is not allowed: expected {allowed}")


def check_int(name: str, value, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        _fail(name, value, f"an integer from {lo} to {hi}")
    return value


def check_float(name: str, value, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        _fail(name, value, f"a number from {lo} to {hi}")
    return float(value)


def check_choice(name: str, value, allowed: Iterable):
    allowed = list(allowed)
    if value not in allowed:
        _fail(name, value, f"one of {allowed}")
    return value


def check_subset(name: str, values, allowed: Iterable, min_size: int = 1) -> list:
    allowed = sorted(set(allowed))
    if isinstance(values, str) or not isinstance(values, (list, tuple)) or len(values) < min_size:
        _fail(name, values, f"a list of at least {min_size} of {allowed}")
    unknown = [v for v in values if v not in allowed]
    if unknown:
        _fail(name, values, f"values from {allowed} (unknown: {unknown})")
    return list(values)


def check_year_range(start_name: str, start, end_name: str, end, lo: int, hi: int) -> tuple[int, int]:
    check_int(start_name, start, lo, hi)
    check_int(end_name, end, lo, hi)
    if start > end:
        raise ParameterError(f"parameter `{start_name}` = {start} must not be after `{end_name}` = {end}")
    return start, end
