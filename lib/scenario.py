"""What-if scenario model of Chinese films' overseas revenue and outside-home share (notebook 04).

Not a forecast: each scenario states where the share goes, and the model shows what that would mean in money,
with a band for how much the historical year-to-year volatility alone could move the outcome.

Quantities (one country's films, one year t; base year t0, horizon T):
  H_t   home-market box office of the country's own films (e.g. Chinese films in mainland China);
  R_t   their revenue outside the home market ("overseas revenue");
  s_t   outside-home share       s = R / (R + H), in [0, 1);
  e_t   export intensity          e = R / H = s / (1 − s)   (the odds of s; STUDY.md's export intensity).

Deterministic paths
  home      H_t = H_0 · (1 + g)^(t − t0)                                              (`home_path`)
  target    s_t = s_0 + (s* − s_0) · min(1, (t − t0) / (T_r − t0)), reached in year T_r (`target_share_path`);
            if s_0 ≥ s* the target is already reached and s_t = s_0 (no scenario assumes a retreat)
  trend     R_t = R_0 · (1 + r)^(t − t0) with R_0 = e_0 · H_0, so e_t = e_0 · ((1 + r) / (1 + g))^(t − t0)
            and s_t = e_t / (1 + e_t)                                                 (`trend_share_path`)
  money     R_t = e_t · H_t                                                           (`project`)

Uncertainty (`simulate`): two Gaussian random walks on the log scale, started at zero in t0,
      log e_t^(d) = log e_t + Σ_{k=t0+1..t} ε_k,  ε_k ~ N(0, σ_e²)
      log H_t^(d) = log H_t + Σ_{k=t0+1..t} η_k,  η_k ~ N(0, σ_H²),  corr(ε_k, η_k) = ρ
so the scenario path is the median of the draws, the band widens with √(t − t0), shares stay in (0, 1),
and σ = 0 gives a degenerate fan (every draw equals the path). The correlation matters: e = R / H, so a
home-market shock that overseas revenue does not share moves log e the other way (historically ρ < 0), and
independent walks would overstate the spread of R = e · H, whose log step has variance
σ_e² + σ_H² + 2ρ σ_e σ_H. σ_e and σ_H are estimated by `log_volatility` (standard deviation of annual log
changes) and ρ by `log_change_correlation` from historical series. The shocks are drawn once
(`draw_shocks`, independent standard normals) and shared by all scenarios (common random numbers);
`simulate` correlates them.

Evidence grading for the recommendations (`grade_evidence`, `grade_recommendation`) lives here too, so that
the rule is stated once and tested.

All functions are pure; randomness comes only from the numpy Generator passed to `draw_shocks`.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd


def intensity_from_share(share):
    """Export intensity e = s / (1 − s) from an outside-home share s in [0, 1)."""
    s = np.asarray(share, dtype=float)
    if np.any((s < 0) | (s >= 1)):
        raise ValueError("an outside-home share must be in [0, 1)")
    out = s / (1 - s)
    return out.item() if out.ndim == 0 else out


def share_from_intensity(intensity):
    """Outside-home share s = e / (1 + e) from an export intensity e ≥ 0."""
    e = np.asarray(intensity, dtype=float)
    if np.any(e < 0):
        raise ValueError("an export intensity must be non-negative")
    out = e / (1 + e)
    return out.item() if out.ndim == 0 else out


def years(base_year: int, horizon: int) -> np.ndarray:
    """The model years t0, t0 + 1, ..., T (one year if T = t0)."""
    if horizon < base_year:
        raise ValueError(f"horizon {horizon} is before the base year {base_year}")
    return np.arange(base_year, horizon + 1)


def cagr(first: float, last: float, n_years: float) -> float:
    """Compound annual growth rate (last / first)^(1 / n) − 1; NaN if a level is not positive or n ≤ 0."""
    if n_years <= 0 or not first > 0 or not last > 0:
        return float("nan")
    return float((last / first) ** (1 / n_years) - 1)


def home_path(base_home: float, growth: float, base_year: int, horizon: int) -> pd.Series:
    """H_t = H_0 · (1 + g)^(t − t0) for t = t0..T (growth g > −1; g = 0 keeps H flat)."""
    if growth <= -1:
        raise ValueError("home-market growth must be above −100% a year")
    t = years(base_year, horizon)
    return pd.Series(base_home * (1 + growth) ** (t - base_year), index=pd.Index(t, name="year"), name="home")


def target_share_path(base_share: float, target_share: float, base_year: int, horizon: int,
                      reach_year: int | None = None) -> pd.Series:
    """Share moving linearly from s_0 (t0) to s* (reached in `reach_year`, default the horizon), then flat.

    s_t = s_0 + (s* − s_0) · min(1, (t − t0) / (T_r − t0)); if s_0 ≥ s* (target already reached) s_t = s_0.
    """
    intensity_from_share([base_share, target_share])  # range check
    reach = horizon if reach_year is None else reach_year
    if reach < base_year:
        raise ValueError(f"reach year {reach} is before the base year {base_year}")
    t = years(base_year, horizon)
    if base_share >= target_share:
        path = np.full(len(t), float(base_share))
    elif reach == base_year:
        path = np.full(len(t), float(target_share))
        path[0] = base_share  # the base year is observed, not assumed
    else:
        frac = np.minimum(1.0, (t - base_year) / (reach - base_year))
        path = base_share + (target_share - base_share) * frac
    return pd.Series(path, index=pd.Index(t, name="year"), name="share")


def trend_share_path(base_share: float, overseas_growth: float, home_growth: float,
                     base_year: int, horizon: int) -> pd.Series:
    """Share if overseas revenue keeps growing at r and the home market at g.

    e_t = e_0 · ((1 + r) / (1 + g))^(t − t0), s_t = e_t / (1 + e_t).
    """
    if overseas_growth <= -1 or home_growth <= -1:
        raise ValueError("growth rates must be above −100% a year")
    t = years(base_year, horizon)
    e = intensity_from_share(base_share) * ((1 + overseas_growth) / (1 + home_growth)) ** (t - base_year)
    return pd.Series(share_from_intensity(e), index=pd.Index(t, name="year"), name="share")


def project(home: pd.Series, share: pd.Series) -> pd.DataFrame:
    """Money path from a home path and a share path: R_t = e_t · H_t with e_t = s_t / (1 − s_t).

    Returns one row a year: year, home, share, intensity, overseas, total (= home + overseas).
    """
    if not home.index.equals(share.index):
        raise ValueError("home and share paths must cover the same years")
    e = intensity_from_share(share.to_numpy())
    out = pd.DataFrame({"year": home.index.to_numpy(), "home": home.to_numpy(), "share": share.to_numpy(),
                        "intensity": e})
    out["overseas"] = out["intensity"] * out["home"]
    out["total"] = out["home"] + out["overseas"]
    return out


def annual_log_changes(series: pd.Series) -> pd.Series:
    """log x_t − log x_{t−1} of a positive series indexed by year, indexed by t; only consecutive years count
    (a gap breaks the chain rather than being spread over several years)."""
    s = series.dropna().sort_index()
    if (s <= 0).any():
        raise ValueError("log changes need a positive series")
    idx = np.asarray(s.index, dtype=int)
    steps = pd.Series(np.diff(np.log(s.to_numpy(dtype=float))), index=idx[1:])
    return steps[np.diff(idx) == 1]


def log_volatility(series: pd.Series) -> float:
    """Standard deviation (ddof = 1) of the annual log changes of a positive series indexed by year
    (`annual_log_changes`); NaN if fewer than two changes."""
    steps = annual_log_changes(series)
    return float(np.std(steps, ddof=1)) if len(steps) >= 2 else float("nan")


def log_change_correlation(a: pd.Series, b: pd.Series) -> tuple[float, int]:
    """Pearson correlation of the annual log changes of two positive series indexed by year, over the changes
    present in both, and the number of those changes; the correlation is NaN if there are fewer than three."""
    both = pd.concat([annual_log_changes(a), annual_log_changes(b)], axis=1, join="inner")
    if len(both) < 3:
        return float("nan"), len(both)
    return float(np.corrcoef(both.iloc[:, 0], both.iloc[:, 1])[0, 1]), len(both)


def draw_shocks(rng: np.random.Generator, n_draws: int, n_years: int) -> np.ndarray:
    """Standard-normal shocks, shape (2, n_draws, n_years − 1): [0] for log e, [1] for log H.

    Drawn once and passed to `simulate` for every scenario (common random numbers), so that scenarios differ
    only by their paths, not by simulation noise.
    """
    if n_draws < 1:
        raise ValueError("n_draws must be at least 1")
    return rng.standard_normal((2, n_draws, max(n_years - 1, 0)))


def simulate(path: pd.DataFrame, sigma_intensity: float, sigma_home: float, shocks: np.ndarray,
             rho: float = 0.0) -> dict[str, np.ndarray]:
    """Draws around a projected path (see the module docstring): arrays of shape (n_draws, n_years).

    `shocks` from `draw_shocks` (one column fewer than the path: t0 is the observed base, without noise);
    `rho` is the correlation of the log-e and log-H steps (η = z_H, ε = ρ z_H + √(1 − ρ²) z_e).
    Keys: home, intensity, share, overseas. σ = 0 → every draw equals the path.
    """
    if sigma_intensity < 0 or sigma_home < 0:
        raise ValueError("volatilities must be non-negative")
    if not -1 <= rho <= 1:
        raise ValueError(f"correlation {rho} is outside [-1, 1]")
    n_years = len(path)
    if shocks.shape[0] != 2 or shocks.shape[2] != max(n_years - 1, 0):
        raise ValueError(f"shocks of shape {shocks.shape} do not fit a path of {n_years} years")
    walk = np.zeros((2, shocks.shape[1], n_years))
    correlated = np.stack([rho * shocks[1] + np.sqrt(1 - rho**2) * shocks[0], shocks[1]])
    walk[:, :, 1:] = np.cumsum(correlated, axis=2)
    e = path["intensity"].to_numpy() * np.exp(sigma_intensity * walk[0])
    h = path["home"].to_numpy() * np.exp(sigma_home * walk[1])
    return {"home": h, "intensity": e, "share": e / (1 + e), "overseas": e * h}


def fan(draws: np.ndarray, year_index, quantiles=(0.05, 0.25, 0.5, 0.75, 0.95)) -> pd.DataFrame:
    """Quantiles of draws (n_draws × n_years) per year: columns year, q05, q25, q50, q75, q95 (by `quantiles`)."""
    q = np.quantile(draws, quantiles, axis=0)
    out = pd.DataFrame({"year": np.asarray(year_index)})
    for level, row in zip(quantiles, q):
        out[f"q{round(level * 100):02d}"] = row
    return out


def tornado(model: Callable[..., float], base: Mapping[str, float],
            ranges: Mapping[str, tuple[float, float]]) -> pd.DataFrame:
    """One-at-a-time sensitivity of `model(**params)` to each parameter's (low, high) value.

    Returns one row per parameter: parameter, low, high, outcome_low, outcome_high, base_outcome,
    swing = |outcome_high − outcome_low|; sorted by swing (largest first), ties by parameter name.
    """
    unknown = sorted(set(ranges) - set(base))
    if unknown:
        raise KeyError(f"tornado ranges for parameters the model does not take: {unknown}")
    base_out = float(model(**base))
    rows = []
    for name, (low, high) in sorted(ranges.items()):
        lo = float(model(**{**base, name: low}))
        hi = float(model(**{**base, name: high}))
        rows.append({"parameter": name, "low": low, "high": high, "outcome_low": lo, "outcome_high": hi,
                     "base_outcome": base_out, "swing": abs(hi - lo)})
    out = pd.DataFrame(rows, columns=["parameter", "low", "high", "outcome_low", "outcome_high",
                                      "base_outcome", "swing"])
    out = out.sort_values(["swing", "parameter"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)


def grade_evidence(n_sources: int, design: str, consistent: bool, foreign_only: bool = False) -> str:
    """Strength-of-evidence grade (A strong … D weak) by a stated rule.

    n_sources   number of independent computed findings supporting the recommendation;
    design      the strongest design among them: "regression" (a regression or mediation estimate with
                robust or bootstrap intervals — an association, not a causal effect), "comparative" (a measured
                cross-country or over-time comparison), "descriptive" (one measured figure), "anecdotal" (a
                published claim or plan, not a measurement);
    consistent  False if a computed finding cuts against the recommendation;
    foreign_only True if every supporting finding comes from foreign clusters (transfer to China assumed).
    Rule:
      A  "regression", n_sources ≥ 2, consistent, not foreign_only;
      B  "regression", or "comparative" with n_sources ≥ 2, and consistent (an A capped by foreign_only is B);
      C  any measured design (not anecdotal) that is consistent, or B-level evidence with a contrary finding;
      D  everything else: anecdotal only, no supporting finding, or measured evidence below B level with a
         contrary finding.
    """
    designs = ("regression", "comparative", "descriptive", "anecdotal")
    if design not in designs:
        raise ValueError(f"design must be one of {designs}")
    if n_sources < 1:
        return "D"
    b_level = design == "regression" or (design == "comparative" and n_sources >= 2)
    if design == "regression" and n_sources >= 2 and consistent:
        return "B" if foreign_only else "A"
    if b_level:
        return "B" if consistent else "C"
    if design != "anecdotal" and consistent:
        return "C"
    return "D"


# ------------------------------------------------------------------------------ model inputs from the data

def national_intensity(exports: pd.Series, home_total: pd.Series, national_share: pd.Series) -> pd.DataFrame:
    """Export intensity of a country's films per year, from national statistics (all series indexed by year).

    home = home-market box office × national films' share;  e = exports / home;  s = e / (1 + e).
    Only years with all three inputs are kept (a missing input is a gap, never a zero).
    """
    df = pd.DataFrame({"exports": exports, "home_total": home_total, "national_share": national_share})
    df = df.dropna().sort_index()
    df.index = df.index.astype(int)
    df.index.name = "year"
    df["home"] = df["home_total"] * df["national_share"]
    df = df[df["home"] > 0]
    df["intensity"] = df["exports"] / df["home"]
    df["share"] = df["intensity"] / (1 + df["intensity"])
    return df.reset_index()


def china_intensity(china_year: pd.DataFrame) -> pd.DataFrame:
    """China's official export intensity: overseas revenue (box office and sales) of Chinese films / their home
    box office (first-release national total × domestic films' share, which is a share of that total)."""
    cy = china_year.set_index("year")
    return national_intensity(cy["overseas_revenue_cny"], cy["box_office_cny_first_release"], cy["domestic_share"])


def country_series(country_year: pd.DataFrame, iso3: str, indicator: str) -> pd.Series:
    """One indicator of one country from country_year.csv, indexed by year (empty if absent)."""
    rows = country_year[(country_year["iso3"] == iso3) & (country_year["indicator"] == indicator)]
    return rows.set_index("year")["value"].astype(float).sort_index()


def scenario_paths(specs: Mapping[str, tuple[str, float | None]], base_home: float, base_share: float,
                   home_growth: float, base_year: int, horizon: int, reach_year: int | None = None) -> pd.DataFrame:
    """Projected paths of several scenarios sharing one home-market path; long table with a `scenario` column.

    specs: name -> ("hold", None)       share stays at s_0;
                   ("trend", r)         overseas revenue grows at r a year (`trend_share_path`);
                   ("target", s*)       share reaches s* in `reach_year` (`target_share_path`).
    """
    home = home_path(base_home, home_growth, base_year, horizon)
    frames = []
    for name, (kind, arg) in specs.items():
        if kind == "hold":
            share = target_share_path(base_share, base_share, base_year, horizon)
        elif kind == "trend":
            share = trend_share_path(base_share, arg, home_growth, base_year, horizon)
        elif kind == "target":
            share = target_share_path(base_share, arg, base_year, horizon, reach_year)
        else:
            raise ValueError(f"unknown scenario kind {kind!r} (hold, trend, target)")
        frames.append(project(home, share).assign(scenario=name))
    return pd.concat(frames, ignore_index=True)


def horizon_overseas(base_home: float, base_share: float, home_growth: float, target_share: float,
                     base_year: int, horizon: int, reach_year: int) -> float:
    """Overseas revenue in the horizon year of the target scenario (the outcome of the tornado chart)."""
    share = target_share_path(base_share, target_share, base_year, horizon, min(reach_year, horizon))
    return float(project(home_path(base_home, home_growth, base_year, horizon), share)["overseas"].iloc[-1])


def cumulative_overseas(base_home: float, base_share: float, home_growth: float, target_share: float,
                        base_year: int, horizon: int, reach_year: int) -> float:
    """Σ_{t=t0+1..T} R_t of the target scenario (money earned abroad after the base year; 0 if T = t0).

    The outcome of the tornado chart: unlike the horizon-year value it depends on the whole path (base share,
    reach year), not only on where the path ends.
    """
    share = target_share_path(base_share, target_share, base_year, horizon, min(reach_year, horizon))
    path = project(home_path(base_home, home_growth, base_year, horizon), share)
    return float(path["overseas"].iloc[1:].sum())


DESIGN_ORDER = ("regression", "comparative", "descriptive", "anecdotal")


def grade_recommendation(evidence: list[Mapping]) -> dict:
    """Apply `grade_evidence` to a recommendation's evidence items.

    Each item has `design` (see grade_evidence), `direction` ("supports", "against" or "qualifies" — a
    qualification narrows the recommendation without contradicting it) and `foreign` (True if the finding is
    about foreign clusters). n_sources counts the supporting *measured* items (a published claim is not a
    computed finding, so an anecdote never lifts a regression to A); design is the strongest supporting design.
    """
    supports = [e for e in evidence if e["direction"] == "supports"]
    against = [e for e in evidence if e["direction"] == "against"]
    if any(e["direction"] not in ("supports", "against", "qualifies") for e in evidence):
        raise ValueError("evidence direction must be supports, against or qualifies")
    design = min((e["design"] for e in supports), key=DESIGN_ORDER.index, default="anecdotal")
    foreign_only = bool(supports) and all(e.get("foreign", False) for e in supports)
    n_measured = sum(e["design"] != "anecdotal" for e in supports)
    n_sources = n_measured if n_measured else len(supports)
    grade = grade_evidence(n_sources, design, not against, foreign_only)
    return {"grade": grade, "n_sources": n_sources, "design": design, "consistent": not against,
            "foreign_only": foreign_only}
