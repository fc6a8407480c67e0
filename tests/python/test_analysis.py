"""Attribution, tornado and matrix: the CLI's csv tables, bit for bit; sums; thread counts."""

import csv
import io

import numpy as np
import pandas as pd
import pytest

import chokepoint
from conftest import BASELINE, SOURCE_DIR, ticks_while

CHINA = "bloc/china/compute_train_h100e"
STRICT = str(SOURCE_DIR / "scenarios" / "strict_hosts.json")
SHUNS = str(SOURCE_DIR / "scenarios" / "china_shuns_nvidia.json")  # differs in data too, not only levers
# Eleven levers differ: more than the ten the engine solves exactly, so it samples orders.
ELEVEN = {"us.tpp_threshold": 2000, "us.h20_revenue_share": 0.3, "us.h200_revenue_share": 0.5,
          "us.diffusion_tier2_cap_h100e": 100000, "us.remote_access_control": True, "us.export_enforcement": 0.9,
          "cn.domestic_subsidy": 0.5, "cn.hbm_access": 1.5, "my.enforcement": 0.9, "sg.enforcement": 0.9,
          "sea.tenant_kyc": 0.5}


def cli_table(cli, *args):
    code, out, err = cli(*args, "--format", "csv", "--quiet")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    return rows[0], rows[1:]


def assert_same_as_cli(frame, header, rows, numeric):
    """Same columns, same text cells, and numbers with the same bits (an empty cell is NaN)."""
    assert list(frame.columns) == header
    assert len(frame) == len(rows)
    for c, name in enumerate(header):
        got = frame[name].to_numpy()
        if name in numeric:
            want = np.array([float(r[c]) if r[c] else np.nan for r in rows])
            np.testing.assert_array_equal(want.view(np.uint64), got.astype(float).view(np.uint64), err_msg=name)
        else:
            assert [r[c] for r in rows] == list(got), name


def value_at(scenario, month, levers=None):
    return scenario.run(levers=levers, end=month, metrics=CHINA).series("bloc", "china", "compute_train_h100e").iloc[-1]


@pytest.mark.parametrize("variant", [STRICT, SHUNS])
def test_attribute_equals_the_cli_csv_bit_for_bit(baseline, cli, variant):
    header, rows = cli_table(cli, "attribute", BASELINE, variant, "--metric", CHINA, "--month", "2028-12")
    frame = baseline.attribute(variant, metric=CHINA, month="2028-12", threads=2)
    assert_same_as_cli(frame, header, rows, {"contribution", "share", "std_error", "alone"})
    assert len(frame) >= 2


def test_contributions_sum_to_the_difference_of_the_two_runs(baseline):
    variant = chokepoint.load(SHUNS)
    a = baseline.attribute(variant, month="2028-12")
    base, other = value_at(baseline, "2028-12"), value_at(variant, "2028-12")
    assert a.attrs["base_value"] == base and a.attrs["variant_value"] == other
    assert a.attrs["difference"] == other - base != 0
    assert a["contribution"].sum() == pytest.approx(other - base, rel=1e-9)
    assert a["share"].sum() == pytest.approx(1.0, rel=1e-9)
    # China's own policy is data, not a lever: it comes back as the last row.
    assert a["lever"].iloc[-1] == "(other differences)" and a["contribution"].iloc[-1] == a.attrs["other"] != 0
    assert a.attrs["exact"] and a.attrs["runs"] == 2 ** (len(a) - 1) + 1
    assert (a["std_error"] == 0).all()


def test_the_same_file_with_levers_b_and_levers_a(baseline):
    b = {"us.remote_access_control": "on@2026-01", "sea.tenant_kyc": 0.5}
    a = baseline.attribute(baseline, month="2027-06", levers_b=b)
    assert sorted(a["lever"]) == ["sea.tenant_kyc", "us.remote_access_control"]
    assert "(other differences)" not in set(a["lever"]) and a.attrs["other"] == 0
    assert a["contribution"].sum() == pytest.approx(value_at(baseline, "2027-06", b) - value_at(baseline, "2027-06"),
                                                    rel=1e-9)
    # The same levers on both sides: nothing differs.
    none = baseline.attribute(baseline, month="2027-06", levers_a=b, levers_b=b)
    assert len(none) == 0 and none.attrs["difference"] == 0


def test_attribution_does_not_depend_on_the_thread_count(baseline):
    one = baseline.attribute(STRICT, month="2028-12", threads=1)
    three = baseline.attribute(STRICT, month="2028-12", threads=3)
    pd.testing.assert_frame_equal(one, three, check_exact=True)
    sampled = [baseline.attribute(baseline, month="2023-06", levers_b=ELEVEN, samples=4, seed=3, threads=t)
               for t in (1, 3)]
    pd.testing.assert_frame_equal(*sampled, check_exact=True)
    s = sampled[0]
    assert not s.attrs["exact"] and s.attrs["samples"] == 4 and len(s) == 11
    assert (s["std_error"] > 0).any()
    assert s["contribution"].sum() == pytest.approx(s.attrs["difference"], rel=1e-9)


def test_sampled_attribution_equals_the_cli(baseline, cli):
    args = [a for k, v in ELEVEN.items() for a in ("--lever-b", f"{k}={'on' if v is True else v}")]
    header, rows = cli_table(cli, "attribute", BASELINE, BASELINE, "--metric", CHINA, "--month", "2023-06",
                             "--samples", "4", "--seed", "3", *args)
    frame = baseline.attribute(baseline, month="2023-06", levers_b=ELEVEN, samples=4, seed=3)
    assert_same_as_cli(frame, header, rows, {"contribution", "share", "std_error", "alone"})


@pytest.mark.parametrize("metric,month,says", [
    ("bloc/chna/compute_train_h100e", "2028-12", "no bloc 'chna'"),
    ("bloc/china/compute_trian_h100e", "2028-12", "no metric 'compute_trian_h100e'"),
    ("planet/china/x", "2028-12", "unknown scope 'planet'"),
    (CHINA, "2028-13", "month: expected a month YYYY-MM, got '2028-13'"),
    (CHINA, "2040-01", "outside scenario"),
])
def test_bad_metric_or_month_raise_analysis_error(baseline, metric, month, says):
    for call in (lambda: baseline.attribute(STRICT, metric=metric, month=month),
                 lambda: baseline.sensitivity(metric=metric, month=month)):
        with pytest.raises(chokepoint.AnalysisError, match=says) as info:
            call()
        assert isinstance(info.value, ValueError)
    with pytest.raises(chokepoint.LeverError, match="unknown lever 'us.nope'"):
        baseline.attribute(baseline, levers_b={"us.nope": "on"})
    with pytest.raises(chokepoint.LeverError, match="unknown lever 'us.nope'"):
        baseline.sensitivity(levers=["us.nope"])


def test_empty_selections_are_refused_not_read_as_all_or_nothing(baseline):
    # An empty list is most likely a filter gone wrong upstream: say so rather than vary every
    # lever or return an empty table.
    for empty in ([], "", ","):
        with pytest.raises(ValueError, match="levers names no lever"):
            baseline.sensitivity(levers=empty)
    with pytest.raises(ValueError, match="at least one metric"):
        chokepoint.matrix([baseline], metrics=[], months=["2026-12"])
    with pytest.raises(ValueError, match="at least one month"):
        chokepoint.matrix([baseline], metrics=[CHINA], months=[])


def test_sensitivity_equals_the_cli_csv_bit_for_bit(baseline, cli):
    only = "us.export_enforcement,us.remote_access_control,sea.tenant_kyc,cn.hbm_access"
    header, rows = cli_table(cli, "sensitivity", BASELINE, "--metric", CHINA, "--month", "2027-12", "--levers", only)
    frame = baseline.sensitivity(metric=CHINA, month="2027-12", levers=only.split(","), threads=2)
    assert_same_as_cli(frame, header, rows, {"at_low", "at_high", "swing"})
    assert list(frame["swing"]) == sorted(frame["swing"], reverse=True)
    assert (frame["swing"] == (frame["at_high"] - frame["at_low"]).abs()).all()
    assert frame.attrs["value"] == value_at(baseline, "2027-12")
    pd.testing.assert_frame_equal(frame, baseline.sensitivity(month="2027-12", levers=only, threads=1),
                                  check_exact=True)
    with pytest.raises(TypeError, match="settings="):
        baseline.sensitivity(levers={"us.export_enforcement": 0.9})


def test_matrix_equals_the_cli_csv_bit_for_bit(cli):
    months = ["2026-12", "2028-12"]
    metrics = [CHINA, "bloc/us/compute_train_h100e"]
    args = [a for m in metrics for a in ("--metric", m)] + [a for m in months for a in ("--month", m)]
    header, rows = cli_table(cli, "matrix", BASELINE, STRICT, *args)
    frame = chokepoint.matrix([chokepoint.load(BASELINE), STRICT], metrics=metrics, months=months, threads=2)
    assert_same_as_cli(frame, header, rows, {"value"})
    assert len(frame) == 2 * 2 * 2


def test_attribution_runs_without_the_gil(baseline):
    a, ticks = ticks_while(lambda: baseline.attribute(baseline, month="2026-06", levers_b=ELEVEN, samples=8, threads=1))
    assert len(a) == 11
    assert ticks > 20


def test_sampled_attribution_draws_from_the_scenarios_seed(baseline):
    # seed=None is the scenario's `seed` field, as in s.mc and the CLI; not a fixed 1.
    kw = dict(month="2023-06", levers_b=ELEVEN, samples=4, threads=1)
    default = baseline.attribute(baseline, **kw)
    pd.testing.assert_frame_equal(default, baseline.attribute(baseline, seed=baseline.seed, **kw), check_exact=True)
    assert not default.equals(baseline.attribute(baseline, seed=1, **kw))
