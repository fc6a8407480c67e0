// Writing results: long CSV (month,scope,id,metric,value) and JSON with an echo of the run.
#pragma once
#include <ostream>
#include <string>

#include "engine/results.h"

namespace cp {

struct WriteRange {
  int from = -1, to = -1;
};  // absolute months; -1 = whole run

void writeCsv(std::ostream& out, const Results& r, WriteRange range = {}, bool header = true,
              const std::string& tag_columns = "", const std::string& tag_values = "");
void writeJson(std::ostream& out, const Results& r, WriteRange range = {});
// Writes `content` to `path` atomically: a temporary file beside it, flushed, then renamed.
// Returns an error message, or empty on success.
std::string writeFileAtomic(const std::string& path, const std::string& content);
// "cannot write PATH: REASON" for a failed open of PATH's temporary file (errno `error`):
// names the file the user asked for, and a missing directory as such.
std::string cannotWrite(const std::string& path, int error);

}  // namespace cp
