// Why panel: the options one company weighed in the scrubber month, with their cost, the
// budget offered to each, what it got, and the rule verdict (denied options greyed). The
// trace comes from a separate run on the worker (RunSlot::Trace), requested by syncRuns
// while this panel is visible.
#include "app/panels/panels.h"

#include "app/panels/metric_table.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"
#include "i18n/format.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

namespace cp::app {

namespace {

void drawCompanyCombo(const AppState& state, UiState& ui) {
  const cp::Scenario& s = *state.doc.loaded;
  int& company = ui.view.why_company;
  const char* preview = company >= 0 && company < static_cast<int>(s.companies.size())
                            ? tr(s.companies[static_cast<size_t>(company)].name)
                            : tr("(pick a company)");
  ImGui::SetNextItemWidth(em() * 22.0f);
  if (ImGui::BeginCombo("##whyCompany", preview)) {
    for (size_t i = 0; i < s.companies.size(); ++i) {
      if (s.companies[i].kind == cp::CompanyKind::Operator) continue;
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(tr(s.companies[i].name), static_cast<int>(i) == company)) company = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  probeItem("why/company");
}

void drawPurpose(const std::vector<cp::OptionTrace>& trace, int purpose) {
  const char* id = purpose == 0 ? "##whyTrain" : "##whyInfer";
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable(id, 6, flags)) return;
  ImGui::TableSetupColumn(purpose == 0 ? tr("Training: option") : tr("Inference: option"),
                          ImGuiTableColumnFlags_WidthFixed, em() * 22.0f);
  ImGui::TableSetupColumn(tr("Cost $/H100e-mo"));
  ImGui::TableSetupColumn(tr("Share"));
  ImGui::TableSetupColumn(tr("Offered"));
  ImGui::TableSetupColumn(tr("Got"));
  ImGui::TableSetupColumn(tr("Rule"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  int row = 0;
  for (const cp::OptionTrace& o : trace) {
    if (o.purpose != purpose) continue;
    ImGui::TableNextRow();
    ImGui::PushID(row++);
    if (!o.allowed) ImGui::PushStyleColor(ImGuiCol_Text, dimColor());
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(o.label.c_str());
    itemTooltip(o.label.c_str());
    char buf[64];
    ImGui::TableSetColumnIndex(1);
    std::snprintf(buf, sizeof buf, "%.0f", o.cost_usd_per_h100e_month);
    textRightAligned(buf);
    ImGui::TableSetColumnIndex(2);
    std::snprintf(buf, sizeof buf, "%.1f%%", o.share * 100.0);
    textRightAligned(cp::i18n::localizeNumber(buf).c_str());
    ImGui::TableSetColumnIndex(3);
    textRightAligned(chart::formatValue(o.spend_usd, chart::Unit::Usd).c_str());
    ImGui::TableSetColumnIndex(4);
    textRightAligned(chart::formatValue(o.paid_usd, chart::Unit::Usd).c_str());
    ImGui::TableSetColumnIndex(5);
    ImGui::TextUnformatted(o.verdict.c_str());
    itemTooltip(o.verdict.c_str());
    if (!o.allowed) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void drawWhyPanel(const AppState& state, UiState& ui) {
  if (!hasScenario(state.doc)) return;
  ui.view.why_visible = true;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("Options weighed by"));
  ImGui::SameLine();
  drawCompanyCombo(state, ui);
  ImGui::SameLine();
  const int abs_month = state.dash.months.start + ui.view.month;
  ImGui::TextWrapped(tr("in %s (move the month slider to change)"), state.dash.months.label(ui.view.month));

  const TraceKey wanted{version(state.doc), ui.view.why_company, abs_month};
  const bool fresh = state.runs.shown_trace == wanted;
  if (!state.runs.traced) {
    ImGui::TextDisabled("%s", tr("Computing..."));
    return;
  }
  if (!fresh) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("(updating...)"));
  }
  const auto& trace = state.runs.traced->trace;
  if (trace.empty()) {
    ImGui::TextDisabled("%s", tr("This company weighed no options in this month."));
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, dimColor());
  ImGui::TextWrapped("%s",
                     tr("Share, offered: budget offered over the month's rounds (a sold-out option's budget is offered "
                        "again). Got: what rationing filled. Grey rows were denied."));
  ImGui::PopStyleColor();
  ImGui::BeginChild("##whyRows", ImVec2(0, 0), false);
  drawPurpose(trace, 0);
  ImGui::Spacing();
  drawPurpose(trace, 1);
  ImGui::EndChild();
}

}  // namespace cp::app
