#include "engine/problems.h"

namespace cp {

std::string Problem::str() const {
  std::string s = file;
  s += ": ";
  s += pointer.empty() ? std::string("(document)") : pointer;
  s += ": ";
  s += message;
  return s;
}

static std::string joinProblems(const std::vector<Problem>& ps) {
  std::string s;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (i) s += '\n';
    s += ps[i].str();
  }
  return s.empty() ? std::string("invalid scenario") : s;
}

LoadError::LoadError(std::vector<Problem> problems)
    : std::runtime_error(joinProblems(problems)), problems_(std::move(problems)) {}

}  // namespace cp
