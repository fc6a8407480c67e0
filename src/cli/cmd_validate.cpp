#include <filesystem>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/commands.h"
#include "engine/loader.h"
#include "engine/sources.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

// The scenarios folder also holds the JSON Schema the scenarios follow and the list of the
// sources they cite, so `validate scenarios/*.json` meets both: the schema is not a
// scenario, the source list is checked as one.
// A folder (`validate scenarios/*` meets calibration/, stories/...) is skipped with a word.
enum class Kind { Scenario, Schema, SourceList, Folder };

Kind kindOf(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Kind::Folder;
  if (!std::filesystem::is_regular_file(path, ec)) return Kind::Scenario;  // the loader says why
  std::ifstream in(path);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in, nullptr, false);
  } catch (const std::exception&) {
    return Kind::Scenario;  // unreadable: the loader says why
  }
  if (!doc.is_object()) return Kind::Scenario;  // the loader reports what is wrong
  if (doc.contains("$defs") || doc.value("$schema", "").find("json-schema.org") != std::string::npos)
    return Kind::Schema;
  if (doc.contains("sources") && doc["sources"].is_array() && !doc.contains("name") && !doc.contains("extends"))
    return Kind::SourceList;
  return Kind::Scenario;
}

}  // namespace

Command addValidate(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files,
                 "Scenario files to check (the source list is checked as one; a JSON Schema is skipped)")
      ->required();
  return [files](std::ostream& out, std::ostream& err) -> int {
    int bad = 0;
    for (const std::string& f : *files) {
      std::vector<Problem> problems;
      const Kind kind = kindOf(f);
      if (kind == Kind::Schema) {
        out << i18n::trf("skipped: {} (a JSON Schema, not a scenario)\n", f);
        continue;
      }
      if (kind == Kind::Folder) {
        std::filesystem::path dir = std::filesystem::path(f).lexically_normal();
        if (!dir.has_filename()) dir = dir.parent_path();  // "calibration/"
        out << i18n::trf("skipped: {} (a folder; name the files in it, e.g. {})\n", f, (dir / "*.json").string());
        continue;
      }
      size_t sources = 0;
      if (kind == Kind::SourceList) {
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
        if (kind == Kind::SourceList) out << i18n::trf(" (a source list, {} sources)", sources);
        out << "\n";
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
