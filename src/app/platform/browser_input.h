// The browser build's input, converted for ImGui (pure, so it is tested natively).
//
// A DOM wheel event gives a distance, down-positive, in pixels, lines or pages (its
// deltaMode); ImGui wants about one step per notch, up-positive. A keydown gives the DOM
// keyCode; the app's shortcuts use GLFW's key codes.
#pragma once

namespace cp::app {

// DOM WheelEvent.deltaMode.
inline constexpr int kWheelPixels = 0;
inline constexpr int kWheelLines = 1;
inline constexpr int kWheelPages = 2;

// ImGui wheel steps (up or left positive) for a DOM wheel delta (down or right positive):
// a notch is 100 pixels (Chrome, Edge, Safari) or 3 lines (Firefox); a page is 3 steps.
// A trackpad's few pixels give a fraction of a step.
float wheelSteps(double delta, int delta_mode);

// GLFW's key code for a DOM keyCode: letters and digits are the same ASCII codes; F1..F12
// (112..123) are 290..301. Other keys: -1.
int glfwKeyFromDom(int key_code);

}  // namespace cp::app
