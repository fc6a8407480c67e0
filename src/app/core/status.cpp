#include "app/core/status.h"

#include "app/core/app_state.h"

namespace chokepoint::app {

void setStatus(AppState& state, std::string message, bool error) {
  state.ui.statusMessage = std::move(message);
  state.ui.statusIsError = error;
}

void setError(AppState& state, std::string message) { setStatus(state, std::move(message), true); }

void clearStatus(AppState& state) { setStatus(state, std::string(), false); }

}  // namespace chokepoint::app
