"""Runs: the same numbers as the CLI, bit for bit; pandas views; month ranges."""

import csv
import io
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

import chokepoint
from conftest import BASELINE

LEVERS = {"us.remote_access_control": "on@2022-06", "us.export_enforcement": 0.7}
CLI_LEVERS = ["--lever", "us.remote_access_control=on@2022-06", "--lever", "us.export_enforcement=0.7"]


def test_a_run_equals_the_cli_csv_bit_for_bit(baseline, cli):
    code, out, err = cli("run", BASELINE, "--from", "2022-03", "--to", "2022-09", *CLI_LEVERS)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    frame = baseline.run(levers=LEVERS, start="2022-03", end="2022-09").long()
    assert rows[0] == list(frame.columns)
    assert len(rows) - 1 == len(frame)
    months = frame["month"].dt.strftime("%Y-%m")
    for i, (month, scope, ident, metric, _) in enumerate(rows[1:]):
        assert (month, scope, ident, metric) == (months[i], frame["scope"][i], frame["id"][i], frame["metric"][i])
    # The CLI writes the shortest text that reads back to the same double: compare the bits.
    cli_bits = np.array([float(r[4]) for r in rows[1:]]).view(np.uint64)
    np.testing.assert_array_equal(cli_bits, frame["value"].to_numpy().view(np.uint64))


def test_python_values_mean_the_same_as_typed_ones(baseline):
    typed = baseline.run(levers={"us.remote_access_control": "on", "us.export_enforcement": "0.5"}, end="2023-06")
    native = baseline.run(levers={"us.remote_access_control": True, "us.export_enforcement": 0.5}, end="2023-06")
    np.testing.assert_array_equal(typed.values, native.values)
    schedule = baseline.run(levers={"us.export_enforcement": ["0.5", "0.9@2023-01"]}, end="2023-06")
    as_dict = baseline.run(levers={"us.export_enforcement": {None: 0.5, "2023-01": 0.9}}, end="2023-06")
    np.testing.assert_array_equal(schedule.values, as_dict.values)
    assert schedule.levers["us.export_enforcement"] == "0.5;0.9@2023-01"


def test_series_and_wide_views(baseline):
    r = baseline.run(levers={"us.remote_access_control": "on@2027-01"})
    s = r.series("bloc", "china", "compute_train_h100e")
    assert isinstance(s.index, pd.DatetimeIndex)
    assert s.index[0] == pd.Timestamp("2022-01-01") and s.index[-1] == pd.Timestamp("2030-12-01")
    assert s.name == "bloc/china/compute_train_h100e"
    long = r.long()
    pick = long[(long.scope == "bloc") & (long.id == "china") & (long.metric == "compute_train_h100e")]
    np.testing.assert_array_equal(pick["value"].to_numpy(), s.to_numpy())
    wide = r.wide(metric="compute_train_h100e", scope="bloc")
    assert "china" in wide.columns and "us" in wide.columns
    np.testing.assert_array_equal(wide["china"].to_numpy(), s.to_numpy())
    with pytest.raises(KeyError, match="no series bloc/china/nope"):
        r.series("bloc", "china", "nope")


def test_metrics_keep_only_the_named_series(baseline):
    r = baseline.run(metrics=["bloc/*/compute_train_h100e", "huawei_share_china"], end="2022-12")
    assert {k[2] for k in r.keys} == {"compute_train_h100e", "huawei_share_china"}
    # Only these series are recorded, and they are the full run's, bit for bit.
    full = baseline.run(end="2022-12")
    for scope, ident, metric in r.keys:
        np.testing.assert_array_equal(r.series(scope, ident, metric).to_numpy().view(np.uint64),
                                      full.series(scope, ident, metric).to_numpy().view(np.uint64))
    with pytest.raises(ValueError, match="metrics"):
        baseline.run(metrics="a/b/c/d")


def test_metrics_that_match_nothing_warn_as_the_cli_does(baseline, cli):
    code, _, err = cli("run", BASELINE, "--to", "2022-02", "--metrics", "bloc/china/nonsense")
    assert code == 0 and "matches no series" in err
    with pytest.warns(UserWarning, match="'bloc/china/nonsense' matches no series"):
        r = baseline.run(end="2022-02", metrics="bloc/china/nonsense")
    assert r.keys == []
    with pytest.warns(UserWarning, match="matches no series"):
        baseline.mc(runs=2, end="2022-02", metrics=["nonsense"])
    with pytest.warns(UserWarning, match="matches no series"):
        baseline.sweep({"us.export_enforcement": [0.5]}, end="2022-02", metrics="nonsense")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a selection that matches says nothing
        baseline.run(end="2022-02", metrics="bloc/china/compute_train_h100e")
        baseline.run(end="2022-02")


def test_an_interpreter_without_numpy_is_told_which_one_to_use():
    # What a pyenv shim or a bare virtualenv ahead of the system interpreter sees.
    code = "import sys; sys.modules['numpy'] = None; import chokepoint"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode != 0
    last = p.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: chokepoint needs numpy and pandas")
    assert "has no 'numpy'" in last and f"({chokepoint._engine.built_for})" in last


@pytest.mark.parametrize("start,end,needle", [
    ("2030-01", "2022-01", "is after end 2022-01"),
    (None, "2099-12", "no scenario may end after"),
    (None, "2031-06", "\"extends\""),
    ("2021-01", None, "is before the start"),
])
def test_month_ranges_outside_the_span_name_it(baseline, start, end, needle):
    with pytest.raises(ValueError) as info:
        baseline.run(start=start, end=end)
    assert "2022-01..2030-12" in str(info.value) and needle in str(info.value)


def test_runs_are_deterministic(baseline):
    a = baseline.run(end="2024-12").values
    b = baseline.run(end="2024-12").values
    np.testing.assert_array_equal(a, b)
