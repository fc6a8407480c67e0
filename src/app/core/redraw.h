// When the dashboard draws a frame. Outside --screenshot and --bench-frames the main loop
// waits for events instead of drawing at the display's rate, so an idle dashboard uses
// (almost) no CPU. It draws:
//   - after input (mouse, keys, focus): kSettleFrames frames, because ImGui shows some
//     changes a frame or two later (a popup sizes itself on its first frame, hover follows
//     a click);
//   - once after a resize or an expose (the window must be repainted);
//   - at once when a worker holds finished results (it woke the loop through wake.h);
//   - while background work runs or something animates (progress, a modal's fading
//     backdrop), paced to one frame per kPacedFrameSeconds;
//   - while a text cursor blinks, one frame per kBlinkFrameSeconds (ImGui's cursor is on
//     for 0.8 s and off for 0.4 s: more frames would show nothing new);
//   - once more when background work stops, so the last progress state is not left on screen.
// Pure: the caller gathers the signals and the clock (seconds), so tests need no window.
//
//   RedrawPolicy policy;
//   for (;;) {
//       platform.waitEvents(policy.waitSeconds(now));    // or pollEvents after a frame
//       RedrawSignals s = backgroundSignals(state);
//       s.input = events.input; s.resized = events.resized;
//       if (!policy.shouldDraw(s, now)) continue;
//       ... draw ...
//       policy.drawn(s, now);
//   }
#pragma once

#include <cstddef>

namespace cp::app {

struct AppState;

struct RedrawSignals {
  bool input = false;            // input events since the last check
  bool resized = false;          // framebuffer resized or window exposed
  bool results_pending = false;  // a worker holds finished results not yet taken
  bool background_busy = false;  // a run or an ensemble is computing
  bool animating = false;        // something on screen changes by itself
  bool blinking = false;         // a text field is active: its cursor blinks
  bool changed = false;          // something shown changed outside a frame (file watch, autosave)
};

class RedrawPolicy {
 public:
  static constexpr int kSettleFrames = 3;
  static constexpr double kPacedFrameSeconds = 0.05;  // 20 frames/s: progress, not motion
  static constexpr double kBlinkFrameSeconds = 0.4;
  static constexpr double kIdleWaitSeconds = 0.5;  // wake-ups for timers (autosave, file watch)

  // Whether to draw a frame now; records the signals that ask for frames later.
  bool shouldDraw(const RedrawSignals& s, double now);
  // After a frame was drawn with these signals.
  void drawn(const RedrawSignals& s, double now);
  // How long the loop may wait for events before it checks again.
  double waitSeconds(double now) const;
  int owedFrames() const { return owed_; }

 private:
  int owed_ = kSettleFrames;  // the first frames lay the window out
  double interval_ = 0;       // > 0: the last check wanted a frame this often (seconds)
  bool wasBusy_ = false;      // background work ran during the last frame drawn
  double lastFrame_ = -1e300;
};

// results_pending, background_busy, animating and blinking from the workers, the classroom and the
// ImGui context of the last frame (call between frames).
RedrawSignals backgroundSignals(const AppState& state);

// What timers (file watch, autosave) can change outside a frame; compare before and after.
struct TickStamp {
  std::size_t warnings = 0;
  std::size_t status_hash = 0;
  bool reload = false, prompt = false, status_is_error = false;
  friend bool operator==(const TickStamp&, const TickStamp&) = default;
};
TickStamp tickStamp(const AppState& state);

}  // namespace cp::app
