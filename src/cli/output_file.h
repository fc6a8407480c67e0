// Streaming output for commands whose results are too large to hold as one string:
// standard output, or a temporary file beside the target renamed into place on commit(),
// so a reader never sees half a file. The temporary file is deleted on every way out but
// SIGKILL: an error, an exception, or a signal that abandons the command (interrupt.h).
//
//   OutputFile f;
//   if (!f.open(path, out, err)) return kFailure;
//   f.stream() << ...;
//   return f.commit(err);      // kOk, or kFailure with a message
#pragma once
#include <fstream>
#include <ostream>
#include <string>

namespace cp::cli {

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Path empty or "-": standard output (`out`).
  bool open(const std::string& path, std::ostream& out, std::ostream& err);
  std::ostream& stream() { return file_.is_open() ? file_ : *out_; }
  int commit(std::ostream& err);
  // The temporary file being written (empty for standard output).
  const std::string& temporaryPath() const { return tmp_; }

 private:
  std::ostream* out_ = nullptr;
  std::ofstream file_;
  std::string path_, tmp_;
  bool committed_ = false;
  int slot_ = -1;  // registerTemporaryFile()
};

}  // namespace cp::cli
