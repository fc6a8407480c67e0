// chokepoint._engine: the engine for Python, kept thin. It loads scenarios, applies levers
// typed as on the command line, runs (and attributes, a tornado, a matrix: the engine's
// analyses, called as the CLI calls them), and hands results over as numpy arrays; the
// chokepoint package (chokepoint/*.py) turns them into pandas objects. The GIL is released
// while the engine runs, so other Python threads keep going.
#include <atomic>
#include <chrono>
#include <cstring>
#include <future>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "engine/attribution.h"
#include "engine/ensemble.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/month_range.h"
#include "engine/parallel.h"
#include "engine/series_select.h"
#include "engine/sensitivity.h"
#include "engine/simulate.h"

namespace py = pybind11;

namespace {

using cp::Scenario;

// A scenario with the levers, months and uncertain values of one request applied.
struct Request {
  std::vector<std::string> levers;                        // "id=value[@YYYY-MM]"
  std::optional<std::string> start, end;                  // "YYYY-MM": first month returned, last simulated
  std::vector<std::pair<std::string, double>> uncertain;  // JSON pointer -> value
  std::string metrics;                                    // series selection; empty = all
};

std::optional<int> monthArg(const std::optional<std::string>& text, const char* name) {
  if (!text) return std::nullopt;
  const auto m = cp::parseMonth(*text);
  if (!m || *m == cp::kNever)
    throw py::value_error(std::string(name) + ": expected a month YYYY-MM, got '" + *text + "'");
  return m;
}

struct Prepared {
  Scenario s;
  int first = 0;                  // first month to return (absolute)
  std::vector<double> uncertain;  // empty = the deterministic values
  cp::SeriesSelection keep;
};

Prepared prepare(const Scenario& base, const Request& q) {
  Prepared p{cp::withLevers(base, cp::parseLeverArgs(q.levers, base)), base.start, {}, {}};
  const auto first = monthArg(q.start, "start"), last = monthArg(q.end, "end");
  if (const std::string why = cp::checkMonthRange(p.s, first, last, "start", "end"); !why.empty())
    throw py::value_error(why);
  if (first) p.first = *first;
  if (last) p.s.end = *last;
  if (!q.uncertain.empty()) {
    for (const cp::Uncertain& u : p.s.uncertain) p.uncertain.push_back(u.deterministic());
    for (const auto& [pointer, value] : q.uncertain) {
      size_t i = 0;
      while (i < p.s.uncertain.size() && p.s.uncertain[i].pointer != pointer) ++i;
      if (i == p.s.uncertain.size()) throw py::key_error("unknown uncertain input '" + pointer + "'");
      p.uncertain[i] = value;
    }
  }
  if (!q.metrics.empty()) {
    try {
      p.keep = cp::parseSeriesSelection(q.metrics);
    } catch (const std::invalid_argument& e) {
      throw py::value_error(std::string("metrics: ") + e.what());
    }
  }
  return p;
}

// One run: the CLI's `run` does the same (levers, --to, lever echo) before writing.
cp::Results runPrepared(const Prepared& p) {
  cp::RunOptions o;
  o.uncertain = p.uncertain;
  o.record = p.keep;  // only the `metrics=` series are recorded
  cp::Results r = cp::simulate(p.s, o);
  for (size_t i = 0; i < p.s.levers.size(); ++i) {
    std::string joined;
    for (const auto& v : cp::leverScheduleStrings(p.s, static_cast<int>(i))) joined += (joined.empty() ? "" : ";") + v;
    if (!joined.empty()) r.lever_values.emplace_back(p.s.levers[i].id, joined);
  }
  return r;
}

py::list keyList(const std::vector<cp::SeriesKey>& keys) {
  py::list out;
  for (const cp::SeriesKey& k : keys) out.append(py::make_tuple(cp::toString(k.scope), k.id, k.metric));
  return out;
}

py::list echo(const std::vector<std::pair<std::string, std::string>>& lever_values) {
  py::list out;
  for (const auto& [id, v] : lever_values) out.append(py::make_tuple(id, v));
  return out;
}

// series x months, from month index t0 on.
py::array_t<double> matrix(const double* values, size_t series, int months, int t0) {
  const int kept = months - t0;
  py::array_t<double> a({static_cast<py::ssize_t>(series), static_cast<py::ssize_t>(kept)});
  double* dst = a.mutable_data();
  for (size_t i = 0; i < series; ++i)
    std::memcpy(dst + i * kept, values + i * static_cast<size_t>(months) + t0, sizeof(double) * kept);
  return a;
}

py::dict resultsDict(const cp::Results& r, int first) {
  const int t0 = r.monthIndex(first);
  py::dict d;
  d["start"] = cp::formatMonth(first);
  d["months"] = r.months() - t0;
  d["keys"] = keyList(r.keys());
  d["values"] = matrix(r.size() ? r.series(0) : nullptr, r.size(), r.months(), t0);
  d["scenario"] = r.scenario_name;
  d["seed"] = r.seed;
  d["version"] = r.version;
  d["levers"] = echo(r.lever_values);
  return d;
}

// Runs `work` on a thread of its own without the GIL, checking for Ctrl+C meanwhile: an
// interrupt sets `cancel` (the engine stops starting new runs) and raises KeyboardInterrupt.
template <class T, class Work>
T interruptible(std::atomic<bool>& cancel, Work work) {
  std::future<T> f;
  {
    py::gil_scoped_release nogil;
    f = std::async(std::launch::async, work);
  }
  for (;;) {
    {
      py::gil_scoped_release nogil;
      if (f.wait_for(std::chrono::milliseconds(100)) == std::future_status::ready) break;
    }
    if (PyErr_CheckSignals() != 0) {
      cancel = true;
      {
        py::gil_scoped_release nogil;
        f.wait();
      }
      throw py::error_already_set();
    }
  }
  return f.get();
}

Request request(std::vector<std::string> levers, std::optional<std::string> start, std::optional<std::string> end,
                std::vector<std::pair<std::string, double>> uncertain, std::string metrics) {
  return Request{std::move(levers), std::move(start), std::move(end), std::move(uncertain), std::move(metrics)};
}

py::list leverTable(const Scenario& s) {
  py::list out;
  for (size_t i = 0; i < s.levers.size(); ++i) {
    const cp::Lever& l = s.levers[i];
    const std::string value = cp::leverScheduleText(s, static_cast<int>(i));
    py::dict d;
    d["id"] = l.id;
    d["kind"] = cp::toString(l.kind);
    d["value"] = value;
    d["range"] = cp::formatLeverRange(l);
    d["label"] = l.label;
    d["help"] = l.help;
    d["source"] = l.source;
    d["group"] = l.group;
    d["unit"] = l.unit;
    d["min"] = l.min;
    d["max"] = l.max;
    out.append(d);
  }
  return out;
}

py::list uncertainTable(const Scenario& s) {
  py::list out;
  for (const cp::Uncertain& u : s.uncertain) {
    const bool tri = u.dist == cp::Dist::Triangular;
    const double none = std::numeric_limits<double>::quiet_NaN();
    py::dict d;
    d["id"] = u.pointer;
    d["dist"] = tri ? "triangular" : "lognormal";
    d["value"] = u.deterministic();
    d["min"] = tri ? u.a : none;
    d["mode"] = tri ? u.b : none;
    d["max"] = tri ? u.c : none;
    d["median"] = tri ? none : u.a;
    d["sigma"] = tri ? none : u.b;
    out.append(d);
  }
  return out;
}

// A metric point checked against every scenario, as the CLI's metricPoints does.
cp::MetricPoint metricPoint(const std::string& metric, const std::string& month,
                            const std::vector<const Scenario*>& scenarios) {
  cp::MetricPoint p = cp::parseMetricPoint(metric, month);
  for (const Scenario* s : scenarios) cp::checkMetricPoint(*s, p);
  return p;
}

// Runs an analysis without the GIL; Ctrl+C cancels it (KeyboardInterrupt), so a partial
// result never comes back.
template <class Result, class Compute>
Result analyse(int threads, Compute compute) {
  std::atomic<bool> cancel{false};
  cp::AnalysisOptions o;
  o.threads = threads;
  o.cancel = &cancel;
  return interruptible<Result>(cancel, [&] { return compute(o); });
}

// Rows as tuples: lever, label, from, to, contribution, std_error, alone.
py::dict attributionDict(const cp::Attribution& a) {
  py::list rows;
  for (const cp::LeverContribution& c : a.levers)
    rows.append(py::make_tuple(c.id, c.label, c.from, c.to, c.value, c.std_error, c.alone));
  py::dict d;
  d["rows"] = rows;
  d["metric"] = a.metric;
  d["month"] = cp::formatMonth(a.month);
  d["base_value"] = a.base_value;
  d["variant_value"] = a.variant_value;
  d["difference"] = a.difference();
  d["interaction"] = a.interaction;
  d["interaction_share"] = a.interactionShare();
  d["other"] = a.other;
  d["exact"] = !a.sampled;
  d["samples"] = a.samples;
  d["runs"] = a.runs;
  return d;
}

py::dict sensitivityDict(const cp::Sensitivity& t) {
  py::list rows;
  for (const cp::SensitivityRow& r : t.rows)  // the CLI's csv columns
    rows.append(py::make_tuple(r.id, r.label, r.low_text, r.high_text, r.at_low, r.at_high, r.swing));
  py::dict d;
  d["rows"] = rows;
  d["metric"] = t.metric;
  d["month"] = cp::formatMonth(t.month);
  d["value"] = t.value;
  d["runs"] = t.runs;
  return d;
}

}  // namespace

PYBIND11_MODULE(_engine, m) {
  m.doc() = "Chokepoint's engine, wrapped thinly; use the chokepoint package, not this module.";
  m.attr("version") = CHOKEPOINT_VERSION;
  m.attr("built_for") = CHOKEPOINT_PYTHON_EXECUTABLE;
  py::register_exception<cp::LeverError>(m, "LeverError", PyExc_ValueError);
  py::register_exception<cp::EnsembleError>(m, "EnsembleError", PyExc_ValueError);
  py::register_exception<cp::AnalysisError>(m, "AnalysisError", PyExc_ValueError);

  py::class_<Scenario>(m, "Scenario", "A loaded scenario (immutable).")
      .def_property_readonly("name", [](const Scenario& s) { return s.name; })
      .def_property_readonly("description", [](const Scenario& s) { return s.description; })
      .def_property_readonly("file", [](const Scenario& s) { return s.file; })
      .def_property_readonly("start", [](const Scenario& s) { return cp::formatMonth(s.start); })
      .def_property_readonly("end", [](const Scenario& s) { return cp::formatMonth(s.end); })
      .def_property_readonly("seed", [](const Scenario& s) { return s.seed; })
      .def("lever_table", &leverTable, "Every lever as a dict (id, kind, value, range, label, help, source, ...).")
      .def("uncertain_table", &uncertainTable, "Every uncertain input as a dict (id = its JSON pointer, dist, ...).");

  m.def(
      "load",
      [](const std::string& path) -> py::object {
        try {
          Scenario s;
          {
            py::gil_scoped_release nogil;
            s = cp::loadScenario(path);
          }
          return py::cast(std::move(s));
        } catch (const cp::LoadError& e) {
          py::list problems;
          // A problem may quote bytes of a file that is not UTF-8 (a binary file): replaced,
          // so the caller gets the problem naming the file, not a UnicodeDecodeError.
          const auto text = [](const std::string& t) {
            return py::reinterpret_steal<py::str>(
                PyUnicode_DecodeUTF8(t.data(), static_cast<Py_ssize_t>(t.size()), "replace"));
          };
          for (const cp::Problem& p : e.problems())
            problems.append(py::make_tuple(text(p.file), text(p.pointer), text(p.message)));
          return problems;
        }
      },
      py::arg("path"), "A Scenario, or the list of (file, pointer, reason) problems that stop it loading.");

  m.def(
      "run",
      [](const Scenario& s, std::vector<std::string> levers, std::optional<std::string> start,
         std::optional<std::string> end, std::vector<std::pair<std::string, double>> uncertain, std::string metrics) {
        const Prepared p = prepare(s, request(levers, start, end, uncertain, metrics));
        cp::Results r;
        {
          py::gil_scoped_release nogil;
          r = runPrepared(p);
        }
        return resultsDict(r, p.first);
      },
      py::arg("scenario"), py::arg("levers"), py::arg("start"), py::arg("end"), py::arg("uncertain"),
      py::arg("metrics"), "One deterministic run as a dict: start, months, keys, values (series x months), echo.");

  m.def(
      "run_many",
      [](const Scenario& s, std::vector<std::vector<std::string>> lever_sets, std::optional<std::string> start,
         std::optional<std::string> end, std::string metrics, int threads) {
        std::vector<Prepared> jobs;
        for (auto& levers : lever_sets) jobs.push_back(prepare(s, request(levers, start, end, {}, metrics)));
        std::vector<cp::Results> results(jobs.size());
        std::atomic<bool> cancel{false};
        interruptible<int>(cancel, [&] {
          cp::parallelFor(jobs.size(), cp::resolveThreads(threads, jobs.size()), &cancel,
                          [&](size_t i) { results[i] = runPrepared(jobs[i]); });
          return 0;
        });
        py::list out;
        for (size_t i = 0; i < jobs.size(); ++i) out.append(resultsDict(results[i], jobs[i].first));
        return out;
      },
      py::arg("scenario"), py::arg("lever_sets"), py::arg("start"), py::arg("end"), py::arg("metrics"),
      py::arg("threads"), "One run per lever set, in parallel; results in the order given.");

  m.def(
      "mc",
      [](const Scenario& s, std::vector<std::string> levers, std::optional<std::string> start,
         std::optional<std::string> end, std::string metrics, int runs, std::optional<std::uint64_t> seed,
         int threads) {
        Prepared p = prepare(s, request(levers, start, end, {}, metrics));
        if (runs < 1) throw py::value_error("runs must be at least 1");
        cp::EnsembleOptions o;
        o.runs = runs;
        o.seed = seed ? *seed : p.s.seed;
        p.s.seed = o.seed;
        o.threads = threads;
        o.keep = p.keep;
        std::atomic<bool> cancel{false};
        o.cancel = &cancel;
        const cp::EnsembleResult e = interruptible<cp::EnsembleResult>(cancel, [&] { return cp::runEnsemble(p.s, o); });
        const int t0 = p.first - e.start;
        py::dict d;
        d["start"] = cp::formatMonth(p.first);
        d["months"] = e.months - t0;
        d["keys"] = keyList(e.keys);
        for (const auto& [name, v] : {std::pair{"p10", &e.stats.p10}, std::pair{"p50", &e.stats.p50},
                                      std::pair{"p90", &e.stats.p90}, std::pair{"mean", &e.stats.mean}})
          d[name] = matrix(v->data(), e.keys.size(), e.months, t0);
        d["runs"] = e.runs;
        d["seed"] = e.seed;
        d["scenario"] = e.scenario_name;
        d["levers"] = echo(e.lever_values);
        return d;
      },
      py::arg("scenario"), py::arg("levers"), py::arg("start"), py::arg("end"), py::arg("metrics"), py::arg("runs"),
      py::arg("seed"), py::arg("threads"), "A Monte Carlo ensemble: p10/p50/p90/mean arrays (series x months).");

  m.def(
      "attribute",
      [](const Scenario& base, const Scenario& variant, std::vector<std::string> levers_a,
         std::vector<std::string> levers_b, std::string metric, std::string month, int samples,
         std::optional<std::uint64_t> seed, int threads) {
        const Scenario a = cp::withLevers(base, cp::parseLeverArgs(levers_a, base));
        const Scenario b = cp::withLevers(variant, cp::parseLeverArgs(levers_b, variant));
        const cp::MetricPoint p = metricPoint(metric, month, {&a, &b});
        const auto r = analyse<cp::Attribution>(threads, [&](cp::AnalysisOptions o) {
          o.samples = samples;
          o.seed = seed;
          return cp::attribute(a, b, p, o);
        });
        return attributionDict(r);
      },
      py::arg("base"), py::arg("variant"), py::arg("levers_a"), py::arg("levers_b"), py::arg("metric"),
      py::arg("month"), py::arg("samples"), py::arg("seed"), py::arg("threads"),
      "The difference in one metric split over the differing levers (Shapley values), as a dict.");

  m.def(
      "sensitivity",
      [](const Scenario& s, std::vector<std::string> settings, std::string metric, std::string month,
         std::vector<std::string> only, int threads) {
        const Scenario given = cp::withLevers(s, cp::parseLeverArgs(settings, s));
        const cp::MetricPoint p = metricPoint(metric, month, {&given});
        std::vector<int> levers;
        for (const std::string& id : only) {
          const int i = given.findLever(id);
          if (i < 0)
            throw cp::LeverError(cp::Message::plain("levers: unknown lever '" + id + "' (see Scenario.levers)"));
          levers.push_back(i);
        }
        const auto t = analyse<cp::Sensitivity>(
            threads, [&](const cp::AnalysisOptions& o) { return cp::sensitivity(given, p, levers, o); });
        return sensitivityDict(t);
      },
      py::arg("scenario"), py::arg("settings"), py::arg("metric"), py::arg("month"), py::arg("levers"),
      py::arg("threads"), "A tornado: each lever alone at the ends of its range, largest swing first, as a dict.");

  m.def(
      "matrix",
      [](std::vector<Scenario> scenarios, std::vector<std::string> metrics, std::vector<std::string> months,
         int threads) {
        std::vector<cp::MetricPoint> points;
        for (const std::string& metric : metrics)
          for (const std::string& month : months) points.push_back(metricPoint(metric, month, {}));
        const auto r = analyse<cp::ScenarioMatrix>(
            threads, [&](const cp::AnalysisOptions& o) { return cp::scenarioMatrix(scenarios, points, o); });
        py::list keys;
        for (const cp::MetricPoint& p : r.points)
          keys.append(py::make_tuple(cp::toString(p.scope), p.id, p.metric, cp::formatMonth(p.month)));
        py::dict d;
        d["scenarios"] = r.scenarios;
        d["points"] = keys;
        d["values"] = r.values;
        return d;
      },
      py::arg("scenarios"), py::arg("metrics"), py::arg("months"), py::arg("threads"),
      "Scenarios x (metric, month) points: values row-major, NaN where a scenario lacks the series or month.");
}
