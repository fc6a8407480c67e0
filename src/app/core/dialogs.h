// File dialogs: one description (FileDialog) for every dialog that asks for a file, the
// scenario's (open, save as, export CSV / PNG) and the classroom's (story, workshop,
// session, report, handouts). Code anywhere raises one with requestFileDialog() (or the
// request* helpers below); drawDialogs (panel_dialogs.cpp) opens and draws it with one
// function and runs its on_ok. No ImGui here.
//
//   FileDialog f;
//   f.title = N_("Open story");  f.kind = FileDialogKind::Open;  f.files = ...;
//   f.on_ok = [](AppState& s, const FileDialog& done) { ... done.path ... };
//   requestFileDialog(state, std::move(f));
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cp::app {

struct AppState;
struct UiState;

enum class PendingAction { None, Open, Revert, Reload, Quit, OpenStory, OpenWorkshop, OpenSession };

// Open: a list of files to pick from above the path field; Save: only the path field.
enum class FileDialogKind { Open, Save };

struct FileDialog {
  const char* title = "";  // English msgid, translated when drawn
  FileDialogKind kind = FileDialogKind::Open;
  std::string hint;                  // grey text under the title (translated), "" none
  const char* list_label = nullptr;  // msgid above the file list, nullptr none
  const char* empty_list = "";       // msgid shown when the list is empty
  std::vector<std::string> files;    // Open: the list
  float list_rows = 7.0f;
  const char* name_label = nullptr;  // msgid of a name field above the path (Save As), nullptr none
  std::string name;
  const char* path_label = "";  // msgid above the path field
  std::string path;             // the path field
  std::string error;            // why the last try failed (shown in the error colour)
  std::string replace_asked;    // Save: the existing file OK asked about; OK again replaces it
  const char* ok_label = "";    // msgid of the OK button
  const char* probe = "";       // UI probe names: <probe>/file/<name>, /name, /path, /ok, /cancel
  float width_em = 40.0f;
  bool offer_upload = false;                                     // the browser: "Upload a file..." (Dialogs::upload)
  std::function<void(AppState&, const FileDialog& done)> on_ok;  // after it closed, with what was typed
  std::function<void(AppState&)> on_cancel;
};

// The file dialog and the "discard unsaved changes?" question, and the action waiting for it.
struct Dialogs {
  std::optional<FileDialog> requested;  // opens on the next frame (replaces any shown)
  std::optional<FileDialog> shown;      // on screen
  bool confirm_requested = false;       // open the "Unsaved changes" question this frame
  PendingAction pending = PendingAction::None;
  std::string pending_path;          // for PendingAction::Open and the classroom opens
  bool continue_after_save = false;  // Save As was opened from the confirm dialog
  // The browser build's file hooks (empty on the desktop): the Open dialog offers a
  // file picker that uploads a local file; a saved or exported file is also downloaded.
  std::function<void()> upload;
  std::function<void(const std::string& path)> download;
};

void requestFileDialog(UiState& ui, FileDialog dialog);
void requestFileDialog(AppState& state, FileDialog dialog);
// Cancel in a Save dialog opened by the unsaved-changes question's "Save...": nothing follows.
void cancelSaveFirst(AppState& state);

// The scenario's dialogs.
void requestOpenScenario(const AppState& state, UiState& ui);
void requestOpenScenario(AppState& state);
// Save As: name and path default to the last save (or <scenario>_variant.json); after a
// failed save the dialog comes back with what was typed and why.
void requestSaveScenarioAs(const AppState& state, UiState& ui);
void requestSaveScenarioAs(const AppState& state, UiState& ui, const std::string& path, const std::string& name,
                           const std::string& error);
void requestSaveScenarioAs(AppState& state);
void requestSaveScenarioAs(AppState& state, const std::string& path, const std::string& name, const std::string& error);
void requestExportCsv(const AppState& state, UiState& ui);
void requestExportCsv(AppState& state);
void requestExportPng(const AppState& state, UiState& ui,
                      bool enlarged_chart);  // the enlarged chart, else the whole window

}  // namespace cp::app
