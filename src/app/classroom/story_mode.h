// Story mode: a guided tour (engine/story.h) on the dashboard. Opening a story opens its
// scenario (with the story's `set` applied) as the scenario shown and as the baseline.
// One card at a time: the scrubber follows the card's month, the charts veil the months
// after the scrubber, and the card's charts, levers and rules are highlighted. "Try it"
// applies the card's lever settings as one undoable edit. No ImGui here
// (panel_story.cpp draws the story bar).
//
//   if (auto problems = openStory(state, "scenarios/stories/history_2022_2025.json"); !problems.empty()) ...
//   storyNext(state);                  // introduction -> card 1: the scrubber moves to its month
//   storyTry(state);                   // the card's `try` settings (Ctrl+Z undoes them)
//   int veil = storyFutureFrom(state); // charts: chart::future(veil); -1 when no story is open
//
// A story ends when another scenario, story or workshop is opened (the document's run
// generation changes), or with closeStory().
#pragma once

#include "app/core/document.h"
#include "engine/problems.h"
#include "engine/story.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cp::app {

struct AppState;

struct StoryState {
  std::shared_ptr<const cp::Story> story;  // null: no story open
  Version opened;                          // the document's version when the story opened it
  int card = -1;                           // -1: the introduction (name and description)
  int synced_month = -1;                   // scrubber month index the card last set
  int reveal_until = -1;                   // Try it: month index the charts are unveiled to (-1: the card's)
};

// The dashboard's chart ids (chartSpecs()), for StoryOptions::chart_ids.
std::vector<std::string> dashboardChartIds();

// Loads the story and opens its scenario. Returns every problem (empty: opened); on
// failure what was open stays open.
std::vector<cp::Problem> openStory(AppState& state, const std::string& path);
void closeStory(AppState& state);
bool storyActive(const AppState& state);

int storyCardCount(const AppState& state);
const cp::StoryCard* storyCard(const AppState& state);  // null on the introduction
// Shows card `index` (-1 = introduction; clamped) and moves the scrubber to its month
// (the introduction uses the first card's month).
void storyGoTo(AppState& state, int index);
void storyNext(AppState& state);
void storyPrev(AppState& state);
// The card follows a scrubber moved by hand: the last card at or before its month
// (update() calls it once per frame, before the story bar is drawn).
void syncStoryToScrubber(AppState& state);

// Applies the card's `try` settings to the levers as one undo step and unveils the charts
// to kTryRevealMonths past the latest month a setting acts from. "" or why not.
inline constexpr int kTryRevealMonths = 24;
std::string storyTry(AppState& state);
// A try setting for people: the lever's label and the value ("H20 licence: off from 2025-04").
std::string storyTryLabel(const AppState& state, const std::string& setting);

// Month index from which the charts are veiled (the scrubber's month), -1 without a story.
int storyFutureFrom(const AppState& state);
bool storyHighlightsChart(const AppState& state, std::string_view chart_id);
bool storyHighlightsLever(const AppState& state, std::string_view lever_id);
bool storyHighlightsRule(const AppState& state, std::string_view rule_id);

}  // namespace cp::app
