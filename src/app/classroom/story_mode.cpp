#include "app/classroom/story_mode.h"
#include "i18n/problem_text.h"

#include "app/core/app_state.h"
#include "app/core/chart_specs.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"

#include <algorithm>

namespace cp::app {

namespace {

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The card's month as a scrubber index (the introduction: the first card's).
int cardMonthIndex(const AppState& state, int card) {
  const cp::Story& st = *state.classroom.story.story;
  if (st.cards.empty()) return state.ui.view.month;
  const int abs = st.cards[static_cast<size_t>(std::max(0, card))].month;
  return std::clamp(abs - state.dash.months.start, 0, std::max(0, state.dash.months.count() - 1));
}

}  // namespace

std::vector<std::string> dashboardChartIds() {
  std::vector<std::string> ids;
  for (const ChartSpec& c : chartSpecs()) ids.emplace_back(c.id);
  return ids;
}

std::vector<cp::Problem> openStory(AppState& state, const std::string& path) {
  cp::StoryOptions options;
  options.chart_ids = dashboardChartIds();  // a card naming a chart the dashboard lacks is an error
  std::shared_ptr<const cp::Story> story;
  try {
    story = std::make_shared<const cp::Story>(cp::loadStory(path, options));
  } catch (const cp::LoadError& e) {
    return e.problems().empty() ? std::vector<cp::Problem>{{path, "", cp::Message::plain(e.what())}} : e.problems();
  } catch (const std::exception& e) {
    return {{path, "", cp::Message::plain(std::string("unexpected error: ") + e.what())}};
  }
  state.classroom.workshop = WorkshopState{};
  state.ui.view.workshop_team = 0;
  openLoadedScenario(state, story->scenario_file, std::make_shared<const cp::Scenario>(story->scenario));
  StoryState& s = state.classroom.story;
  s = StoryState{};
  s.story = std::move(story);
  s.opened = version(state.doc);
  storyGoTo(state, -1);
  return {};
}

void closeStory(AppState& state) { state.classroom.story = StoryState{}; }

bool storyActive(const AppState& state) {
  const StoryState& s = state.classroom.story;
  return s.story && s.opened.sameLoad(version(state.doc)) && hasScenario(state.doc);
}

int storyCardCount(const AppState& state) {
  return storyActive(state) ? static_cast<int>(state.classroom.story.story->cards.size()) : 0;
}

const cp::StoryCard* storyCard(const AppState& state) {
  if (!storyActive(state)) return nullptr;
  const StoryState& s = state.classroom.story;
  if (s.card < 0 || s.card >= static_cast<int>(s.story->cards.size())) return nullptr;
  return &s.story->cards[static_cast<size_t>(s.card)];
}

void storyGoTo(AppState& state, int index) {
  if (!storyActive(state)) return;
  StoryState& s = state.classroom.story;
  s.card = std::clamp(index, -1, static_cast<int>(s.story->cards.size()) - 1);
  state.ui.view.month = cardMonthIndex(state, s.card);
  state.ui.view.month_set = true;
  s.synced_month = state.ui.view.month;
  state.ui.view.scroll_to_lever = state.ui.view.scroll_to_chart = s.card >= 0;
  state.ui.view.scroll_frame = state.runs.frame;
  s.reveal_until = -1;
  state.ui.view.chart_page = 0;  // presenter mode: the card's charts
}

void storyNext(AppState& state) { storyGoTo(state, state.classroom.story.card + 1); }

void storyPrev(AppState& state) {
  if (state.classroom.story.card >= 0) storyGoTo(state, state.classroom.story.card - 1);
}

void syncStoryToScrubber(AppState& state) {
  if (!storyActive(state)) return;
  StoryState& s = state.classroom.story;
  if (state.ui.view.month == s.synced_month) return;
  s.synced_month = state.ui.view.month;
  const int card = s.story->cardAt(state.dash.months.start + state.ui.view.month);
  if (card != s.card) {
    s.card = card;
    state.ui.view.scroll_to_lever = state.ui.view.scroll_to_chart = card >= 0;
    state.ui.view.scroll_frame = state.runs.frame;
    s.reveal_until = -1;
    state.ui.view.chart_page = 0;  // presenter mode: the card's charts
  }
}

std::string storyTry(AppState& state) {
  const cp::StoryCard* card = storyCard(state);
  if (!card || card->try_levers.empty()) return tr("this card has nothing to try");
  std::vector<cp::LeverSetting> settings;
  try {
    settings = cp::parseLeverArgs(card->try_levers, *state.doc.loaded);
    applyLeverSettings(state.doc, settings);
  } catch (const cp::LeverError& e) {
    return cp::i18n::messageText(e.why());
  }
  // A setting may act after the card's month (a start month, a month lever): unveil from
  // the card to two years past the latest of them, so the effect is on the charts.
  const int start = state.dash.months.start;
  int effect = start + state.ui.view.month;
  for (const cp::LeverSetting& ls : settings) {
    effect = std::max(effect, ls.from);
    const cp::Lever& l = state.doc.loaded->levers[static_cast<size_t>(ls.lever)];
    if (l.kind == cp::LeverKind::Month && ls.value < 1e6) effect = std::max(effect, static_cast<int>(ls.value));
  }
  state.classroom.story.reveal_until = std::min(effect + kTryRevealMonths - start, state.dash.months.count() - 1);
  return "";
}

int storyFutureFrom(const AppState& state) {
  if (!storyActive(state)) return -1;
  return std::max(state.ui.view.month, state.classroom.story.reveal_until);
}

std::string storyTryLabel(const AppState& state, const std::string& setting) {
  // "us.h20_licence=off@2025-04" -> "H20 licence requirement: off from 2025-04"
  const size_t eq = setting.find('=');
  if (eq == std::string::npos || !hasScenario(state.doc)) return setting;
  const int i = state.doc.loaded->findLever(setting.substr(0, eq));
  if (i < 0) return setting;
  const cp::Lever& l = state.doc.loaded->levers[static_cast<size_t>(i)];
  std::string value = setting.substr(eq + 1), from;
  if (const size_t at = value.find('@'); at != std::string::npos) {
    const auto month = cp::parseMonth(value.substr(at + 1));
    from = tr(" from ") + (month ? std::string(displayMonth(*month)) : value.substr(at + 1));
    value.resize(at);
  }
  if (const auto v = cp::parseLeverValue(l, value, nullptr)) value = displayLeverValue(l, *v);
  return tr(l.label) + std::string(": ") + value + from;
}

bool storyHighlightsChart(const AppState& state, std::string_view chart_id) {
  const cp::StoryCard* c = storyCard(state);
  return c && contains(c->charts, chart_id);
}

bool storyHighlightsLever(const AppState& state, std::string_view lever_id) {
  const cp::StoryCard* c = storyCard(state);
  return c && contains(c->levers, lever_id);
}

bool storyHighlightsRule(const AppState& state, std::string_view rule_id) {
  const cp::StoryCard* c = storyCard(state);
  return c && contains(c->rules, rule_id);
}

}  // namespace cp::app
