// Story mode: a guided tour of a scenario for a classroom. A story is a JSON file under
// scenarios/stories/ (format: scenarios/stories/README.md) holding dated cards; each card
// says in plain words what happened that month, cites its sources (FACTS.md keys) and
// names the levers, rules and charts it concerns, so the dashboard can step through the
// months, highlight the charts and offer the "try it" lever settings.
//
//   Story st = loadStory("scenarios/stories/history_2022_2025.json");   // throws LoadError
//   Results r = simulate(st.scenario);          // the scenario the story tells (its `set` applied)
//   for (const StoryCard& c : st.cards) show(formatMonth(c.month), c.title, c.text, c.charts);
//   int shown = st.cardAt(current_month);       // last card at or before a month, -1 if none
//   Scenario tried = withLevers(st.scenario, parseLeverArgs(st.cards[shown].try_levers, st.scenario));
//
// Validation follows the scenario loader: every problem at once, each with file, JSON
// pointer and reason. Unknown lever, rule and chart ids are errors; card months must lie
// within the scenario and never go backwards.
#pragma once
#include <string>
#include <vector>

#include "engine/loader.h"
#include "engine/problems.h"
#include "engine/scenario.h"

namespace cp {

struct StoryCard {
  int month = 0;  // absolute month (month.h)
  std::string title, text;
  std::string source;                   // as written: "S19, S39"
  std::vector<std::string> sources;     // the same, split: {"S19", "S39"}
  std::vector<std::string> levers;      // lever ids the card is about
  std::vector<std::string> rules;       // rule ids (scenario `rules`) or China guidance ids
  std::vector<std::string> charts;      // dashboard chart ids to highlight
  std::vector<std::string> try_levers;  // optional "id=value[@YYYY-MM]" settings to try
};

struct Story {
  std::string name, description;
  std::string file;              // the story file as given
  std::string scenario_file;     // resolved path of the scenario it tells
  std::vector<std::string> set;  // lever settings applied to that scenario, as typed
  Scenario scenario;             // loaded, with `set` applied
  std::vector<StoryCard> cards;  // in month order

  // Index of the last card whose month is at or before `abs_month`; -1 before the first.
  int cardAt(int abs_month) const;
};

// The chart ids the dashboard knows (compute_by_bloc, china_channels, offshore_share,
// frontier_gap, nvidia_revenue, host_power, vendor_share_china, diverted, us_fees).
const std::vector<std::string>& knownChartIds();

struct StoryOptions {
  std::vector<std::string> chart_ids;  // ids a card may highlight; empty = knownChartIds()
  LoadLimits limits;                   // for the scenario it loads
};

Story loadStory(const std::string& path, const StoryOptions& options = {});
// `name` is used in messages; `base_dir` resolves the scenario path.
Story loadStoryFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                          const StoryOptions& options = {});
std::vector<Problem> validateStoryFile(const std::string& path, const StoryOptions& options = {});

}  // namespace cp
