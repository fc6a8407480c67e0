"""Scenarios and runs: load a scenario, run it, get pandas objects back."""

import collections
import itertools
import warnings

import numpy as np
import pandas as pd

from . import _engine
from ._values import lever_args, month_index, month_text, threads_arg, whole_number

Problem = collections.namedtuple("Problem", "file pointer reason")
Problem.__doc__ = "One problem in a scenario file: the file, the JSON pointer into it and the reason."


class ScenarioError(Exception):
    """A scenario file that does not load.

    ``problems`` lists every problem found (not just the first) as Problem(file, pointer,
    reason); str() gives one line per problem, as the command line prints them.
    """

    def __init__(self, problems):
        self.problems = [Problem(*p) for p in problems]
        super().__init__("\n".join(f"{p.file}: {p.pointer or '/'}: {p.reason}" for p in self.problems))


LeverError = _engine.LeverError
LeverError.__doc__ = "A lever setting that is not valid: unknown id, bad value or month (a ValueError)."


def load(path):
    """Load a scenario file (JSON, `extends` resolved) and return a Scenario.

    Raises ScenarioError with every problem (file, JSON pointer, reason) when it does not load.

    >>> s = chokepoint.load("scenarios/baseline.json")
    """
    loaded = _engine.load(str(path))
    if isinstance(loaded, list):
        raise ScenarioError(loaded)
    return Scenario(loaded, str(path))


def _metrics_text(metrics):
    if metrics is None:
        return ""
    return metrics if isinstance(metrics, str) else ",".join(metrics)


def _warn_if_nothing_matched(metrics, keys):
    # As the CLI: a selection that matches nothing is most likely a typo, but not an error.
    if metrics is not None and len(keys) == 0:
        warnings.warn(f"metrics {_metrics_text(metrics)!r} matches no series", UserWarning, stacklevel=3)


class Scenario:
    """A loaded scenario. Running it never changes it; each call applies its own levers.

    Attributes: name, description, path, start and end (first and last month, 'YYYY-MM'),
    seed, levers (DataFrame), uncertain (DataFrame).

    Shared keyword arguments of run / mc / sweep, the same as the command line's flags:
      levers   {id: value}: value as on the command line ("on@2027-01") or a Python value
               (True, 0.9, "2026-01", a list or {month: value} dict for a schedule) = --lever
      start    first month returned ('YYYY-MM' or a date) = --from
      end      last month simulated and returned = --to
      metrics  only these series: "METRIC" or "SCOPE/ID/METRIC" with '*' for any part, a
               comma-separated string or a list = --metrics
    A month outside start..end of the scenario, or start after end, raises ValueError
    naming the scenario's span.
    """

    def __init__(self, handle, path):
        self._s = handle
        self.path = path
        self.name = handle.name
        self.description = handle.description
        self.start = handle.start
        self.end = handle.end
        self.seed = handle.seed
        self._levers = None
        self._uncertain = None

    def __repr__(self):
        return f"<chokepoint.Scenario '{self.name}' {self.start}..{self.end} from {self.path}>"

    @property
    def levers(self):
        """The levers as a DataFrame: id, kind, value, range, label, help, source (and group,
        unit, min, max). `value` is written as the command line takes it, a schedule as
        "0.5;0.9@2026-01", which levers={id: ...} takes back."""
        if self._levers is None:
            cols = ["id", "kind", "value", "range", "label", "help", "source", "group", "unit", "min", "max"]
            self._levers = pd.DataFrame(self._s.lever_table(), columns=cols)
        return self._levers.copy()

    @property
    def uncertain(self):
        """The uncertain inputs as a DataFrame: id (the input's JSON pointer), dist, value (the
        deterministic value a plain run uses), min/mode/max (triangular) or median/sigma
        (lognormal). Monte Carlo draws them; chokepoint.model() lets you set them."""
        if self._uncertain is None:
            cols = ["id", "dist", "value", "min", "mode", "max", "median", "sigma"]
            self._uncertain = pd.DataFrame(self._s.uncertain_table(), columns=cols)
        return self._uncertain.copy()

    def run(self, levers=None, start=None, end=None, metrics=None, uncertain=None):
        """One deterministic run; returns a Run (long(), series(), wide()).

        The numbers are those of `chokepoint-cli run` with the same levers and months, bit
        for bit. `uncertain` ({JSON pointer: value}) fixes uncertain inputs at other values
        than their mode/median. The engine runs without the GIL.

        >>> r = s.run(levers={"us.remote_access_control": "on@2027-01"}, end="2028-12")
        >>> r.series("bloc", "china", "compute_train_h100e")
        """
        d = _engine.run(self._s, lever_args(levers), month_text(start, "start"), month_text(end, "end"),
                        list((uncertain or {}).items()), _metrics_text(metrics))
        _warn_if_nothing_matched(metrics, d["keys"])
        return Run(d)

    def mc(self, runs=1000, threads=0, seed=None, levers=None, start=None, end=None, metrics=None):
        """A Monte Carlo ensemble over the uncertain inputs, as `chokepoint-cli mc`.

        Returns a DataFrame with one row per (month, series): month, scope, id, metric, p10,
        p50, p90, mean (quantiles by linear interpolation, type 7); df.attrs holds runs and
        seed. Run i draws from a stream derived from (seed, i), so any `threads` (0 = one
        per core) gives the same numbers. seed=None uses the scenario's seed. Each run keeps
        every series in memory (about 0.56 MB for the baseline): use `metrics` for large
        ensembles. Ctrl+C stops it and raises KeyboardInterrupt.
        """
        d = _engine.mc(self._s, lever_args(levers), month_text(start, "start"), month_text(end, "end"),
                       _metrics_text(metrics), whole_number(runs, "runs", 1), seed, threads_arg(threads))
        _warn_if_nothing_matched(metrics, d["keys"])
        frame = _long_frame(d["start"], d["months"], d["keys"], {k: d[k] for k in ("p10", "p50", "p90", "mean")})
        frame.attrs.update(runs=d["runs"], seed=d["seed"], scenario=d["scenario"])
        return frame

    def sweep(self, sweep, levers=None, start=None, end=None, metrics=None, threads=0):
        """Every combination of lever values, as `chokepoint-cli sweep`.

        `sweep` maps lever ids to lists of values ({"us.export_enforcement": [0, 0.5, 1],
        "us.remote_access_control": ["off", "on@2026-01"]}); `levers` are fixed for every
        combination (the CLI's --set). Returns the long table with a leading column per swept
        lever holding the value as given: lever columns..., month, scope, id, metric, value.
        Combinations run in parallel (threads=0: one per core) without the GIL.
        """
        if not isinstance(sweep, dict) or not sweep:
            raise TypeError("sweep expects a dict {lever id: [values, ...]}")
        ids = list(sweep)
        choices = []
        for lever_id in ids:
            values = sweep[lever_id]
            if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
                raise TypeError(f"sweep[{lever_id!r}] must be a list of values, got {values!r}")
            values = list(values)
            if not values:
                raise ValueError(f"sweep[{lever_id!r}] has no values: give at least one")
            choices.append(values)
        fixed = lever_args(levers)
        combos = list(itertools.product(*choices))
        sets = [fixed + lever_args(dict(zip(ids, combo))) for combo in combos]
        results = _engine.run_many(self._s, sets, month_text(start, "start"), month_text(end, "end"),
                                   _metrics_text(metrics), threads_arg(threads))
        _warn_if_nothing_matched(metrics, results[0]["keys"])
        frames = []
        for combo, d in zip(combos, results):
            frame = _long_frame(d["start"], d["months"], d["keys"], {"value": d["values"]})
            for i, lever_id in enumerate(ids):
                frame.insert(i, lever_id, [combo[i]] * len(frame))
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def attribute(self, variant, metric="bloc/china/compute_train_h100e", month="2028-12", levers_b=None,
                  samples=None, threads=0, seed=None, levers_a=None):
        """Which lever did what, as `chokepoint-cli attribute`: the difference in one metric
        at one month between this scenario (the base) and `variant`, split over the levers
        whose values differ up to that month (Shapley values).

        variant   a Scenario or a scenario path; may be this scenario with levers_b
        metric    one series "SCOPE/ID/METRIC";  month  'YYYY-MM' or a date
        levers_a  {id: value} for the base only (--lever-a);  levers_b  for the variant only
        samples   random orders when more than 10 levers differ (default: automatic);
                  seed  their stream (default: this scenario's seed, as the CLI)
        threads   0 = one per core; the numbers do not depend on it

        Returns the CLI's csv table as a DataFrame: lever, label, from, to (values as typed),
        contribution, share (of the difference; NaN when it is 0), std_error (0 when exact),
        alone (the lever's effect switched on its own), largest |contribution| first. When
        the variant differs in more than its levers, a last row "(other differences)" holds
        the rest. df.attrs: base_value, variant_value, difference, interaction (the
        difference minus the one-at-a-time effects), interaction_share, other, exact,
        samples, runs, metric, month, base, variant. base_value + contributions (other
        included) == variant_value up to rounding.

        A bad metric, a series either scenario lacks or a month outside the base raises
        AnalysisError (a ValueError). The engine runs without the GIL; Ctrl+C stops it.

        >>> a = s.attribute(s, levers_b={"us.remote_access_control": "on@2026-01",
        ...                              "us.export_enforcement": 0.9})
        >>> a[["lever", "contribution", "share"]]
        """
        from .analysis import attribute

        return attribute(self, variant, metric, month, levers_a=levers_a, levers_b=levers_b, samples=samples,
                         threads=threads, seed=seed)

    def sensitivity(self, metric="bloc/china/compute_train_h100e", month="2028-12", levers=None, threads=0,
                    settings=None):
        """A tornado, as `chokepoint-cli sensitivity`: each lever alone at the low and the
        high end of its declared range for the whole run (bool off/on, number min/max, month
        earliest/never, choice first/last), the others as given.

        levers    which levers to vary: a list of ids or "ID,ID" (--levers; default all)
        settings  {id: value} applied before (--lever)
        threads   0 = one per core; the numbers do not depend on it

        Returns the CLI's csv table as a DataFrame: lever, label, low, high (as typed),
        at_low, at_high (the metric at each end), swing (|at_high - at_low|), largest swing
        first, ties in the scenario's lever order. df.attrs: value (the metric as given),
        metric, month, runs, scenario. Bad metric or month: AnalysisError (a ValueError);
        an unknown lever: LeverError.

        >>> s.sensitivity(levers=["us.export_enforcement", "us.remote_access_control"])
        """
        from .analysis import sensitivity

        return sensitivity(self, metric, month, levers=levers, threads=threads, settings=settings)

    def model(self, outcomes, month=None, levers=None):
        """chokepoint.model(self, ...): a plain callable f(**inputs) -> {outcome: value}."""
        from .exploratory import model

        return model(self, outcomes, month=month, levers=levers)


def _long_frame(start, months, keys, columns):
    """Month-major long table (the CLI's row order) from series x months arrays."""
    n = len(keys)
    index = month_index(start, months)
    scope, ident, metric = (list(x) for x in zip(*keys)) if n else ([], [], [])
    frame = pd.DataFrame({
        "month": np.repeat(index.values, n),
        "scope": np.tile(np.array(scope, dtype=object), months),
        "id": np.tile(np.array(ident, dtype=object), months),
        "metric": np.tile(np.array(metric, dtype=object), months),
    })
    for name, values in columns.items():
        frame[name] = np.asarray(values).T.reshape(-1)
    return frame


class Run:
    """The results of one run: every series (scope, id, metric) month by month.

    Attributes: scenario (its name), seed, version, levers ({id: value as typed} for every
    lever not at its default), start (first month), months, index (DatetimeIndex of the
    months), keys (list of (scope, id, metric)), values (numpy array, series x months).
    """

    def __init__(self, d):
        self.scenario = d["scenario"]
        self.seed = d["seed"]
        self.version = d["version"]
        self.levers = dict(d["levers"])
        self.start = d["start"]
        self.months = d["months"]
        self.keys = [tuple(k) for k in d["keys"]]
        self.values = d["values"]
        self.index = month_index(self.start, self.months)
        self._row = {k: i for i, k in enumerate(self.keys)}

    def __repr__(self):
        return (f"<chokepoint.Run '{self.scenario}' {len(self.keys)} series x {self.months} months "
                f"from {self.start}>")

    def long(self):
        """The long table as the CLI writes it: month, scope, id, metric, value, one row per
        series per month, months outer, series in the engine's order."""
        return _long_frame(self.start, self.months, self.keys, {"value": self.values})

    def series(self, scope, id, metric):
        """One series as a pandas Series indexed by month (first day of each month).

        >>> r.series("bloc", "china", "compute_train_h100e")
        Raises KeyError naming close matches when there is no such series.
        """
        key = (scope, id, metric)
        if key not in self._row:
            near = [f"{s}/{i}/{m}" for s, i, m in self.keys if (s, i) == (scope, id) or m == metric][:8]
            raise KeyError(f"no series {scope}/{id}/{metric}" + (f"; for example: {', '.join(near)}" if near else ""))
        return pd.Series(self.values[self._row[key]], index=self.index, name=f"{scope}/{id}/{metric}")

    def wide(self, metric=None, scope=None, id=None):
        """Months as rows, one column per series, optionally only one metric / scope / id.

        Columns are a MultiIndex (scope, id, metric) without the levels you fixed:
        r.wide(metric="compute_train_h100e", scope="bloc") has one column per bloc id.
        """
        picked = [i for i, (s, d, m) in enumerate(self.keys)
                  if (scope is None or s == scope) and (id is None or d == id) and (metric is None or m == metric)]
        if not picked:
            raise KeyError(f"no series with scope={scope!r} id={id!r} metric={metric!r}")
        columns = pd.MultiIndex.from_tuples([self.keys[i] for i in picked], names=["scope", "id", "metric"])
        frame = pd.DataFrame(self.values[picked].T, index=self.index, columns=columns)
        fixed = [name for name, value in (("scope", scope), ("id", id), ("metric", metric)) if value is not None]
        if len(fixed) < 3:
            frame.columns = frame.columns.droplevel(fixed) if fixed else frame.columns
        return frame
