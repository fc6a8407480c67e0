#include "app/core/settings.h"

#include "i18n/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace cp::app {

namespace {

std::filesystem::path absoluteOrEmpty(const char* value) {
  if (!value || !*value) return {};
  std::filesystem::path p(value);
  return p.is_absolute() ? p : std::filesystem::path();
}

void appendWarning(std::string* warning, const std::string& text) {
  if (!warning) return;
  if (!warning->empty()) *warning += "; ";
  *warning += text;
}

}  // namespace

UserDirs userDirs(const char* xdg_config_home, const char* xdg_data_home, const char* home) {
  UserDirs dirs;
  const auto home_dir = absoluteOrEmpty(home);
  auto config_base = absoluteOrEmpty(xdg_config_home);
  if (config_base.empty() && !home_dir.empty()) config_base = home_dir / ".config";
  auto data_base = absoluteOrEmpty(xdg_data_home);
  if (data_base.empty() && !home_dir.empty()) data_base = home_dir / ".local" / "share";
  if (!config_base.empty()) dirs.config = config_base / "chokepoint";
  if (!data_base.empty()) dirs.data = data_base / "chokepoint";
  return dirs;
}

UserDirs userDirsFromEnv() {
  return userDirs(std::getenv("XDG_CONFIG_HOME"), std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
}

std::string settingsToJson(const Settings& settings) {
  nlohmann::json doc = {
      {"window", {{"width", settings.window_width}, {"height", settings.window_height}}},
      {"theme", std::string(themeName(settings.theme))},
      {"recent_files", settings.recent_files},
      {"language", settings.language},
  };
  return doc.dump(2) + "\n";
}

Settings settingsFromJson(std::string_view text, std::string* warning) {
  Settings s;
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    appendWarning(warning, "not a JSON object; using defaults");
    return s;
  }
  const auto read_side = [&](const char* key, int& out) {
    const auto window = doc.find("window");
    if (window == doc.end() || !window->is_object()) return;
    const auto v = window->find(key);
    if (v == window->end()) return;
    if (!v->is_number_integer() || v->get<long long>() < kMinWindowSide || v->get<long long>() > kMaxWindowSide) {
      appendWarning(warning, std::string("/window/") + key + ": expected an integer in [" +
                                 std::to_string(kMinWindowSide) + ", " + std::to_string(kMaxWindowSide) + "], found " +
                                 v->dump());
      return;
    }
    out = v->get<int>();
  };
  read_side("width", s.window_width);
  read_side("height", s.window_height);
  if (const auto t = doc.find("theme"); t != doc.end()) {
    const auto theme = t->is_string() ? parseTheme(t->get<std::string>()) : std::nullopt;
    if (theme) {
      s.theme = *theme;
    } else {
      appendWarning(warning, "/theme: expected \"dark\", \"light\" or \"presenter\", found " + t->dump());
    }
  }
  if (const auto l = doc.find("language"); l != doc.end()) {
    if (l->is_string() && cp::i18n::knownLanguage(l->get<std::string>())) {
      s.language = l->get<std::string>();
    } else {
      appendWarning(warning, "/language: expected \"en\" or \"uk\", found " + l->dump());
    }
  }
  if (const auto r = doc.find("recent_files"); r != doc.end()) {
    bool ok = r->is_array();
    if (ok) {
      for (const auto& f : *r) {
        if (!f.is_string() || f.get<std::string>().empty()) {
          ok = false;
          continue;
        }
        if (s.recent_files.size() < kMaxRecentFilesInSettings) s.recent_files.push_back(f.get<std::string>());
      }
    }
    if (!ok) appendWarning(warning, "/recent_files: expected a list of file names, found " + r->dump());
  }
  return s;
}

std::optional<std::string> readTextFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

Settings loadSettings(const std::filesystem::path& file, std::string* warning) {
  std::error_code ec;
  if (file.empty() || !std::filesystem::exists(file, ec)) return Settings{};
  const auto text = readTextFile(file);
  if (!text) {
    appendWarning(warning, file.string() + ": cannot read; using defaults");
    return Settings{};
  }
  std::string problems;
  Settings s = settingsFromJson(*text, &problems);
  if (!problems.empty()) appendWarning(warning, file.string() + ": " + problems);
  return s;
}

bool saveSettings(const std::filesystem::path& file, const Settings& settings, std::string* error) {
  return writeFileAtomically(file, settingsToJson(settings), error);
}

bool writeFileAtomically(const std::filesystem::path& file, std::string_view contents, std::string* error) {
  const auto fail = [&](const std::string& what) {
    if (error) *error = what;
    return false;
  };
  if (file.empty()) return fail("no file name");
  std::error_code ec;
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return fail("cannot create " + file.parent_path().string() + ": " + ec.message());
  }
  const std::filesystem::path tmp = file.string() + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot create " + tmp.string() + ": " + std::strerror(errno));
  const char* p = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string msg = std::strerror(errno);
      ::close(fd);
      std::filesystem::remove(tmp, ec);
      return fail("cannot write " + tmp.string() + ": " + msg);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const int sync_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    const std::string msg = std::strerror(synced ? errno : sync_errno);
    std::filesystem::remove(tmp, ec);
    return fail("cannot flush " + tmp.string() + ": " + msg);
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return fail("cannot replace " + file.string() + ": " + ec.message());
  }
  return true;
}

}  // namespace cp::app
