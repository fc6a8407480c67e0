// Share links: a URL fragment that carries a library scenario and its changed levers, in
// the CLI's --lever syntax, so a facilitator can send a state as a link (browser build)
// or pass it to the desktop app (--link).
//
//   #scenario=baseline&lever=us.remote_access_control=on@2027-01&lever=cn.smuggling=0.2
//   #scenario=baseline&lang=uk            (optional: the interface language, for a class)
//
//   std::string error;
//   if (auto link = parseShareLink(fragment, &error)) ...   // pure; error names the part
//   std::string text = formatShareLink(*link);              // parse(format(x)) == x
//   openShareLink(state, text, scenarioDirs(""));           // bad link: the baseline, and why
//   std::string text = currentShareLink(state, scenarioDirs(""), &error);  // File > Copy link
//
// The scenario is a library id: the file name without .json in the first library directory
// that has it (scenarioDirs("") in scenario_files.h: ./scenarios, then the source tree's). Lever values
// are exactly what `chokepoint-cli run --lever` takes (engine/levers.h parses them).
#pragma once

#include "app/core/scenario_files.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::app {

struct AppState;
struct UiState;

struct ShareLink {
  std::string scenario;  // library id, e.g. "baseline"
  LeverStrings levers;   // lever id -> its settings as typed, e.g. {"0.5", "0.9@2026-01"}
  std::string lang;      // "" (keep the reader's language) or a shipped code, e.g. "uk"
  friend bool operator==(const ShareLink&, const ShareLink&) = default;
};

inline constexpr const char* kBaselineScenarioId = "baseline";

// Parses a fragment (leading '#' optional, %XX escapes decoded). Syntax only: the lever
// values are checked against the scenario by openShareLink. nullopt + error on failure.
std::optional<ShareLink> parseShareLink(std::string_view fragment, std::string* error);
// "#scenario=ID&lever=ID=VALUE..." with '&', '#', '%' and spaces escaped.
std::string formatShareLink(const ShareLink& link);

// Opens the link's scenario from the library with its levers applied as the whole
// schedule of each lever (so the state is exactly the link's). A bad link (syntax, unknown
// scenario, bad lever) opens the baseline instead and returns the reason; "" on success.
std::string openShareLink(AppState& state, std::string_view fragment,
                          const std::vector<std::filesystem::path>& library_dirs);
// The link of what is on screen; "" + error when the open file is not a library scenario.
std::string currentShareLink(const AppState& state, const std::vector<std::filesystem::path>& library_dirs,
                             std::string* error);
// File > Copy link: the link to the clipboard and a status line saying so (or why not).
void copyShareLink(const AppState& state, UiState& ui);

}  // namespace cp::app
