"""Raw cluster extractors (QCEW, BFI, Paris, NYC) on tiny inline inputs; size of the committed extracts."""
import math
from pathlib import Path

import pandas as pd
import pytest

from lib import paths
from lib.cluster_data import la_metro_code, parse_geo_point, suppressed_to_missing
from lib.raw import bfi, nyc, paris, qcew


def _qcew_row(fips, own, agglvl, year, qtr, disc="", emp=10, title="x"):
    row = {c: "0" for c in ["qtrly_estabs_count", "month1_emplvl", "month2_emplvl", "month3_emplvl",
                            "total_qtrly_wages", "avg_wkly_wage", "lq_qtrly_estabs_count", "lq_month1_emplvl",
                            "lq_month2_emplvl", "lq_month3_emplvl", "lq_total_qtrly_wages", "lq_avg_wkly_wage"]}
    row.update(area_fips=fips, own_code=str(own), agglvl_code=str(agglvl), year=str(year), qtr=str(qtr),
               disclosure_code=disc, lq_disclosure_code=disc, area_title=title, qtrly_estabs_count="3",
               month1_emplvl=str(emp), industry_code="512110", size_code="0")
    return row


def test_qcew_select_keeps_chosen_areas_and_private_counties_only():
    df = pd.DataFrame([
        _qcew_row("C3110", 5, 48, 2012, 4), _qcew_row("C3108", 5, 48, 2013, 1),
        _qcew_row("06037", 5, 78, 2013, 1), _qcew_row("06037", 3, 78, 2013, 1),   # local government
        _qcew_row("01001", 5, 78, 2013, 1, disc="N", emp=0), _qcew_row("C9999", 5, 48, 2013, 1)])
    out = {k: v for k, (v, _) in qcew.select(df).items()}
    areas, counties = out[qcew.AREAS_FILE], out[qcew.COUNTIES_FILE]
    assert set(areas["area_fips"]) == {"C3110", "C3108", "06037"}          # unknown MSA dropped
    assert set(counties["own_code"]) == {"5"} and set(counties["area_fips"]) == {"06037", "01001"}
    assert counties.loc[counties["area_fips"] == "01001", "disclosure_code"].item() == "N"  # kept as published


def test_la_metro_code_changes_in_2013():
    assert la_metro_code(2012) == "C3110" and la_metro_code(2013) == "C3108" and la_metro_code(2024) == "C3108"


def test_disclosure_n_becomes_missing_not_zero():
    df = pd.DataFrame({"disclosure_code": ["N", None, ""], "month1_emplvl": [0, 0, 5]})
    out = suppressed_to_missing(df, ["month1_emplvl"])
    assert math.isnan(out["month1_emplvl"][0]) and out["month1_emplvl"][1] == 0 and out["month1_emplvl"][2] == 5


def test_bfi_regional_skips_title_rows_and_keeps_suppressed_text():
    rows = [["Year", "Sector", "Type", "E12000007 : London", "UK"],
            ["Table title inside the sheet", None, None, None, None],
            [2017, "59111 : Motion picture production activities", "Turnover", "..C", 4509379],
            [2017, "Total", "Count", 4435.0, 8115],
            ["Source: ONS", None, None, None, None]]
    out = bfi.regional(rows)
    assert len(out) == 4
    ldn = out[(out["region"] == "London") & (out["measure"] == "Turnover")].iloc[0]
    assert ldn["value"] == "..C" and ldn["sic"] == "59111" and ldn["region_code"] == "E12000007"
    assert out[(out["sic"] == "Total") & (out["region"] == "London")]["value"].item() == "4435"


def test_bfi_aps_reads_below_title_and_stops_at_footnotes():
    sheets = {"Employment by region": [
        ["London and South East percentage share ...", None, None], ["Year", "Film and video production", "UK"],
        [2022, 55, 29.6], [2023, "c", 29.45], ["Source: ONS APS", None, None], ["footnote text", None, None]]}
    out = bfi.aps(sheets)
    assert len(out) == 4
    assert out[(out["year"] == 2023) & (out["series"] == "Film and video production")]["value"].item() == "c"


def test_paris_uses_geo_point_2d_not_projected_xy(tmp_path):
    header = ("Identifiant du lieu;Année du tournage;Type de tournage;Titre;Réalisateur;Producteur;"
              "Localisation de la scène;Code postal;Date de début;Date de fin;Coordonnée en X;Coordonnée en Y;"
              "geo_shape;geo_point_2d")
    row_2023 = ("2023-101;2023;Série TV;RSD;Tim;PILGRIM;quai;75005;2023-02-03;2023-02-05;652451.117;6861399.796;"
                "\"{}\";48.85088400013026, 2.352027043086803")
    f = tmp_path / "paris.csv"
    f.write_bytes(("\ufeff" + header + "\n" + row_2023 + "\n").encode("utf-8"))
    out = paris.read(f)
    assert list(out.columns[:2]) == ["id", "year"] and out["id"][0] == "2023-101"   # BOM stripped
    assert out["lat"][0] == "48.85088400013026" and out["lon"][0] == "2.352027043086803"
    assert parse_geo_point("48.85, 2.35") == (48.85, 2.35)


def test_nyc_read_renames_and_keeps_text(tmp_path):
    f = tmp_path / "nyc.csv"
    f.write_text('EventID,StartDateTime,EndDateTime,EnteredOn,Category,ZipCode(s)\n'
                 '468379,3/9/19 4:00,3/9/19 11:00,3/8/19 12:07,Television,"10036, 10105"\n', encoding="utf-8")
    out = nyc.read(f)
    assert list(out.columns) == ["event_id", "start", "end", "category", "zip_codes"]
    assert out["zip_codes"][0] == "10036, 10105" and out["start"][0] == "3/9/19 4:00"


def test_committed_cluster_extracts_are_small():
    files = [paths.RAW / f for m in (qcew, bfi, paris, nyc) for f in m.SOURCE["files"]]
    if not all(p.exists() for p in files):
        pytest.skip("data/raw not built")
    assert sum(p.stat().st_size for p in files) < 8_000_000
