// Commands: what a panel asks of the document instead of changing it while drawing. A
// panel reads the model const and pushes a Command onto state.ui.commands; updateAndDraw()
// applies the queue once, after the frame's drawing (update() applies anything left first),
// so the next frame's sync submits the edit and everything one frame draws is one version.
// No ImGui here.
//
//   ui.commands.push_back(SetLever{index, value, /*drag=*/true});   // a slider moved
//   ...after drawUi: applyCommands(state);                         // document.h does the edit
#pragma once

#include "app/core/dialogs.h"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace cp::app {

struct AppState;

// A lever's value; `drag`: a continuous edit (slider) joining the gesture that ends when the
// mouse is released, else one undo step.
struct SetLever {
  int lever = -1;
  double value = 0;
  bool drag = false;
};
struct ResetLever {
  int lever = -1;
};
struct ResetAllLevers {};
struct Undo {};
struct Redo {};
struct EndGesture {};  // the drag in progress is one undo step
// Uncertainty bands on or off (the next update() starts or stops the ensemble).
struct SetUncertainty {
  bool on = false;
};

// A user action that would drop unsaved edits (requestGuarded, app_state.h): done at once
// when nothing is unsaved, else the "discard changes?" dialog asks first.
enum class PendingAction;  // dialogs.h
struct Guarded {
  PendingAction action;
  std::string path;
};
// A file dialog closed with OK (its on_ok runs with what was typed) or Cancel (its on_cancel).
struct CloseFileDialog {
  FileDialog dialog;
  bool ok = true;
};
// The unsaved-changes question answered "Discard changes": the pending action goes ahead.
struct DiscardAndContinue {};

// The interface language ("en", "uk"): texts, numbers and the labels built from the scenario.
struct SetLanguage {
  std::string code;
};

// Story mode (story_mode.h): the next (+1) or previous (-1) card; the card's "Try it".
struct StoryStep {
  int delta = 1;
};
struct StoryTry {};
struct CloseStory {};

// Workshop team play (workshop_mode.h): a team's move in the open round (the value as the
// scenario file writes it), taking one back, playing or stepping back a round, entering
// the moves a step back took back again.
struct WorkshopMove {
  int round = 0;
  std::string team, lever, value;
};
struct TakeBackMove {
  std::string team, lever;
};
struct PlayRound {};
struct StepBackRound {};
struct ReenterUndone {};
struct SaveWorkshopSession {};  // to its file, or Save as when it has none
struct CloseWorkshop {};        // the played levers stay

// The recovery prompts (session.h, file_watch.h): the prompt is on screen (its one-shot
// request is done), Restore or Discard the unsaved edits of the last run, what to do about
// the scenario file changed on disk.
enum class RecoveryPrompt { RestoreSession, FileChanged };
struct PromptShown {
  RecoveryPrompt prompt = RecoveryPrompt::RestoreSession;
};
struct RestoreSession {};  // handleRequests() loads it after the frame
struct DiscardSession {};
enum class FileChangeChoice;  // file_watch.h
struct ResolveFileChange {
  FileChangeChoice choice;
};

// The Compare scenarios window (compare_scenarios.h): a file ticked or not, run the ticked
// files, the small multiples' series (an ExplainTarget: KPI, or chart and series).
struct PickCompareFile {
  std::size_t file = 0;
  bool on = true;
};
struct RunCompare {};
struct SetCompareSeries {
  int kpi = 0, chart = -1, series = 0;
};

using Command =
    std::variant<SetLever, ResetLever, ResetAllLevers, Undo, Redo, EndGesture, SetUncertainty, Guarded, CloseFileDialog,
                 DiscardAndContinue, SetLanguage, StoryStep, StoryTry, CloseStory, WorkshopMove, TakeBackMove,
                 PlayRound, StepBackRound, ReenterUndone, SaveWorkshopSession, CloseWorkshop, PromptShown,
                 RestoreSession, DiscardSession, ResolveFileChange, PickCompareFile, RunCompare, SetCompareSeries>;
using Commands = std::vector<Command>;

// A drag is waiting in the queue (it opens a gesture when applied).
bool dragPending(const Commands& commands);

// Applies and empties state.ui.commands, in the order they were pushed.
void applyCommands(AppState& state);

}  // namespace cp::app
