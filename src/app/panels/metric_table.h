// A sortable table of entities (rows) by metric columns in one month: what the Companies
// and Chips tabs show. ImGui tables API; click a header to sort, hover it for its meaning.
#pragma once

#include "app/core/chart_specs.h"
#include "app/core/dashboard_data.h"

#include <vector>

namespace cp::app {

struct MetricTableLabels {
  const char* id;            // ImGui table id
  const char* name_header;   // "Company"
  const char* group_header;  // "HQ"
};

void drawMetricTable(const MetricTableLabels& labels, const std::vector<TableRow>& rows,
                     const std::vector<ColumnSpec>& columns, int month);

// Text right-aligned in the current table cell.
void textRightAligned(const char* text);

}  // namespace cp::app
