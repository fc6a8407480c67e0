#include "paths/data_dirs.h"

#include <algorithm>
#include <system_error>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace cp::paths {

namespace fs = std::filesystem;

std::vector<fs::path> dataRootCandidates(const fs::path& exe_dir, const fs::path& bin_to_data,
                                         const fs::path& source_dir) {
  std::vector<fs::path> roots;
  auto add = [&](const fs::path& p) {
    const fs::path normal = p.lexically_normal();
    if (std::find(roots.begin(), roots.end(), normal) == roots.end()) roots.push_back(normal);
  };
  if (!exe_dir.empty()) {
    if (!bin_to_data.empty()) add(exe_dir / bin_to_data);
    add(exe_dir);
  }
  if (!source_dir.empty()) add(source_dir);
  return roots;
}

fs::path executableDir() {
  std::error_code ec;
  fs::path exe;
#if defined(_WIN32)
  std::wstring buf(32768, L'\0');
  const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
  if (n > 0 && n < buf.size()) exe = fs::path(buf.substr(0, n));
#elif defined(__APPLE__)
  uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::string buf(size, '\0');
  if (_NSGetExecutablePath(buf.data(), &size) == 0) exe = fs::weakly_canonical(buf.c_str(), ec);
#else
  exe = fs::read_symlink("/proc/self/exe", ec);  // Linux; absent in a browser build
#endif
  if (ec || exe.empty() || !exe.is_absolute()) return {};
  return exe.parent_path();
}

std::vector<fs::path> dataRoots() {
#ifdef CHOKEPOINT_DATA_FROM_BIN
  const fs::path bin_to_data = CHOKEPOINT_DATA_FROM_BIN;
#else
  const fs::path bin_to_data;
#endif
#ifdef CHOKEPOINT_SOURCE_DIR
  const fs::path source_dir = CHOKEPOINT_SOURCE_DIR;
#else
  const fs::path source_dir;
#endif
  return dataRootCandidates(executableDir(), bin_to_data, source_dir);
}

std::vector<fs::path> dataDirs(const fs::path& sub) {
  std::vector<fs::path> dirs;
  for (const fs::path& root : dataRoots()) dirs.push_back(root / sub);
  return dirs;
}

std::optional<fs::path> findData(const std::vector<fs::path>& roots, const fs::path& relative) {
  for (const fs::path& root : roots) {
    std::error_code ec;
    const fs::path candidate = root / relative;
    if (fs::exists(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

std::string dataRootText() {
  const auto scenarios = findData(dataRoots(), "scenarios");
  return scenarios ? scenarios->parent_path().string() : "not found";
}

}  // namespace cp::paths
