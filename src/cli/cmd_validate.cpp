#include "cli/cli.h"
#include "cli/commands.h"
#include "engine/loader.h"
#include "i18n/trf.h"

namespace cp::cli {

Command addValidate(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files, "Scenario files to check")->required();
  return [files](std::ostream& out, std::ostream& err) -> int {
    int bad = 0;
    for (const std::string& f : *files) {
      const auto problems = validateScenarioFile(f);
      if (problems.empty()) {
        out << i18n::trf("ok: {}\n", f);
        continue;
      }
      ++bad;
      for (const Problem& p : problems) err << p.str() << "\n";
    }
    if (bad) err << i18n::trf("{} of {} file(s) have problems\n", bad, files->size());
    return bad ? kUsage : kOk;
  };
}

}  // namespace cp::cli
