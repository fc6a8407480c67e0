#include "cli/cli.h"
#include "i18n/problem_text.h"
#include "cli/commands.h"
#include "cli/scenario_files.h"
#include "engine/loader.h"
#include "engine/sources.h"
#include "i18n/trf.h"

namespace cp::cli {

Command addValidate(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files,
                 i18n::tr("Scenario files to check (the source list is checked as one; a JSON Schema is skipped)"))
      ->required();
  return [files](std::ostream& out, std::ostream& err) -> int {
    int bad = 0, checked = 0;
    for (const std::string& f : *files) {
      std::vector<Problem> problems;
      // The source list is checked as one; a schema or a folder is skipped with a word.
      const FileKind kind = kindOf(f);
      if (kind == FileKind::Schema || kind == FileKind::Folder) {
        out << skipNote(f, kind);
        continue;
      }
      ++checked;
      size_t sources = 0;
      if (kind == FileKind::SourceList) {
        try {
          sources = loadSources(f).sources.size();
        } catch (const LoadError& e) {
          problems = e.problems();
        }
      } else {
        problems = validateScenarioFile(f);
      }
      if (problems.empty()) {
        out << i18n::trf("ok: {}", f);
        if (kind == FileKind::SourceList) out << i18n::trf(" (a source list, {} sources)", sources);
        out << "\n";
        continue;
      }
      ++bad;
      for (const Problem& p : problems) err << i18n::problemLine(p) << "\n";
    }
    if (bad) err << i18n::trf("{} of {} file(s) have problems\n", bad, files->size());
    // Only folders or schemas named: nothing was checked, which a CI step must not take for a pass.
    if (checked == 0) {
      err << i18n::trf("chokepoint-cli: nothing to validate: no scenario or source list among the {} argument(s)\n",
                       files->size());
      return kUsage;
    }
    return bad ? kUsage : kOk;
  };
}

}  // namespace cp::cli
