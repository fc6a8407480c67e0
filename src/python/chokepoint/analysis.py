"""The engine's analyses as DataFrames: attribution, a tornado, a scenario matrix.

The same engine functions as `chokepoint-cli attribute`, `sensitivity` and `matrix`; the
columns are those of their `--format csv` output, the numbers the same bit for bit.
"""

import numpy as np
import pandas as pd

from . import _engine
from ._values import lever_args, month_text, threads_arg

AnalysisError = _engine.AnalysisError
AnalysisError.__doc__ = ("A metric or month an analysis cannot read: a bad SCOPE/ID/METRIC, a series a scenario "
                         "lacks (naming those it has), a month outside the scenario (a ValueError).")

ATTRIBUTION_COLUMNS = ["lever", "label", "from", "to", "contribution", "share", "std_error", "alone"]
SENSITIVITY_COLUMNS = ["lever", "label", "low", "high", "at_low", "at_high", "swing"]
MATRIX_COLUMNS = ["scenario", "file", "scope", "id", "metric", "month", "value"]
OTHER = "(other differences)"


def _month(month):
    text = month_text(month, "month")
    if text is None:
        raise TypeError("month is required: 'YYYY-MM' or a date")
    return text




def _handle(scenario):
    """The engine's scenario from a Scenario or a path (loaded)."""
    from .scenario import Scenario, load

    return scenario if isinstance(scenario, Scenario) else load(scenario)


def attribute(base, variant, metric, month, levers_a=None, levers_b=None, samples=None, threads=0, seed=None):
    """Scenario.attribute with the base given too (a Scenario or a path)."""
    base, variant = _handle(base), _handle(variant)
    if samples is not None and int(samples) < 2:
        raise ValueError(f"samples must be at least 2, got {samples}")
    d = _engine.attribute(base._s, variant._s, lever_args(levers_a), lever_args(levers_b), str(metric),
                          _month(month), int(samples or 0), None if seed is None else int(seed), threads_arg(threads))
    diff = d["difference"]
    rows = [[lever, label, fro, to, value, np.nan if diff == 0 else value / diff, std_error, alone]
            for lever, label, fro, to, value, std_error, alone in d["rows"]]
    # As the CLI: what is not a lever is a row of its own, only when there is some.
    if d["other"] != 0:
        rows.append([OTHER, "", "", "", d["other"], np.nan if diff == 0 else d["other"] / diff, 0.0, np.nan])
    frame = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS).astype(
        {c: float for c in ("contribution", "share", "std_error", "alone")})
    frame.attrs.update(base=base.path, variant=variant.path, metric=str(metric), month=d["month"],
                       base_value=d["base_value"], variant_value=d["variant_value"], difference=diff,
                       interaction=d["interaction"], interaction_share=d["interaction_share"], other=d["other"],
                       exact=d["exact"], samples=d["samples"], runs=d["runs"])
    return frame


def sensitivity(scenario, metric, month, levers=None, threads=0, settings=None):
    """Scenario.sensitivity with the scenario given too (a Scenario or a path)."""
    s = _handle(scenario)
    if isinstance(levers, dict):
        raise TypeError("levers names the levers to vary (a list of ids); lever settings go in settings={id: value}")
    ids = [] if levers is None else [i for i in levers.split(",") if i] if isinstance(levers, str) else list(levers)
    if levers is not None and not ids:
        raise ValueError("levers names no lever: give at least one id, or None for every lever")
    d = _engine.sensitivity(s._s, lever_args(settings), str(metric), _month(month), ids, threads_arg(threads))
    frame = pd.DataFrame(d["rows"], columns=SENSITIVITY_COLUMNS)
    frame = frame.astype({c: float for c in ("at_low", "at_high", "swing")})
    frame.attrs.update(scenario=s.path, metric=str(metric), month=d["month"], value=d["value"], runs=d["runs"])
    return frame


def matrix(scenarios, metrics, months, threads=0):
    """Many scenarios x metrics x months in one table, as `chokepoint-cli matrix`.

    scenarios  a list of Scenarios or scenario paths
    metrics    series "SCOPE/ID/METRIC" (a string or a list); every one is read in every month
    months     'YYYY-MM' or dates (one or a list)

    Returns a DataFrame with the CLI's csv columns: scenario (name), file, scope, id, metric,
    month ('YYYY-MM'), value; scenarios outer, then metrics, then months. value is NaN where a
    scenario lacks the series or the month. One run per scenario, in parallel (threads=0:
    one per core) without the GIL. A series no scenario has raises AnalysisError.

    >>> chokepoint.matrix(["scenarios/baseline.json", "scenarios/remote_access_2027.json"],
    ...                   metrics="bloc/china/compute_train_h100e", months=["2026-12", "2028-12"])
    """
    handles = [_handle(s) for s in scenarios]
    if not handles:
        raise ValueError("matrix needs at least one scenario")
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    months = [_month(m) for m in (months if isinstance(months, (list, tuple)) else [months])]
    if not metrics or not months:
        raise ValueError(f"matrix needs at least one {'metric' if not metrics else 'month'}")
    d = _engine.matrix([h._s for h in handles], [str(m) for m in metrics], months, threads_arg(threads))
    points, values = d["points"], d["values"]
    rows = [[name, h.path, *p, values[i * len(points) + j]]
            for i, (name, h) in enumerate(zip(d["scenarios"], handles)) for j, p in enumerate(points)]
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS).astype({"value": float})
