// The dashboard in a headless 1600x900 ImGui with nothing loaded, for story and workshop
// tests: open a story or workshop through the classroom API, then settle().
//
//   ClassroomFixture f;
//   ASSERT_TRUE(app::openStory(f.state, storyPath("history_2022_2025.json")).empty());
//   f.settle();                                  // runs in, two frames drawn
//   ASSERT_TRUE(f.ui.clickItem("story/next", f.draw));
#pragma once

#include "headless_dashboard.h"

#include <string>

namespace cp::test {

inline std::string storyPath(const std::string& name) {
  return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/stories/" + name;
}
inline std::string workshopPath(const std::string& name) {
  return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/workshops/" + name;
}

struct ClassroomFixture : HeadlessDashboard {};

}  // namespace cp::test
