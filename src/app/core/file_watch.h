// Noticing that the open scenario file changed on disk: a stat() of its mtime and size
// about once a second (cheap, portable; no inotify). No ImGui here (the prompt is in
// panel_recovery.cpp).
//
//   ... each frame, after handleRequests: pollScenarioFile(state, steady_clock::now());
//   if (state.watch.prompt_requested) ... the UI asks: Reload (keep or drop my edits) or Keep mine
//   resolveFileChange(state, FileChangeChoice::ReloadKeepEdits);
//
// A changed file that no longer loads is reported, not offered (reloading it would drop the
// document); a deleted file is reported and work goes on with the copy in memory. A
// scenario that failed to load is simply reloaded when its file changes (nothing to lose).
#pragma once

#include "app/core/document.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace cp::app {

struct AppState;

inline constexpr std::chrono::milliseconds kWatchInterval{1000};

struct FileStamp {
  bool exists = false;
  std::int64_t mtime_ns = 0;
  std::uintmax_t size = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

FileStamp stampOf(const std::filesystem::path& file);

struct ScenarioWatch {
  bool enabled = true;  // off in --screenshot / --bench-frames
  std::string path;     // file the stamp belongs to
  Version loaded;       // the document version it was taken after (its load counts)
  FileStamp known;      // what we last loaded or agreed to keep
  FileStamp pending;    // the changed file the prompt is about
  std::optional<std::chrono::steady_clock::time_point> next_poll;
  bool prompt_requested = false;  // open the modal (when no other popup is open)
  bool prompting = false;         // a prompt waits for an answer: no new ones
  std::string deleted_warning;    // in state.ui.warnings while the file is gone
  int polls = 0;                  // stat() calls (tests)
};

enum class FileChangeChoice { ReloadKeepEdits, ReloadDiscardEdits, KeepMine };

void pollScenarioFile(AppState& state, std::chrono::steady_clock::time_point now);
void resolveFileChange(AppState& state, FileChangeChoice choice);

}  // namespace cp::app
