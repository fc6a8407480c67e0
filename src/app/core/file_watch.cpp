#include "app/core/file_watch.h"
#include "i18n/problem_text.h"

#include "app/core/app_state.h"
#include "app/core/scenario_files.h"
#include "app/core/status.h"
#include "engine/loader.h"
#include "engine/problems.h"

#include <algorithm>
#include <sys/stat.h>

namespace cp::app {

namespace {

void removeWarning(AppState& state, const std::string& text) {
  if (text.empty()) return;
  auto& w = state.ui.warnings;
  w.erase(std::remove(w.begin(), w.end(), text), w.end());
}

// Empty when `file` loads; else its first problem.
std::string loadProblem(const std::string& file) {
  try {
    (void)cp::loadScenario(file);
    return "";
  } catch (const cp::LoadError& e) {
    if (e.problems().empty()) return "unknown problem";
    const cp::Problem& p = e.problems().front();
    return p.pointer.empty() ? cp::i18n::problemReason(p) : p.pointer + ": " + cp::i18n::problemReason(p);
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace

FileStamp stampOf(const std::filesystem::path& file) {
  struct stat st {};
  if (file.empty() || ::stat(file.c_str(), &st) != 0) return FileStamp{};
  return FileStamp{true, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                   static_cast<std::uintmax_t>(st.st_size)};
}

void pollScenarioFile(AppState& state, std::chrono::steady_clock::time_point now) {
  ScenarioWatch& w = state.watch;
  if (!w.enabled || state.scenario_path.empty()) return;
  // A (re)load happened: what is on disk now is what we have.
  if (state.scenario_path != w.path || !w.loaded.sameLoad(version(state.doc))) {
    removeWarning(state, w.deleted_warning);
    w.deleted_warning.clear();
    w.path = state.scenario_path;
    w.loaded = version(state.doc);
    w.known = stampOf(w.path);
    ++w.polls;
    w.next_poll = now + kWatchInterval;
    w.prompting = w.prompt_requested = false;
    return;
  }
  if (w.prompting || (w.next_poll && now < *w.next_poll)) return;
  w.next_poll = now + kWatchInterval;
  const FileStamp stamp = stampOf(w.path);
  ++w.polls;
  if (stamp == w.known) return;

  const std::string name = displayPath(w.path);
  if (!stamp.exists) {
    w.known = stamp;  // reported once; a file that reappears differs from "missing"
    w.deleted_warning = name +
                        " was deleted on disk; you keep working on the copy in memory (Save As keeps "
                        "your levers)";
    state.ui.warnings.push_back(w.deleted_warning);
    return;
  }
  removeWarning(state, w.deleted_warning);
  w.deleted_warning.clear();
  if (!state.scenario_loaded || !hasScenario(state.doc)) {  // it did not load: try the new version
    w.known = stamp;
    state.ui.requests.reload = true;
    return;
  }
  if (const std::string problem = loadProblem(w.path); !problem.empty()) {
    w.known = stamp;
    setError(state, name + " changed on disk but no longer loads (" + problem + "); keeping the version in memory");
    return;
  }
  w.pending = stamp;
  w.prompting = true;
  w.prompt_requested = true;
}

void resolveFileChange(AppState& state, FileChangeChoice choice) {
  ScenarioWatch& w = state.watch;
  w.prompting = false;
  w.prompt_requested = false;
  w.known = w.pending;
  switch (choice) {
    case FileChangeChoice::ReloadKeepEdits: state.ui.requests.reload = true; break;
    case FileChangeChoice::ReloadDiscardEdits: state.ui.requests.revert = true; break;
    case FileChangeChoice::KeepMine:
      setStatus(state, "Kept your version; " + displayPath(w.path) + " on disk differs");
      break;
  }
}

}  // namespace cp::app
