// Classroom menus and dialogs (open a story, a workshop or a session; save a session; export
// the workshop report) and the highlight hooks the shared panels call.
//
// [SECTION] Highlights and the veil
// [SECTION] File menu
// [SECTION] Dialogs

#include "app/classroom/classroom_ui.h"

#include "app/core/scenario_files.h"
#include "app/classroom/workshop_handouts.h"
#include "engine/levers.h"
#include "engine/month.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <filesystem>

namespace chokepoint::app {

//-----------------------------------------------------------------------------
// [SECTION] Highlights and the veil
//-----------------------------------------------------------------------------

ImVec4 highlightColor(const AppState& state) {
    if (state.theme == Theme::Light) return ImVec4(0.00f, 0.42f, 0.75f, 1.0f);
    return ImVec4(0.30f, 0.82f, 1.00f, 1.0f);
}

int classroomFutureFrom(const AppState& state) {
    if (storyActive(state)) return storyFutureFrom(state);
    if (workshopActive(state)) return workshopFutureFrom(state);
    return -1;
}

void highlightChart(AppState& state, const char* chartId) {
    if (!storyHighlightsChart(state, chartId)) return;
    const float t = std::max(3.0f, std::round(em() * 0.2f));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x + t * 0.5f, min.y + t * 0.5f), ImVec2(max.x - t * 0.5f, max.y - t * 0.5f),
                                        ImGui::ColorConvertFloat4ToU32(highlightColor(state)), t, 0, t);
    StoryState& s = state.classroom.story;
    if (s.scrollToChart && state.runs.frame <= s.scrollFrame + 1) {  // the card's first chart comes into view (the grid may scroll)
        ImGui::SetScrollFromPosY(min.y - ImGui::GetWindowPos().y, 0.0f);
        s.scrollToChart = false;
    }
}

void highlightLever(AppState& state, const std::string& leverId) {
    if (!storyHighlightsLever(state, leverId)) return;
    // The whole width of the list, so every kind of lever (checkbox, slider) gets the same frame.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float pad = std::round(em() * 0.25f);
    const float x0 = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x;
    const float x1 = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const ImVec2 a(x0, min.y - pad), b(x1, max.y + 1.0f);
    ImVec4 col = highlightColor(state);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    col.w = 0.14f;
    dl->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(col), pad);
    col.w = 1.0f;
    dl->AddRect(a, b, ImGui::ColorConvertFloat4ToU32(col), pad, 0, 2.0f);
    StoryState& s = state.classroom.story;
    // Only just after the card changed: a lever in a group opened later must not pull the list.
    if (s.scrollToLever && state.runs.frame <= s.scrollFrame + 1) {  // the card's first lever comes into view
        ImGui::SetScrollFromPosY(a.y - ImGui::GetWindowPos().y, 0.1f);
        s.scrollToLever = false;
    }
}

void highlightRuleRow(const AppState& state, const std::string& ruleId, ImVec2 min, ImVec2 max) {
    if (!storyHighlightsRule(state, ruleId)) return;
    ImVec4 col = highlightColor(state);
    col.w = 0.25f;
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, ImGui::ColorConvertFloat4ToU32(col));
}

//-----------------------------------------------------------------------------
// [SECTION] File menu
//-----------------------------------------------------------------------------

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::vector<std::string> sessionFiles(const AppState& state) {
    std::vector<std::string> out;
    const std::string base = state.classroom.workshop.workshop ? state.classroom.workshop.workshop->file : state.scenarioPath;
    std::vector<std::string> all = classroomFiles(base, "workshops");
    for (std::string& f : listScenarioFiles({std::filesystem::current_path()})) all.push_back(std::move(f));
    for (std::string& f : all) {
        const std::string suffix = ".session.json";
        if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            std::find(out.begin(), out.end(), f) == out.end())
            out.push_back(std::move(f));
    }
    return out;
}

}  // namespace

void requestClassroomDialog(AppState& state, ClassroomDialog dialog) {
    ClassroomState& c = state.classroom;
    const WorkshopState& w = c.workshop;
    c.dialogRequested = dialog;
    c.error.clear();
    c.files.clear();
    c.pathField.clear();
    const std::string ws = w.workshop ? stem(w.workshop->file) : "workshop";
    switch (dialog) {
        case ClassroomDialog::None: break;
        case ClassroomDialog::OpenStory:
            c.files = classroomFiles(state.scenarioPath, "stories");
            if (c.story.story) c.pathField = displayPath(c.story.story->file);
            break;
        case ClassroomDialog::OpenWorkshop:
            c.files = classroomFiles(state.scenarioPath, "workshops");
            if (w.workshop) c.pathField = displayPath(w.workshop->file);
            break;
        case ClassroomDialog::OpenSession:
            c.files = sessionFiles(state);
            c.pathField = w.sessionPath;
            break;
        case ClassroomDialog::SaveSessionAs:
            c.pathField = !w.sessionPath.empty() ? w.sessionPath : ws + ".session.json";
            break;
        case ClassroomDialog::ExportReport:
            c.pathField = (std::filesystem::path(ws + "_report") / (ws + "_report.md")).string();
            break;
        case ClassroomDialog::ExportHandouts:
            c.pathField = ws + "_handouts";
            break;
    }
    if (c.pathField.empty() && !c.files.empty()) c.pathField = c.files.front();  // Enter opens the first
}

void requestSaveWorkshopSession(AppState& state) {
    if (state.classroom.workshop.sessionPath.empty())
        requestClassroomDialog(state, ClassroomDialog::SaveSessionAs);
    else
        state.classroom.requests.saveSession = state.classroom.workshop.sessionPath;
}

void drawClassroomFileMenu(AppState& state) {
    const bool story = storyActive(state), workshop = workshopActive(state);
    if (ImGui::MenuItem(tr("Open story..."))) requestClassroomDialog(state, ClassroomDialog::OpenStory);
    probeItem("File/Open story");
    if (ImGui::MenuItem(tr("Open workshop..."))) requestClassroomDialog(state, ClassroomDialog::OpenWorkshop);
    probeItem("File/Open workshop");
    if (ImGui::MenuItem(tr("Open workshop session..."))) requestClassroomDialog(state, ClassroomDialog::OpenSession);
    probeItem("File/Open workshop session");
    if (ImGui::MenuItem(tr("Save workshop session"), nullptr, false, workshop)) requestSaveWorkshopSession(state);
    probeItem("File/Save workshop session");
    if (ImGui::MenuItem(tr("Save workshop session as..."), nullptr, false, workshop))
        requestClassroomDialog(state, ClassroomDialog::SaveSessionAs);
    probeItem("File/Save workshop session as");
    if (ImGui::MenuItem(tr("Export workshop report..."), nullptr, false, workshop && workshopBoard(state) && !reportInProgress(state)))
        requestClassroomDialog(state, ClassroomDialog::ExportReport);
    probeItem("File/Export workshop report");
    if (ImGui::MenuItem(tr("Export workshop handouts..."), nullptr, false, workshop))
        requestClassroomDialog(state, ClassroomDialog::ExportHandouts);
    probeItem("File/Export workshop handouts");
    if (story && ImGui::MenuItem(tr("Close story"))) closeStory(state);
    if (workshop && ImGui::MenuItem(tr("Close workshop (keep the played levers)"))) closeWorkshop(state);
}

//-----------------------------------------------------------------------------
// [SECTION] Dialogs
//-----------------------------------------------------------------------------

namespace {

const char* dialogTitle(ClassroomDialog d) {
    switch (d) {
        case ClassroomDialog::None: break;
        case ClassroomDialog::OpenStory: return tr("Open story");
        case ClassroomDialog::OpenWorkshop: return tr("Open workshop");
        case ClassroomDialog::OpenSession: return tr("Open workshop session");
        case ClassroomDialog::SaveSessionAs: return tr("Save workshop session");
        case ClassroomDialog::ExportReport: return tr("Export workshop report");
        case ClassroomDialog::ExportHandouts: return tr("Export workshop handouts");
    }
    return "##classroom";
}

const char* dialogHint(ClassroomDialog d) {
    switch (d) {
        case ClassroomDialog::None: break;
        case ClassroomDialog::OpenStory: return tr("A guided tour of a scenario, one dated card at a time.");
        case ClassroomDialog::OpenWorkshop: return tr("A team game: each team moves its own levers, round by round.");
        case ClassroomDialog::OpenSession: return tr("A game saved between rounds or after class (it names its workshop).");
        case ClassroomDialog::SaveSessionAs: return tr("Every move and the rounds played; the workshop is named relative to this file.");
        case ClassroomDialog::ExportReport: return tr("A Markdown file with the moves and the scoreboard; a PNG of each chart goes beside it.");
        case ClassroomDialog::ExportHandouts: return tr("A folder for the printer: a card per team (brief, objectives, levers with their ranges) and move slips, as Markdown.");
    }
    return "";
}

const char* okLabel(ClassroomDialog d) {
    switch (d) {
        case ClassroomDialog::SaveSessionAs: return tr("Save");
        case ClassroomDialog::ExportReport:
        case ClassroomDialog::ExportHandouts: return tr("Export");
        default: return tr("Open");
    }
}

void dispatch(AppState& state, ClassroomDialog d, const std::string& path) {
    switch (d) {
        case ClassroomDialog::None: break;
        case ClassroomDialog::OpenStory: requestGuarded(state, PendingAction::OpenStory, path); break;
        case ClassroomDialog::OpenWorkshop: requestGuarded(state, PendingAction::OpenWorkshop, path); break;
        case ClassroomDialog::OpenSession: requestGuarded(state, PendingAction::OpenSession, path); break;
        case ClassroomDialog::SaveSessionAs: state.classroom.requests.saveSession = path; break;
        case ClassroomDialog::ExportReport: state.classroom.requests.exportReport = path; break;
        case ClassroomDialog::ExportHandouts: state.classroom.requests.exportHandouts = path; break;
    }
}

}  // namespace

// A team card over the whole window while its picture is taken (File > Export workshop handouts).
void drawHandoutCard(AppState& state) {
    const int t = state.classroom.handoutPictures.showing;
    if (t < 0 || !workshopActive(state)) return;
    const cp::Workshop& w = *state.classroom.workshop.workshop;
    if (t >= static_cast<int>(w.teams.size())) return;
    const cp::Team& team = w.teams[static_cast<size_t>(t)];
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::SetNextWindowFocus();  // over the menu bar and the dashboard
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##handoutCard", nullptr, flags)) {
        pushLarge(state);
        ImGui::TextUnformatted(tr(team.name));
        ImGui::PopFont();
        ImGui::TextDisabled(tr("%s: %d rounds of %d months from %s"), tr(w.name), w.rounds, w.round_months,
                            cp::formatMonth(w.start).c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Separator();
        pushBold(state);
        ImGui::TextUnformatted(tr("Your brief"));
        ImGui::PopFont();
        ImGui::TextUnformatted(tr(team.brief));
        pushBold(state);
        ImGui::TextUnformatted(tr("Your objectives"));
        ImGui::PopFont();
        for (const cp::Objective& o : team.objectives) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", objectiveInWords(o).c_str());
        }
        pushBold(state);
        ImGui::TextUnformatted(tr("Your levers"));
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        if (ImGui::BeginTable("##handoutLevers", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn(tr("Lever"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(tr("Range"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
            ImGui::TableSetupColumn(tr("In the scenario"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
            ImGui::TableHeadersRow();
            for (const std::string& id : team.levers) {
                const int i = w.scenario.findLever(id);
                if (i < 0) continue;
                const cp::Lever& l = w.scenario.levers[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", tr(l.label));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", leverRangeInWords(l).c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", displayLeverValue(l, l.value).c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("%s", tr("Each round your points compare the world you played with the same world in which nobody moved."));
        probeItem("handout/card");
    }
    ImGui::End();
}

void drawClassroomDialogs(AppState& state) {
    drawHandoutCard(state);
    ClassroomState& c = state.classroom;
    if (c.dialogRequested != ClassroomDialog::None) {
        c.dialogOpen = c.dialogRequested;
        c.dialogRequested = ClassroomDialog::None;
        ImGui::OpenPopup(dialogTitle(c.dialogOpen));
    }
    if (c.dialogOpen == ClassroomDialog::None) return;
    const ClassroomDialog d = c.dialogOpen;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em() * 44.0f, 0.0f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(dialogTitle(d), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        c.dialogOpen = ClassroomDialog::None;  // closed by ImGui
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", dialogHint(d));
    ImGui::PopTextWrapPos();
    bool ok = false;
    if (d == ClassroomDialog::OpenStory || d == ClassroomDialog::OpenWorkshop || d == ClassroomDialog::OpenSession) {
        if (ImGui::BeginListBox("##files", ImVec2(-FLT_MIN, ImGui::GetTextLineHeightWithSpacing() * 7.0f))) {
            for (size_t i = 0; i < c.files.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(c.files[i].c_str(), c.files[i] == c.pathField, ImGuiSelectableFlags_AllowDoubleClick)) {
                    c.pathField = c.files[i];
                    ok = ImGui::IsMouseDoubleClicked(0);
                }
                probeItem(("classroom/file/" + fileName(c.files[i])).c_str());
                ImGui::PopID();
            }
            if (c.files.empty()) ImGui::TextDisabled("%s", tr("(no files found: type a path below)"));
            ImGui::EndListBox();
        }
    }
    ImGui::TextUnformatted(tr("File:"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ok |= ImGui::InputText("##path", &c.pathField, ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("classroom/path");
    if (!c.error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(errorColor(state), "%s", c.error.c_str());
        ImGui::PopTextWrapPos();
    }
    ok |= ImGui::Button(okLabel(d));
    probeItem("classroom/ok");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    probeItem("classroom/cancel");
    if (ok && !c.pathField.empty()) {
        ImGui::CloseCurrentPopup();
        c.dialogOpen = ClassroomDialog::None;
        dispatch(state, d, c.pathField);
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
        c.dialogOpen = ClassroomDialog::None;
        if (d == ClassroomDialog::SaveSessionAs) {  // "Save..." from the unsaved-changes question: nothing follows
            state.dialogs.continueAfterSave = false;
            state.dialogs.pending = PendingAction::None;
        }
    }
    ImGui::EndPopup();
}

}  // namespace chokepoint::app
