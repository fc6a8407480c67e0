// Classroom modes on the dashboard: story mode (story_mode.h) and workshop team play
// (workshop_mode.h), their file dialogs (as FileDialogs, dialogs.h) and requests, and the hooks
// the shared panels call.
//
//   AppState::classroom holds everything; drawUi and the shared panels draw through the hooks
//   in classroom_ui.h; the File menu raises dialogs; handleRequests() calls
//   handleClassroomRequests(). No ImGui here.
#pragma once

#include "app/classroom/story_mode.h"
#include "app/classroom/workshop_mode.h"

#include <optional>
#include <string>
#include <vector>

namespace cp::app {

struct AppState;
struct UiState;

enum class ClassroomDialog { None, OpenStory, OpenWorkshop, OpenSession, SaveSessionAs, ExportReport, ExportHandouts };

// File work the classroom UI asked for; handleClassroomRequests() carries it out after the frame.
struct ClassroomRequests {
  std::optional<std::string> open_story, open_workshop, open_session, save_session, export_report;
  std::optional<std::string> export_handouts;  // a directory
};

// Team cards as pictures: one team at a time is drawn over the window (light theme) and
// captured whole by the main loop, like the report's charts.
struct HandoutPictures {
  std::vector<int> teams;          // still to capture (front = next)
  std::vector<std::string> files;  // PNG path per entry of `teams`
  bool waiting = false;            // a capture request is out
  int showing = -1;                // team drawn as a card this frame, -1 none
  Theme restore_theme = Theme::Dark;
};

struct ClassroomState {
  StoryState story;
  WorkshopState workshop;
  ClassroomRequests requests;
  HandoutPictures handout_pictures;
};

// Where the Open story / Open workshop dialogs look: `sub` ("stories", "workshops") of
// scenarioDirs(), sorted, each file once.
std::vector<std::string> classroomFiles(const std::string& open_scenario_path, const char* sub);

// Raises the classroom's file dialog (a FileDialog, dialogs.h): its list, suggested path and OK.
void requestClassroomDialog(AppState& state, ClassroomDialog dialog);
void requestClassroomDialog(const AppState& state, UiState& ui, ClassroomDialog dialog);
// Opens, saves or exports what the dialogs asked for; moves the report's picture queue on.
void handleClassroomRequests(AppState& state);
// Moves the team-card pictures on: shows the next card and asks the main loop for a capture.
void tickHandoutPictures(AppState& state);

struct CliArgs;
// --story, --story-card, --workshop, --workshop-session, --move, --workshop-rounds: opens
// the story or workshop and plays the rounds asked for. "" or why not (may span lines).
std::string applyClassroomArgs(AppState& state, const CliArgs& args);
// A workshop report or the handout pictures are being written (or wait): keep rendering frames.
bool classroomBusy(const AppState& state);

}  // namespace cp::app
