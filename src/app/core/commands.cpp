#include "app/core/commands.h"

#include "app/classroom/classroom_ui.h"
#include "app/core/app_state.h"
#include "app/core/status.h"
#include "app/core/tr.h"

namespace cp::app {

bool dragPending(const Commands& commands) {
  for (const Command& c : commands)
    if (const auto* set = std::get_if<SetLever>(&c); set && set->drag) return true;
  return false;
}

namespace {

// A lever index that is not in the open document (none open) is ignored.
bool validLever(const Document& doc, int index) { return hasScenario(doc) && index >= 0 && index < leverCount(doc); }

// One overload a command kind: what it does to the model.
struct Apply {
  AppState& state;

  // The document (document.h)
  void operator()(const SetLever& c) const {
    if (!validLever(state.doc, c.lever)) return;
    if (c.drag) beginGesture(state.doc);
    setLeverValue(state.doc, c.lever, c.value);
  }
  void operator()(const ResetLever& c) const {
    if (validLever(state.doc, c.lever)) resetLever(state.doc, c.lever);
  }
  void operator()(const ResetAllLevers&) const { resetAllLevers(state.doc); }
  void operator()(const Undo&) const { undo(state.doc); }
  void operator()(const Redo&) const { redo(state.doc); }
  void operator()(const EndGesture&) const { endGesture(state.doc); }

  // Background work
  void operator()(const SetUncertainty& c) const { setUncertainty(state, c.on); }

  // Files, quitting, the language
  void operator()(const Guarded& c) const { requestGuarded(state, c.action, c.path); }
  void operator()(const CloseFileDialog& c) const {
    if (c.ok && c.dialog.on_ok) c.dialog.on_ok(state, c.dialog);
    if (!c.ok && c.dialog.on_cancel) c.dialog.on_cancel(state);
  }
  void operator()(const DiscardAndContinue&) const { performPending(state); }
  void operator()(const SetLanguage& c) const { setAppLanguage(state, c.code); }

  // Story mode and workshop team play
  void operator()(const StoryStep& c) const {
    if (c.delta > 0) storyNext(state);
    if (c.delta < 0) storyPrev(state);
  }
  void operator()(const StoryTry&) const {
    if (std::string why = storyTry(state); !why.empty())
      setError(state, tr("Try it: ") + why);
    else
      setStatus(state, tr("Tried it: the charts show two years past the change (Ctrl+Z undoes it)"));
  }
  void operator()(const CloseStory&) const { closeStory(state); }
  void operator()(const WorkshopMove& c) const {
    state.classroom.workshop.error = enterMove(state, cp::Move{c.round, c.team, c.lever, c.value});
  }
  void operator()(const TakeBackMove& c) const { removeMove(state, c.team, c.lever); }
  void operator()(const PlayRound&) const { playRound(state); }
  void operator()(const StepBackRound&) const { stepBackRound(state); }
  void operator()(const ReenterUndone&) const { reenterUndone(state); }
  void operator()(const SaveWorkshopSession&) const { requestSaveWorkshopSession(state); }
  void operator()(const CloseWorkshop&) const { closeWorkshop(state); }

  // The recovery prompts
  void operator()(const PromptShown& c) const {
    if (c.prompt == RecoveryPrompt::RestoreSession) state.session.offer_requested = false;
    if (c.prompt == RecoveryPrompt::FileChanged) state.watch.prompt_requested = false;
  }
  void operator()(const RestoreSession&) const { state.session.restore_requested = true; }
  void operator()(const DiscardSession&) const { discardSessionOffer(state); }
  void operator()(const ResolveFileChange& c) const { resolveFileChange(state, c.choice); }

  // Compare scenarios
  void operator()(const PickCompareFile& c) const {
    if (c.file < state.compare.picked.size()) state.compare.picked[c.file] = c.on ? 1 : 0;
  }
  void operator()(const RunCompare&) const { runCompare(state.compare); }
  void operator()(const SetCompareSeries& c) const { state.compare.series = ExplainTarget{c.kpi, c.chart, c.series}; }
};

}  // namespace

void applyCommands(AppState& state) {
  // Swapped out first: applying never pushes, but a pushed command is never lost either.
  Commands queue;
  queue.swap(state.ui.commands);
  for (const Command& c : queue) std::visit(Apply{state}, c);
}

}  // namespace cp::app
