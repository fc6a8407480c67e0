#include "cli/scenario_files.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "i18n/trf.h"

namespace cp::cli {

FileKind kindOf(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return FileKind::Folder;
  if (!std::filesystem::is_regular_file(path, ec)) return FileKind::Scenario;  // the loader says why
  std::ifstream in(path);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in, nullptr, false);
  } catch (const std::exception&) {
    return FileKind::Scenario;  // unreadable: the loader says why
  }
  if (!doc.is_object()) return FileKind::Scenario;  // the loader reports what is wrong
  if (doc.contains("$defs") || doc.value("$schema", "").find("json-schema.org") != std::string::npos)
    return FileKind::Schema;
  if (doc.contains("sources") && doc["sources"].is_array() && !doc.contains("name") && !doc.contains("extends"))
    return FileKind::SourceList;
  return FileKind::Scenario;
}

std::string skipNote(const std::string& path, FileKind kind) {
  switch (kind) {
    case FileKind::Scenario: return {};
    case FileKind::Schema: return i18n::trf("skipped: {} (a JSON Schema, not a scenario)\n", path);
    case FileKind::SourceList: return i18n::trf("skipped: {} (a source list, not a scenario)\n", path);
    case FileKind::Folder: {
      std::filesystem::path dir = std::filesystem::path(path).lexically_normal();
      if (!dir.has_filename()) dir = dir.parent_path();  // "calibration/"
      return i18n::trf("skipped: {} (a folder; name the files in it, e.g. {})\n", path, (dir / "*.json").string());
    }
  }
  return {};
}

std::vector<std::string> scenarioFilesOnly(const std::vector<std::string>& paths, std::ostream& notes) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    const FileKind kind = kindOf(p);
    if (kind == FileKind::Scenario)
      out.push_back(p);
    else
      notes << skipNote(p, kind);
  }
  return out;
}

}  // namespace cp::cli
