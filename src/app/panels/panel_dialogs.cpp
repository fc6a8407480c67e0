// Modal dialogs: Open scenario, Save As (a variant that extends the loaded file), export
// (CSV, PNG) and "discard unsaved changes?". The UI raises dialogs.*Requested; each dialog
// turns its OK into a request that handleRequests() (or the main loop, for PNGs) carries out.
//
// [SECTION] Helpers
// [SECTION] Open
// [SECTION] Save As
// [SECTION] Export
// [SECTION] Confirm discard
// [SECTION] drawDialogs

#include "app/panels/panels.h"

#include "app/classroom/classroom_ui.h"

#include "app/core/scenario_files.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cfloat>
#include <filesystem>
#include <string>

namespace chokepoint::app {

namespace {

constexpr const char* kOpenTitle = N_("Open scenario");
constexpr const char* kSaveAsTitle = N_("Save scenario as");
constexpr const char* kExportCsvTitle = N_("Export results (CSV)");
constexpr const char* kExportPngTitle = N_("Export picture (PNG)");
constexpr const char* kConfirmTitle = N_("Unsaved changes");

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool beginModal(const char* title, float widthEm) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em() * widthEm, 0.0f), ImGuiCond_Appearing);
    return ImGui::BeginPopupModal(tr(title), nullptr, ImGuiWindowFlags_NoSavedSettings);
}

// A full-width text field; Enter returns true.
bool pathField(const char* label, std::string* value, const char* probe) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText((std::string("##") + label).c_str(), value, ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem(probe);
    return enter;
}

bool cancelPressed() {
    const bool button = ImGui::Button(tr("Cancel"));
    probeItem("dialog/cancel");
    return button || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

void showError(const AppState& state) {
    if (state.dialogs.error.empty()) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(errorColor(state), "%s", state.dialogs.error.c_str());
    ImGui::PopTextWrapPos();
}

//-----------------------------------------------------------------------------
// [SECTION] Open
//-----------------------------------------------------------------------------

void drawOpen(AppState& state) {
    Dialogs& d = state.dialogs;
    if (!beginModal(kOpenTitle, 40.0f)) return;
    ImGui::TextUnformatted(tr("Scenario files:"));
    const float listH = ImGui::GetTextLineHeightWithSpacing() * 8.0f;
    bool open = false;
    if (ImGui::BeginListBox("##files", ImVec2(-FLT_MIN, listH))) {
        for (size_t i = 0; i < d.scenarioFiles.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const std::string& f = d.scenarioFiles[i];
            if (ImGui::Selectable(f.c_str(), f == d.pathField, ImGuiSelectableFlags_AllowDoubleClick)) {
                d.pathField = f;
                if (ImGui::IsMouseDoubleClicked(0)) open = true;
            }
            probeItem(("open/file/" + fileName(f)).c_str());
            ImGui::PopID();
        }
        if (d.scenarioFiles.empty()) ImGui::TextDisabled("%s", tr("(no scenario files found)"));
        ImGui::EndListBox();
    }
    open |= pathField(tr("Path:"), &d.pathField, "open/path");
    open |= ImGui::Button(tr("Open"));
    probeItem("open/ok");
    ImGui::SameLine();
    const bool cancel = cancelPressed();
    if (d.upload) {  // the browser: a file from this computer
        ImGui::SameLine();
        if (ImGui::Button(tr("Upload a file..."))) {
            ImGui::CloseCurrentPopup();
            d.upload();
        }
    }
    if (open && !d.pathField.empty()) {
        ImGui::CloseCurrentPopup();
        requestGuarded(state, PendingAction::Open, d.pathField);
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] Save As
//-----------------------------------------------------------------------------

void drawSaveAs(AppState& state) {
    Dialogs& d = state.dialogs;
    if (!beginModal(kSaveAsTitle, 40.0f)) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(tr("Writes a small scenario that extends %s and sets the %d changed lever(s)."),
                        fileName(state.doc.path).c_str(), changedLeverCount(state.doc));
    ImGui::PopTextWrapPos();
    ImGui::TextUnformatted(tr("Scenario name:"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##name", &d.nameField);
    probeItem("saveas/name");
    bool ok = pathField(tr("File:"), &d.pathField, "saveas/path");
    showError(state);
    ok |= ImGui::Button(tr("Save"));
    probeItem("saveas/ok");
    ImGui::SameLine();
    const bool cancel = cancelPressed();
    if (ok && !d.pathField.empty()) {
        state.requests.saveAs = d.pathField;
        d.error.clear();
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        d.error.clear();
        d.continueAfterSave = false;
        d.pending = PendingAction::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

void drawExport(AppState& state, const char* title, bool png) {
    Dialogs& d = state.dialogs;
    if (!beginModal(title, 36.0f)) return;
    if (png)
        ImGui::TextDisabled(d.pngOfChart ? tr("A picture of the enlarged chart.") : tr("A picture of the whole window."));
    else
        ImGui::TextDisabled("%s", tr("Every monthly result: month, scope, id, metric, value."));
    bool ok = pathField(tr("File:"), &d.pathField, "export/path");
    ok |= ImGui::Button(tr("Export"));
    probeItem("export/ok");
    ImGui::SameLine();
    const bool cancel = cancelPressed();
    if (ok && !d.pathField.empty()) {
        if (png)
            state.requests.screenshot = ScreenshotRequest{d.pathField, d.pngOfChart, 2};
        else
            state.requests.exportCsv = d.pathField;
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] Confirm discard
//-----------------------------------------------------------------------------

void drawConfirm(AppState& state) {
    Dialogs& d = state.dialogs;
    if (!beginModal(kConfirmTitle, 32.0f)) return;
    const bool game = workshopDirty(state);  // a workshop game: its session is what to save
    ImGui::PushTextWrapPos(0.0f);
    if (game)
        ImGui::TextUnformatted(tr("The workshop game has moves or rounds that are not saved. Save the session first?"));
    else
        ImGui::Text(tr("You changed %d lever(s) and have not saved them. Save them as a scenario first?"),
                    changedLeverCount(state.doc));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button(tr("Save..."))) {
        d.continueAfterSave = true;
        if (game)
            requestSaveWorkshopSession(state);
        else
            state.requests.save = true;
        ImGui::CloseCurrentPopup();
    }
    probeItem("confirm/save");
    ImGui::SameLine();
    if (ImGui::Button(tr("Discard changes"))) {
        ImGui::CloseCurrentPopup();
        performPending(state);
    }
    probeItem("confirm/discard");
    ImGui::SameLine();
    if (cancelPressed()) {
        d.pending = PendingAction::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] drawDialogs
//-----------------------------------------------------------------------------

void drawDialogs(AppState& state) {
    Dialogs& d = state.dialogs;
    const std::string base = hasScenario(state.doc) ? stem(state.doc.path) : "chokepoint";
    if (d.openRequested) {
        d.openRequested = false;
        d.scenarioFiles = listScenarioFiles(scenarioDirs(state.scenarioPath));
        d.pathField = state.scenarioPath.empty() ? "" : displayPath(state.scenarioPath);
        ImGui::OpenPopup(tr(kOpenTitle));
    }
    if (d.saveAsRequested && hasScenario(state.doc)) {
        d.saveAsRequested = false;
        if (d.error.empty()) {  // after a failed save, keep what the user typed
            const std::filesystem::path dir = std::filesystem::path(state.doc.path).parent_path();
            d.pathField = !state.doc.savedPath.empty() ? state.doc.savedPath : displayPath(dir / (base + "_variant.json"));
            d.nameField = !state.doc.savedName.empty() ? state.doc.savedName : state.doc.loaded->name + tr(" (edited)");
        }
        ImGui::OpenPopup(tr(kSaveAsTitle));
    }
    if (d.exportCsvRequested) {
        d.exportCsvRequested = false;
        d.pathField = base + "_results.csv";
        ImGui::OpenPopup(tr(kExportCsvTitle));
    }
    if (d.exportPngRequested) {
        d.exportPngRequested = false;
        const bool chart = d.pngOfChart && state.view.enlargedChart >= 0;
        d.pngOfChart = chart;
        d.pathField = chart ? base + "_" + chartSpecs()[static_cast<size_t>(state.view.enlargedChart)].id + ".png"
                            : base + "_dashboard.png";
        ImGui::OpenPopup(tr(kExportPngTitle));
    }
    if (d.confirmRequested) {
        d.confirmRequested = false;
        ImGui::OpenPopup(tr(kConfirmTitle));
    }
    drawOpen(state);
    drawSaveAs(state);
    drawExport(state, kExportCsvTitle, false);
    drawExport(state, kExportPngTitle, true);
    drawConfirm(state);
}

}  // namespace chokepoint::app
