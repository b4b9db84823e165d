"""Box Office Mojo "yearly box office by territory" pages (saved March 2020) -> data/raw/bom_territory/.

territory_years.csv  one row per territory × year: iso2 (Mojo's area code), iso3, territory (page heading),
                     year, total_gross (USD), pct_change_ly (percent, as printed; blank for '-'), releases,
                     average_gross (USD per release), top_release (#1 release), year_to_date (True for 2020)

Parsing: the first <table> of each page; header cells name the columns, so a reordered page still parses.

Dropping the US + Canada pages. Box Office Mojo answered unrecognised area codes with its "Domestic" (US +
Canada) table. Rule: compare every page's complete-year rows (the 2020 row is year-to-date and differs between
pages saved minutes apart); any table shared by two or more pages is the domestic table and all its pages are
dropped, except the genuine US page if it were among them (it is not: `US.html`, like 33 other codes, shows
"No data available"). Those no-data pages give no rows. Both lists are written to SOURCE caveats at extract time.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from lxml import html

from lib.io import write_csv
from lib.parse import integer, money, percent

FILE = "bom_territory/territory_years.csv"
YTD_YEAR = 2020  # pages saved March 2020: the 2020 row is year-to-date

# Box Office Mojo area codes (ISO 3166-1 alpha-2) of pages that carry their own table -> ISO3.
ISO3 = {
    "AE": "ARE", "AL": "ALB", "AR": "ARG", "AT": "AUT", "AU": "AUS", "AW": "ABW", "BD": "BGD", "BE": "BEL",
    "BG": "BGR", "BH": "BHR", "BO": "BOL", "BR": "BRA", "CH": "CHE", "CL": "CHL", "CN": "CHN", "CO": "COL",
    "CR": "CRI", "CY": "CYP", "CZ": "CZE", "DE": "DEU", "DK": "DNK", "DO": "DOM", "EC": "ECU", "EE": "EST",
    "EG": "EGY", "ES": "ESP", "ET": "ETH", "FI": "FIN", "FR": "FRA", "GB": "GBR", "GH": "GHA", "GR": "GRC",
    "HK": "HKG", "HN": "HND", "HR": "HRV", "HU": "HUN", "ID": "IDN", "IL": "ISR", "IN": "IND", "IS": "ISL",
    "IT": "ITA", "JM": "JAM", "JO": "JOR", "JP": "JPN", "KE": "KEN", "KH": "KHM", "KW": "KWT", "LB": "LBN",
    "LK": "LKA", "LT": "LTU", "LV": "LVA", "MN": "MNG", "MX": "MEX", "MY": "MYS", "NG": "NGA", "NI": "NIC",
    "NL": "NLD", "NO": "NOR", "NZ": "NZL", "OM": "OMN", "PA": "PAN", "PE": "PER", "PH": "PHL", "PK": "PAK",
    "PL": "POL", "PT": "PRT", "PY": "PRY", "QA": "QAT", "RO": "ROU", "RU": "RUS", "SA": "SAU", "SE": "SWE",
    "SG": "SGP", "SI": "SVN", "SK": "SVK", "TH": "THA", "TR": "TUR", "TT": "TTO", "UA": "UKR", "UY": "URY",
    "VN": "VNM", "ZA": "ZAF",
    "US": "USC",  # Mojo's US page is the domestic market = US + Canada
}
HEADERS = {"Year": "year", "Total Gross": "total_gross", "%± LY": "pct_change_ly", "Releases": "releases",
           "Average": "average_gross", "#1 Release": "top_release"}
COLUMNS = ["iso2", "iso3", "territory", "year", "total_gross", "pct_change_ly", "releases", "average_gross",
           "top_release", "year_to_date"]

SOURCE = {
    "key": "bom_territory",
    "publisher": "Box Office Mojo (IMDbPro)",
    "title": "Yearly box office by territory (/year/?area=<ISO2>), pages saved March 2020",
    "address": "https://www.boxofficemojo.com/year/?area=<ISO2>",
    "accessed": "March 2020 (pages saved by the mirror's author)",
    "licence": "none stated (IMDb conditions of use apply)",
    "mirror": "leo1900227/imdb_br @ 4f97d9b, box_office_mojo/html_br/<ISO2>.html (178 pages)",
    "subset": "the yearly table of every page that has its own table",
    "caveats": [
        "Territory totals are sums of tracked releases, not official national box office: India is badly "
        "undercounted, UK and France run about 15–20% below official totals, China before 2013 is far too low.",
        "2020 is year-to-date (March 2020): flagged year_to_date.",
        "South Korea is absent: no KR page was saved (KP, North Korea, returned the US + Canada table).",
        # the dropped-code lists are appended by extract() from the pages themselves
    ],
    "files": [FILE],
}

SCHEMAS = {
    FILE: pa.DataFrameSchema(
        {
            "iso2": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$")),
            "iso3": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
            "territory": pa.Column(str),
            "year": pa.Column(int, pa.Check.in_range(1977, YTD_YEAR)),
            "total_gross": pa.Column(float, pa.Check.ge(0)),
            "pct_change_ly": pa.Column(float, nullable=True),
            "releases": pa.Column(int, pa.Check.ge(0)),
            "average_gross": pa.Column(float, pa.Check.ge(0), nullable=True),
            "top_release": pa.Column(str, nullable=True),
            "year_to_date": pa.Column(bool),
        },
        unique=["iso2", "year"], strict=True, coerce=True,
    )
}


def parse_page(text: str) -> tuple[str, list[dict]]:
    """(page heading, rows of the first table as {column: text}) of one saved page; no table -> []."""
    doc = html.fromstring(text)
    heading = (doc.findtext(".//h1") or "").strip()
    tables = doc.xpath("//table")
    if not tables:
        return heading, []
    trs = tables[0].xpath(".//tr")
    header = [th.text_content().strip() for th in trs[0].xpath("./th")]
    rows = []
    for tr in trs[1:]:
        cells = [td.text_content().strip() for td in tr.xpath("./td")]
        if len(cells) == len(header):
            rows.append(dict(zip(header, cells)))
    return heading, rows


def tidy(iso2: str, heading: str, rows: list[dict]) -> pd.DataFrame:
    """Published strings -> typed columns ('$1,292,698,547' -> 1292698547, '-4.8%' -> -4.8, '-' -> blank)."""
    df = pd.DataFrame(rows).rename(columns=HEADERS)
    out = pd.DataFrame({
        "iso2": iso2, "iso3": ISO3[iso2], "territory": heading.replace(" Yearly Box Office", ""),
        "year": df["year"].astype(int),
        "total_gross": df["total_gross"].map(money),
        "pct_change_ly": df["pct_change_ly"].map(percent),
        "releases": df["releases"].map(integer),
        "average_gross": df["average_gross"].map(money),
        "top_release": df["top_release"].replace({"": None, "-": None}),
    })
    out["year_to_date"] = out["year"] == YTD_YEAR
    return out[COLUMNS]


def complete_years_key(rows: list[dict]) -> tuple:
    """Identity of a table on its complete years (the YTD row differs between pages saved minutes apart)."""
    return tuple(tuple(sorted(r.items())) for r in rows if r.get("Year") != str(YTD_YEAR))


def duplicated_codes(pages: dict[str, list[dict]], keep: str = "US") -> list[str]:
    """Codes whose complete-year table is identical to another page's (the US + Canada fallback), except `keep`."""
    groups = defaultdict(list)
    for code, rows in pages.items():
        key = complete_years_key(rows)
        if key:  # a table with only a YTD row identifies nothing
            groups[key].append(code)
    return sorted(c for codes in groups.values() if len(codes) > 1 for c in codes if c != keep)


def extract(shared: Path, raw: Path) -> None:
    folder = Path(shared) / "bom_territory_years" / "html"
    parsed = {p.stem: parse_page(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.html"))}
    pages = {code: rows for code, (_, rows) in parsed.items()}
    dropped = duplicated_codes(pages)
    no_data = sorted(code for code, rows in pages.items() if not rows)
    frames = [tidy(code, parsed[code][0], rows) for code, rows in pages.items() if rows and code not in dropped]
    write_csv(pd.concat(frames, ignore_index=True), Path(raw) / FILE, sort_by=["iso2", "year"])
    SOURCE["caveats"] = SOURCE["caveats"][:3] + [
        f"Dropped {len(dropped)} pages that returned the identical US + Canada ('Domestic') table for an "
        f"unrecognised code: {', '.join(dropped)}.",
        f"{len(no_data)} pages show 'No data available' and give no rows (including US and CA, so the US + Canada "
        f"market is not in this extract; use the domestic column of the yearly charts): {', '.join(no_data)}.",
    ]
