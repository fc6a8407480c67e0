// Recovery prompts: "restore the last session?" after an unclean exit (session.h), and
// "the scenario changed on disk" (file_watch.h). Both are modals opened only when no other
// popup is open (opening a root popup would close one that is), so a request waits a frame
// or two behind an open dialog.
//
// [SECTION] Restore session
// [SECTION] Scenario changed on disk
// [SECTION] drawRecoveryDialogs

#include "app/panels/panels.h"

#include "app/core/scenario_files.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace cp::app {

namespace {

constexpr const char* kRestoreTitle = N_("Restore the last session?");
constexpr const char* kChangedTitle = N_("Scenario changed on disk");
constexpr size_t kMaxListedLevers = 8;

bool beginPrompt(const char* title, float width_em) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  // No wider than the window (tiny windows): ImGui clamps nothing for us here.
  ImGui::SetNextWindowSize(ImVec2(std::max(1.0f, std::min(em() * width_em, vp->WorkSize.x)), 0.0f),
                           ImGuiCond_Appearing);
  return ImGui::BeginPopupModal(tr(title), nullptr, ImGuiWindowFlags_NoSavedSettings);
}

//-----------------------------------------------------------------------------
// [SECTION] Restore session
//-----------------------------------------------------------------------------

void drawRestorePrompt(const AppState& state, UiState& ui) {
  if (!beginPrompt(kRestoreTitle, 36.0f)) return;
  if (!state.session.offer) {  // resolved elsewhere (e.g. --restore-session)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const SessionData& s = *state.session.offer;
  ImGui::PushTextWrapPos(0.0f);
  if (s.workshop) {
    ImGui::TextUnformatted(tr("Chokepoint did not close normally last time. Your workshop in progress was kept:"));
    ImGui::PopTextWrapPos();
    ImGui::Text(tr("Workshop: %s"), displayPath(s.workshop->workshop_path).c_str());
    ImGui::BulletText(tr("%d round(s) played, %zu move(s) entered"), s.workshop->rounds_played,
                      s.workshop->moves.size());
  } else {
    ImGui::TextUnformatted(tr("Chokepoint did not close normally last time. Your unsaved lever changes were kept:"));
    ImGui::PopTextWrapPos();
    ImGui::Text(tr("Scenario: %s"), displayPath(s.scenario).c_str());
  }
  for (size_t i = 0; !s.workshop && i < s.levers.size() && i < kMaxListedLevers; ++i) {
    std::string values;
    for (const std::string& v : s.levers[i].second) values += (values.empty() ? "" : ", ") + v;
    ImGui::BulletText("%s = %s", s.levers[i].first.c_str(), values.c_str());
  }
  if (!s.workshop && s.levers.size() > kMaxListedLevers)
    ImGui::TextDisabled(tr("... and %zu more"), s.levers.size() - kMaxListedLevers);
  ImGui::Spacing();
  if (ImGui::Button(tr("Restore"))) {
    ui.commands.push_back(RestoreSession{});  // loading happens after the frame (handleRequests)
    ImGui::CloseCurrentPopup();
  }
  probeItem("restore/restore");
  ImGui::SameLine();
  if (ImGui::Button(tr("Discard"))) {
    ui.commands.push_back(DiscardSession{});
    ImGui::CloseCurrentPopup();
  }
  probeItem("restore/discard");
  ImGui::EndPopup();
}

//-----------------------------------------------------------------------------
// [SECTION] Scenario changed on disk
//-----------------------------------------------------------------------------

void drawChangedPrompt(const AppState& state, UiState& ui) {
  if (!beginPrompt(kChangedTitle, 36.0f)) return;
  if (!state.watch.prompting) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const bool edits = isDirty(state.doc) || changedLeverCount(state.doc) > 0;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text(tr("%s was changed by another program."), displayPath(state.watch.path).c_str());
  if (edits)
    ImGui::Text(tr("You changed %d lever(s). Reload the file and keep them (levers that no longer exist are "
                   "dropped), reload it without them, or keep working on your version?"),
                changedLeverCount(state.doc));
  else
    ImGui::TextUnformatted(tr("Reload it, or keep working on the version you have?"));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  std::optional<FileChangeChoice> choice;
  if (ImGui::Button(edits ? tr("Reload, keep my changes") : tr("Reload"))) choice = FileChangeChoice::ReloadKeepEdits;
  probeItem("changed/reload");
  if (edits) {
    ImGui::SameLine();
    if (ImGui::Button(tr("Reload, drop my changes"))) choice = FileChangeChoice::ReloadDiscardEdits;
    probeItem("changed/discard");
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Keep mine"))) choice = FileChangeChoice::KeepMine;
  probeItem("changed/keep");
  if (choice) {
    ui.commands.push_back(ResolveFileChange{*choice});
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] drawRecoveryDialogs
//-----------------------------------------------------------------------------

void drawRecoveryDialogs(const AppState& state, UiState& ui) {
  const bool other_popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  if (state.session.offer_requested && !other_popup) {
    ui.commands.push_back(PromptShown{RecoveryPrompt::RestoreSession});
    ImGui::OpenPopup(tr(kRestoreTitle));
  } else if (state.watch.prompt_requested && !other_popup) {
    ui.commands.push_back(PromptShown{RecoveryPrompt::FileChanged});
    ImGui::OpenPopup(tr(kChangedTitle));
  }
  drawRestorePrompt(state, ui);
  drawChangedPrompt(state, ui);
}

}  // namespace cp::app
