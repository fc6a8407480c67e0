#include "app/core/status.h"

#include "app/core/app_state.h"

namespace cp::app {

void setStatus(UiState& ui, std::string message, bool error) {
  ui.status_message = std::move(message);
  ui.status_is_error = error;
}

void setError(UiState& ui, std::string message) { setStatus(ui, std::move(message), true); }

void setStatus(AppState& state, std::string message, bool error) { setStatus(state.ui, std::move(message), error); }

void setError(AppState& state, std::string message) { setStatus(state, std::move(message), true); }

void clearStatus(AppState& state) { setStatus(state, std::string(), false); }

}  // namespace cp::app
