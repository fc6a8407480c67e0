// The wake hook: how a worker thread tells the main loop that it has something to show.
// The main loop sleeps in the platform's wait for events while nothing changes; a worker
// that finishes a run calls the hook, the wait returns, and the loop draws the results.
// The platform sets it (GLFW: glfwPostEmptyEvent); tests set a counter; empty: nobody
// sleeps, nothing to wake. It must be safe to call from any thread.
#pragma once

#include <functional>

namespace cp::app {

using WakeHook = std::function<void()>;

}  // namespace cp::app
