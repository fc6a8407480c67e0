// The status line at the end of the menu bar: the last action's outcome ("Saved ...") or
// why it failed (drawn in the error colour). Every part of the dashboard reports through
// these three calls; UiState::status_message / status_is_error hold what is shown. A panel
// passes its UiState, the rest of the app the AppState.
//
//   setStatus(state, tr("Saved ") + path);
//   setError(state, tr("Not saved: ") + why);
#pragma once

#include <string>

namespace cp::app {

struct AppState;
struct UiState;

void setStatus(AppState& state, std::string message, bool error = false);
void setError(AppState& state, std::string message);  // setStatus(state, message, true)
void clearStatus(AppState& state);
void setStatus(UiState& ui, std::string message, bool error = false);
void setError(UiState& ui, std::string message);

}  // namespace cp::app
