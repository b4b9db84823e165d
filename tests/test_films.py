"""films.csv: the origin rule on hand-checked titles, and its parts on tiny inline frames."""
import math

import pandas as pd
import pytest

from lib import paths
from lib.processed import films as F


def test_tmdb_origin_rule():
    assert F.tmdb_origin(["GB", "US"]) == "USA"          # any US -> USA
    assert F.tmdb_origin(["HK", "CN"]) == "HKG"          # else the first listed
    assert F.tmdb_origin(["CN"]) == "CHN"
    assert F.tmdb_origin([]) is None


def _films(rows):
    df = pd.DataFrame(rows, columns=["title_published", "year", "worldwide_usd", "domestic_usd", "foreign_usd"])
    df["title"] = df["title_published"]
    return df


def test_title_map_pair_needs_gross_agreement():
    films = _films([("Wolf Warrior 2", 2017, 870e6, 2.7e6, 867.6e6), ("Wrong Film", 2017, 100e6, None, 100e6)])
    # 567.9亿? no: 56.79亿 CNY / 6.7588 = 840.2M USD -> ratio 0.968 (kept); 30亿 / 6.7588 = 443.9M vs 100M (rejected)
    china = pd.DataFrame({"china_title": ["战狼2", "别的"], "year": [2017, 2017],
                          "china_gross_cny": [56.79e8, 30e8]})
    china["china_gross_usd"] = china["china_gross_cny"] / 6.7588
    out = F.title_map_pairs(films, china, {("Wolf Warrior 2", 2017): "战狼2", ("Wrong Film", 2017): "别的"})
    assert out["title"].tolist() == ["Wolf Warrior 2"]
    assert out["ratio"].iloc[0] == pytest.approx(56.79e8 / 6.7588 / 867.6e6)


def test_outside_home():
    df = pd.DataFrame({"origin_iso3": ["USA", "CHN", "CHN", "JPN"], "worldwide_usd": [100.0, 100.0, 100.0, 50.0],
                       "domestic_usd": [40.0, 1.0, None, None], "china_gross_usd": [None, 90.0, 104.0, None]})
    out = F.outside_home(df)
    assert out.tolist()[:3] == [60.0, 10.0, 0.0] and math.isnan(out.iloc[3])


def test_near_zero_us():
    df = pd.DataFrame({"domestic_usd": [None, 4.0, 6.0], "us_share": [None, 0.04, 0.06]})
    assert F.near_zero_us(df).tolist() == [True, True, False]


# Hand-checked: production country from general knowledge (Wikipedia infoboxes), not from the data.
CHINESE = [("Wolf Warrior 2", 2017), ("The Wandering Earth", 2019), ("Ne Zha", 2019),
           ("Detective Chinatown 2", 2018), ("Operation Red Sea", 2018), ("Hi, Mom", 2021),
           ("The Battle at Lake Changjin", 2021), ("The Mermaid", 2016), ("Monster Hunt", 2015)]
NOT_CHINESE = [("Avengers: Endgame", 2019, "USA"), ("Furious 7", 2015, "USA")]


@pytest.fixture(scope="module")
def films():
    path = paths.ROOT / "data" / "processed" / "films.csv"
    return pd.read_csv(path, keep_default_na=False, na_values=[""]).set_index(["title", "year"])


@pytest.mark.parametrize("title,year", CHINESE)
def test_chinese_blockbusters_are_chn(films, title, year):
    row = films.loc[(title, year)]
    assert row["origin_iso3"] == "CHN"
    assert row["origin_method"] in {"cbooo_region", "china_match_rule"}
    assert F.RATIO_LO <= row["china_gross_usd"] / row["foreign_usd"] <= F.RATIO_HI


@pytest.mark.parametrize("title,year,iso3", NOT_CHINESE)
def test_hollywood_films_in_china_are_not_chn(films, title, year, iso3):
    row = films.loc[(title, year)]
    assert row["origin_iso3"] == iso3
    assert row["outside_home_usd"] == pytest.approx(row["worldwide_usd"] - row["domestic_usd"])


def test_zootopia_is_a_known_gap(films):
    # Zootopia (2016, USA) is in neither TMDB 5000 nor KOBIS's 10M list: origin unknown, never CHN
    row = films.loc[("Zootopia", 2016)]
    assert row["origin_method"] == "unknown" and pd.isna(row["origin_iso3"])


def test_key_unique_and_methods(films):
    assert films.index.is_unique
    assert set(films["origin_method"]) <= set(F.METHODS)
