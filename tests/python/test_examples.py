"""The scripts in examples/ run headless and draw something."""

import os
import subprocess
import sys

import matplotlib.image
import numpy as np
import pytest

import chokepoint
from conftest import SOURCE_DIR

EXAMPLES = SOURCE_DIR / "examples"


def headless_env(tmp_path):
    """A headless matplotlib that imports this very chokepoint package."""
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(chokepoint.__file__)))
    return dict(os.environ, MPLBACKEND="Agg", MPLCONFIGDIR=str(tmp_path), PYTHONPATH=package_parent)


@pytest.mark.parametrize("script,extra", [("china_channels.py", []), ("sweep_enforcement.py", ["--runs", "20"])])
def test_example_draws_a_chart(tmp_path, script, extra):
    out = tmp_path / "chart.png"
    env = headless_env(tmp_path)
    p = subprocess.run([sys.executable, str(EXAMPLES / script), "--out", str(out), *extra], capture_output=True,
                       text=True, env=env, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert f"wrote {out}" in p.stdout
    image = matplotlib.image.imread(out)
    assert image.shape[0] > 300 and image.shape[1] > 800
    # Not a blank canvas: plenty of distinct colours (stacked areas, lines, bands).
    colours = np.unique((image[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(colours) > 20


def test_the_sweep_example_prints_the_sweep(tmp_path):
    env = headless_env(tmp_path)
    p = subprocess.run([sys.executable, str(EXAMPLES / "sweep_enforcement.py"), "--out", str(tmp_path / "s.png"),
                        "--runs", "5"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    s = chokepoint.load(SOURCE_DIR / "scenarios" / "baseline.json")
    r = s.run(levers={"us.export_enforcement": 1.0, "us.remote_access_control": "off"}, end="2028-12")
    value = r.series("bloc", "china", "compute_train_h100e").iloc[-1]
    row = next(line for line in p.stdout.splitlines() if line.startswith("1.0 "))
    assert f"{value:.6e}" == row.split()[1]
