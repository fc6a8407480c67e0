// Modal dialogs: the file dialog (one drawing for every FileDialog: the scenario's open,
// save as and export, the classroom's story, workshop, session, report and handouts; see
// dialogs.h) and "discard unsaved changes?". They read the state const: OK or Cancel is a
// command (CloseFileDialog) whose on_ok, applied after the frame, raises the request that
// handleRequests() (or the main loop, for PNGs) carries out.
//
// [SECTION] Helpers
// [SECTION] File dialog
// [SECTION] Confirm discard
// [SECTION] drawDialogs

#include "app/panels/panels.h"

#include "app/classroom/classroom_ui.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cfloat>
#include <filesystem>
#include <string>
#include <system_error>

namespace cp::app {

namespace {

constexpr const char* kConfirmTitle = N_("Unsaved changes");

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

bool beginModal(const char* title, float width_em) {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(em() * width_em, 0.0f), ImGuiCond_Appearing);
  return ImGui::BeginPopupModal(tr(title), nullptr, ImGuiWindowFlags_NoSavedSettings);
}

std::string probeName(const FileDialog& f, const std::string& what) { return std::string(f.probe) + "/" + what; }

bool existingFile(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

bool cancelPressed(const char* probe) {
  const bool button = ImGui::Button(tr("Cancel"));
  probeItem(probe);
  return button || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

//-----------------------------------------------------------------------------
// [SECTION] File dialog
//-----------------------------------------------------------------------------

// The list of files (Open dialogs); true when one was double-clicked.
bool fileList(FileDialog& f) {
  if (f.list_label) ImGui::TextUnformatted(tr(f.list_label));
  bool ok = false;
  if (ImGui::BeginListBox("##files", ImVec2(-FLT_MIN, ImGui::GetTextLineHeightWithSpacing() * f.list_rows))) {
    for (size_t i = 0; i < f.files.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const std::string& file = f.files[i];
      if (ImGui::Selectable(file.c_str(), file == f.path, ImGuiSelectableFlags_AllowDoubleClick)) {
        f.path = file;
        if (ImGui::IsMouseDoubleClicked(0)) ok = true;
      }
      probeItem(probeName(f, "file/" + fileName(file)).c_str());
      ImGui::PopID();
    }
    if (f.files.empty()) ImGui::TextDisabled("%s", tr(f.empty_list));
    ImGui::EndListBox();
  }
  return ok;
}

void drawFileDialog(UiState& ui) {
  Dialogs& d = ui.dialogs;
  if (!d.shown) return;
  FileDialog& f = *d.shown;
  if (!beginModal(f.title, f.width_em)) {
    d.shown.reset();  // closed by ImGui
    return;
  }
  if (!f.hint.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", f.hint.c_str());
    ImGui::PopTextWrapPos();
  }
  bool ok = f.kind == FileDialogKind::Open && fileList(f);
  if (f.name_label) {
    ImGui::TextUnformatted(tr(f.name_label));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##name", &f.name);
    probeItem(probeName(f, "name").c_str());
  }
  ImGui::TextUnformatted(tr(f.path_label));
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ok |= ImGui::InputText("##path", &f.path, ImGuiInputTextFlags_EnterReturnsTrue);  // Enter is OK
  probeItem(probeName(f, "path").c_str());
  if (!f.error.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(errorColor(ui.theme), "%s", f.error.c_str());
    ImGui::PopTextWrapPos();
  }
  // Save onto an existing file asks first; typing another name takes the question back.
  const bool asking = f.kind == FileDialogKind::Save && !f.replace_asked.empty() && f.replace_asked == f.path;
  if (asking) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(warningColor(ui.theme), tr("%s already exists. Replace it?"), fileName(f.path).c_str());
    ImGui::PopTextWrapPos();
  }
  ok |= ImGui::Button(asking ? tr("Replace") : tr(f.ok_label));
  probeItem(probeName(f, "ok").c_str());
  if (ok && f.kind == FileDialogKind::Save && !asking && existingFile(f.path)) {
    f.replace_asked = f.path;
    ok = false;
  }
  ImGui::SameLine();
  const bool cancel = cancelPressed(probeName(f, "cancel").c_str());
  bool upload = false;
  if (f.offer_upload && d.upload) {  // the browser: a file from this computer
    ImGui::SameLine();
    upload = ImGui::Button(tr("Upload a file..."));
  }
  if ((ok && !f.path.empty()) || cancel || upload) {
    ImGui::CloseCurrentPopup();
    FileDialog done = std::move(f);
    d.shown.reset();  // before the callbacks, which may ask for another dialog
    if (upload)
      d.upload();
    else  // what OK or Cancel does happens after the frame
      ui.commands.push_back(CloseFileDialog{std::move(done), !cancel});
  }
  ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] Confirm discard
//-----------------------------------------------------------------------------

void drawConfirm(const AppState& state, UiState& ui) {
  Dialogs& d = ui.dialogs;
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
    d.continue_after_save = true;
    if (game)
      ui.commands.push_back(SaveWorkshopSession{});
    else
      ui.requests.save = true;
    ImGui::CloseCurrentPopup();
  }
  probeItem("confirm/save");
  ImGui::SameLine();
  if (ImGui::Button(tr("Discard changes"))) {
    ImGui::CloseCurrentPopup();
    ui.commands.push_back(DiscardAndContinue{});
  }
  probeItem("confirm/discard");
  ImGui::SameLine();
  if (cancelPressed("dialog/cancel")) {
    d.pending = PendingAction::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] drawDialogs
//-----------------------------------------------------------------------------

void drawDialogs(const AppState& state, UiState& ui) {
  Dialogs& d = ui.dialogs;
  if (d.requested) {
    d.shown = std::move(*d.requested);
    d.requested.reset();
    ImGui::OpenPopup(tr(d.shown->title));
  }
  if (d.confirm_requested) {
    d.confirm_requested = false;
    ImGui::OpenPopup(tr(kConfirmTitle));
  }
  drawFileDialog(ui);
  drawConfirm(state, ui);
}

}  // namespace cp::app
