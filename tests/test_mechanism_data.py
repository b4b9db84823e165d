"""Film join and cleaning for notebook 02 on tiny inline tables."""
import math

import pandas as pd

from lib import mechanism_data as md


def test_chart_cells_parsed_and_join_flags():
    tn = pd.DataFrame({
        "title": ["Alpha", "Beta", "Gamma"], "release_date": ["Jan 01, 2012", "Feb 02, 2010", "Mar 03, 2012"],
        "production_budget": ["$10,000,000", "$5,000,000", "$1,000"], "domestic_gross": ["$20", "$10", "$5"],
        "worldwide_gross": ["$50", "$10", "$5"], "runtime": ["100 minutes", "90 minutes", None],
        "genre": ["All Time Domestic Box Office for Comedy Movies (Rank 1-100)", "Drama", "Genre Tracking"],
        "MPAA_Rating": ["All Time Domestic Box Office for R Movies", "PG", "Open"],
        "production_company": ["X", "Y", "Z"]})
    bom = pd.DataFrame({"title": ["Alpha", "Beta", "Delta"], "studio": ["WB", "IFC", "Uni."],
                        "domestic_gross": [20.0, 10.0, 1.0], "foreign_gross": [30.0, None, 1.0],
                        "year": [2012, 2013, 2012]})
    d = md.film_frame(tn, bom).set_index("bom_title")
    assert list(d.index) == ["Alpha", "Beta"]                       # Delta has no The Numbers match
    assert d.loc["Alpha", "genre"] == "Comedy" and d.loc["Alpha", "rating"] == "R"
    assert d.loc["Alpha", "major"] == 1 and d.loc["Beta", "major"] == 0
    assert d.loc["Alpha", "foreign_share_bom"] == 0.6 and d.loc["Alpha", "foreign_share_tn"] == 0.6
    assert d.loc["Beta", "rerelease"] == 1 and d.loc["Alpha", "rerelease"] == 0   # 2010 film, Mojo year 2013
    assert math.isnan(d.loc["Beta", "foreign_share_bom"])            # missing foreign gross is not zero
    assert d.loc["Beta", "no_intl_tn"] == 1                          # worldwide == domestic: no intl figure
