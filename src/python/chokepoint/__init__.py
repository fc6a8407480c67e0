"""Chokepoint from Python: run the AI-compute export-policy model and get pandas results.

The same engine as the dashboard and `chokepoint-cli`, called in-process: no CSV round
trip, and the numbers are the command line's, bit for bit.

Quick start
-----------
    import chokepoint
    s = chokepoint.load("scenarios/baseline.json")
    s.levers                                   # DataFrame: id, kind, value, range, label, help, source
    r = s.run(levers={"us.remote_access_control": "on@2027-01"}, end="2028-12")
    r.series("bloc", "china", "compute_train_h100e")      # pandas Series indexed by month
    r.wide(metric="compute_train_h100e", scope="bloc")     # one column per bloc
    r.long()                                   # month, scope, id, metric, value (as the CLI's CSV)

Lever values
------------
As on the command line ("on", "0.9", "2026-01", "never", "0.9@2026-01" from a month) or as
Python values: True/False, numbers, dates, a list for a schedule (["0.5", "0.9@2026-01"])
or {month: value} with None for "from the start". Bad settings raise LeverError (a
ValueError) naming the lever.

Months
------
start= and end= (the CLI's --from and --to) take 'YYYY-MM' or a date. A range outside the
scenario's span, or start after end, raises ValueError naming the span; to run further,
write a scenario that "extends" it with a later "end".

Experiments
-----------
    s.mc(runs=1000, threads=0, seed=None)       # p10/p50/p90/mean per series and month
    s.sweep({"us.export_enforcement": [0, 0.5, 1]}, metrics="bloc/china/compute_train_h100e")

The engine runs without the GIL, on all cores for mc and sweep; results do not depend on
the thread count. Ctrl+C stops a long ensemble or sweep (KeyboardInterrupt).

Exploratory modelling
---------------------
    f = chokepoint.model("scenarios/baseline.json", outcomes=["bloc/china/compute_train_h100e"],
                         month="2028-12")
    f(**{"us.export_enforcement": 0.9, "/supply_inputs/1/schedule/7/value": 2e5})
    # -> {"bloc/china/compute_train_h100e": ...}

f takes levers and uncertain inputs (Scenario.uncertain, by JSON pointer) by id, as the
workbenches of decision making under deep uncertainty and optimisation libraries expect.

Analyses
--------
    a = s.attribute("scenarios/remote_access_2027.json", metric="bloc/china/compute_train_h100e", month="2028-12")
    a = s.attribute(s, levers_b={"us.export_enforcement": 0.9})   # the base with other levers
    s.sensitivity(metric="bloc/china/compute_train_h100e", month="2028-12")
    chokepoint.matrix([s, "scenarios/remote_access_2027.json"], metrics=[...], months=["2026-12", "2028-12"])

attribute splits the difference in one metric at one month between two scenarios over the
levers that differ (Shapley values); sensitivity is a tornado (each lever alone at the ends
of its range); matrix reads metrics at months across scenarios. They return the tables of
`chokepoint-cli attribute / sensitivity / matrix --format csv` as DataFrames, the same
numbers on any thread count. They run without the GIL; Ctrl+C stops them.

Errors
------
load() raises ScenarioError listing every problem as (file, JSON pointer, reason). A bad
metric or month of an analysis raises AnalysisError, a bad lever setting LeverError (both
ValueErrors).
"""

import sys

from . import _engine

try:
    import numpy  # noqa: F401
    import pandas  # noqa: F401
except ImportError as missing:
    # A pyenv shim or virtualenv ahead of the interpreter the module was built for.
    raise ImportError(f"chokepoint needs numpy and pandas, and this Python ({sys.executable}) has no "
                      f"'{missing.name}': run it with the interpreter it was built for ({_engine.built_for}) "
                      "or install numpy and pandas into this one") from missing

from .analysis import AnalysisError, matrix
from .exploratory import model
from .scenario import LeverError, Problem, Run, Scenario, ScenarioError, load

__version__ = _engine.version
__all__ = ["load", "model", "matrix", "Scenario", "Run", "ScenarioError", "LeverError", "AnalysisError", "Problem"]
