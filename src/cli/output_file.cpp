#include "cli/output_file.h"
#include "i18n/trf.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/interrupt.h"
#include "engine/results_io.h"

namespace cp::cli {

namespace {
// On the disk before the rename, so that a crash leaves the old file or the new one.
bool syncToDisk(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}
}  // namespace

OutputFile::~OutputFile() {
  if (file_.is_open()) file_.close();
  if (!tmp_.empty() && !committed_) {
    std::error_code ec;
    std::filesystem::remove(tmp_, ec);
  }
  releaseTemporaryFile(slot_);
}

bool OutputFile::open(const std::string& path, std::ostream& out, std::ostream& err) {
  out_ = &out;
  if (path.empty() || path == "-") return true;
  path_ = path;
  const std::filesystem::path target(path);
  tmp_ = (target.parent_path() / (target.filename().string() + fmt::format(".tmp{}", ::getpid()))).string();
  slot_ = registerTemporaryFile(tmp_);  // before the file exists, so no signal can orphan it
  file_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    err << "chokepoint-cli: " << cp::cannotWrite(path, errno) << "\n";
    tmp_.clear();
    releaseTemporaryFile(std::exchange(slot_, -1));
    return false;
  }
  return true;
}

int OutputFile::commit(std::ostream& err) {
  if (!file_.is_open()) {
    out_->flush();
    return kOk;
  }
  file_.flush();
  const bool ok = static_cast<bool>(file_);
  file_.close();
  if (!ok || file_.fail() || !syncToDisk(tmp_)) {
    err << i18n::trf("chokepoint-cli: cannot write {}: the write failed (is the disk full?)\n", path_);
    return kFailure;
  }
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) {
    err << i18n::trf("chokepoint-cli: cannot replace {}: {}\n", path_, ec.message());
    return kFailure;
  }
  committed_ = true;
  return kOk;
}

}  // namespace cp::cli
