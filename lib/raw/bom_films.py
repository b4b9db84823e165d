"""Box Office Mojo film grosses 2010–2018 -> data/raw/bom_films/movie_gross.csv (as published)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

FILE = "bom_films/movie_gross.csv"

SOURCE = {
    "key": "bom_films",
    "publisher": "Box Office Mojo (IMDbPro)",
    "title": "Domestic and foreign gross of 3,387 films released 2010–2018",
    "address": "https://www.boxofficemojo.com/",
    "accessed": "not stated by the mirror (data end 2018)",
    "licence": "none stated (IMDb conditions of use apply)",
    "mirror": "cynthiadalmas/Movie-Data-Analysis--Phase-one-project @ f4341ea, bom.movie_gross.csv",
    "subset": "all rows and columns",
    "caveats": [
        "domestic = US + Canada; foreign = rest of world; blank foreign = not reported.",
        "A few foreign_gross values above 1 billion USD are printed in millions (Star Wars: The Force Awakens "
        "1131.6, Jurassic World 1019.4, The Fate of the Furious 1010): kept as published; a consumer must rescale "
        "values below 10,000 for films with a large domestic gross.",
        "studio is Box Office Mojo's distributor abbreviation (e.g. BV = Buena Vista), not the producer.",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {
            "title": pa.Column(str),
            "studio": pa.Column(str, nullable=True),
            "domestic_gross": pa.Column(float, pa.Check.ge(0), nullable=True),
            "foreign_gross": pa.Column(float, pa.Check.ge(0), nullable=True),
            "year": pa.Column(int, pa.Check.in_range(2010, 2018)),
        },
        strict=True, coerce=True,
    )
}


def extract(shared: Path, raw: Path) -> None:
    src = Path(shared) / "bom_movie_gross_2010_2018" / "bom.movie_gross.csv"
    df = pd.read_csv(src, dtype=str, keep_default_na=False, na_values=[""])
    write_csv(df[["title", "studio", "domestic_gross", "foreign_gross", "year"]], Path(raw) / FILE,
              sort_by=["year", "title", "studio"])
