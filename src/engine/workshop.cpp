// Loading and checking workshop files (moves and sessions: workshop_moves.cpp; scoring:
// workshop_score.cpp).
#include "engine/workshop.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "engine/scenario_ref.h"
#include "engine/simulate.h"

namespace cp {

namespace {

using json = nlohmann::json;

// Which (scope, id) and (scope, id, metric) a run of the scenario produces.
struct SeriesIndex {
  std::set<std::pair<Scope, std::string>> entities;
  std::set<std::tuple<Scope, std::string, std::string>> series;
  explicit SeriesIndex(const Results& r) {
    for (const SeriesKey& k : r.keys()) {
      entities.emplace(k.scope, k.id);
      series.emplace(k.scope, k.id, k.metric);
    }
  }
};

Objective readObjective(const json& o, const std::string& p, JsonReader& r, const SeriesIndex* index, bool change_ok) {
  Objective obj;
  r.object(o, p, {"label", "scope", "id", "metric", "weight", "better", "aggregate", "scale"});
  obj.label = r.str(o, "label", p, true);
  const std::string scope = r.str(o, "scope", p, true);
  obj.id = r.str(o, "id", p, true);
  obj.metric = r.str(o, "metric", p, true);
  obj.weight = r.number(o, "weight", p, false, 0.0).value_or(1.0);
  const int better = r.choice(o, "better", p, true, {"higher", "lower"});
  const int agg = r.choice(o, "aggregate", p, true, {"last", "mean", "sum", "max", "change"});
  obj.better = better == 1 ? Better::Lower : Better::Higher;
  constexpr Aggregate kAggregates[] = {Aggregate::Last, Aggregate::Mean, Aggregate::Sum, Aggregate::Max,
                                       Aggregate::Change};
  obj.aggregate = agg < 0 ? Aggregate::Mean : kAggregates[agg];
  if (obj.aggregate == Aggregate::Change && !change_ok)
    r.err(p + "/aggregate", "\"change\" needs the month before round 1, which is before the scenario's start");
  obj.scale = r.number(o, "scale", p, false, 0.0).value_or(0.0);
  const bool scope_ok = scope.empty() || parseScope(scope, obj.scope);
  if (!scope_ok)
    r.err(p + "/scope", reason("expected company, bloc, jurisdiction, vendor, chip or global, got '{}'", scope));
  if (index && scope_ok && !scope.empty() && !obj.id.empty() && !obj.metric.empty()) {
    if (!index->entities.count({obj.scope, obj.id}))
      r.err(p + "/id", reason("unknown {} '{}'", scope, obj.id));
    else if (!index->series.count({obj.scope, obj.id, obj.metric}))
      r.err(p + "/metric", reason("no metric '{}' for {} '{}' in a run of the scenario", obj.metric, scope, obj.id));
  }
  return obj;
}

Workshop build(const json& doc, const std::string& name, const std::string& base_dir, const LoadLimits& limits,
               JsonReader& r) {
  Workshop w;
  w.file = name;
  r.object(doc, "", {"name", "description", "scenario", "start", "round_months", "rounds", "max_moves", "teams"});
  w.name = r.str(doc, "name", "", true);
  w.description = r.str(doc, "description", "", false);
  const std::string scenario_rel = r.str(doc, "scenario", "", true);
  const auto start = r.month(doc, "start", "", true);
  w.round_months = r.integer(doc, "round_months", "", true, 1, 120).value_or(12);
  w.rounds = r.integer(doc, "rounds", "", true, 1, 50).value_or(1);
  w.max_moves = r.integer(doc, "max_moves", "", false, 1, 100).value_or(0);
  if (start) w.start = *start;

  const bool have_scenario = readScenarioRef(r, scenario_rel, base_dir, limits, w.scenario, w.scenario_file);
  const Scenario* s = have_scenario ? &w.scenario : nullptr;
  if (s && start) {
    if (*start < s->start || *start > s->end)
      r.err("/start", reason("{} is outside the scenario's months {}..{}", formatMonth(*start), formatMonth(s->start),
                             formatMonth(s->end)));
    else if (w.roundLast(w.rounds) > s->end)
      r.err("/rounds",
            reason("{} rounds of {} months from {} end in {}, after the scenario's end {}", w.rounds, w.round_months,
                   formatMonth(*start), formatMonth(w.roundLast(w.rounds)), formatMonth(s->end)));
  }

  std::optional<SeriesIndex> index;
  if (s) index.emplace(simulate(*s));

  const json* teams = r.list(doc, "teams", "", true);
  if (teams && teams->empty()) r.err("/teams", "a workshop needs at least one team");
  for (size_t i = 0; teams && i < teams->size(); ++i) {
    const json& t = (*teams)[i];
    const std::string p = fmt::format("/teams/{}", i);
    if (!r.object(t, p, {"id", "name", "brief", "levers", "objectives"})) continue;
    Team team;
    team.id = r.str(t, "id", p, true);
    if (!team.id.empty() && !isValidId(team.id))
      r.err(p + "/id", reason("id '{}' must be lower-case letters, digits, '_' or '.' (at most 64)", team.id));
    else if (!team.id.empty() && w.findTeam(team.id) >= 0)
      r.err(p + "/id", reason("duplicate id '{}'", team.id));
    team.name = r.str(t, "name", p, true);
    team.brief = r.str(t, "brief", p, false);
    team.levers = r.strList(t, "levers", p, true);
    for (size_t k = 0; k < team.levers.size(); ++k) {
      const std::string& id = team.levers[k];
      const std::string lp = fmt::format("{}/levers/{}", p, k);
      if (s && s->findLever(id) < 0)
        r.err(lp, reason("unknown lever '{}'", id));
      else if (const int owner = w.teamOfLever(id); owner >= 0)
        r.err(lp, reason("lever '{}' already belongs to team '{}'", id, w.teams[owner].id));
      else if (std::find(team.levers.begin(), team.levers.begin() + static_cast<long>(k), id) !=
               team.levers.begin() + static_cast<long>(k))
        r.err(lp, reason("lever '{}' is listed twice", id));
    }
    const json* objectives = r.list(t, "objectives", p, true);
    if (objectives && objectives->empty()) r.err(p + "/objectives", "a team needs at least one objective");
    for (size_t k = 0; objectives && k < objectives->size(); ++k)
      team.objectives.push_back(readObjective((*objectives)[k], fmt::format("{}/objectives/{}", p, k), r,
                                              index ? &*index : nullptr, !s || w.start > s->start));
    w.teams.push_back(std::move(team));
  }
  if (!r.problems.empty()) throw LoadError(r.problems);
  return w;
}

}  // namespace

const char* toString(Better b) { return b == Better::Higher ? "higher" : "lower"; }

int Workshop::findTeam(std::string_view id) const {
  for (size_t i = 0; i < teams.size(); ++i)
    if (teams[i].id == id) return static_cast<int>(i);
  return -1;
}

int Workshop::teamOfLever(std::string_view lever) const {
  for (size_t i = 0; i < teams.size(); ++i)
    if (std::find(teams[i].levers.begin(), teams[i].levers.end(), lever) != teams[i].levers.end())
      return static_cast<int>(i);
  return -1;
}

Workshop loadWorkshopFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                                const LoadLimits& limits) {
  JsonReader r(name);
  const json doc = r.parseOrThrow(text);
  return build(doc, name, base_dir, limits, r);
}

Workshop loadWorkshop(const std::string& path, const LoadLimits& limits) {
  JsonReader r(path);
  const json doc = r.readFileOrThrow(path);
  return build(doc, path, std::filesystem::path(path).parent_path().string(), limits, r);
}

std::vector<Problem> validateWorkshopFile(const std::string& path, const LoadLimits& limits) {
  try {
    loadWorkshop(path, limits);
  } catch (const LoadError& e) {
    return e.problems();
  }
  return {};
}

}  // namespace cp
