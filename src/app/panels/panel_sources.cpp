// Sources: the sources file next to the scenario (scenarios/sources.json) read with it;
// every "Source: S42, S43" the dashboard shows lists the titles, publishers, dates and
// addresses of those ids, and Help > Sources lists them all (with a filter).
#include "app/panels/panels.h"
#include "i18n/problem_text.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/sources.h"
#include "app/core/tr.h"

#include <imgui.h>

#include <cctype>
#include <string>

namespace cp::app {

namespace {

bool contains(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  const auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  return lower(hay).find(lower(needle)) != std::string::npos;
}

}  // namespace

void loadSourcesNear(AppState& state, const std::string& scenario_path) {
  state.sources = {};
  state.sources_error.clear();
  const std::string file = cp::sourcesFileNear(scenario_path);
  if (file.empty()) return;
  try {
    state.sources = cp::loadSources(file);
  } catch (const cp::LoadError& e) {
    state.sources_error = e.problems().empty() ? tr("unreadable") : cp::i18n::problemLine(e.problems().front());
  }
}

void drawSourceLines(const AppState& state, const std::string& text, const char* caption) {
  if (text.empty()) return;
  ImGui::Text("%s: %s", caption, text.c_str());
  for (const std::string& id : cp::sourceIds(text)) {
    if (const cp::Source* s = state.sources.find(id))
      ImGui::TextDisabled("%s  %s (%s, %s) %s", s->id.c_str(), s->title.c_str(), s->publisher.c_str(), s->date.c_str(),
                          s->url.c_str());
    else
      ImGui::TextDisabled(tr("%s  not in the sources file"), id.c_str());
  }
}

void drawSourcesWindow(const AppState& state, UiState& ui) {
  if (!ui.windows.sources) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.8f, vp->WorkSize.y * 0.7f), ImGuiCond_Appearing);
  if (ImGui::Begin(trId("Sources", "###Sources"), &ui.windows.sources, ImGuiWindowFlags_NoSavedSettings)) {
    if (!state.sources_error.empty())
      ImGui::TextColored(errorColor(ui.theme), tr("Sources file: %s"), state.sources_error.c_str());
    if (state.sources.sources.empty() && state.sources_error.empty())
      ImGui::TextDisabled("%s", tr("No sources file next to this scenario (sources.json)."));
    ImGui::SetNextItemWidth(em() * 20.0f);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s", ui.view.sources_filter.c_str());
    if (ImGui::InputTextWithHint("##filter", "filter: id, title, publisher, year", buf, sizeof buf))
      ui.view.sources_filter = buf;
    probeItem("sources/filter");
    ImGui::SameLine();
    ImGui::TextDisabled(tr("%zu sources; select a row and Ctrl+C copies its address"), state.sources.sources.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##sources", 5, flags)) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn(tr("Id"), ImGuiTableColumnFlags_WidthFixed, em() * 3.0f);
      ImGui::TableSetupColumn(tr("Title"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
      ImGui::TableSetupColumn(tr("Publisher"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableSetupColumn(tr("Date"), ImGuiTableColumnFlags_WidthFixed, em() * 5.0f);
      ImGui::TableSetupColumn(tr("Address"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
      ImGui::TableHeadersRow();
      int shown = 0;
      for (const cp::Source& s : state.sources.sources) {
        const std::string& f = ui.view.sources_filter;
        if (!(contains(s.id, f) || contains(s.title, f) || contains(s.publisher, f) || contains(s.date, f))) continue;
        ++shown;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = ui.view.source_selected == s.id;
        if (ImGui::Selectable(s.id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
          ui.view.source_selected = s.id;
        if (selected && ImGui::IsWindowFocused() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('C', false))
          ImGui::SetClipboardText(s.url.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", s.title.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.publisher.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", s.url.c_str());
        if (!s.note.empty()) ImGui::TextDisabled("%s", s.note.c_str());
      }
      ImGui::EndTable();
      ui.view.sources_shown = shown;
    }
    probeItem("sources/table");
  }
  ImGui::End();
}

}  // namespace cp::app
