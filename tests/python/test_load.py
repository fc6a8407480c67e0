"""Loading: every problem of a broken file raises ScenarioError with file, pointer and reason."""

import json

import pytest

import chokepoint
from conftest import SOURCE_DIR

BROKEN = SOURCE_DIR / "tests" / "engine" / "broken"
EXPECTED = json.loads((BROKEN / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_files_raise_with_pointer_and_reason(name):
    with pytest.raises(chokepoint.ScenarioError) as info:
        chokepoint.load(BROKEN / name)
    got = [f"{p.pointer}: {p.reason}" for p in info.value.problems]
    for expected in EXPECTED[name]:
        assert any(expected in g for g in got), (expected, got)
    assert all(p.file for p in info.value.problems)
    # str() lists every problem, one per line, as the command line prints them.
    assert len(str(info.value).splitlines()) == len(info.value.problems)


def test_many_problems_are_all_reported_at_once():
    with pytest.raises(chokepoint.ScenarioError) as info:
        chokepoint.load(BROKEN / "many_problems.json")
    pointers = {p.pointer for p in info.value.problems}
    assert {"/chips/0/vendor", "/chips/0/price_usd", "/companies/0/training_share"} <= pointers


def test_a_missing_file_is_a_scenario_error_naming_it(tmp_path):
    with pytest.raises(chokepoint.ScenarioError) as info:
        chokepoint.load(tmp_path / "nope.json")
    assert "nope.json" in info.value.problems[0].file


def test_levers_table_matches_the_cli_listing(baseline, cli):
    levers = baseline.levers
    assert list(levers.columns[:7]) == ["id", "kind", "value", "range", "label", "help", "source"]
    code, out, _ = cli("levers", str(SOURCE_DIR / "scenarios" / "baseline.json"))
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()[1:]]
    assert listed == list(levers["id"])
    row = levers.set_index("id").loc["us.remote_access_control"]
    assert (row["kind"], row["range"]) == ("bool", "on|off")
    assert row["help"] and row["label"]


def test_bad_lever_settings_raise_lever_error(baseline):
    with pytest.raises(chokepoint.LeverError, match="unknown lever 'us.nope'"):
        baseline.run(levers={"us.nope": 1})
    with pytest.raises(ValueError, match="us.tpp_threshold"):
        baseline.run(levers={"us.tpp_threshold": -5})


def test_a_binary_file_is_a_scenario_error_naming_it(tmp_path):
    # Its bytes, quoted in the reason, once raised a bare UnicodeDecodeError (fuzz review).
    path = tmp_path / "binary.json"
    path.write_bytes(bytes([0xFF, 0xFE, 0x80, 0x00, 0x9C]) * 20)
    with pytest.raises(chokepoint.ScenarioError) as info:
        chokepoint.load(path)
    assert "binary.json" in info.value.problems[0].file
    assert "not valid JSON" in info.value.problems[0].reason


def test_values_that_would_mislead_are_refused(baseline):
    with pytest.raises(TypeError, match="runs must be a whole number"):
        baseline.mc(runs=1.5, end="2022-03")
    for call in (lambda: baseline.mc(runs=2, threads=-1, end="2022-03"),
                 lambda: baseline.sweep({"us.export_enforcement": [0.5]}, threads=-1, end="2022-03")):
        with pytest.raises(ValueError, match="threads"):
            call()
    with pytest.raises(ValueError, match="is empty"):
        baseline.run(levers={"us.export_enforcement": []})
    with pytest.raises(chokepoint.LeverError, match="two values"):
        baseline.run(levers={"us.export_enforcement": [0.5, 0.6]})
