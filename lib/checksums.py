"""SHA256SUMS for data/raw: written by `make raw`, checked before anything is built."""
from __future__ import annotations

import hashlib
from pathlib import Path

from lib.io import atomic_write_bytes

SUMS_NAME = "SHA256SUMS"


class ChecksumError(RuntimeError):
    """A raw file is missing, extra or changed since `make raw` wrote the sums."""


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def data_files(directory: Path) -> list[Path]:
    """Every file under `directory` except the sums file and hidden files, in a stable order."""
    return sorted(
        p for p in Path(directory).rglob("*")
        if p.is_file() and p.name != SUMS_NAME and not p.name.startswith(".")
    )


def write_sums(directory: Path) -> Path:
    directory = Path(directory)
    lines = [f"{sha256(p)}  {p.relative_to(directory).as_posix()}\n" for p in data_files(directory)]
    target = directory / SUMS_NAME
    atomic_write_bytes(target, "".join(lines).encode("utf-8"))
    return target


def verify_sums(directory: Path) -> int:
    """Raise ChecksumError naming every missing, unlisted or changed file; return the number checked."""
    directory = Path(directory)
    sums_file = directory / SUMS_NAME
    if not sums_file.exists():
        raise ChecksumError(f"{sums_file} is missing: run `make raw` (needs ../shared/data).")
    expected = {}
    for line in sums_file.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(None, 1)
        expected[name.strip()] = digest
    actual = {p.relative_to(directory).as_posix(): p for p in data_files(directory)}
    problems = [f"missing: {n}" for n in sorted(set(expected) - set(actual))]
    problems += [f"not in {SUMS_NAME}: {n}" for n in sorted(set(actual) - set(expected))]
    problems += [
        f"checksum mismatch (file changed or corrupted): {n}"
        for n in sorted(set(expected) & set(actual)) if sha256(actual[n]) != expected[n]
    ]
    if problems:
        raise ChecksumError(f"{directory}: " + "; ".join(problems))
    return len(expected)
