// Session autosave and crash recovery: no lost work.
//
// The session is the open scenario and the changed levers as typed (the `set` that Save As
// writes), or the workshop in progress (its moves and rounds played). A few seconds after each change it is written
// atomically to $XDG_DATA_HOME/chokepoint/session.json with "clean_exit": false; a normal quit writes it once more with
// "clean_exit": true. A session that ended without that mark (a crash, a kill, a power cut) and had changed levers or a
// workshop in progress is offered back at the next start: Restore reopens its scenario and re-applies the levers (undo
// history starts fresh), Discard forgets it. No ImGui here (the modal is in panel_recovery.cpp).
//
//   state.session.file = userDirsFromEnv().data / kSessionFile;   // empty: never written
//   if (auto s = readUncleanSession(state.session.file)) offerSession(state, *s);
//   ... each frame, after handleRequests: autosaveTick(state, steady_clock::now());
//   ... on quit: writeSessionAtExit(state);
//
// --screenshot and --bench-frames leave session.file empty: nothing is read or written.
#pragma once

#include "app/core/scenario_files.h"
#include "engine/workshop.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cp::app {

struct AppState;

inline constexpr const char* kSessionFile = "session.json";
inline constexpr std::chrono::milliseconds kAutosaveDelay{2000};      // after the last change...
inline constexpr std::chrono::milliseconds kAutosaveMaxDelay{10000};  // ...but no later than this after the first

struct SessionData {
  std::string scenario;                // absolute path of the open scenario ("" = none)
  LeverStrings levers;                 // changed levers, as typed
  std::string saved_path, saved_name;  // the variant Save As last wrote ("" = none)
  bool clean_exit = false;
  // A workshop in progress (moves entered or rounds played): its workshop_path is the
  // workshop file, absolute. Restore reopens it; its played moves set the levers.
  std::optional<cp::WorkshopSession> workshop;
  std::string workshop_saved_to;  // the workshop session file Save writes ("" = none)
};

std::string sessionToJson(const SessionData& session);
// nullopt (and `error`) when the text is not a session file.
std::optional<SessionData> sessionFromJson(std::string_view text, std::string* error = nullptr);

// The session in `file` if it ended uncleanly and holds lever changes worth offering.
// A missing file is no warning; a malformed one is.
std::optional<SessionData> readUncleanSession(const std::filesystem::path& file, std::string* warning = nullptr);

struct SessionState {
  std::filesystem::path file;  // where autosave writes; empty = off
  // Change tracking: what the last tick saw, and when the pending write is due.
  Version seen;
  std::string seen_path, seen_saved_path;
  std::optional<cp::WorkshopSession> seen_workshop;  // the workshop in progress as last seen
  std::string seen_workshop_path;                    // and where its Save writes
  std::optional<std::chrono::steady_clock::time_point> first_change, due;
  std::string last_written;  // JSON last written (identical writes are skipped)
  int writes = 0;            // successful writes (tests)
  std::string error;         // the last write failed ("" = fine)
  // Recovery
  std::optional<SessionData> offer;  // an unclean session waiting for Restore / Discard
  bool offer_requested = false;      // open the modal (when no other popup is open)
  bool restore_requested = false;    // Restore was chosen: handleRequests() restores the offer
};

// What would be written now.
SessionData captureSession(const AppState& state);

// Shows the Restore / Discard modal for `session`.
void offerSession(AppState& state, SessionData session);
// Reopens the session's scenario and re-applies its levers as one fresh start (no undo
// history); levers that no longer exist or no longer parse are skipped and named in the
// status bar. Clears the offer.
void restoreSession(AppState& state, const SessionData& session);
// Forgets the offer; the next tick overwrites the old session file.
void discardSessionOffer(AppState& state);
// After the frame (handleRequests): restores the offer if Restore was chosen.
void handleSessionRequests(AppState& state);

// Debounced autosave: notes changes (load, lever edit, Save As) and writes the session
// kAutosaveDelay after the last one. Nothing is written while a restore offer is open,
// so the crashed session survives until the user has chosen.
void autosaveTick(AppState& state, std::chrono::steady_clock::time_point now);
// Writes the session now (unless a restore offer is still open): on quit with
// clean_exit = true; on SIGTERM (logout, shutdown) with clean_exit = false when edits are
// unsaved, so the next start offers them back.
bool writeSessionAtExit(AppState& state, bool clean_exit = true);

// "id=value" lines of the changed levers, one per typed value (--print-levers).
std::string leverSettingLines(const AppState& state);

}  // namespace cp::app
