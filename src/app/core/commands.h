// Commands: what a panel asks of the document instead of changing it while drawing. A
// panel reads the model const and pushes a Command onto state.ui.commands; updateAndDraw()
// applies the queue once, after the frame's drawing (update() applies anything left first),
// so the next frame's sync submits the edit and everything one frame draws is one version.
// No ImGui here.
//
//   ui.commands.push_back(SetLever{index, value, /*drag=*/true});   // a slider moved
//   ...after drawUi: applyCommands(state);                         // document.h does the edit
#pragma once

#include <variant>
#include <vector>

namespace chokepoint::app {

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

using Command = std::variant<SetLever, ResetLever, ResetAllLevers, Undo, Redo, EndGesture, SetUncertainty>;
using Commands = std::vector<Command>;

// A drag is waiting in the queue (it opens a gesture when applied).
bool dragPending(const Commands& commands);

// Applies and empties state.ui.commands, in the order they were pushed.
void applyCommands(AppState& state);

}  // namespace chokepoint::app
