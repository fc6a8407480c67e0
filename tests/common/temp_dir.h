// A fresh directory under the system temp dir, removed with everything in it.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace cp::test {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};  // unique names within this test process
    path_ = std::filesystem::temp_directory_path() /
            ("chokepoint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

}  // namespace cp::test
