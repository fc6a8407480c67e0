#include "app/core/share_link.h"
#include "i18n/problem_text.h"
#include "app/core/tr.h"
#include "i18n/i18n.h"

#include "app/core/app_state.h"
#include "app/core/status.h"
#include "engine/levers.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <system_error>

namespace cp::app {

namespace {

namespace fs = std::filesystem;

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    const int hi = i + 1 < s.size() ? hexDigit(s[i + 1]) : -1;
    const int lo = i + 2 < s.size() ? hexDigit(s[i + 2]) : -1;
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string percentEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '&' || c == '#' || c == '%') {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// Library ids are file names: letters, digits, '_', '-', '.' (never a path).
bool validScenarioId(std::string_view id) {
  if (id.empty() || id.front() == '.') return false;
  for (const char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  return true;
}

// The library file of an id: in the first directory that has it ("" when none does).
std::string libraryPath(const std::vector<fs::path>& dirs, const std::string& id) {
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    if (const fs::path p = dir / (id + ".json"); fs::is_regular_file(p, ec)) return p.generic_string();
  }
  return "";
}

}  // namespace

std::optional<ShareLink> parseShareLink(std::string_view fragment, std::string* error) {
  const auto fail = [&](std::string why) -> std::optional<ShareLink> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  // The browser's whole address pasted (https://host/#scenario=...): the part after '#'.
  if (const size_t hash = fragment.find('#'); hash != std::string_view::npos) fragment.remove_prefix(hash + 1);
  if (fragment.empty()) return fail(tr("the link is empty (expected #scenario=ID&lever=ID=VALUE...)"));
  ShareLink link;
  bool have_scenario = false;
  size_t start = 0;
  for (int part = 1; start <= fragment.size(); ++part) {
    const size_t end = std::min(fragment.find('&', start), fragment.size());
    const std::string_view raw = fragment.substr(start, end - start);
    start = end + 1;
    if (raw.empty()) continue;  // "a&&b", a trailing '&'
    const size_t eq = raw.find('=');
    const std::string_view key = raw.substr(0, eq);
    const auto value = percentDecode(eq == std::string_view::npos ? std::string_view() : raw.substr(eq + 1));
    const std::string where = trf("part {} ('{}')", part, raw);
    // xgettext:no-c-format
    if (!value) return fail(where + tr(": a '%' escape is not two hex digits"));
    if (key == "scenario") {
      if (have_scenario) return fail(where + tr(": the scenario is given twice"));
      if (!validScenarioId(*value)) return fail(where + trf(": '{}' is not a library scenario id", *value));
      link.scenario = *value;
      have_scenario = true;
    } else if (key == "lever") {
      const size_t leq = value->find('=');
      if (leq == std::string::npos || leq == 0 || leq + 1 == value->size())
        return fail(where + tr(": expected lever=ID=VALUE[@YYYY-MM]"));
      std::string id = value->substr(0, leq);
      std::string v = value->substr(leq + 1);
      if (!link.levers.empty() && link.levers.back().first == id)
        link.levers.back().second.push_back(std::move(v));  // the next point of a schedule
      else
        link.levers.emplace_back(std::move(id), std::vector<std::string>{std::move(v)});
    } else if (key == "lang") {
      if (!cp::i18n::knownLanguage(*value)) return fail(where + trf(": unknown language '{}'", *value));
      link.lang = *value;
    } else {
      return fail(where + trf(": unknown key '{}' (expected scenario=, lever= or lang=)", key));
    }
  }
  // Levers need their scenario; a link with only a language (#lang=uk) opens the baseline.
  if (!have_scenario && !link.levers.empty()) return fail(tr("the link names no scenario (expected #scenario=ID...)"));
  if (!have_scenario) link.scenario = kBaselineScenarioId;
  return link;
}

std::string formatShareLink(const ShareLink& link) {
  std::string out = "#scenario=" + percentEncode(link.scenario);
  for (const auto& [id, values] : link.levers)
    for (const std::string& v : values) out += "&lever=" + percentEncode(id) + "=" + percentEncode(v);
  if (!link.lang.empty()) out += "&lang=" + percentEncode(link.lang);
  return out;
}

std::string openShareLink(AppState& state, std::string_view fragment, const std::vector<fs::path>& library_dirs) {
  std::string error;
  std::optional<ShareLink> link = parseShareLink(fragment, &error);
  // The language first, so the scenario's names and any message read in it.
  if (link && !link->lang.empty() && link->lang != state.ui.language) setAppLanguage(state, link->lang);
  if (link) {
    state.scenario_path = libraryPath(library_dirs, link->scenario);
    if (state.scenario_path.empty()) {
      error = trf("no library scenario '{}'", link->scenario);
    } else {
      loadScenario(state);
      if (state.load_error) {
        error = trf("scenario '{}' does not load: {}", link->scenario, *state.load_error);
      } else {
        // An unknown lever in words a browser user can act on (the engine's message points
        // to a command line).
        for (const auto& lever : link->levers) {
          if (state.doc.loaded->findLever(lever.first) >= 0) continue;
          error =
              trf("scenario '{}' has no lever '{}' (the link may be cut short or from another version of Chokepoint)",
                  link->scenario, lever.first);
          break;
        }
        try {
          if (error.empty()) {
            replaceEdits(state.doc, editsFromLeverStrings(state.doc, link->levers, nullptr), /*as_saved=*/false);
            return "";
          }
        } catch (const cp::LeverError& e) {
          error = cp::i18n::messageText(e.why());
        } catch (const std::exception& e) {
          error = e.what();
        }
      }
    }
  }
  error = tr("Bad link, showing the baseline instead: ") + error;
  state.scenario_path = libraryPath(library_dirs, kBaselineScenarioId);
  loadScenario(state);
  state.ui.warnings.push_back(error);  // the status bar shows it until the next start
  return error;
}

std::string currentShareLink(const AppState& state, const std::vector<fs::path>& library_dirs, std::string* error) {
  const fs::path open = fs::path(state.scenario_path);
  const std::string id = open.stem().string();
  const std::string found = validScenarioId(id) ? libraryPath(library_dirs, id) : "";
  std::error_code ec;
  const bool in_library =
      hasScenario(state.doc) && open.extension() == ".json" && !found.empty() && fs::equivalent(open, found, ec) && !ec;
  if (!in_library) {
    if (error) *error = tr("a link can carry only a library scenario (scenarios/*.json); save a variant instead");
    return "";
  }
  // English is the default reader's language: only another one travels with the link.
  return formatShareLink(
      ShareLink{id, changedLeverStrings(state.doc), state.ui.language == "en" ? "" : state.ui.language});
}

void copyShareLink(const AppState& state, UiState& ui) {
  std::string error;
  const std::string link = currentShareLink(state, scenarioDirs(""), &error);
  if (link.empty()) {
    setError(ui, tr("No link: ") + error);
    return;
  }
  ImGui::SetClipboardText(link.c_str());  // the browser build also puts it in the address bar
  setStatus(ui, tr("Copied the link: ") + link);
}

}  // namespace cp::app
