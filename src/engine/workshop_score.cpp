// Workshop scoring: objectives aggregated over each round, compared with the baseline run
// (the rule is documented at the top of workshop.h).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/simulate.h"
#include "engine/workshop.h"

namespace cp {

double aggregate(const Results& r, const Objective& o, int first, int last) {
  const double* v = r.find(o.scope, o.id, o.metric);
  if (!v)
    throw std::invalid_argument(fmt::format("objective '{}': no series ({}, {}, {}) in the results", o.label,
                                            toString(o.scope), o.id, o.metric));
  const int t1 = r.monthIndex(last);
  const int t0 = r.monthIndex(first) - (o.aggregate == Aggregate::Change ? 1 : 0);
  if (t0 < 0 || t1 >= r.months() || t0 > t1)
    throw std::invalid_argument(fmt::format("objective '{}': months {}..{} are outside the run {}..{}", o.label,
                                            formatMonth(r.start() + t0), formatMonth(last), formatMonth(r.start()),
                                            formatMonth(r.start() + r.months() - 1)));
  switch (o.aggregate) {
    case Aggregate::Last: return v[t1];
    case Aggregate::Change: return v[t1] - v[t0];
    case Aggregate::Max: return *std::max_element(v + t0, v + t1 + 1);
    case Aggregate::Sum:
    case Aggregate::Mean: {
      double sum = 0;
      for (int t = t0; t <= t1; ++t) sum += v[t];
      return o.aggregate == Aggregate::Sum ? sum : sum / (t1 - t0 + 1);
    }
  }
  return 0;
}

double objectivePoints(const Objective& o, double value, double baseline) {
  const double gain = (o.better == Better::Higher ? 1.0 : -1.0) * (value - baseline);
  const double ref = o.scale > 0 ? o.scale : std::fabs(baseline);
  const double share = ref > 0 ? std::clamp(gain / ref, -1.0, 1.0) : (gain > 0 ? 1.0 : gain < 0 ? -1.0 : 0.0);
  return 100.0 * o.weight * share;
}

Scoreboard score(const Results& played, const Results& baseline, const Workshop& w, int rounds_played) {
  Scoreboard b;
  b.rounds_played = std::clamp(rounds_played, 0, w.rounds);
  for (size_t ti = 0; ti < w.teams.size(); ++ti) {
    const Team& team = w.teams[ti];
    TeamScore ts;
    ts.team = static_cast<int>(ti);
    for (int round = 1; round <= b.rounds_played; ++round) {
      RoundScore rs;
      rs.round = round;
      rs.first = w.roundFirst(round);
      rs.last = w.roundLast(round);
      for (const Objective& o : team.objectives) {
        ObjectiveScore os;
        os.value = aggregate(played, o, rs.first, rs.last);
        os.baseline = aggregate(baseline, o, rs.first, rs.last);
        os.points = objectivePoints(o, os.value, os.baseline);
        rs.points += os.points;
        rs.objectives.push_back(os);
      }
      ts.total += rs.points;
      ts.rounds.push_back(std::move(rs));
    }
    b.teams.push_back(std::move(ts));
  }
  return b;
}

namespace {
// Quotes a CSV field when it holds a comma, quote or line break.
std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

void writeScoreboardCsv(std::ostream& out, const Scoreboard& b, const Workshop& w) {
  out << "team,round,first,last,objective,scope,id,metric,aggregate,better,weight,scale,value,baseline,points\n";
  std::string line;
  for (const TeamScore& ts : b.teams) {
    const Team& team = w.teams[ts.team];
    for (const RoundScore& rs : ts.rounds) {
      for (size_t k = 0; k < rs.objectives.size(); ++k) {
        const Objective& o = team.objectives[k];
        const ObjectiveScore& os = rs.objectives[k];
        line.clear();
        fmt::format_to(std::back_inserter(line), "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", team.id, rs.round,
                       formatMonth(rs.first), formatMonth(rs.last), csvField(o.label), toString(o.scope), o.id,
                       o.metric, toString(o.aggregate), toString(o.better), o.weight, o.scale, os.value, os.baseline,
                       os.points);
        out << line;
      }
    }
  }
}

PlayedGame playGame(const Workshop& w, const std::vector<Move>& moves, int rounds_played) {
  PlayedGame g;
  const Scenario played = applyMoves(w.scenario, w, moves);  // throws before any run
  g.baseline = simulate(w.scenario);
  g.played = simulate(played);
  g.board = score(g.played, g.baseline, w, rounds_played);
  return g;
}

}  // namespace cp
