"""Raw data integrity: checksums, `make raw` without the mirror, corrupted files stop the build cleanly."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from lib import paths
from lib.checksums import ChecksumError, verify_sums, write_sums
from tests.helpers import PY, ROOT, copy_project


def test_checksums_detect_edit_missing_and_extra(tmp_path):
    (tmp_path / "a.csv").write_text("x\n1\n")
    (tmp_path / "b.csv").write_text("y\n2\n")
    write_sums(tmp_path)
    assert verify_sums(tmp_path) == 2
    (tmp_path / "a.csv").write_text("x\n9\n")
    with pytest.raises(ChecksumError, match="checksum mismatch .*: a.csv"):
        verify_sums(tmp_path)
    (tmp_path / "a.csv").unlink()
    (tmp_path / "c.csv").write_text("z\n")
    with pytest.raises(ChecksumError, match="missing: a.csv.*not in SHA256SUMS: c.csv"):
        verify_sums(tmp_path)


def test_committed_raw_data_matches_its_checksums():
    assert verify_sums(paths.RAW) > 10


def test_corrupted_raw_file_stops_the_build_before_anything_is_written(tmp_path):
    proj = copy_project(tmp_path / "proj", include_outputs=False)
    victim = sorted((proj / "data" / "raw").rglob("*.csv"))[0]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x20  # flip one bit in the middle of the file
    victim.write_bytes(bytes(data))
    res = subprocess.run([PY, "-m", "lib.processed"], cwd=proj, capture_output=True, text=True)
    assert res.returncode == 1
    assert "checksum mismatch" in res.stderr and victim.name in res.stderr
    assert not list((proj / "data" / "processed").glob("*.csv"))


def test_make_raw_without_the_mirror_fails_clearly_and_keeps_raw(tmp_path):
    proj = copy_project(tmp_path / "proj", include_outputs=False)
    before = (proj / "data" / "raw" / "SHA256SUMS").read_bytes()
    res = subprocess.run([PY, "-m", "lib.raw"], cwd=proj, capture_output=True, text=True,
                         env={"STUDY_SHARED": str(tmp_path / "nowhere"), "PATH": "/usr/bin:/bin"})
    assert res.returncode == 2
    assert "upstream mirror is not at" in res.stderr and "left unchanged" in res.stderr
    assert (proj / "data" / "raw" / "SHA256SUMS").read_bytes() == before


@pytest.mark.skipif(not (paths.SHARED_DATA / "PROVENANCE.md").exists(), reason="../shared/data not present")
def test_make_raw_reproduces_committed_raw_byte_for_byte(tmp_path):
    proj = copy_project(tmp_path / "proj", include_outputs=False)
    shutil.rmtree(proj / "data" / "raw")
    res = subprocess.run([PY, "-m", "lib.raw"], cwd=proj, capture_output=True, text=True,
                         env={"STUDY_SHARED": str(paths.SHARED_DATA.parent), "PATH": "/usr/bin:/bin"})
    assert res.returncode == 0, res.stderr
    assert (proj / "data" / "raw" / "SHA256SUMS").read_bytes() == (ROOT / "data/raw/SHA256SUMS").read_bytes()
