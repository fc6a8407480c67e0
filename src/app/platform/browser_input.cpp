#include "app/platform/browser_input.h"

namespace cp::app {

namespace {
constexpr double kPixelsPerNotch = 100.0;
constexpr double kLinesPerNotch = 3.0;
constexpr double kStepsPerPage = 3.0;
}  // namespace

float wheelSteps(double delta, int delta_mode) {
  double steps = 0.0;
  switch (delta_mode) {
    case kWheelLines: steps = delta / kLinesPerNotch; break;
    case kWheelPages: steps = delta * kStepsPerPage; break;
    default: steps = delta / kPixelsPerNotch; break;
  }
  return static_cast<float>(-steps);  // the DOM's down is ImGui's negative
}

int glfwKeyFromDom(int key_code) {
  if ((key_code >= 'A' && key_code <= 'Z') || (key_code >= '0' && key_code <= '9')) return key_code;
  constexpr int kDomF1 = 112;
  constexpr int kGlfwF1 = 290;
  if (key_code >= kDomF1 && key_code < kDomF1 + 12) return kGlfwF1 + (key_code - kDomF1);
  return -1;
}

}  // namespace cp::app
