"""`python -m lib.processed`: check raw sums, validate raw extracts, build and validate processed tables.

Tables are validated before anything is written; a file is rewritten only when its bytes change, so
notebooks that read an unchanged table are not re-run by make.
"""
from __future__ import annotations

import sys

from lib import paths
from lib.checksums import ChecksumError, verify_sums
from lib.io import atomic_write_bytes
from lib.processed import modules
from lib.raw import load as load_raw
from lib.raw import schemas as raw_schemas
from lib.validate import ValidationError, validate_tables
from lib.processed.serialise import to_csv_bytes


def write_if_changed(path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    atomic_write_bytes(path, data)
    return True


def main() -> int:
    try:
        n = verify_sums(paths.RAW)
        print(f"[data] checksums ok ({n} raw files)", flush=True)
        raw = {name: (load_raw(name), schema) for name, schema in raw_schemas().items()}
        validate_tables(raw)
        print(f"[data] raw extracts valid ({len(raw)} tables)", flush=True)
        paths.PROCESSED.mkdir(parents=True, exist_ok=True)
        for mod in modules():
            name = mod.__name__.rsplit(".", 1)[-1]
            print(f"[data] building {name}", flush=True)
            tables = mod.build(paths.RAW, paths.PROCESSED)
            validate_tables({f: (df, mod.SCHEMAS[f]) for f, df in tables.items()})
            for fname, df in sorted(tables.items()):
                changed = write_if_changed(paths.PROCESSED / fname, to_csv_bytes(df, mod.SORT_KEYS[fname]))
                print(f"[data]   {fname}: {len(df)} rows, valid, {'written' if changed else 'unchanged'}",
                      flush=True)
    except (ChecksumError, ValidationError, FileNotFoundError) as err:
        print(f"[data] FAILED: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
