"""Ville de Paris open data: permitted filming locations ("Lieux de tournage à Paris"), 2016-2024.

One extract, `paris/filming_locations.csv`, one row per permitted location (a location-day record, as
published): id, year, type, title, director, producer, postcode, start, end, lat, lon. Text kept as
published (including producer spelling variants); lat/lon are the two halves of `geo_point_2d`
("lat, lon", WGS84 in every year). The projected `Coordonnée en X/Y` columns are dropped because their
projection changes in 2022 (degrees before, Lambert-93 metres after).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.io import write_csv

FILE = "paris/filming_locations.csv"
SRC = "paris_filming_locations/lieux-de-tournage-a-paris.csv"
COLUMNS = {  # upstream header -> extract column
    "Identifiant du lieu": "id", "Année du tournage": "year", "Type de tournage": "type", "Titre": "title",
    "Réalisateur": "director", "Producteur": "producer", "Code postal": "postcode",
    "Date de début": "start", "Date de fin": "end",
}
TYPES = ["Long métrage", "Série TV", "Téléfilm", "Série Web"]


def split_geo_point(text: str) -> tuple[str, str]:
    """'48.8266, 2.3765' -> ('48.8266', '2.3765'): the published digits, unchanged."""
    lat, lon = (p.strip() for p in text.split(","))
    return lat, lon


def read(path: Path) -> pd.DataFrame:
    """The upstream file (';'-separated, UTF-8 with BOM) as text, renamed, with lat/lon from geo_point_2d."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    missing = (set(COLUMNS) | {"geo_point_2d"}) - set(rows[0])
    if missing:
        raise ValueError(f"{path}: columns missing {sorted(missing)}")
    df = pd.DataFrame([{new: r[old] for old, new in COLUMNS.items()} for r in rows], dtype=object)
    latlon = [split_geo_point(r["geo_point_2d"]) for r in rows]
    df["lat"] = [a for a, _ in latlon]
    df["lon"] = [b for _, b in latlon]
    return df


def extract(shared: Path, raw: Path) -> None:
    write_csv(read(shared / SRC), raw / FILE, sort_by=["year", "id", "start", "end", "postcode"])


SOURCE = {
    "key": "paris",
    "publisher": "Ville de Paris (Mission Cinéma), Paris open data",
    "title": "Lieux de tournage à Paris (permitted filming locations), 2016-2024",
    "address": "https://opendata.paris.fr/explore/dataset/lieux-de-tournage-a-paris/",
    "accessed": "2026-11-22 (upstream mirror copy)",
    "licence": "Paris open data: Open Database License (ODbL)",
    "mirror": "../shared/data/paris_filming_locations/lieux-de-tournage-a-paris.csv "
              "(meridien22/epic_events @ 6159131, data/lieux-de-tournage-a-paris.csv)",
    "subset": "all 14,760 rows; columns id, year, type, title, director, producer, postcode, start, end, and "
              "lat/lon split from geo_point_2d; address text, X/Y and geo_shape dropped",
    "caveats": [
        "A row is a permitted location (location-day record), not a production; a production has many rows.",
        "Producer and title names are free text (case, accents and spelling vary: e.g. 'GAUMONT PRODUCTION "
        "TÉLÉVISION' vs 'GAUMONT PRODUCTION TELEVISION').",
        "Coordonnée X/Y change projection in 2022 (degrees -> Lambert-93): only geo_point_2d is used.",
        "A few postcodes are outside Paris (93xxx, 94xxx, 92xxx) and one is empty; 75116 is the 16th "
        "arrondissement.",
        "Feature films dominate; TV/web series counts depend on how many locations a series files.",
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {"id": pa.Column(str), "year": pa.Column(int, pa.Check.in_range(2016, 2024)),
         "type": pa.Column(str, pa.Check.isin(TYPES)), "title": pa.Column(str),
         "director": pa.Column(str, nullable=True), "producer": pa.Column(str, nullable=True),
         "postcode": pa.Column(float, pa.Check.in_range(10000, 99999), nullable=True),  # read back as number
         "start": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
         "end": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
         "lat": pa.Column(float, pa.Check.in_range(48.7, 49.0)),
         "lon": pa.Column(float, pa.Check.in_range(2.1, 2.6))},
        strict=True, coerce=True, unique=["id"]),
}
