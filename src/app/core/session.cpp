// [SECTION] JSON
// [SECTION] Capture, offer, restore
// [SECTION] Autosave

#include "app/core/session.h"
#include "i18n/problem_text.h"

#include "app/core/app_state.h"
#include "app/core/settings.h"
#include "app/core/status.h"
#include "app/core/tr.h"
#include "app/classroom/workshop_mode.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/problems.h"
#include "engine/workshop.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>

namespace cp::app {

namespace {

constexpr const char* kFormat = "chokepoint-session/1";

std::string absolutePath(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] JSON
//-----------------------------------------------------------------------------

std::string sessionToJson(const SessionData& session) {
  nlohmann::ordered_json out;
  out["format"] = kFormat;
  out["clean_exit"] = session.clean_exit;
  out["scenario"] = session.scenario;
  out["levers"] = leverStringsJson(session.levers);
  if (!session.saved_path.empty()) out["saved_as"] = {{"path", session.saved_path}, {"name", session.saved_name}};
  if (session.workshop) {
    nlohmann::ordered_json w = nlohmann::ordered_json::parse(cp::sessionToJson(*session.workshop));
    w["saved_to"] = session.workshop_saved_to;
    out["workshop"] = std::move(w);
  }
  return out.dump(2) + "\n";
}

std::optional<SessionData> sessionFromJson(std::string_view text, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<SessionData> {
    if (error) *error = why;
    return std::nullopt;
  };
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return fail("not a JSON object");
  if (doc.value("format", "") != kFormat)
    return fail(std::string("/format: expected \"") + kFormat + "\", found " +
                (doc.contains("format") ? doc["format"].dump() : "nothing"));
  SessionData s;
  const auto clean = doc.find("clean_exit");
  if (clean == doc.end() || !clean->is_boolean()) return fail("/clean_exit: expected true or false");
  s.clean_exit = clean->get<bool>();
  const auto scenario = doc.find("scenario");
  if (scenario == doc.end() || !scenario->is_string()) return fail("/scenario: expected a file name");
  s.scenario = scenario->get<std::string>();
  const auto levers = doc.find("levers");
  if (levers == doc.end() || !levers->is_object()) return fail("/levers: expected an object");
  for (const auto& [id, v] : levers->items()) {
    std::vector<std::string> values;
    if (v.is_string()) values.push_back(v.get<std::string>());
    if (v.is_array())
      for (const auto& x : v)
        if (x.is_string()) values.push_back(x.get<std::string>());
    if (values.empty() || (v.is_array() && values.size() != v.size()))
      return fail("/levers/" + id + ": expected a value or a list of values as text, found " + v.dump());
    s.levers.emplace_back(id, std::move(values));
  }
  if (const auto saved = doc.find("saved_as"); saved != doc.end() && saved->is_object()) {
    s.saved_path = saved->value("path", "");
    s.saved_name = saved->value("name", "");
  }
  if (const auto w = doc.find("workshop"); w != doc.end()) {
    if (!w->is_object()) return fail("/workshop: expected an object");
    nlohmann::ordered_json progress = *w;
    const auto saved_to = progress.find("saved_to");
    if (saved_to != progress.end() && !saved_to->is_string()) return fail("/workshop/saved_to: expected a file name");
    if (saved_to != progress.end()) {
      s.workshop_saved_to = saved_to->get<std::string>();
      progress.erase("saved_to");
    }
    try {
      s.workshop = cp::sessionFromJson(progress.dump(), "workshop");
    } catch (const cp::LoadError& e) {
      if (e.problems().empty()) return fail(std::string("/workshop: ") + e.what());
      const cp::Problem& first = e.problems().front();  // "/workshop/moves/0: ..."
      return fail("/workshop" + first.pointer + ": " + cp::i18n::problemReason(first));
    }
  }
  return s;
}

std::optional<SessionData> readUncleanSession(const std::filesystem::path& file, std::string* warning) {
  std::error_code ec;
  if (file.empty() || !std::filesystem::exists(file, ec)) return std::nullopt;
  const auto text = readTextFile(file);
  std::string error = "cannot read";
  const auto session = text ? sessionFromJson(*text, &error) : std::nullopt;
  if (!session) {
    if (warning) *warning = file.string() + ": " + error + "; the last session cannot be restored";
    return std::nullopt;
  }
  if (session->clean_exit || session->scenario.empty() || (session->levers.empty() && !session->workshop))
    return std::nullopt;
  return session;
}

//-----------------------------------------------------------------------------
// [SECTION] Capture, offer, restore
//-----------------------------------------------------------------------------

SessionData captureSession(const AppState& state) {
  SessionData s;
  s.scenario = absolutePath(state.scenario_path);
  s.levers = changedLeverStrings(state.doc);
  if (hasScenario(state.doc) && !state.doc.saved_path.empty()) {
    s.saved_path = absolutePath(state.doc.saved_path);
    s.saved_name = state.doc.saved_name;
  }
  const WorkshopState& w = state.classroom.workshop;
  if (workshopActive(state) && (!w.session.moves.empty() || w.session.rounds_played > 0)) {
    s.workshop = w.session;
    s.workshop->workshop_path = absolutePath(w.workshop->file);
    s.workshop_saved_to = absolutePath(w.session_path);
  }
  return s;
}

void offerSession(AppState& state, SessionData session) {
  state.session.offer = std::move(session);
  state.session.offer_requested = true;
}

void discardSessionOffer(AppState& state) {
  state.session.offer.reset();
  state.session.offer_requested = false;
  state.session.last_written.clear();
  state.session.seen = Version{~std::uint64_t{0}, 0};  // the next tick writes: the old file goes
}

void restoreSession(AppState& state, const SessionData& session) {
  state.session.offer.reset();
  state.session.offer_requested = false;
  if (session.workshop) {
    const std::vector<cp::Problem> problems =
        resumeWorkshop(state, *session.workshop, session.workshop_saved_to,
                       state.session.file.empty() ? kSessionFile : state.session.file.string());
    if (!problems.empty()) {
      setStatus(state, tr("Could not restore the workshop in progress: ") + cp::i18n::problemLine(problems.front()),
                true);
      return;
    }
    setStatus(state,
              trf("Restored the workshop in progress: {} round(s) played, {} move(s)", session.workshop->rounds_played,
                  session.workshop->moves.size()),
              false);
    return;
  }
  try {
    (void)cp::loadScenario(session.scenario);  // a broken file must not replace what is open
  } catch (const std::exception&) {
    setStatus(state, tr("Could not restore the last session: ") + session.scenario + tr(" does not load"), true);
    return;
  }
  state.scenario_path = session.scenario;
  loadScenario(state);
  if (!state.scenario_loaded || !hasScenario(state.doc)) {
    setStatus(state, tr("Could not restore the last session: ") + session.scenario + tr(" does not load"), true);
    return;
  }
  Document& doc = state.doc;
  std::vector<std::string> skipped_ids;
  replaceEdits(doc, editsFromLeverStrings(doc, session.levers, &skipped_ids), /*as_saved=*/false);
  const int restored = static_cast<int>(session.levers.size() - skipped_ids.size());
  std::string skipped;
  for (const std::string& id : skipped_ids) skipped += (skipped.empty() ? "" : ", ") + id;
  setSaveTarget(doc, session.saved_path, session.saved_name);
  std::string message = trf("Restored the last session: {} changed lever(s)", restored);
  if (!skipped.empty()) message += tr("; skipped (no longer in the scenario or not valid): ") + skipped;
  setStatus(state, message, !skipped.empty());
}

void handleSessionRequests(AppState& state) {
  if (!state.session.restore_requested) return;
  state.session.restore_requested = false;
  if (!state.session.offer) return;
  const SessionData session = *state.session.offer;  // restoreSession clears the offer
  restoreSession(state, session);
}

std::string leverSettingLines(const AppState& state) {
  std::string out;
  for (const auto& [id, values] : changedLeverStrings(state.doc))
    for (const std::string& v : values) out += id + "=" + v + "\n";
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Autosave
//-----------------------------------------------------------------------------

namespace {

bool writeSession(AppState& state, bool clean_exit) {
  SessionData data = captureSession(state);
  data.clean_exit = clean_exit;
  const std::string json = sessionToJson(data);
  if (json == state.session.last_written) return true;
  std::string error;
  if (!writeFileAtomically(state.session.file, json, &error)) {
    if (state.session.error.empty()) setStatus(state, tr("Autosave failed: ") + error, true);
    state.session.error = error;
    return false;
  }
  state.session.error.clear();
  state.session.last_written = json;
  ++state.session.writes;
  return true;
}

}  // namespace

void autosaveTick(AppState& state, std::chrono::steady_clock::time_point now) {
  SessionState& s = state.session;
  if (s.file.empty() || s.offer) return;  // off, or the crashed session still waits for a choice
  const Version current = version(state.doc);
  const std::string& saved_path = state.doc.saved_path;
  // Moves entered for the open round change no lever yet: the workshop is watched itself.
  const WorkshopState& w = state.classroom.workshop;
  const bool playing = workshopActive(state);
  const bool workshop_changed =
      playing ? !s.seen_workshop || !(*s.seen_workshop == w.session) || s.seen_workshop_path != w.session_path
              : s.seen_workshop.has_value();
  if (current != s.seen || state.scenario_path != s.seen_path || saved_path != s.seen_saved_path || workshop_changed) {
    s.seen = current;
    s.seen_path = state.scenario_path;
    s.seen_saved_path = saved_path;
    s.seen_workshop.reset();
    if (playing) {  // copied only when it changed, not every frame
      s.seen_workshop = w.session;
      s.seen_workshop_path = w.session_path;
    }
    if (!s.first_change) s.first_change = now;
    s.due = std::min(now + kAutosaveDelay, *s.first_change + kAutosaveMaxDelay);
  }
  if (!s.due || now < *s.due || gestureOpen(state.doc)) return;  // a drag writes once, when it ends
  s.due.reset();
  s.first_change.reset();
  writeSession(state, /*clean_exit=*/false);
}

bool writeSessionAtExit(AppState& state, bool clean_exit) {
  if (state.session.file.empty() || state.session.offer) return false;
  return writeSession(state, clean_exit);
}

}  // namespace cp::app
