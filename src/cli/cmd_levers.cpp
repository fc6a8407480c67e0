#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/scenario_args.h"
#include "engine/levers.h"
#include "i18n/i18n.h"

namespace cp::cli {

Command addLevers(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  app.add_option("scenario", *path, "Scenario file (JSON)")->required();
  return [path](std::ostream& out, std::ostream& err) -> int {
    auto s = loadWithLevers(*path, {}, err);
    if (!s) return kUsage;
    // Column names and ids stay English (scripts read them); labels follow --lang.
    out << fmt::format("{:<32} {:<7} {:<10} {:<24} {}\n", cp::i18n::tr("id"), cp::i18n::tr("kind"),
                       cp::i18n::tr("value"), cp::i18n::tr("range"), cp::i18n::tr("label"));
    for (size_t i = 0; i < s->levers.size(); ++i) {
      const Lever& l = s->levers[i];
      const std::string range = formatLeverRange(l);
      std::string value = formatLeverValue(l, l.value);
      for (const auto& v : leverScheduleStrings(*s, static_cast<int>(i))) value += "," + v;
      out << fmt::format("{:<32} {:<7} {:<10} {:<24} {}\n", l.id, toString(l.kind), value, range,
                         cp::i18n::tr(l.label));
    }
    return kOk;
  };
}

}  // namespace cp::cli
