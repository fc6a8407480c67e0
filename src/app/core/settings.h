// User settings and where they live (XDG base directories).
//
//   UserDirs dirs = userDirsFromEnv();
//   Settings s = loadSettings(dirs.config / kSettingsFile, &warning);
//   ... saveSettings(dirs.config / kSettingsFile, s, &error);   // atomic: temp + rename
//
// Config (settings.json, imgui.ini): $XDG_CONFIG_HOME/chokepoint, else ~/.config/chokepoint.
// Data (autosave, later):             $XDG_DATA_HOME/chokepoint,   else ~/.local/share/chokepoint.
// Never the working directory.
#pragma once

#include "app/panels/theme.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::app {

inline constexpr const char* kSettingsFile = "settings.json";
inline constexpr const char* kImGuiIniFile = "imgui.ini";

inline constexpr int kDefaultWindowWidth = 1600;
inline constexpr int kDefaultWindowHeight = 900;
inline constexpr int kMinWindowSide = 320;
inline constexpr int kMaxWindowSide = 16384;
inline constexpr size_t kMaxRecentFilesInSettings = 16;

struct Settings {
  int window_width = kDefaultWindowWidth;
  int window_height = kDefaultWindowHeight;
  Theme theme = Theme::Dark;
  std::vector<std::string> recent_files;  // File > Open recent, most recent first
  std::string language = "en";            // View > Language: "en" or "uk"
};

// Both empty when no home directory is known: then nothing is persisted.
struct UserDirs {
  std::filesystem::path config;
  std::filesystem::path data;
};

// Pure: resolves the directories from the given environment values (null = unset).
// Relative or empty XDG values are ignored, as the XDG spec requires.
UserDirs userDirs(const char* xdg_config_home, const char* xdg_data_home, const char* home);
UserDirs userDirsFromEnv();

// Missing file: defaults, no warning. Unreadable or malformed: defaults for the bad
// fields and a warning naming the file and the problem.
Settings loadSettings(const std::filesystem::path& file, std::string* warning = nullptr);
std::string settingsToJson(const Settings& settings);
Settings settingsFromJson(std::string_view text, std::string* warning = nullptr);
bool saveSettings(const std::filesystem::path& file, const Settings& settings, std::string* error = nullptr);

// Writes `contents` to `<file>.tmp-<pid>` in the same directory, flushes it to disk
// and renames it over `file`, so readers see the old or the new file, never half of
// one. Creates the parent directory. Returns false and fills `error` on failure.
bool writeFileAtomically(const std::filesystem::path& file, std::string_view contents, std::string* error = nullptr);

// The whole file, or nullopt if it cannot be read.
std::optional<std::string> readTextFile(const std::filesystem::path& file);

}  // namespace cp::app
