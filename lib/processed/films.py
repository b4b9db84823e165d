"""`films.csv`: one row per film in Box Office Mojo's yearly worldwide charts 1977–2024, with its country of
origin and, for Chinese films, its mainland China gross; and `films_origin_coverage.csv`.

Key. (title, year) with `title` = the chart title; two different films with one title in one year (Beast, 2022)
get " (#<rank>)" appended to each (the published title stays in `title_published`). Money in USD as published
by Box Office Mojo: worldwide_usd, domestic_usd (US + Canada market, `USC`), foreign_usd (rest of world).

Origin (origin_iso3, origin_method), first rule that applies wins:
1. `tmdb_country`  TMDB 5000 film with the same normalised title (lib.parse.norm_title, title or original title)
   released in the chart year or the year before/after (same year preferred, then the closest revenue).
   Rule for several production countries: USA if any listed country is the US (Hollywood finance and
   distribution lead nearly all such co-productions), else the first listed. All countries: `origin_countries`.
2. `kobis_country` KOBIS films over 10 million admissions (English titles): production_main (Korea -> KOR,
   US -> USA), same title, chart year ±1.
3.–4. Chinese films (chart years 2000–2022, boxofficecn's coverage). Candidates: chart films with a near-zero
   US share (domestic / worldwide <= MAX_US_SHARE, or no US gross) and no non-Chinese origin from rules 1–2.
   Chinese titles (boxofficecn) and English titles (Mojo) cannot be compared, and gross matching alone FAILS:
   tried first, a one-to-one match on china_usd / foreign_usd put e.g. Luca, Shoplifters and Tokyo Revengers
   on Chinese or imported titles, because boxofficecn has no imported-film flag and hundreds of titles a year
   sit at every gross level. The rule therefore pairs titles through
   a. TITLE_MAP, a hand-made crosswalk (Mojo English title, year) -> boxofficecn title for ~100 well-known
      Chinese films (English release titles), used only if the grosses agree:
          china_usd = box_office_10k_cny × 1e4 / CNY per USD (WDI PA.NUS.FCRF, annual average, same year)
          RATIO_LO <= china_usd / foreign_usd <= RATIO_HI
      (Mojo's "foreign" for a Chinese film = mainland China + HK/Taiwan/SE Asia, so the ratio is a little
      under 1; above 1 allows for annual vs weekly FX); a wrong crosswalk entry is rejected, not trusted;
   b. facts anchors for films the crosswalk does not pair: facts_china_intl.csv rows `film_china_gross` give an
      English title, year and published China gross; the pair is kept only if exactly one boxofficecn film
      of that year lies within ANCHOR_TOL of the figure (Monster Hunt's 24.28亿 equals Furious 7's, so an
      anchor without the crosswalk would be wrong: ambiguous anchors are skipped).
   The origin is then `cbooo_region` where the paired Chinese title is a cbooo top-25 film (2008–2017, chart
   year ±1): the compiler's production region, first listed (中国 -> CHN, 中国香港 -> HKG); otherwise
   `china_match_rule` with origin CHN (a Chinese-language film earning most of its non-US gross in mainland
   China; Hong Kong–mainland co-productions count as domestic films in China since CEPA, 2004).
5. `unknown` otherwise.

What the China rule can and cannot find. It finds the Chinese films in the crosswalk (the large ones: every
Chinese film above ~150M USD worldwide in 2012–2022 that Mojo charts, plus many mid-sized ones) and the
facts-anchored ones; its hit rate among all near-zero-US films is low by design (precision over recall:
Japanese, Korean, Indian and European films with no US gross stay `unknown` unless TMDB/KOBIS know them).
It misses Chinese films outside the crosswalk, all Chinese films after boxofficecn ends (mid 2022; the
2023–2024 Mojo charts also miss most Chinese releases), and Chinese films with large grosses outside China
before 2000 (TMDB covers some, e.g. Hero, Crouching Tiger).

china_gross_usd = matched mainland gross in USD (also kept for a TMDB-labelled film, e.g. HKG, that the crosswalk
pairs).
outside_home_usd = worldwide − home-market gross: USA films: worldwide − domestic (home = US + Canada);
CHN films with a China match: worldwide − china_gross_usd; otherwise blank (home gross unknown).
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from lib.parse import money, norm_title
from lib.raw import load

MAX_US_SHARE = 0.05    # near-zero US + Canada share: domestic / worldwide at most 5 %
RATIO_LO = 0.80        # mainland China gross / foreign gross, lower bound (HK, Taiwan, SE Asia take the rest)
RATIO_HI = 1.08        # upper bound: annual-average FX vs Mojo's weekly conversion, late re-counts
ANCHOR_TOL = 0.05      # facts anchor: boxofficecn gross within 5 % of the published China gross
CHINA_YEARS = (2000, 2022)
CHINESE = {"CHN", "HKG", "TWN"}
METHODS = ["tmdb_country", "kobis_country", "cbooo_region", "china_match_rule", "unknown"]

COUNTRY_ISO3 = {  # ISO 3166-1 alpha-2 -> alpha-3 for the TMDB production countries
    "AE": "ARE", "AF": "AFG", "AO": "AGO", "AR": "ARG", "AT": "AUT", "AU": "AUS", "BA": "BIH", "BE": "BEL",
    "BG": "BGR", "BO": "BOL", "BR": "BRA", "BS": "BHS", "BT": "BTN", "CA": "CAN", "CH": "CHE", "CL": "CHL",
    "CM": "CMR", "CN": "CHN", "CO": "COL", "CY": "CYP", "CZ": "CZE", "DE": "DEU", "DK": "DNK", "DO": "DOM",
    "DZ": "DZA", "EC": "ECU", "EG": "EGY", "ES": "ESP", "FI": "FIN", "FR": "FRA", "GB": "GBR", "GH": "GHA",
    "GR": "GRC", "GT": "GTM", "GY": "GUY", "HK": "HKG", "HU": "HUN", "ID": "IDN", "IE": "IRL", "IL": "ISR",
    "IN": "IND", "IR": "IRN", "IS": "ISL", "IT": "ITA", "JM": "JAM", "JO": "JOR", "JP": "JPN", "KE": "KEN",
    "KG": "KGZ", "KH": "KHM", "KR": "KOR", "KY": "CYM", "KZ": "KAZ", "LB": "LBN", "LT": "LTU", "LU": "LUX",
    "LY": "LBY", "MA": "MAR", "MC": "MCO", "MT": "MLT", "MX": "MEX", "MY": "MYS", "NG": "NGA", "NL": "NLD",
    "NO": "NOR", "NZ": "NZL", "PA": "PAN", "PE": "PER", "PH": "PHL", "PK": "PAK", "PL": "POL", "PR": "PRI",
    "PT": "PRT", "RO": "ROU", "RS": "SRB", "RU": "RUS", "SA": "SAU", "SE": "SWE", "SG": "SGP", "SI": "SVN",
    "SK": "SVK", "SL": "SLE", "TH": "THA", "TN": "TUN", "TR": "TUR", "TW": "TWN", "UA": "UKR", "US": "USA",
    "UY": "URY", "VE": "VEN", "VN": "VNM", "ZA": "ZAF", "AW": "ABW", "DM": "DMA", "FJ": "FJI", "GP": "GLP",
    "CS": "SCG",  # Serbia and Montenegro (withdrawn 2006; SCG was its alpha-3)
}
CBOOO_REGION_ISO3 = {
    "中国": "CHN", "中国大陆": "CHN", "中国香港": "HKG", "中国台湾": "TWN", "美国": "USA", "英国": "GBR",
    "法国": "FRA", "日本": "JPN", "韩国": "KOR", "印度": "IND", "德国": "DEU", "加拿大": "CAN",
    "澳大利亚": "AUS", "新西兰": "NZL", "西班牙": "ESP", "俄罗斯": "RUS", "泰国": "THA",
}
TITLE_MAP = {  # (Box Office Mojo title, chart year) -> boxofficecn title; hand-made, checked by gross at build
    ('Aftershock', 2010): '唐山大地震',
    ('Let the Bullets Fly', 2010): '让子弹飞',
    ('Chinese Zodiac', 2012): '十二生肖',
    ('Lost in Thailand', 2012): '人再囧途之泰囧',
    ('American Dreams in China', 2013): '中国合伙人',
    ('Finding Mr. Right', 2013): '北京遇上西雅图',
    ('Journey to the West: Conquering the Demons', 2013): '西游·降魔篇',
    ('Breakup Buddies', 2014): '心花路放',
    ('Dad, Where Are We Going?', 2014): '爸爸去哪儿',
    ('Gone with the Bullets', 2014): '一步之遥',
    ('The Breakup Guru', 2014): '分手大师',
    ("The Monkey King: Havoc in Heaven's Palace", 2014): '西游记之大闹天宫',
    ('The Taking of Tiger Mountain', 2014): '智取威虎山（3D）',
    ('Tiny Times 3.0', 2014): '小时代3：刺金时代',
    ('Detective Chinatown', 2015): '唐人街探案',
    ('Dragon Blade', 2015): '天将雄师',
    ('From Vegas to Macau II', 2015): '澳门风云2',
    ('Go Away Mr. Tumor', 2015): '滚蛋吧！肿瘤君',
    ('Goodbye Mr. Loser', 2015): '夏洛特烦恼',
    ('Ip Man 3', 2015): '叶问3',
    ('Jian Bing Man', 2015): '煎饼侠',
    ('Lost in Hong Kong', 2015): '港囧',
    ('Mojin: The Lost Legend', 2015): '寻龙诀',
    ('Monk Comes Down the Mountain', 2015): '道士下山',
    ('Monkey King: Hero Is Back', 2015): '西游记之大圣归来',
    ('Monster Hunt', 2015): '捉妖记',
    ('Mr. Six', 2015): '老炮儿',
    ('The Hundred Regiments Offensive', 2015): '百团大战',
    ('Wolf Totem', 2015): '狼图腾',
    ('Wolf Warrior', 2015): '战狼',
    ('Zhongkui: Snow Girl and the Dark Crystal', 2015): '钟馗伏魔：雪妖魔灵',
    ('Big Fish & Begonia', 2016): '大鱼海棠',
    ('Book of Love', 2016): '北京遇上西雅图2',
    ('Cold War 2', 2016): '寒战2',
    ('From Vegas to Macau III', 2016): '澳门风云3',
    ('I Belonged to You', 2016): '从你的全世界路过',
    ('L.O.R.D: Legend of Ravaging Dynasties', 2016): '爵迹',
    ('Operation Mekong', 2016): '湄公河行动',
    ('Railroad Tigers', 2016): '铁道飞虎',
    ('Skiptrace', 2016): '绝地逃亡',
    ('The Great Wall', 2016): '长城',
    ('The Mermaid', 2016): '美人鱼',
    ('The Monkey King 2', 2016): '西游记之孙悟空三打白骨精',
    ('Time Raiders', 2016): '盗墓笔记',
    ('Chasing the Dragon', 2017): '追龙',
    ('Duckweed', 2017): '乘风破浪',
    ('Journey to the West: The Demons Strike Back', 2017): '西游伏妖篇',
    ('Kung Fu Yoga', 2017): '功夫瑜伽',
    ('Legend of the Demon Cat', 2017): '妖猫传',
    ('Never Say Die', 2017): '羞羞的铁拳',
    ('Paradox', 2017): '杀破狼·贪狼',
    ('Shock Wave', 2017): '拆弹专家',
    ('The Ex-File 3: Return of the Exes', 2017): '前任3：再见前任',
    ('The Founding of an Army', 2017): '建军大业',
    ('Wolf Warrior 2', 2017): '战狼2',
    ('Youth', 2017): '芳华',
    ('Amazing China', 2018): '厉害了，我的国',
    ('Animal World', 2018): '动物世界',
    ('Detective Chinatown 2', 2018): '唐人街探案2',
    ('Dying to Survive', 2018): '我不是药神',
    ('Hello, Mrs. Money', 2018): '李茶的姑妈',
    ('Hidden Man', 2018): '邪不压正',
    ('Monster Hunt 2', 2018): '捉妖记2',
    ('Operation Red Sea', 2018): '红海行动',
    ('Project Gutenberg', 2018): '无双',
    ('Shadow', 2018): '影',
    ('The Island', 2018): '一出好戏',
    ('Us and Them', 2018): '后来的我们',
    ('Better Days', 2019): '少年的你',
    ('Crazy Alien', 2019): '疯狂的外星人',
    ('Ip Man 4: The Finale', 2019): '叶问4',
    ('Jade Dynasty', 2019): '诛仙',
    ('Looking Up', 2019): '银河补习班',
    ('My People, My Country', 2019): '我和我的祖国',
    ('Ne Zha', 2019): '哪吒之魔童降世',
    ('Pegasus', 2019): '飞驰人生',
    ('Sheep Without a Shepherd', 2019): '误杀',
    ('The Bravest', 2019): '烈火英雄',
    ('The Captain', 2019): '中国机长',
    ('The Climbers', 2019): '攀登者',
    ('The Wandering Earth', 2019): '流浪地球',
    ('The White Storm 2: Drug Lords', 2019): '扫毒2天地对决',
    ('A Little Red Flower', 2020): '送你一朵小红花',
    ('Caught in Time', 2020): '除暴',
    ('Jiang Ziya', 2020): '姜子牙',
    ('Leap', 2020): '夺冠',
    ('Love You Forever', 2020): '我在时间尽头等你',
    ('My People, My Homeland', 2020): '我和我的家乡',
    ('Shock Wave 2', 2020): '拆弹专家2',
    ('The Eight Hundred', 2020): '八佰',
    ('The Rescue', 2020): '紧急救援',
    ('The Sacrifice', 2020): '金刚川',
    ('Vanguard', 2020): '急先锋',
    ('Warm Hug', 2020): '温暖的抱抱',
    ('1921', 2021): '1921',
    ("A Writer's Odyssey", 2021): '刺杀小说家',
    ('Be Somebody', 2021): '扬名立万',
    ('Chinese Doctors', 2021): '中国医生',
    ('Cliff Walkers', 2021): '悬崖之上',
    ('Detective Chinatown 3', 2021): '唐人街探案3',
    ('Hi, Mom', 2021): '你好，李焕英',
    ('My Country, My Parents', 2021): '我和我的父辈',
    ('Raging Fire', 2021): '怒火·重案',
    ('Sister', 2021): '我的姐姐',
    ('The Battle at Lake Changjin', 2021): '长津湖',
    ('Nice View', 2022): '奇迹·笨小孩',
    ('Water Gate Bridge', 2022): '长津湖之水门桥',
}
KOBIS_ISO3 = {"Korea": "KOR", "US": "USA", "Japan": "JPN", "UK": "GBR", "China": "CHN", "France": "FRA"}

SORT = ["title", "year"]
_ISO3 = pa.Check.str_matches(r"^[A-Z]{3}$")
SCHEMAS = {
    "films.csv": pa.DataFrameSchema(
        {
            "title": pa.Column(str, pa.Check.str_length(min_value=1)),
            "year": pa.Column(int, pa.Check.in_range(1977, 2024)),
            "rank": pa.Column(int, pa.Check.in_range(1, 200)),
            "title_published": pa.Column(str),
            "worldwide_usd": pa.Column(float, pa.Check.gt(0)),
            "domestic_usd": pa.Column(float, pa.Check.ge(0), nullable=True),
            "foreign_usd": pa.Column(float, pa.Check.ge(0), nullable=True),
            "us_share": pa.Column(float, pa.Check.in_range(0, 1), nullable=True),
            "origin_iso3": pa.Column(str, _ISO3, nullable=True),
            "origin_method": pa.Column(str, pa.Check.isin(METHODS)),
            "origin_countries": pa.Column(str, nullable=True),
            "origin_match": pa.Column(str, nullable=True),
            "china_title": pa.Column(str, nullable=True),
            "china_gross_cny": pa.Column(float, pa.Check.gt(0), nullable=True),
            "china_gross_usd": pa.Column(float, pa.Check.gt(0), nullable=True),
            "china_to_foreign_ratio": pa.Column(float, pa.Check.gt(0), nullable=True),
            "outside_home_usd": pa.Column(float, pa.Check.ge(0), nullable=True),
            "source": pa.Column(str),
        },
        unique=SORT, strict=True, coerce=True,
    ),
    "films_origin_coverage.csv": pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(1977, 2024)),
            "origin_method": pa.Column(str, pa.Check.isin(METHODS + ["known_total"])),
            "n_films": pa.Column(int, pa.Check.ge(0)),
            "worldwide_usd": pa.Column(float, pa.Check.ge(0)),
            "share_of_films": pa.Column(float, pa.Check.in_range(0, 1)),
            "share_of_worldwide_gross": pa.Column(float, pa.Check.in_range(0, 1)),
        },
        unique=["year", "origin_method"], strict=True, coerce=True,
    ),
}
SORT_KEYS = {"films.csv": SORT, "films_origin_coverage.csv": ["year", "origin_method"]}


# ---------------------------------------------------------------------------------------------- chart films
def chart_films(charts: pd.DataFrame) -> pd.DataFrame:
    """Yearly chart rows -> films with a unique (title, year) key and USD columns."""
    df = charts.rename(columns={"worldwide": "worldwide_usd", "domestic": "domestic_usd", "foreign": "foreign_usd"})
    df["title_published"] = df["title"]
    dup = df.duplicated(["title", "year"], keep=False)
    df.loc[dup, "title"] = df.loc[dup, "title"] + " (#" + df.loc[dup, "rank"].astype(str) + ")"
    df["us_share"] = df["domestic_usd"] / df["worldwide_usd"]
    df["key"] = df["title_published"].map(norm_title)
    return df[["title", "year", "rank", "title_published", "worldwide_usd", "domestic_usd", "foreign_usd",
               "us_share", "key"]].reset_index(drop=True)


def near_zero_us(films: pd.DataFrame) -> pd.Series:
    """No US + Canada gross, or at most MAX_US_SHARE of worldwide."""
    return films["domestic_usd"].isna() | (films["us_share"] <= MAX_US_SHARE)


# ---------------------------------------------------------------------------------------------- rule 1: TMDB
def tmdb_origin(countries: list[str]) -> str | None:
    """ISO2 production countries in TMDB's order -> ISO3 origin: USA if the US is listed, else the first."""
    if not countries:
        return None
    return "USA" if "US" in countries else COUNTRY_ISO3[countries[0]]


def tmdb_table(movies: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """TMDB films with a country list: key (normalised title or original title), year, revenue, countries."""
    lists = (countries.sort_values(["id", "position"]).groupby("id")["iso_3166_1"].agg(list))
    m = movies[movies["id"].isin(lists.index) & movies["release_year"].notna()].copy()
    m["countries"] = m["id"].map(lists)
    keys = pd.concat([m.assign(key=m["title"].map(norm_title)),
                      m.assign(key=m["original_title"].map(norm_title))]).drop_duplicates(["id", "key"])
    return keys[["id", "key", "release_year", "revenue", "countries"]].rename(columns={"release_year": "tyear"})


def match_tmdb(films: pd.DataFrame, tmdb: pd.DataFrame) -> pd.DataFrame:
    """Best TMDB film per chart film: same key, |year gap| <= 1; same year first, then the closest revenue."""
    cand = films[["title", "year", "key", "worldwide_usd"]].merge(tmdb, on="key")
    cand = cand[(cand["tyear"] - cand["year"]).abs() <= 1].copy()
    cand["gap"] = (cand["tyear"] - cand["year"]).abs()
    cand["rev_gap"] = (cand["revenue"].where(cand["revenue"] > 0) - cand["worldwide_usd"]).abs().fillna(np.inf)
    best = cand.sort_values(["title", "year", "gap", "rev_gap", "id"]).drop_duplicates(["title", "year"])
    best = best[best["countries"].map(len) > 0]
    return pd.DataFrame({
        "title": best["title"], "year": best["year"],
        "origin_iso3": best["countries"].map(tmdb_origin),
        "origin_countries": best["countries"].map(lambda c: ";".join(COUNTRY_ISO3[x] for x in c)),
        "origin_match": "tmdb id " + best["id"].astype(str),
    })


# ---------------------------------------------------------------------------------------------- rule 2: KOBIS
def match_kobis(films: pd.DataFrame, ten: pd.DataFrame) -> pd.DataFrame:
    k = ten.assign(key=ten["film_title_en"].map(norm_title))[["key", "year", "production_main", "production_all"]]
    cand = films[["title", "year", "key"]].merge(k.rename(columns={"year": "kyear"}), on="key")
    cand = cand[(cand["kyear"] - cand["year"]).abs() <= 1]
    cand = cand.assign(gap=(cand["kyear"] - cand["year"]).abs()).sort_values(["title", "year", "gap"])
    best = cand.drop_duplicates(["title", "year"])
    return pd.DataFrame({
        "title": best["title"], "year": best["year"],
        "origin_iso3": best["production_main"].map(KOBIS_ISO3),
        "origin_countries": best["production_all"].fillna(best["production_main"]),
        "origin_match": "kobis tenmillion " + best["production_main"],
    })


# ---------------------------------------------------------------------------------------------- rules 3–4
def cny_per_usd(wdi: pd.DataFrame) -> pd.Series:
    """WDI official exchange rate for China (PA.NUS.FCRF, CNY per USD, annual average), indexed by year."""
    fx = wdi[(wdi["indicator"] == "PA.NUS.FCRF") & (wdi["iso3"] == "CHN")]
    return pd.Series(pd.to_numeric(fx["value"]).to_numpy(), index=fx["year"].astype(int).to_numpy()).sort_index()


def boxofficecn_table(cn: pd.DataFrame, fx: pd.Series) -> pd.DataFrame:
    """boxofficecn films with a numeric gross: title, year, gross in CNY (万 × 1e4) and USD (÷ annual FX)."""
    gross = pd.to_numeric(cn["box_office_10k_cny"], errors="coerce") * 1e4
    out = pd.DataFrame({"china_title": cn["title"], "year": cn["year"].astype(int), "china_gross_cny": gross,
                        "cn_rank": cn["rank"]})
    out = out[out["china_gross_cny"].gt(0) & out["year"].isin(fx.index)].copy()
    out["china_gross_usd"] = out["china_gross_cny"] / out["year"].map(fx)
    return out.reset_index(drop=True)


def cbooo_table(cb: pd.DataFrame, fx: pd.Series) -> pd.DataFrame:
    """cbooo top-25 films: year = year of the first schedule date; region -> ISO3 of the first listed region."""
    out = pd.DataFrame({
        "china_title": cb["title"], "year": cb["first_schedule_date"].str[:4].astype(int),
        "china_gross_cny": pd.to_numeric(cb["gross_10k_cny"]) * 1e4, "region": cb["region"],
    })
    out["region_iso3"] = out["region"].str.split("/").str[0].map(CBOOO_REGION_ISO3)
    out = out[out["year"].isin(fx.index)].copy()
    out["china_gross_usd"] = out["china_gross_cny"] / out["year"].map(fx)
    return out.reset_index(drop=True)


def fact_anchors(films: pd.DataFrame, facts: pd.DataFrame, china: pd.DataFrame, fx: pd.Series) -> pd.DataFrame:
    """Pairs pinned by published film-level China grosses (facts_china_intl.csv, indicator film_china_gross):
    chart film with that English title and year <-> boxofficecn film of that year closest to the figure."""
    unit_factor = {"100 million RMB (亿元)": ("CNY", 1e8), "million USD": ("USD", 1e6)}
    f = facts[(facts["indicator"] == "film_china_gross") & facts["unit"].isin(unit_factor)].copy()
    rows = []
    for r in f.itertuples(index=False):
        year = int(r.year)
        cur, factor = unit_factor[r.unit]
        cny = float(r.value) * factor * (fx.get(year, np.nan) if cur == "USD" else 1)
        hit = films[(films["key"] == norm_title(r.entity)) & (films["year"] == year)]
        pool = china[china["year"] == year]
        if hit.empty or pool.empty or not math.isfinite(cny):
            continue
        err = (pool["china_gross_cny"] / cny - 1).abs()
        if (err <= ANCHOR_TOL).sum() == 1:  # exactly one China film near the figure (else ambiguous: skip)
            c = pool.loc[err.idxmin()]
            rows.append({"title": hit["title"].iloc[0], "year": year, **c.to_dict(),
                         "foreign_usd": hit["foreign_usd"].iloc[0]})
    out = pd.DataFrame(rows)
    if len(out):
        out["ratio"] = out["china_gross_usd"] / out["foreign_usd"]
    return out


def title_map_pairs(films: pd.DataFrame, china: pd.DataFrame, title_map: dict | None = None) -> pd.DataFrame:
    """Crosswalk pairs (TITLE_MAP): chart film (title, year) <-> boxofficecn title released in year−1..year+1
    (closest year first), kept only if RATIO_LO <= china_usd / foreign_usd <= RATIO_HI (the gross check
    rejects a wrong crosswalk entry instead of trusting it)."""
    title_map = TITLE_MAP if title_map is None else title_map
    rows = []
    for (title, year), cn_title in sorted(title_map.items()):
        hit = films[(films["title_published"] == title) & (films["year"] == year)]
        pool = china[(china["china_title"] == cn_title) & china["year"].between(year - 1, year + 1)]
        if hit.empty or pool.empty or pd.isna(hit["foreign_usd"].iloc[0]):
            continue
        c = pool.loc[(pool["year"] - year).abs().sort_values(kind="mergesort").index[0]]
        ratio = c["china_gross_usd"] / hit["foreign_usd"].iloc[0]
        if RATIO_LO <= ratio <= RATIO_HI:
            rows.append({"title": hit["title"].iloc[0], "year": year, "china_title": cn_title,
                         "china_gross_cny": c["china_gross_cny"], "china_gross_usd": c["china_gross_usd"],
                         "ratio": ratio})
    return pd.DataFrame(rows, columns=["title", "year", "china_title", "china_gross_cny", "china_gross_usd",
                                       "ratio"])


def match_china(films: pd.DataFrame, china: pd.DataFrame, facts: pd.DataFrame, fx: pd.Series) -> pd.DataFrame:
    """Crosswalk pairs first; facts anchors only for chart films the crosswalk does not pair."""
    cols = ["title", "year", "china_title", "china_gross_cny", "china_gross_usd", "ratio"]
    pairs = title_map_pairs(films, china)
    done = set(zip(pairs["title"], pairs["year"]))
    rest = films[[(t, y) not in done for t, y in zip(films["title"], films["year"])]]
    anchors = fact_anchors(rest, facts, china, fx)
    out = [pairs[cols].assign(how="title map")]
    if len(anchors):
        out.append(anchors[cols].assign(how="facts anchor"))
    return pd.concat(out, ignore_index=True)


# ---------------------------------------------------------------------------------------------- assembly
def assign_origin(films: pd.DataFrame, tm, ko, cb, cn) -> pd.DataFrame:
    """Apply the rules in order (first wins) and the China gross, then outside_home_usd."""
    out = films.copy()
    for col in ["origin_iso3", "origin_countries", "origin_match", "china_title"]:
        out[col] = pd.Series([None] * len(out), dtype=object)
    for col in ["china_gross_cny", "china_gross_usd", "china_to_foreign_ratio"]:
        out[col] = np.nan
    out["origin_method"] = "unknown"
    idx = out.set_index(["title", "year"]).index

    def put(table: pd.DataFrame, method: str, china: bool = False) -> None:
        if table is None or table.empty:
            return
        t = table.set_index(["title", "year"])
        hit = idx.isin(t.index) & (out["origin_method"] == "unknown").to_numpy()
        if china:  # a China gross is recorded for every match, even when an earlier rule set the origin
            sel = idx.isin(t.index) & out["china_title"].isna().to_numpy()
            rows = t.loc[idx[sel]]
            out.loc[sel, "china_title"] = rows["china_title"].to_numpy()
            out.loc[sel, "china_gross_cny"] = rows["china_gross_cny"].to_numpy()
            out.loc[sel, "china_gross_usd"] = rows["china_gross_usd"].to_numpy()
            out.loc[sel, "china_to_foreign_ratio"] = rows["ratio"].to_numpy()
        rows = t.loc[idx[hit]]
        out.loc[hit, "origin_iso3"] = rows["origin_iso3"].to_numpy()
        out.loc[hit, "origin_countries"] = rows["origin_countries"].to_numpy()
        out.loc[hit, "origin_match"] = rows["origin_match"].to_numpy()
        out.loc[hit, "origin_method"] = method

    put(tm, "tmdb_country")
    put(ko, "kobis_country")
    put(cb, "cbooo_region", china=True)
    put(cn, "china_match_rule", china=True)
    out["outside_home_usd"] = outside_home(out)
    out["source"] = source_label(out)
    return out.drop(columns=["key"])


def outside_home(films: pd.DataFrame) -> pd.Series:
    """worldwide − home gross: USA -> domestic (US + Canada); CHN with a China gross -> china_gross_usd.
    Clipped at 0 (the China gross converted at the annual FX can exceed a film's worldwide by a little)."""
    res = pd.Series(np.nan, index=films.index)
    usa = films["origin_iso3"].eq("USA") & films["domestic_usd"].notna()
    res[usa] = films.loc[usa, "worldwide_usd"] - films.loc[usa, "domestic_usd"]
    chn = films["origin_iso3"].eq("CHN") & films["china_gross_usd"].notna()
    res[chn] = (films.loc[chn, "worldwide_usd"] - films.loc[chn, "china_gross_usd"]).clip(lower=0)
    return res


def source_label(films: pd.DataFrame) -> pd.Series:
    base = "Box Office Mojo (grosses)"
    extra = films["origin_method"].map({
        "tmdb_country": "; TMDb (origin)", "kobis_country": "; KOFIC KOBIS (origin)",
        "cbooo_region": "; cbooo.cn/EntGroup (origin, China gross); World Bank WDI (FX)",
        "china_match_rule": "; boxofficecn.com (China gross); World Bank WDI (FX)", "unknown": "",
    })
    extra = extra.where(~(films["origin_method"].isin(["tmdb_country", "kobis_country"])
                          & films["china_title"].notna()),
                        extra + "; boxofficecn.com or cbooo.cn (China gross); World Bank WDI (FX)")
    return base + extra


def coverage(films: pd.DataFrame) -> pd.DataFrame:
    """Per year and origin method: films, their worldwide gross, shares of the year's films and gross;
    'known_total' = every method except unknown."""
    f = films.assign(n=1)
    by = f.groupby(["year", "origin_method"], as_index=False).agg(n_films=("n", "sum"),
                                                                  worldwide_usd=("worldwide_usd", "sum"))
    full = pd.MultiIndex.from_product([sorted(f["year"].unique()), METHODS], names=["year", "origin_method"])
    by = by.set_index(["year", "origin_method"]).reindex(full, fill_value=0).reset_index()
    known = (by[by["origin_method"] != "unknown"].groupby("year", as_index=False)[["n_films", "worldwide_usd"]]
             .sum().assign(origin_method="known_total"))
    by = pd.concat([by, known], ignore_index=True)
    tot = f.groupby("year").agg(n=("n", "sum"), w=("worldwide_usd", "sum"))
    by["share_of_films"] = by["n_films"] / by["year"].map(tot["n"])
    by["share_of_worldwide_gross"] = by["worldwide_usd"] / by["year"].map(tot["w"])
    return by[["year", "origin_method", "n_films", "worldwide_usd", "share_of_films", "share_of_worldwide_gross"]]


def build(raw: Path, processed: Path) -> dict[str, pd.DataFrame]:
    films = chart_films(load("bom_yearly/worldwide_charts.csv", raw))
    fx = cny_per_usd(load("wdi/wdi.csv", raw))
    tm = match_tmdb(films, tmdb_table(load("tmdb/movies.csv", raw), load("tmdb/production_countries.csv", raw)))
    ko = match_kobis(films, load("kobis/tenmillion.csv", raw))

    # rules 3–4 apply to films with a near-zero US share and no non-Chinese origin from TMDB or KOBIS
    other = pd.concat([tm[~tm["origin_iso3"].isin(CHINESE)], ko[~ko["origin_iso3"].isin(CHINESE)]])
    low = films[near_zero_us(films)
                & ~films.set_index(["title", "year"]).index.isin(other.set_index(["title", "year"]).index)]
    cn_all = boxofficecn_table(load("boxofficecn/films.csv", raw), fx)
    cn_all = cn_all[cn_all["year"].between(*CHINA_YEARS)]
    cn = match_china(low, cn_all, load("facts/facts_china_intl.csv", raw), fx)
    # the cbooo region, where the matched Chinese title is a cbooo top-25 film (chart year ±1), names the origin
    cbt = cbooo_table(load("cbooo/films.csv", raw), fx)[["china_title", "year", "region", "region_iso3"]]
    reg = cn.merge(cbt.rename(columns={"year": "cb_year"}), on="china_title", how="left")
    reg = reg[reg["region"].isna() | ((reg["cb_year"] - reg["year"]).abs() <= 1)]
    reg = reg.drop_duplicates(["title", "year"])
    in_cb = reg["region_iso3"].notna()
    cb = reg[in_cb].assign(origin_iso3=reg["region_iso3"], origin_countries=reg["region"],
                           origin_match="cbooo " + reg["china_title"] + " (" + reg["region"] + "), " + reg["how"])
    cn = reg[~in_cb].assign(origin_iso3="CHN", origin_countries="CHN",
                            origin_match="boxofficecn " + reg["china_title"] + " (" + reg["how"] + ")")

    out = assign_origin(films, tm, ko, cb, cn)
    cols = list(SCHEMAS["films.csv"].columns)
    return {"films.csv": out[cols], "films_origin_coverage.csv": coverage(out)}
