// The status line at the end of the menu bar: the last action's outcome ("Saved ...") or
// why it failed (drawn in the error colour). Every part of the dashboard reports through
// these three calls; AppState::statusMessage / statusIsError hold what is shown.
//
//   setStatus(state, tr("Saved ") + path);
//   setError(state, tr("Not saved: ") + why);
#pragma once

#include <string>

namespace chokepoint::app {

struct AppState;

void setStatus(AppState& state, std::string message, bool error = false);
void setError(AppState& state, std::string message);  // setStatus(state, message, true)
void clearStatus(AppState& state);

}  // namespace chokepoint::app
