"""TMDB 5000 -> tidy tables in data/raw/tmdb/: one row per film plus long tables for its JSON lists.

movies.csv                one row per TMDB id (budget and revenue as published: 0 = missing)
production_countries.csv  id, position (0 = first listed), iso_3166_1, name
production_companies.csv  id, position, company_id, name
genres.csv                id, position, genre_id, name
The JSON lists are parsed with lib.parse.json_records; '[]' gives no rows (174 films list no country).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv
from lib.parse import json_records

MOVIES = "tmdb/movies.csv"
COUNTRIES = "tmdb/production_countries.csv"
COMPANIES = "tmdb/production_companies.csv"
GENRES = "tmdb/genres.csv"

SOURCE = {
    "key": "tmdb",
    "publisher": "The Movie Database (TMDb), Kaggle 'TMDB 5000 Movie Dataset' release",
    "title": "TMDB 5000 movies: 4,803 films 1916–2017 with production countries, companies, genres",
    "address": "https://www.themoviedb.org/ (Kaggle: tmdb/tmdb-movie-metadata, tmdb_5000_movies.csv)",
    "accessed": "2017 Kaggle release",
    "licence": "none stated (TMDb API terms of use apply)",
    "mirror": "elenastirbu26/bigdata @ ebd8397, tmdb_5000_movies.csv",
    "subset": "id, title, original_title, release_date (+ year), budget, revenue, original_language, runtime, "
              "status; production_countries, production_companies and genres as long tables",
    "caveats": [
        "Zeros in budget and revenue mean missing, not zero; revenue is worldwide only.",
        "The sample is English-language and Hollywood-heavy and ends in 2017: few Chinese films, none after 2017.",
        "Production countries are listed in TMDb's order (not necessarily the lead producer first); 174 films list "
        "none. The keywords column of the Kaggle release is absent from the mirror.",
    ],
    "files": [MOVIES, COUNTRIES, COMPANIES, GENRES],
}

_LONG = {"position": pa.Column(int, pa.Check.ge(0)), "name": pa.Column(str)}
SCHEMAS = {
    MOVIES: pa.DataFrameSchema(
        {
            "id": pa.Column(int, unique=True),
            "title": pa.Column(str),
            "original_title": pa.Column(str),
            "release_date": pa.Column(str, nullable=True),
            "release_year": pa.Column("Int64", pa.Check.in_range(1900, 2020), nullable=True),
            "budget": pa.Column(int, pa.Check.ge(0)),
            "revenue": pa.Column(int, pa.Check.ge(0)),
            "original_language": pa.Column(str),
            "runtime": pa.Column(float, pa.Check.ge(0), nullable=True),
            "status": pa.Column(str),
        },
        strict=True, coerce=True,
    ),
    COUNTRIES: pa.DataFrameSchema(
        {"id": pa.Column(int), **_LONG, "iso_3166_1": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$"))},
        unique=["id", "position"], coerce=True,
    ),
    COMPANIES: pa.DataFrameSchema(
        {"id": pa.Column(int), **_LONG, "company_id": pa.Column(int)}, unique=["id", "position"], coerce=True,
    ),
    GENRES: pa.DataFrameSchema(
        {"id": pa.Column(int), **_LONG, "genre_id": pa.Column(int)}, unique=["id", "position"], coerce=True,
    ),
}


def long_table(movies: pd.DataFrame, column: str, id_key: str | None, id_name: str | None) -> pd.DataFrame:
    """Explode one JSON-list column into (id, position, [id_name], name) rows, in the published order."""
    rows = []
    for film_id, text in zip(movies["id"], movies[column]):
        for pos, rec in enumerate(json_records(text)):
            row = {"id": int(film_id), "position": pos}
            if id_key:
                row[id_name] = rec.get(id_key)
            row["name"] = rec.get("name")
            rows.append(row)
    cols = ["id", "position", *([id_name] if id_key else []), "name"]
    return pd.DataFrame(rows, columns=cols)


def extract(shared: Path, raw: Path) -> None:
    src = Path(shared) / "tmdb5000" / "tmdb_5000_movies.csv"
    df = pd.read_csv(src, dtype=str, keep_default_na=False, na_values=[""])
    df["id"] = df["id"].astype(int)
    df["release_year"] = pd.to_datetime(df["release_date"], format="%m/%d/%Y").dt.year.astype("Int64")
    movies = df[["id", "title", "original_title", "release_date", "release_year", "budget", "revenue",
                 "original_language", "runtime", "status"]]
    raw = Path(raw)
    write_csv(movies, raw / MOVIES, sort_by=["id"])
    countries = long_table(df, "production_countries", "iso_3166_1", "iso_3166_1")
    write_csv(countries[["id", "position", "iso_3166_1", "name"]], raw / COUNTRIES, sort_by=["id", "position"])
    write_csv(long_table(df, "production_companies", "id", "company_id"), raw / COMPANIES, sort_by=["id", "position"])
    write_csv(long_table(df, "genres", "id", "genre_id"), raw / GENRES, sort_by=["id", "position"])
