"""A plain `pip install` of the built wheel works, not only the editable install: rules/,
lexicons and seeds must travel inside the wheel."""
from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_built_wheel_carries_rules_and_seeds_and_runs(tmp_path):
    pytest.importorskip("hatchling")
    pytest.importorskip("build")
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    [wheel] = dist.glob("*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # The dependencies (and pip) come from the environment running the tests, whether that is a
    # virtual environment or not: its site-packages folders are listed in a .pth file. Folders
    # named in a .pth are not scanned for .pth files, so its editable install of this project is
    # not seen and the wheel is what gets imported.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    outer = [p for p in sys.path if p.endswith(("site-packages", "dist-packages")) and Path(p).is_dir()]
    (Path(purelib) / "outer-environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    proc = subprocess.run([str(python), "-m", "discrepancy", "check", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert all("_data/seeds" in a["path"] for a in report["articles"])
    assert {f["category"] for f in report["findings"]} == {"date", "history", "name"}
