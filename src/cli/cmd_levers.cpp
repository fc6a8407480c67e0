#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "engine/levers.h"
#include "i18n/i18n.h"

namespace cp::cli {

Command addLevers(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  app.add_option("scenario", *path, i18n::tr("Scenario file (JSON)"))->required();
  return [path](std::ostream& out, std::ostream& err) -> int {
    auto s = loadWithLevers(*path, {}, err);
    if (!s) return kUsage;
    // Column names and ids stay English (scripts read them); labels follow --lang. A value
    // is written as --lever takes it, a schedule whole ("on;off@2025-05;on@2026-06").
    std::vector<std::array<std::string, 5>> rows = {{cp::i18n::tr("id"), cp::i18n::tr("kind"), cp::i18n::tr("value"),
                                                     cp::i18n::tr("range"), cp::i18n::tr("label")}};
    for (size_t i = 0; i < s->levers.size(); ++i) {
      const Lever& l = s->levers[i];
      rows.push_back({l.id, toString(l.kind), leverScheduleText(*s, static_cast<int>(i)), formatLeverRange(l),
                      cp::i18n::tr(l.label)});
    }
    std::array<size_t, 4> width{};
    for (const auto& r : rows)
      for (size_t c = 0; c < width.size(); ++c) width[c] = std::max(width[c], displayWidth(r[c]));
    for (const auto& r : rows) {
      for (size_t c = 0; c < width.size(); ++c) out << r[c] << std::string(width[c] - displayWidth(r[c]) + 1, ' ');
      out << r[4] << "\n";
    }
    return kOk;
  };
}

}  // namespace cp::cli
