#include "engine/story.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "engine/scenario_ref.h"
#include "engine/levers.h"

namespace cp {

namespace {

using json = nlohmann::json;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// "S19, S39" -> {"S19", "S39"}; each key must be S followed by digits (FACTS.md).
std::vector<std::string> splitSources(const std::string& text, JsonReader& r, const std::string& ptr) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find(',', i);
    if (j == std::string::npos) j = text.size();
    std::string key = text.substr(i, j - i);
    key.erase(0, key.find_first_not_of(' '));
    key.erase(key.find_last_not_of(' ') + 1);
    const bool ok = key.size() >= 2 && key[0] == 'S' &&
                    std::all_of(key.begin() + 1, key.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok)
      out.push_back(key);
    else
      r.err(ptr, reason("expected FACTS.md source keys like \"S19, S39\", got '{}'", key));
    i = j + 1;
  }
  return out;
}

// Lever settings as typed on the command line; each checked on its own so every bad one is named.
std::vector<std::string> leverSettings(const json& obj, const char* key, const std::string& ptr, JsonReader& r,
                                       const Scenario* s) {
  std::vector<std::string> out = r.strList(obj, key, ptr, false);
  if (!s) return out;
  for (size_t i = 0; i < out.size(); ++i) {
    try {
      parseLeverArgs({out[i]}, *s);
    } catch (const LeverError& e) {
      r.err(fmt::format("{}/{}/{}", ptr, key, i), e.why());
    }
  }
  return out;
}

void checkIds(const std::vector<std::string>& ids, const std::string& ptr, const char* what,
              const std::function<bool(const std::string&)>& known, JsonReader& r) {
  for (size_t i = 0; i < ids.size(); ++i)
    if (!known(ids[i])) r.err(fmt::format("{}/{}", ptr, i), reason("unknown {} '{}'", what, ids[i]));
}

Story build(const json& doc, const std::string& name, const std::string& base_dir, const StoryOptions& options,
            JsonReader& r) {
  Story st;
  st.file = name;
  r.object(doc, "", {"name", "description", "scenario", "set", "cards"});
  st.name = r.str(doc, "name", "", true);
  st.description = r.str(doc, "description", "", false);
  const std::string scenario_rel = r.str(doc, "scenario", "", true);

  // The scenario the story tells; its own problems are passed on with its file name.
  const bool have_scenario = readScenarioRef(r, scenario_rel, base_dir, options.limits, st.scenario, st.scenario_file);
  const Scenario* s = have_scenario ? &st.scenario : nullptr;
  st.set = leverSettings(doc, "set", "", r, s);

  const std::vector<std::string>& charts = options.chart_ids.empty() ? knownChartIds() : options.chart_ids;
  auto known_lever = [&](const std::string& id) { return s->findLever(id) >= 0; };
  auto known_rule = [&](const std::string& id) {
    return std::any_of(s->rules.begin(), s->rules.end(), [&](const Rule& x) { return x.id == id; }) ||
           std::any_of(s->china.guidance.begin(), s->china.guidance.end(),
                       [&](const Guidance& g) { return g.id == id; }) ||
           std::any_of(s->china.import_gates.begin(), s->china.import_gates.end(),
                       [&](const ImportGate& g) { return g.id == id; });
  };
  auto known_chart = [&](const std::string& id) { return contains(charts, id); };

  const json* cards = r.list(doc, "cards", "", true);
  if (cards && cards->empty()) r.err("/cards", "a story needs at least one card");
  for (size_t i = 0; cards && i < cards->size(); ++i) {
    const json& c = (*cards)[i];
    const std::string p = fmt::format("/cards/{}", i);
    if (!r.object(c, p, {"month", "title", "text", "source", "levers", "rules", "charts", "try"})) continue;
    StoryCard card;
    const auto m = r.month(c, "month", p, true);
    card.title = r.str(c, "title", p, true);
    card.text = r.str(c, "text", p, true);
    card.source = r.str(c, "source", p, true);
    if (!card.source.empty()) card.sources = splitSources(card.source, r, p + "/source");
    card.levers = r.strList(c, "levers", p, false);
    card.rules = r.strList(c, "rules", p, false);
    card.charts = r.strList(c, "charts", p, false);
    card.try_levers = leverSettings(c, "try", p, r, s);
    checkIds(card.charts, p + "/charts", "chart", known_chart, r);
    if (s) {
      checkIds(card.levers, p + "/levers", "lever", known_lever, r);
      checkIds(card.rules, p + "/rules", "rule", known_rule, r);
    }
    if (m) {
      card.month = *m;
      if (s && (*m < s->start || *m > s->end))
        r.err(p + "/month", reason("{} is outside the scenario's months {}..{}", formatMonth(*m), formatMonth(s->start),
                                   formatMonth(s->end)));
      if (!st.cards.empty() && *m < st.cards.back().month)
        r.err(p + "/month", reason("cards must be in month order: {} comes after {}", formatMonth(*m),
                                   formatMonth(st.cards.back().month)));
    }
    st.cards.push_back(std::move(card));
  }
  if (!r.problems.empty()) throw LoadError(r.problems);
  st.scenario = withLevers(std::move(st.scenario), parseLeverArgs(st.set, st.scenario));
  return st;
}

}  // namespace

int Story::cardAt(int abs_month) const {
  int shown = -1;
  for (size_t i = 0; i < cards.size() && cards[i].month <= abs_month; ++i) shown = static_cast<int>(i);
  return shown;
}

const std::vector<std::string>& knownChartIds() {
  static const std::vector<std::string> ids = {"compute_by_bloc",    "china_channels", "offshore_share",
                                               "frontier_gap",       "nvidia_revenue", "host_power",
                                               "vendor_share_china", "diverted",       "us_fees"};
  return ids;
}

Story loadStoryFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                          const StoryOptions& options) {
  JsonReader r(name);
  const json doc = r.parseOrThrow(text);
  return build(doc, name, base_dir, options, r);
}

Story loadStory(const std::string& path, const StoryOptions& options) {
  JsonReader r(path);
  const json doc = r.readFileOrThrow(path);
  return build(doc, path, std::filesystem::path(path).parent_path().string(), options, r);
}

std::vector<Problem> validateStoryFile(const std::string& path, const StoryOptions& options) {
  try {
    loadStory(path, options);
  } catch (const LoadError& e) {
    return e.problems();
  }
  return {};
}

}  // namespace cp
