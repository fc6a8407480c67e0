#include "app/panels/metric_table.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace cp::app {

void textRightAligned(const char* text) {
  const float w = ImGui::CalcTextSize(text).x;
  const float x = ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w);
  ImGui::SetCursorPosX(x);
  ImGui::TextUnformatted(text);
}

namespace {

// Cell text without the unit word (the header names it): "251k", "7.8e26", "19%", "22 mo".
std::string cellText(double v, chart::Unit unit) {
  switch (unit) {
    case chart::Unit::H100e:
    case chart::Unit::Units: return chart::formatValue(v, chart::Unit::None);
    case chart::Unit::Flop:
      if (!std::isfinite(v) || v == 0.0) return chart::formatValue(v, chart::Unit::None);
      // A tick step of a tenth of the leading power of ten: one decimal, "7.8e26".
      return chart::formatTick(v, chart::Unit::Flop, std::pow(10.0, std::floor(std::log10(std::fabs(v)))) * 0.1);
    default: return chart::formatValue(v, unit);
  }
}

// Row order under the table's sort specs (name, group, or a column's value in the month).
std::vector<size_t> sortedRows(const std::vector<TableRow>& rows, const std::vector<ColumnSpec>& columns, int month) {
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || specs->SpecsCount == 0) return order;
  const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
  const bool descending = s.SortDirection == ImGuiSortDirection_Descending;
  const int col = s.ColumnIndex;
  auto value = [&](size_t r) {
    const auto c = static_cast<size_t>(col - 2);
    const double v = columnValue(columns[c], rows[r].columns[c], month);
    return std::isfinite(v) ? v : -INFINITY;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (col == 0) return descending ? rows[b].name < rows[a].name : rows[a].name < rows[b].name;
    if (col == 1) return descending ? rows[b].group < rows[a].group : rows[a].group < rows[b].group;
    return descending ? value(b) < value(a) : value(a) < value(b);
  });
  return order;
}

}  // namespace

void drawMetricTable(const MetricTableLabels& labels, const std::vector<TableRow>& rows,
                     const std::vector<ColumnSpec>& columns, int month) {
  const int n_cols = 2 + static_cast<int>(columns.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable(labels.id, n_cols, flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  // Name and group columns as wide as their longest entry.
  float name_w = ImGui::CalcTextSize(labels.name_header).x + em(),
        group_w = ImGui::CalcTextSize(labels.group_header).x + em();
  for (const TableRow& row : rows) {
    name_w = std::max(name_w, ImGui::CalcTextSize(row.name.c_str()).x);
    group_w = std::max(group_w, ImGui::CalcTextSize(row.group.c_str()).x);
  }
  ImGui::TableSetupColumn(labels.name_header, ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed,
                          name_w);
  ImGui::TableSetupColumn(labels.group_header, ImGuiTableColumnFlags_WidthFixed, group_w);
  const float number_w = ImGui::CalcTextSize("888.8k").x;
  for (const ColumnSpec& c : columns)
    ImGui::TableSetupColumn(tr(c.header), ImGuiTableColumnFlags_PreferSortDescending,
                            std::max(number_w, ImGui::CalcTextSize(tr(c.header)).x + em()));

  // Headers by hand, so each can explain itself in a tooltip.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < n_cols; ++c) {
    ImGui::TableSetColumnIndex(c);
    ImGui::PushID(c);
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
    if (c >= 2) itemTooltip(tr(columns[static_cast<size_t>(c - 2)].help));
    ImGui::PopID();
  }

  for (size_t r : sortedRows(rows, columns, month)) {
    const TableRow& row = rows[r];
    ImGui::TableNextRow();
    ImGui::PushID(row.id.c_str());
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(row.name.c_str());
    if (row.full_name != row.name) itemTooltip(row.full_name.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(row.group.c_str());
    for (size_t c = 0; c < columns.size(); ++c) {
      ImGui::TableSetColumnIndex(static_cast<int>(c) + 2);
      const double v = columnValue(columns[c], row.columns[c], month);
      textRightAligned(cellText(v, columns[c].unit).c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace cp::app
