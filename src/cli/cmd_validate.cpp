#include "cli/cli.h"
#include "cli/commands.h"
#include "engine/loader.h"

namespace cp::cli {

Command addValidate(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files, "Scenario files to check")->required();
  return [files](std::ostream& out, std::ostream& err) -> int {
    int bad = 0;
    for (const std::string& f : *files) {
      const auto problems = validateScenarioFile(f);
      if (problems.empty()) {
        out << "ok: " << f << "\n";
        continue;
      }
      ++bad;
      for (const Problem& p : problems) err << p.str() << "\n";
    }
    if (bad) err << bad << " of " << files->size() << " file(s) have problems\n";
    return bad ? kUsage : kOk;
  };
}

}  // namespace cp::cli
