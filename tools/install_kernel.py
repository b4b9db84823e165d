"""Register the project kernel inside .venv (so papermill and JupyterLab use the pinned environment)."""
import json
import subprocess
import sys
from pathlib import Path

NAME = "film-study"
subprocess.run([sys.executable, "-m", "ipykernel", "install", "--sys-prefix", "--name", NAME,
                "--display-name", "Film cluster study (.venv)"], check=True, capture_output=True)
spec = Path(sys.prefix) / "share" / "jupyter" / "kernels" / NAME / "kernel.json"
kernel = json.loads(spec.read_text())
# The kernel's start-up warnings (e.g. about local TCP transport) are noise in the build log.
if "--IPKernelApp.log_level=ERROR" not in kernel["argv"]:
    kernel["argv"].append("--IPKernelApp.log_level=ERROR")
spec.write_text(json.dumps(kernel, indent=1) + "\n")
print(f"[venv] kernel '{NAME}' registered in {spec.parent}")
