"""Raw extractors of the films-and-markets sources, on tiny inline inputs."""
import pandas as pd
import pytest

from lib.raw import bom_territory, kobis, tmdb

PAGE = """<html><body><h1 class="mojo-gutter">French Yearly Box Office</h1>
<table><tr><th>Year</th><th>Total Gross</th><th>%± LY</th><th>Releases</th><th>Average</th><th>#1 Release</th></tr>
<tr><td><a href="/year/2020/">2020</a></td><td>$240,503,595</td><td>-</td><td>113</td><td>$2,128,350</td>
<td><a href="#">Star Wars: Episode IX</a></td></tr>
<tr><td>2019</td><td>$1,292,698,547</td><td>-4.8%</td><td>367</td><td>$3,522,339</td><td>The Lion King</td></tr>
</table></body></html>"""


def test_parse_page_and_tidy():
    heading, rows = bom_territory.parse_page(PAGE)
    assert heading == "French Yearly Box Office"
    df = bom_territory.tidy("FR", heading, rows)
    assert list(df["year"]) == [2020, 2019]
    assert df["total_gross"].tolist() == [240503595.0, 1292698547.0]
    assert pd.isna(df["pct_change_ly"].iloc[0]) and df["pct_change_ly"].iloc[1] == -4.8
    assert df["releases"].tolist() == [113, 367]
    assert df["year_to_date"].tolist() == [True, False]
    assert df["iso3"].iloc[0] == "FRA" and df["territory"].iloc[0] == "French"


def test_page_without_table_gives_no_rows():
    heading, rows = bom_territory.parse_page("<html><h1>American Yearly Box Office</h1>No data available.</html>")
    assert heading == "American Yearly Box Office" and rows == []


def test_duplicated_tables_are_dropped_but_us_kept():
    us = [{"Year": "2020", "Total Gross": "$1"}, {"Year": "2019", "Total Gross": "$11,320,888,668"}]
    us_later = [{"Year": "2020", "Total Gross": "$2"}, {"Year": "2019", "Total Gross": "$11,320,888,668"}]
    fr = [{"Year": "2019", "Total Gross": "$1,292,698,547"}]
    ytd_only = [{"Year": "2020", "Total Gross": "$5"}]
    pages = {"US": us, "AS": us_later, "CM": us, "FR": fr, "BD": ytd_only, "SA": ytd_only}
    # AS differs only in its year-to-date row: still the US + Canada table
    assert bom_territory.duplicated_codes(pages) == ["AS", "CM"]


def test_unknown_territory_code_fails_loudly():
    with pytest.raises(KeyError):
        bom_territory.tidy("ZZ", "Nowhere", [{"Year": "2019", "Total Gross": "$1", "%± LY": "-", "Releases": "1",
                                              "Average": "$1", "#1 Release": "x"}])


def test_tmdb_long_table_order_and_empty_list():
    movies = pd.DataFrame({"id": [1, 2], "production_countries": [
        '[{"iso_3166_1": "CN", "name": "China"}, {"iso_3166_1": "US", "name": "United States of America"}]', "[]"]})
    out = tmdb.long_table(movies, "production_countries", "iso_3166_1", "iso_3166_1")
    assert out.to_dict("records") == [
        {"id": 1, "position": 0, "iso_3166_1": "CN", "name": "China"},
        {"id": 1, "position": 1, "iso_3166_1": "US", "name": "United States of America"},
    ]


def test_kobis_r_csv(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('"","year","kr_market_share"\n"1",2004,0.545\n"2",2005,NA\n', encoding="utf-8")
    df = kobis.read_r_csv(p)
    assert list(df.columns) == ["year", "kr_market_share"]
    assert df["kr_market_share"].isna().tolist() == [False, True]
