"""Ensembles and sweeps: deterministic across thread counts, the CLI's numbers."""

import csv
import io
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

import chokepoint
from conftest import BASELINE, ticks_while

MC = dict(runs=24, end="2025-06", metrics="bloc/*/compute_train_h100e,frontier_gap_months")


def test_mc_is_deterministic_across_thread_counts(baseline):
    one = baseline.mc(threads=1, **MC)
    three = baseline.mc(threads=3, **MC)
    pd.testing.assert_frame_equal(one, three, check_exact=True)
    assert list(one.columns) == ["month", "scope", "id", "metric", "p10", "p50", "p90", "mean"]
    assert (one.p10 <= one.p50).all() and (one.p50 <= one.p90).all()
    # The uncertain inputs matter by mid-2025: some spread somewhere.
    assert (one.p90 - one.p10).max() > 0
    assert one.attrs["runs"] == 24 and one.attrs["seed"] == baseline.seed


def test_mc_equals_the_cli(baseline, cli):
    code, out, err = cli("mc", BASELINE, "--runs", "24", "--to", "2025-06", "--from", "2025-01", "--metrics",
                         MC["metrics"], "--seed", "7", "--quiet")
    assert code == 0, err
    rows = [r for r in csv.reader(io.StringIO(out)) if not r[0].startswith("#")][1:]
    frame = baseline.mc(runs=24, end="2025-06", start="2025-01", metrics=MC["metrics"], seed=7, threads=2)
    stats = frame.melt(id_vars=["month", "scope", "id", "metric"], var_name="stat")
    got = {(m.strftime("%Y-%m"), s, i, me, st): v for m, s, i, me, st, v in stats.itertuples(index=False)}
    assert len(rows) == len(got)
    for month, scope, ident, metric, stat, value in rows:
        assert float(value) == got[(month, scope, ident, metric, stat)]


def test_sweep_equals_the_cli(baseline, cli):
    code, out, err = cli("sweep", BASELINE, "--lever", "us.export_enforcement=0,0.5,1", "--lever",
                         "us.remote_access_control=off,on@2022-03", "--to", "2022-06", "--metrics",
                         "bloc/china/compute_train_h100e", "--quiet")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    frame = baseline.sweep({"us.export_enforcement": [0, 0.5, 1], "us.remote_access_control": ["off", "on@2022-03"]},
                           end="2022-06", metrics="bloc/china/compute_train_h100e")
    assert list(frame.columns) == rows[0]
    assert len(frame) == len(rows) - 1 == 6 * 6
    for (ee, rac, month, *_rest, value), row in zip(rows[1:], frame.itertuples(index=False)):
        assert float(ee) == row[0] and rac == row[1] and month == row.month.strftime("%Y-%m")
        assert float(value) == row.value


def test_a_sweep_lever_without_values_is_refused(baseline):
    with pytest.raises(ValueError, match=r"sweep\['us.export_enforcement'\] has no values"):
        baseline.sweep({"us.export_enforcement": []})
    generated = (v for v in [0.5])  # any iterable, read once
    assert len(baseline.sweep({"us.export_enforcement": generated}, end="2022-01", metrics="bloc/china/compute_train_h100e")) == 1


def test_the_engine_runs_without_the_gil(baseline):
    # While an ensemble runs on another Python thread, this thread keeps running Python.
    mc, ticks = ticks_while(lambda: baseline.mc(runs=100, threads=1, end="2027-12", metrics="compute_train_h100e"))
    assert len(mc) > 0
    assert ticks > 20


@pytest.mark.parametrize("call", [
    "s.mc(runs=1000000, threads=1, end='2022-06', metrics='bloc/china/compute_train_h100e')",
    # 18 levers at their minimum: sampled attribution, each order up to 18 new runs.
    "s.attribute(s, month='2022-06', samples=200000, threads=1, "
    "levers_b={r.id: r.min for r in s.levers.itertuples() if r.kind in ('share', 'number')})",
])
def test_ctrl_c_stops_a_long_ensemble_or_attribution(call):
    # Far more runs than could finish in the time allowed: only an interrupt ends it.
    code = (
        "import chokepoint, sys\n"
        f"s = chokepoint.load({BASELINE!r})\n"
        "print('started', flush=True)\n"
        "try:\n"
        f"    {call}\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
    )
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(chokepoint.__file__))))
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
    assert p.stdout.readline().strip() == "started"
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, _ = p.communicate(timeout=60)
    assert out.strip() == "interrupted"
    assert p.returncode == 0
