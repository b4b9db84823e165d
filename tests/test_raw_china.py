"""Raw extractors for China, macro and facts sources: parsing only, values as published (tiny inline inputs)."""
from __future__ import annotations

import pandas as pd
import pytest

from lib.raw import boxofficecn, cbooo, elcano, facts, load, wdi
from lib.processed.china_year import UnknownUnitError, parse_unit, to_base


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_units_to_base():
    assert to_base("642.66", "100 million RMB (亿元)") == pytest.approx((6.4266e10, "CNY"))
    assert to_base("35.17", "100 million RMB (亿元)")[0] == pytest.approx(3.517e9)
    assert to_base("13.72", "100 million (亿人次)") == pytest.approx((1.372e9, "count"))
    assert to_base("12", "10 thousand (万人次)")[0] == pytest.approx(1.2e5)
    assert to_base("1.74", "trillion KRW") == pytest.approx((1.74e12, "KRW"))
    assert to_base("58.33", "percent")[0] == pytest.approx(0.5833)
    assert parse_unit("billion CNY (approx.)") == (1e9, "CNY", "approx.")


def test_unknown_unit_is_an_error():
    with pytest.raises(UnknownUnitError, match="furlongs"):
        to_base("1", "furlongs")
    with pytest.raises(UnknownUnitError):
        to_base("3", "percent y/y")  # a growth rate is not a share


def test_boxofficecn_keeps_text_values(tmp_path):
    write(tmp_path / "shared/china_boxofficecn/China_move_rank.csv",
          'number,year,movie_name,box_office\n1,2015,"\r\n默守那份情\r\n",77.9\n2,2015,某片,\xa0–\n3,2016,乙,暂无\n')
    boxofficecn.extract(tmp_path / "shared", tmp_path / "raw")
    df = load(boxofficecn.FILE, tmp_path / "raw")
    assert df["title"].tolist() == ["默守那份情", "某片", "乙"]
    assert df["box_office_10k_cny"].tolist() == ["77.9", "–", "暂无"]  # not zeros, not NaN
    boxofficecn.SCHEMAS[boxofficecn.FILE].validate(df)


def test_cbooo_schedule_and_years(tmp_path):
    assert cbooo.schedule_summary("[['2008-07-10', 0, 0], ['2008-07-13', 8698, 4]]") == ("2008-07-10",
                                                                                         "2008-07-13", 2)
    long = cbooo.datayears([["year", "China", "cooperation", "foreign"], ["2009", "200770", "9194", "181880"]])
    assert long.values.tolist() == [["2009", "China", "200770"], ["2009", "cooperation", "9194"],
                                    ["2009", "foreign", "181880"]]


def test_facts_copied_unchanged(tmp_path):
    header = "indicator,year,value,unit,source_title,source_address,note\n"
    rows = 'national_box_office,2016,457.12,100 million RMB (亿元),"gov.cn, 2017",http://x,\nx,2007-03,20-30,films,t,a,"about, over"\n'
    write(tmp_path / "shared/facts/facts_china.csv", header + rows)
    facts.copy_table(tmp_path / "shared/facts/facts_china.csv", tmp_path / "raw/facts/facts_china.csv",
                     facts.FILES["facts/facts_china.csv"])
    df = load("facts/facts_china.csv", tmp_path / "raw")
    assert df["year"].tolist() == ["2016", "2007-03"] and df["value"].tolist() == ["457.12", "20-30"]
    assert df["note"].tolist()[1] == "about, over"
    write(tmp_path / "shared/bad.csv", "indicator,value\n")
    with pytest.raises(ValueError, match="header"):
        facts.copy_table(tmp_path / "shared/bad.csv", tmp_path / "raw/bad.csv", facts.FILES["facts/facts_china.csv"])


def test_wdi_filters_countries_and_keeps_text(tmp_path):
    write(tmp_path / "pa.csv", "Country Name,Country Code,Year,Value\nAruba,ABW,1986,1.79\n"
          "China,CHN,2019,6.90838469096672\nChina,CHN,2020,\n")
    df = wdi.read_indicator(tmp_path / "pa.csv", "PA.NUS.FCRF")
    assert df[["iso3", "year", "value"]].values.tolist() == [["CHN", 2019, "6.90838469096672"]]


def test_elcano_lookup_and_components(tmp_path):
    write(tmp_path / "shared/elcano_iepg/country_lookup.csv",
          "id_master_country,iso_3166_1_3_code,short_name_en1,full_name_en\nun156,CHN,China,China\nun4,AFG,A,A\n")
    cols = ["id_master_country", "date_in", "date_out", "culture", "soft_presence", "iepg"]
    write(tmp_path / "shared/elcano_iepg/iepg_final_data.csv", ";".join(cols) + "\n"
          "un156;2010-01-01;2010-12-31;123.7667429;80;236.9\nun4;2010-01-01;2010-12-31;1;1;1\n")
    elcano.extract(tmp_path / "shared", tmp_path / "raw")
    df = load(elcano.FILE, tmp_path / "raw")
    assert set(df["iso3"]) == {"CHN"} and len(df) == 3
    assert df.set_index("component").loc["culture", "value"] == pytest.approx(123.7667429)
