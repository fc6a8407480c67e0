#include "app/core/redraw.h"

#include "app/core/app_state.h"

#include <imgui.h>
#include <imgui_internal.h>  // GImGui->DimBgRatio: a modal's backdrop fades over a few frames

#include <algorithm>
#include <functional>

namespace cp::app {

bool RedrawPolicy::shouldDraw(const RedrawSignals& s, double now) {
  if (s.input || s.changed) owed_ = std::max(owed_, kSettleFrames);
  if (s.resized) owed_ = std::max(owed_, 1);
  if (s.results_pending) owed_ = std::max(owed_, 2);  // taken and drawn, then laid out around them
  interval_ = s.background_busy || s.animating ? kPacedFrameSeconds : s.blinking ? kBlinkFrameSeconds : 0.0;
  if (interval_ == 0 && wasBusy_) owed_ = std::max(owed_, 1);  // the finished state, not the last progress
  if (owed_ > 0) return true;
  return interval_ > 0 && now - lastFrame_ >= interval_;
}

void RedrawPolicy::drawn(const RedrawSignals& s, double now) {
  if (owed_ > 0) --owed_;
  wasBusy_ = s.background_busy || s.animating || s.blinking;
  lastFrame_ = now;
}

double RedrawPolicy::waitSeconds(double now) const {
  if (owed_ > 0) return 0.0;
  if (interval_ > 0) return std::clamp(lastFrame_ + interval_ - now, 0.0, interval_);
  return kIdleWaitSeconds;
}

RedrawSignals backgroundSignals(const AppState& state) {
  RedrawSignals s;
  s.results_pending = state.worker.hasResults() || state.uncertainty.worker.hasResult();
  // The Explain tabs take their analyses only while drawn: a finished one is not "pending"
  // (a hidden tab would keep the loop drawing); the frame after busy work stops shows it.
  const ExplainState& e = state.explain;
  s.background_busy = state.worker.busy() || state.uncertainty.worker.busy() || e.attribution.worker.busy() ||
                      e.sensitivity.worker.busy() || classroomBusy(state);
  const Dialogs& d = state.ui.dialogs;
  // Requests that the next frames act on: a picture counts frames down, dialogs open.
  s.animating = state.ui.requests.screenshot.has_value() || d.requested.has_value() || d.confirm_requested;
  if (const ImGuiContext* g = ImGui::GetCurrentContext()) {
    const float dim = g->DimBgRatio;
    s.animating = s.animating || (dim > 0.0f && dim < 1.0f);  // a modal's backdrop fades in and out
    s.blinking = g->IO.WantTextInput && g->IO.ConfigInputTextCursorBlink;
  }
  return s;
}

TickStamp tickStamp(const AppState& state) {
  TickStamp t;
  t.warnings = state.ui.warnings.size();
  t.status_hash = std::hash<std::string>{}(state.ui.status_message);
  t.status_is_error = state.ui.status_is_error;
  t.reload = state.ui.requests.reload;
  t.prompt = state.watch.prompt_requested;
  return t;
}

}  // namespace cp::app
