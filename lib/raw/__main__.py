"""`python -m lib.raw`: rebuild data/raw/ from ../shared/data, then SOURCES.md and SHA256SUMS."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from lib import paths
from lib.checksums import write_sums
from lib.raw import modules
from lib.raw.sources_md import render_sources


def main() -> int:
    shared = paths.SHARED_DATA
    if not (shared / "PROVENANCE.md").exists():
        print(f"make raw: the upstream mirror is not at {shared} (expected ../shared/data with PROVENANCE.md). "
              "Set STUDY_SHARED=/path/to/shared or clone the study beside shared/. data/raw/ was left unchanged.",
              file=sys.stderr)
        return 2
    mods = modules()
    build = Path(tempfile.mkdtemp(prefix=".raw-", dir=paths.RAW.parent))
    try:
        for mod in mods:
            name = mod.__name__.rsplit(".", 1)[-1]
            print(f"[raw] {name}: extracting", flush=True)
            mod.extract(shared, build)
        (build / "SOURCES.md").write_text(render_sources([m.SOURCE for m in mods]), encoding="utf-8")
        write_sums(build)
        if paths.RAW.exists():
            shutil.rmtree(paths.RAW)
        build.rename(paths.RAW)
    finally:
        if build.exists():
            shutil.rmtree(build)
    print(f"[raw] wrote {paths.RAW} ({len(mods)} sources) and SHA256SUMS", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
