"""The scenario as a plain function of its inputs, for exploratory modelling and optimisers."""

from . import _engine
from ._values import lever_args, month_text
from .scenario import Scenario, load


def model(scenario, outcomes, month=None, levers=None):
    """A plain callable f(**inputs) -> {outcome: value}: the shape exploratory-modelling
    workbenches and optimisers expect of a model.

    scenario  a Scenario or the path of a scenario file
    outcomes  series as "scope/id/metric" strings, e.g. "bloc/china/compute_train_h100e"
    month     the month whose values f returns ('YYYY-MM'; default: the scenario's end);
              the run stops there
    levers    {id: value} fixed for every call (a call's own inputs win)

    Inputs are passed by id as keyword arguments (or one dict): lever ids with values as
    in Scenario.run ("on@2027-01", True, 0.9, "2026-01"), and uncertain inputs by their id
    (the JSON pointer listed in Scenario.uncertain) with a number. Inputs not given keep
    the scenario's values. Each call is one deterministic run (a few milliseconds); the
    GIL is released while it runs, so threads can call f in parallel.

    f.levers, f.uncertainties and f.outcomes list the ids; f.month is the month used.

    >>> f = chokepoint.model("scenarios/baseline.json", ["bloc/china/compute_train_h100e"], month="2028-12")
    >>> f(**{"us.export_enforcement": 0.9, "us.remote_access_control": "on@2026-01"})
    {'bloc/china/compute_train_h100e': ...}
    """
    s = scenario if isinstance(scenario, Scenario) else load(scenario)
    if isinstance(outcomes, str):
        outcomes = [outcomes]
    outcomes = list(outcomes)
    if not outcomes:
        raise ValueError("model needs at least one outcome, e.g. bloc/china/compute_train_h100e")
    for o in outcomes:
        if o.count("/") != 2 or "*" in o:
            raise ValueError(f"outcome '{o}': expected one series as scope/id/metric, e.g. bloc/china/compute_train_h100e")
    when = month_text(month, "month") or s.end
    fixed = dict(levers or {})
    lever_ids = list(s.levers["id"])
    uncertain_ids = list(s.uncertain["id"])
    known_levers, known_uncertain = set(lever_ids), set(uncertain_ids)
    metrics = ",".join(outcomes)

    def evaluate(d):
        keys = ["/".join(k) for k in d["keys"]]
        values = d["values"]
        return {o: float(values[keys.index(o), -1]) for o in outcomes}

    # Fail now, not on the thousandth call: every outcome names a series.
    d = _engine.run(s._s, lever_args(fixed), None, when, [], metrics)
    missing = set(outcomes) - {"/".join(k) for k in d["keys"]}
    if missing:
        raise KeyError(f"no such series: {', '.join(sorted(missing))}")

    def f(*args, **inputs):
        if args:
            if len(args) != 1 or not isinstance(args[0], dict):
                raise TypeError("call f(**inputs) or f({id: value, ...})")
            inputs = {**args[0], **inputs}
        lever_values, uncertain = dict(fixed), []
        for key, value in inputs.items():
            if key in known_levers:
                lever_values[key] = value
            elif key in known_uncertain:
                uncertain.append((key, float(value)))
            else:
                raise KeyError(f"unknown input '{key}': not a lever of '{s.name}' nor an uncertain input "
                               "(see f.levers and f.uncertainties)")
        return evaluate(_engine.run(s._s, lever_args(lever_values), None, when, uncertain, metrics))

    f.__name__ = "chokepoint_model"
    f.__doc__ = (f"Scenario '{s.name}' at {when}: f(**inputs) -> {{outcome: value}} for outcomes "
                 f"{', '.join(outcomes)}. Inputs by id: levers (f.levers) and uncertain inputs (f.uncertainties).")
    f.levers = lever_ids
    f.uncertainties = uncertain_ids
    f.outcomes = outcomes
    f.month = when
    f.scenario = s
    return f
