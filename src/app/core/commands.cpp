#include "app/core/commands.h"

#include "app/core/app_state.h"
#include "app/core/status.h"
#include "app/core/tr.h"

#include <type_traits>

namespace chokepoint::app {

bool dragPending(const Commands& commands) {
  for (const Command& c : commands)
    if (const auto* set = std::get_if<SetLever>(&c); set && set->drag) return true;
  return false;
}

namespace {

// A command for a lever of another document (a load since it was pushed) is dropped.
bool validLever(const Document& doc, int index) { return hasScenario(doc) && index >= 0 && index < leverCount(doc); }

void apply(AppState& state, const Command& command) {
  Document& doc = state.doc;
  std::visit(
      [&](const auto& c) {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, SetLever>) {
          if (!validLever(doc, c.lever)) return;
          if (c.drag) beginGesture(doc);
          setLeverValue(doc, c.lever, c.value);
        } else if constexpr (std::is_same_v<C, ResetLever>) {
          if (validLever(doc, c.lever)) resetLever(doc, c.lever);
        } else if constexpr (std::is_same_v<C, ResetAllLevers>) {
          if (hasScenario(doc)) resetAllLevers(doc);
        } else if constexpr (std::is_same_v<C, Undo>) {
          undo(doc);
        } else if constexpr (std::is_same_v<C, Redo>) {
          redo(doc);
        } else if constexpr (std::is_same_v<C, EndGesture>) {
          endGesture(doc);
        } else if constexpr (std::is_same_v<C, SetUncertainty>) {
          setUncertainty(state, c.on);
        } else if constexpr (std::is_same_v<C, StoryStep>) {
          if (c.delta > 0) storyNext(state);
          if (c.delta < 0) storyPrev(state);
        } else if constexpr (std::is_same_v<C, StoryTry>) {
          if (std::string why = storyTry(state); !why.empty())
            setError(state, tr("Try it: ") + why);
          else
            setStatus(state, tr("Tried it: the charts show two years past the change (Ctrl+Z undoes it)"));
        } else if constexpr (std::is_same_v<C, WorkshopMove>) {
          state.classroom.workshop.error = enterMove(state, cp::Move{c.round, c.team, c.lever, c.value});
        } else if constexpr (std::is_same_v<C, TakeBackMove>) {
          removeMove(state, c.team, c.lever);
        } else if constexpr (std::is_same_v<C, PlayRound>) {
          playRound(state);
        } else if constexpr (std::is_same_v<C, StepBackRound>) {
          stepBackRound(state);
        } else if constexpr (std::is_same_v<C, ReenterUndone>) {
          reenterUndone(state);
        } else if constexpr (std::is_same_v<C, PromptShown>) {
          if (c.prompt == RecoveryPrompt::RestoreSession) state.session.offerRequested = false;
          if (c.prompt == RecoveryPrompt::FileChanged) state.watch.promptRequested = false;
        } else if constexpr (std::is_same_v<C, RestoreSession>) {
          state.session.restoreRequested = true;
        } else if constexpr (std::is_same_v<C, DiscardSession>) {
          discardSessionOffer(state);
        } else if constexpr (std::is_same_v<C, ResolveFileChange>) {
          resolveFileChange(state, c.choice);
        } else if constexpr (std::is_same_v<C, PickCompareFile>) {
          if (c.file < state.compare.picked.size()) state.compare.picked[c.file] = c.on ? 1 : 0;
        } else if constexpr (std::is_same_v<C, RunCompare>) {
          runCompare(state.compare);
        } else if constexpr (std::is_same_v<C, SetCompareSeries>) {
          state.compare.series = ExplainTarget{c.kpi, c.chart, c.series};
        }
      },
      command);
}

}  // namespace

void applyCommands(AppState& state) {
  // Swapped out first: applying never pushes, but a pushed command is never lost either.
  Commands queue;
  queue.swap(state.ui.commands);
  for (const Command& c : queue) apply(state, c);
}

}  // namespace chokepoint::app
