#include "app/core/status.h"

#include "app/core/app_state.h"

namespace chokepoint::app {

void setStatus(UiState& ui, std::string message, bool error) {
  ui.statusMessage = std::move(message);
  ui.statusIsError = error;
}

void setError(UiState& ui, std::string message) { setStatus(ui, std::move(message), true); }

void setStatus(AppState& state, std::string message, bool error) { setStatus(state.ui, std::move(message), error); }

void setError(AppState& state, std::string message) { setStatus(state, std::move(message), true); }

void clearStatus(AppState& state) { setStatus(state, std::string(), false); }

}  // namespace chokepoint::app
