// The scenario's file dialogs as FileDialog descriptions: what each lists, fills in and
// does on OK. The classroom's are in classroom.cpp; panel_dialogs.cpp draws them all.
#include "app/core/dialogs.h"

#include "app/core/app_state.h"
#include "app/core/chart_specs.h"
#include "app/core/scenario_files.h"
#include "app/core/tr.h"

#include <cstdio>
#include <filesystem>

namespace cp::app {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// What exported files are named after: the open scenario's file.
std::string exportBase(const AppState& state) { return hasScenario(state.doc) ? stem(state.doc.path) : "chokepoint"; }

FileDialog saveDialog(const char* title, const char* probe, float width_em, const char* ok_label) {
  FileDialog f;
  f.title = title;
  f.kind = FileDialogKind::Save;
  f.path_label = N_("File:");
  f.ok_label = ok_label;
  f.probe = probe;
  f.width_em = width_em;
  return f;
}

}  // namespace

void requestFileDialog(UiState& ui, FileDialog dialog) { ui.dialogs.requested = std::move(dialog); }
void requestFileDialog(AppState& state, FileDialog dialog) { requestFileDialog(state.ui, std::move(dialog)); }

void cancelSaveFirst(AppState& state) {
  state.ui.dialogs.continue_after_save = false;
  state.ui.dialogs.pending = PendingAction::None;
}

void requestOpenScenario(const AppState& state, UiState& ui) {
  FileDialog f;
  f.title = N_("Open scenario");
  f.list_label = N_("Scenario files:");
  f.empty_list = N_("(no scenario files found)");
  f.files = listScenarioFiles(scenarioDirs(state.scenario_path));
  f.list_rows = 8.0f;
  f.path_label = N_("Path:");
  f.path = state.scenario_path.empty() ? "" : displayPath(state.scenario_path);
  f.ok_label = N_("Open");
  f.probe = "open";
  f.offer_upload = true;
  f.on_ok = [](AppState& s, const FileDialog& done) { requestGuarded(s, PendingAction::Open, done.path); };
  requestFileDialog(ui, std::move(f));
}

void requestOpenScenario(AppState& state) { requestOpenScenario(state, state.ui); }

void requestSaveScenarioAs(AppState& state) { requestSaveScenarioAs(state, state.ui); }

void requestSaveScenarioAs(AppState& state, const std::string& path, const std::string& name,
                           const std::string& error) {
  requestSaveScenarioAs(state, state.ui, path, name, error);
}

void requestSaveScenarioAs(const AppState& state, UiState& ui) {
  if (!hasScenario(state.doc)) return;
  const Document& doc = state.doc;
  const std::filesystem::path dir = std::filesystem::path(doc.path).parent_path();
  requestSaveScenarioAs(
      state, ui, !doc.saved_path.empty() ? doc.saved_path : displayPath(dir / (exportBase(state) + "_variant.json")),
      !doc.saved_name.empty() ? doc.saved_name : doc.loaded->name + tr(" (edited)"), "");
}

void requestSaveScenarioAs(const AppState& state, UiState& ui, const std::string& path, const std::string& name,
                           const std::string& error) {
  if (!hasScenario(state.doc)) return;
  FileDialog f = saveDialog(N_("Save scenario as"), "saveas", 40.0f, N_("Save"));
  char hint[1024];
  std::snprintf(hint, sizeof hint, tr("Writes a small scenario that extends %s and sets the %d changed lever(s)."),
                std::filesystem::path(state.doc.path).filename().string().c_str(), changedLeverCount(state.doc));
  f.hint = hint;
  f.name_label = N_("Scenario name:");
  f.name = name;
  f.path = path;
  f.error = error;
  f.on_ok = [](AppState& s, const FileDialog& done) {
    s.ui.requests.save_as = done.path;
    s.ui.requests.save_as_name = done.name;
  };
  f.on_cancel = cancelSaveFirst;
  requestFileDialog(ui, std::move(f));
}

void requestExportCsv(AppState& state) { requestExportCsv(state, state.ui); }

void requestExportCsv(const AppState& state, UiState& ui) {
  FileDialog f = saveDialog(N_("Export results (CSV)"), "export", 36.0f, N_("Export"));
  f.hint = tr("Every monthly result: month, scope, id, metric, value.");
  f.path = exportBase(state) + "_results.csv";
  f.on_ok = [](AppState& s, const FileDialog& done) { s.ui.requests.export_csv = done.path; };
  requestFileDialog(ui, std::move(f));
}

void requestExportPng(const AppState& state, UiState& ui, bool enlarged_chart) {
  const bool chart = enlarged_chart && ui.view.enlarged_chart >= 0;
  FileDialog f = saveDialog(N_("Export picture (PNG)"), "export", 36.0f, N_("Export"));
  f.hint = chart ? tr("A picture of the enlarged chart.") : tr("A picture of the whole window.");
  f.path = chart ? exportBase(state) + "_" + chartSpecs()[static_cast<size_t>(ui.view.enlarged_chart)].id + ".png"
                 : exportBase(state) + "_dashboard.png";
  f.on_ok = [chart](AppState& s, const FileDialog& done) {
    s.ui.requests.screenshot = ScreenshotRequest{done.path, chart, 2};
  };
  requestFileDialog(ui, std::move(f));
}

}  // namespace cp::app
