#include "engine/ensemble_io.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <iterator>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/month.h"

namespace cp {

namespace {

std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string leversField(const EnsembleResult& e) {
  std::string out;
  for (const auto& [id, value] : e.lever_values) out += fmt::format("{}{}={}", out.empty() ? "" : ",", id, value);
  return oneLine(out);
}

std::string partialLine(const EnsembleResult& e) {
  return fmt::format("# partial: {} of {} runs\n", e.finishedRuns(), e.run_ids.size());
}

[[noreturn]] void fail(const std::string& name, long line, const std::string& what) {
  throw EnsembleError(line > 0 ? fmt::format("{}:{}: {}", name, line, what) : fmt::format("{}: {}", name, what));
}

std::vector<std::string_view> splitCsv(std::string_view line) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  for (;;) {
    const size_t end = line.find(',', begin);
    if (end == std::string_view::npos) {
      out.push_back(line.substr(begin));
      return out;
    }
    out.push_back(line.substr(begin, end - begin));
    begin = end + 1;
  }
}

template <class T>
bool parseInt(std::string_view s, T& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parseDouble(std::string_view s, double& out) {
#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 170000
  // Older libc++ (the browser build's) has no from_chars for double: strtod on a copy,
  // refusing what from_chars refuses and strtod takes (leading space, '+').
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '+') return false;
  const std::string copy(s);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
#else
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
#endif
}

}  // namespace

namespace {
// The months of `e` that `range` keeps, as indices t0..t1.
std::pair<int, int> monthIndices(const EnsembleResult& e, WriteRange range) {
  return {range.from < 0 ? 0 : std::max(0, range.from - e.start),
          range.to < 0 ? e.months - 1 : std::min(e.months - 1, range.to - e.start)};
}
}  // namespace

void writeEnsembleCsv(std::ostream& out, const EnsembleResult& e, WriteRange range) {
  const EnsembleStats computed = e.stats.mean.empty() && !e.keys.empty() ? summarize(e) : EnsembleStats{};
  const EnsembleStats& st = e.stats.mean.empty() ? computed : e.stats;
  out << fmt::format("{} runs={} seed={} version={} levers={} scenario={}\n", kMcMagic, e.runs, e.seed,
                     oneLine(e.version), leversField(e), oneLine(e.scenario_name));
  out << "month,scope,id,metric,stat,value\n";
  std::string buf;
  const auto [t0, t1] = monthIndices(e, range);
  for (int t = t0; t <= t1; ++t) {
    const std::string month = formatMonth(e.start + t);
    buf.clear();
    for (std::size_t s = 0; s < e.keys.size(); ++s) {
      const SeriesKey& k = e.keys[s];
      const std::size_t c = e.cell(s, t);
      const char* scope = toString(k.scope);
      fmt::format_to(std::back_inserter(buf), "{},{},{},{},p10,{}\n", month, scope, k.id, k.metric, st.p10[c]);
      fmt::format_to(std::back_inserter(buf), "{},{},{},{},p50,{}\n", month, scope, k.id, k.metric, st.p50[c]);
      fmt::format_to(std::back_inserter(buf), "{},{},{},{},p90,{}\n", month, scope, k.id, k.metric, st.p90[c]);
      fmt::format_to(std::back_inserter(buf), "{},{},{},{},mean,{}\n", month, scope, k.id, k.metric, st.mean[c]);
    }
    out << buf;
  }
  // A merged result is partial against the whole ensemble; a shard only against its runs.
  if (e.partial()) out << partialLine(e);
}

void writeEnsembleShard(std::ostream& out, const EnsembleResult& e, WriteRange range) {
  const auto [t0, t1] = monthIndices(e, range);
  out << fmt::format("{} runs={} seed={} shard={}/{} version={} levers={} scenario={}\n", kMcShardMagic, e.runs, e.seed,
                     e.shard_k + 1, e.shard_n, oneLine(e.version), leversField(e), oneLine(e.scenario_name));
  std::string buf = "run,scope,id,metric";
  for (int t = t0; t <= t1; ++t) {
    buf += ',';
    buf += formatMonth(e.start + t);
  }
  out << buf << "\n";
  for (std::size_t m = 0; m < e.run_ids.size(); ++m) {
    if (!e.finished[m]) continue;
    buf.clear();
    for (std::size_t s = 0; s < e.keys.size(); ++s) {
      const SeriesKey& k = e.keys[s];
      fmt::format_to(std::back_inserter(buf), "{},{},{},{}", e.run_ids[m], toString(k.scope), k.id, k.metric);
      const double* v = e.memberSeries(m, s);
      for (int t = t0; t <= t1; ++t) fmt::format_to(std::back_inserter(buf), ",{}", v[t]);
      buf += '\n';
    }
    out << buf;
  }
  if (e.partial()) out << partialLine(e);
}

EnsembleResult readEnsembleShard(std::istream& in, const std::string& name) {
  EnsembleResult e;
  std::string line;
  long no = 0;

  // -- first line: magic and echo
  if (!std::getline(in, line)) fail(name, 0, "empty file");
  ++no;
  const std::string magic = std::string(kMcShardMagic) + " ";
  if (line.rfind(magic, 0) != 0)
    fail(name, no, fmt::format("not an mc shard file (the first line should start with '{}')", kMcShardMagic));
  {
    std::string_view rest = std::string_view(line).substr(magic.size());
    bool have_runs = false, have_seed = false, have_shard = false, have_scenario = false;
    while (!rest.empty()) {
      const size_t sp = rest.find(' ');
      std::string_view tok = rest.substr(0, sp);
      const size_t eq = tok.find('=');
      if (eq == std::string_view::npos) fail(name, no, fmt::format("malformed field '{}' in the first line", tok));
      const std::string_view key = tok.substr(0, eq);
      std::string_view value = tok.substr(eq + 1);
      if (key == "scenario") {  // the rest of the line, spaces included
        e.scenario_name = std::string(rest.substr(eq + 1));
        have_scenario = true;
        break;
      }
      if (key == "runs") {
        if (!parseInt(value, e.runs) || e.runs < 1) fail(name, no, fmt::format("bad runs={}", value));
        have_runs = true;
      } else if (key == "seed") {
        if (!parseInt(value, e.seed)) fail(name, no, fmt::format("bad seed={}", value));
        have_seed = true;
      } else if (key == "shard") {
        const size_t slash = value.find('/');
        int k = 0, n = 0;
        if (slash == std::string_view::npos || !parseInt(value.substr(0, slash), k) ||
            !parseInt(value.substr(slash + 1), n) || n < 1 || k < 1 || k > n)
          fail(name, no, fmt::format("bad shard={} (expected K/N with 1 <= K <= N)", value));
        e.shard_k = k - 1;
        e.shard_n = n;
        have_shard = true;
      } else if (key == "version") {
        e.version = std::string(value);
      } else if (key == "levers") {
        while (!value.empty()) {
          const size_t comma = value.find(',');
          const std::string_view item = value.substr(0, comma);
          const size_t ieq = item.find('=');
          if (ieq == std::string_view::npos || ieq == 0) fail(name, no, fmt::format("bad lever entry '{}'", item));
          e.lever_values.emplace_back(std::string(item.substr(0, ieq)), std::string(item.substr(ieq + 1)));
          value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
        }
      }  // unknown fields: ignored (newer writers may add some)
      rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    }
    if (!have_runs || !have_seed || !have_shard || !have_scenario)
      fail(name, no, "the first line needs runs=, seed=, shard= and scenario=");
  }
  e.run_ids = shardRuns(e.runs, e.shard_k, e.shard_n);
  e.finished.assign(e.run_ids.size(), 0);

  // -- column header: run,scope,id,metric,then consecutive months
  if (!std::getline(in, line)) fail(name, no, "missing the column header");
  ++no;
  {
    const auto cols = splitCsv(line);
    if (cols.size() < 5 || cols[0] != "run" || cols[1] != "scope" || cols[2] != "id" || cols[3] != "metric")
      fail(name, no, "expected the header run,scope,id,metric,<months>");
    for (size_t i = 4; i < cols.size(); ++i) {
      const auto m = parseMonth(cols[i]);
      if (!m || *m == kNever) fail(name, no, fmt::format("column {} is not a month: '{}'", i + 1, cols[i]));
      if (i == 4)
        e.start = *m;
      else if (*m != e.start + static_cast<int>(i - 4))
        fail(name, no, "months in the header are not consecutive");
    }
    e.months = static_cast<int>(cols.size() - 4);
  }

  // -- rows: each finished run's series, in the same order for every run
  std::unordered_map<int, std::size_t> member_of;
  for (std::size_t m = 0; m < e.run_ids.size(); ++m) member_of.emplace(e.run_ids[m], m);
  std::vector<std::vector<double>> per_member(e.run_ids.size());
  int current = -1;         // run whose rows are being read
  std::size_t pos = 0;      // series index within the current run
  bool keys_fixed = false;  // set once the first run's rows are complete
  auto close_run = [&]() {
    if (current < 0) return;
    if (!keys_fixed)
      keys_fixed = true;
    else if (pos != e.keys.size())
      fail(name, no, fmt::format("run {} has {} series, the first run has {}", current, pos, e.keys.size()));
  };
  while (std::getline(in, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    const auto cols = splitCsv(line);
    if (cols.size() != static_cast<size_t>(e.months) + 4)
      fail(name, no, fmt::format("expected {} columns, got {}", e.months + 4, cols.size()));
    int run = 0;
    if (!parseInt(cols[0], run)) fail(name, no, fmt::format("bad run '{}'", cols[0]));
    if (run != current) {
      close_run();
      const auto it = member_of.find(run);
      if (it == member_of.end())
        fail(name, no,
             fmt::format("run {} does not belong to shard {}/{} of {} runs", run, e.shard_k + 1, e.shard_n, e.runs));
      if (e.finished[it->second]) fail(name, no, fmt::format("run {} appears twice", run));
      e.finished[it->second] = 1;
      current = run;
      pos = 0;
    }
    SeriesKey key;
    if (!parseScope(cols[1], key.scope)) fail(name, no, fmt::format("unknown scope '{}'", cols[1]));
    key.id = std::string(cols[2]);
    key.metric = std::string(cols[3]);
    if (!keys_fixed) {
      e.keys.push_back(key);
    } else if (pos >= e.keys.size() || e.keys[pos].scope != key.scope || e.keys[pos].id != key.id ||
               e.keys[pos].metric != key.metric) {
      fail(name, no,
           fmt::format("run {}: series {}/{}/{} is out of order (every run lists the same series in order)", run,
                       cols[1], key.id, key.metric));
    }
    auto& vals = per_member[member_of[run]];
    for (int t = 0; t < e.months; ++t) {
      double v = 0;
      if (!parseDouble(cols[4 + t], v))
        fail(name, no, fmt::format("column {}: '{}' is not a number", 5 + t, cols[4 + t]));
      vals.push_back(v);
    }
    ++pos;
  }
  close_run();
  if (in.bad()) fail(name, no, "read error");

  const std::size_t per = e.keys.size() * static_cast<std::size_t>(e.months);
  e.values.assign(per * e.run_ids.size(), 0.0);
  for (std::size_t m = 0; m < per_member.size(); ++m) {
    if (!e.finished[m]) continue;
    std::copy(per_member[m].begin(), per_member[m].end(), e.values.begin() + static_cast<std::ptrdiff_t>(m * per));
    per_member[m] = {};
  }
  return e;
}

}  // namespace cp
