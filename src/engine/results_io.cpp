#include "engine/results_io.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/month.h"

namespace cp {

namespace {
void clampRange(const Results& r, WriteRange& w, int& t0, int& t1) {
  t0 = w.from < 0 ? 0 : std::max(0, r.monthIndex(w.from));
  t1 = w.to < 0 ? r.months() - 1 : std::min(r.months() - 1, r.monthIndex(w.to));
}
}  // namespace

void writeCsv(std::ostream& out, const Results& r, WriteRange range, bool header, const std::string& tag_columns,
              const std::string& tag_values) {
  int t0 = 0, t1 = 0;
  clampRange(r, range, t0, t1);
  if (header) out << (tag_columns.empty() ? "" : tag_columns + ",") << "month,scope,id,metric,value\n";
  const std::string prefix = tag_values.empty() ? "" : tag_values + ",";
  std::string line;
  for (int t = t0; t <= t1; ++t) {
    const std::string month = formatMonth(r.start() + t);
    for (size_t i = 0; i < r.size(); ++i) {
      const SeriesKey& k = r.keys()[i];
      line.clear();
      fmt::format_to(std::back_inserter(line), "{}{},{},{},{},{}\n", prefix, month, toString(k.scope), k.id, k.metric,
                     r.series(static_cast<int>(i))[t]);
      out << line;
    }
  }
}

void writeJson(std::ostream& out, const Results& r, WriteRange range) {
  int t0 = 0, t1 = 0;
  clampRange(r, range, t0, t1);
  nlohmann::json j;
  j["scenario"] = r.scenario_name;
  j["seed"] = r.seed;
  j["version"] = r.version;
  j["partial"] = r.partial;
  nlohmann::json levers = nlohmann::json::object();
  for (const auto& [id, v] : r.lever_values) levers[id] = v;
  j["levers"] = levers;
  nlohmann::json months = nlohmann::json::array();
  for (int t = t0; t <= t1; ++t) months.push_back(formatMonth(r.start() + t));
  j["months"] = months;
  nlohmann::json series = nlohmann::json::array();
  for (size_t i = 0; i < r.size(); ++i) {
    const SeriesKey& k = r.keys()[i];
    const double* s = r.series(static_cast<int>(i));
    series.push_back({{"scope", toString(k.scope)},
                      {"id", k.id},
                      {"metric", k.metric},
                      {"values", std::vector<double>(s + t0, s + t1 + 1)}});
  }
  j["series"] = series;
  out << j.dump(1) << "\n";
}

std::string cannotWrite(const std::string& path, int error) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(path).parent_path();
  std::error_code ec;
  if (error == ENOENT && !dir.empty() && !fs::is_directory(dir, ec))
    return fmt::format("cannot write {}: there is no directory {}", path, dir.string());
  return fmt::format("cannot write {}: {}", path, std::strerror(error));
}

std::string writeFileAtomic(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / (target.filename().string() + fmt::format(".tmp{}", ::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return cannotWrite(path, errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return cannotWrite(path, error);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(tmp.c_str());
    return cannotWrite(path, error);
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    ::unlink(tmp.c_str());
    return fmt::format("cannot replace {}: {}", path, ec.message());
  }
  return {};
}

}  // namespace cp
