"""`make bench`: time the build (cold, no-op, one changed notebook) and the tests -> reports/bench.json.

Cold = outputs deleted, environment already installed. Peak memory is the largest resident set of any
process the step started (getrusage of waited-for children), on this machine.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEAF = "notebooks/04_recommendations.ipynb"  # nothing depends on it, so touching it re-runs one notebook


def timed(cmd: list[str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 1), "peak_rss_mb_so_far": round(max(before, peak_kib) / 1024)}


def main() -> int:
    steps = {}
    print("[bench] cold make all (outputs deleted, venv kept)", flush=True)
    subprocess.run(["make", "clean-outputs"], cwd=ROOT, check=True)
    steps["cold_make_all"] = timed(["make", "all"])
    print("[bench] no-op make all", flush=True)
    steps["noop_make_all"] = timed(["make", "all"])
    print(f"[bench] one changed notebook ({LEAF})", flush=True)
    os.utime(ROOT / LEAF)
    steps["one_notebook_make_all"] = timed(["make", "all"])
    print("[bench] make test", flush=True)
    steps["make_test"] = timed(["make", "test"])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.system()},
        "steps": steps,
        "peak_rss_mb": round(peak),
        "targets": {"cold_make_all_s": 60, "noop_make_all_s": 2, "peak_rss_mb": 2048},
    }
    (ROOT / "reports" / "bench.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    write_readme(result)
    return 0


def write_readme(result: dict) -> None:
    """Put the measured figures in the README (between the BENCH markers)."""
    sys.path.insert(0, str(ROOT))
    from tools.make_index import replace_between

    s = result["steps"]
    lines = [
        f"Measured by `make bench` on this project's machine ({result['machine']['cores']} cores, Python "
        f"{result['machine']['python']}; `reports/bench.json`), environment already installed:",
        "",
        "| step | seconds | target |",
        "|---|---|---|",
        f"| cold `make all` (outputs deleted) | {s['cold_make_all']['seconds']} | ≤ 60 |",
        f"| no-op `make all` | {s['noop_make_all']['seconds']} | ≤ 2 |",
        f"| `make all` after changing one notebook (04) | {s['one_notebook_make_all']['seconds']} | |",
        f"| `make test` (includes a full clean rebuild) | {s['make_test']['seconds']} | |",
        "",
        f"Peak memory (largest resident set of any process): {result['peak_rss_mb']} MB (target ≤ 2048 MB). "
        "Creating `.venv` the first time adds the pip install (about 1–2 minutes with a warm pip cache).",
    ]
    readme = ROOT / "README.md"
    readme.write_text(replace_between(readme.read_text(encoding="utf-8"), "BENCH", "\n".join(lines)),
                      encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
