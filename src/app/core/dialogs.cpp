// The scenario's file dialogs as FileDialog descriptions: what each lists, fills in and
// does on OK. The classroom's are in classroom.cpp; panel_dialogs.cpp draws them all.
#include "app/core/dialogs.h"

#include "app/core/app_state.h"
#include "app/core/chart_specs.h"
#include "app/core/scenario_files.h"
#include "app/core/tr.h"

#include <cstdio>
#include <filesystem>

namespace chokepoint::app {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// What exported files are named after: the open scenario's file.
std::string exportBase(const AppState& state) { return hasScenario(state.doc) ? stem(state.doc.path) : "chokepoint"; }

FileDialog saveDialog(const char* title, const char* probe, float widthEm, const char* okLabel) {
  FileDialog f;
  f.title = title;
  f.kind = FileDialogKind::Save;
  f.pathLabel = N_("File:");
  f.okLabel = okLabel;
  f.probe = probe;
  f.widthEm = widthEm;
  return f;
}

}  // namespace

void requestFileDialog(UiState& ui, FileDialog dialog) { ui.dialogs.requested = std::move(dialog); }
void requestFileDialog(AppState& state, FileDialog dialog) { requestFileDialog(state.ui, std::move(dialog)); }

void cancelSaveFirst(AppState& state) {
  state.ui.dialogs.continueAfterSave = false;
  state.ui.dialogs.pending = PendingAction::None;
}

void requestOpenScenario(const AppState& state, UiState& ui) {
  FileDialog f;
  f.title = N_("Open scenario");
  f.listLabel = N_("Scenario files:");
  f.emptyList = N_("(no scenario files found)");
  f.files = listScenarioFiles(scenarioDirs(state.scenarioPath));
  f.listRows = 8.0f;
  f.pathLabel = N_("Path:");
  f.path = state.scenarioPath.empty() ? "" : displayPath(state.scenarioPath);
  f.okLabel = N_("Open");
  f.probe = "open";
  f.offerUpload = true;
  f.onOk = [](AppState& s, const FileDialog& done) { requestGuarded(s, PendingAction::Open, done.path); };
  requestFileDialog(ui, std::move(f));
}

void requestOpenScenario(AppState& state) { requestOpenScenario(state, state.ui); }

void requestSaveScenarioAs(AppState& state) {
  if (!hasScenario(state.doc)) return;
  const Document& doc = state.doc;
  const std::filesystem::path dir = std::filesystem::path(doc.path).parent_path();
  requestSaveScenarioAs(
      state, !doc.savedPath.empty() ? doc.savedPath : displayPath(dir / (exportBase(state) + "_variant.json")),
      !doc.savedName.empty() ? doc.savedName : doc.loaded->name + tr(" (edited)"), "");
}

void requestSaveScenarioAs(AppState& state, const std::string& path, const std::string& name,
                           const std::string& error) {
  if (!hasScenario(state.doc)) return;
  FileDialog f = saveDialog(N_("Save scenario as"), "saveas", 40.0f, N_("Save"));
  char hint[1024];
  std::snprintf(hint, sizeof hint, tr("Writes a small scenario that extends %s and sets the %d changed lever(s)."),
                std::filesystem::path(state.doc.path).filename().string().c_str(), changedLeverCount(state.doc));
  f.hint = hint;
  f.nameLabel = N_("Scenario name:");
  f.name = name;
  f.path = path;
  f.error = error;
  f.onOk = [](AppState& s, const FileDialog& done) {
    s.ui.requests.saveAs = done.path;
    s.ui.requests.saveAsName = done.name;
  };
  f.onCancel = cancelSaveFirst;
  requestFileDialog(state, std::move(f));
}

void requestExportCsv(AppState& state) {
  FileDialog f = saveDialog(N_("Export results (CSV)"), "export", 36.0f, N_("Export"));
  f.hint = tr("Every monthly result: month, scope, id, metric, value.");
  f.path = exportBase(state) + "_results.csv";
  f.onOk = [](AppState& s, const FileDialog& done) { s.ui.requests.exportCsv = done.path; };
  requestFileDialog(state, std::move(f));
}

void requestExportPng(const AppState& state, UiState& ui, bool enlargedChart) {
  const bool chart = enlargedChart && ui.view.enlargedChart >= 0;
  FileDialog f = saveDialog(N_("Export picture (PNG)"), "export", 36.0f, N_("Export"));
  f.hint = chart ? tr("A picture of the enlarged chart.") : tr("A picture of the whole window.");
  f.path = chart ? exportBase(state) + "_" + chartSpecs()[static_cast<size_t>(ui.view.enlargedChart)].id + ".png"
                 : exportBase(state) + "_dashboard.png";
  f.onOk = [chart](AppState& s, const FileDialog& done) {
    s.ui.requests.screenshot = ScreenshotRequest{done.path, chart, 2};
  };
  requestFileDialog(ui, std::move(f));
}

}  // namespace chokepoint::app
