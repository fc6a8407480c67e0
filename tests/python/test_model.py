"""chokepoint.model: a plain function of a dict of inputs, for exploratory modelling."""

import pytest

import chokepoint
from conftest import BASELINE

OUT = ["bloc/china/compute_train_h100e", "global/world/huawei_share_china"]


def test_the_callable_takes_a_dict_of_inputs_and_matches_run(baseline):
    f = chokepoint.model(BASELINE, outcomes=OUT, month="2027-12")
    inputs = {"us.remote_access_control": "on@2026-01", "us.export_enforcement": 0.9}
    got = f(**inputs)
    assert set(got) == set(OUT) and all(isinstance(v, float) for v in got.values())
    r = baseline.run(levers=inputs, end="2027-12")
    for o in OUT:
        assert got[o] == r.series(*o.split("/")).iloc[-1]
    assert f(inputs) == got  # a dict positionally works too
    assert f() != got        # and the levers matter
    assert "us.export_enforcement" in f.levers and f.outcomes == OUT and f.month == "2027-12"


def test_uncertain_inputs_are_inputs_by_id(baseline):
    f = chokepoint.model(baseline, outcomes=OUT, month="2027-12")
    u = baseline.uncertain
    assert list(f.uncertainties) == list(u["id"])
    base = f()
    # Setting every uncertain input to its deterministic value changes nothing.
    assert f(**dict(zip(u["id"], u["value"]))) == base
    with pytest.raises(ValueError):
        f(**{u["id"][0]: "lots"})


def test_some_uncertain_input_moves_an_outcome(baseline):
    f = chokepoint.model(baseline, outcomes=OUT, month="2027-12")
    base = f()
    u = baseline.uncertain
    moved = 0
    for _, row in u.iterrows():
        high = row["max"] if row["dist"] == "triangular" else row["median"] * 3
        if f(**{row["id"]: high}) != base:
            moved += 1
    assert moved > 0


def test_bad_inputs_and_outcomes_are_reported(baseline):
    f = chokepoint.model(baseline, outcomes=OUT)
    assert f.month == baseline.end
    with pytest.raises(KeyError, match="unknown input 'us.nope'"):
        f(**{"us.nope": 1})
    with pytest.raises(KeyError, match="no such series"):
        chokepoint.model(baseline, outcomes=["bloc/china/nope"])
    with pytest.raises(ValueError, match="scope/id/metric"):
        chokepoint.model(baseline, outcomes=["compute_train_h100e"])
    with pytest.raises(ValueError, match="at least one outcome"):
        chokepoint.model(baseline, outcomes=[])
