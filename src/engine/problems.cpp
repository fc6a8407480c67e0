#include "engine/problems.h"

#include <algorithm>

#include <fmt/args.h>

namespace cp {

std::string detail::render(const std::string& format, const std::vector<std::string>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& a : args) store.push_back(a);
  try {
    return fmt::vformat(format, store);
  } catch (const fmt::format_error&) {  // templates take "{}" only (arguments are text)
    return format;
  }
}

Message lines(const std::vector<Message>& reasons) {
  if (reasons.size() > 32) {  // a Message marks 32 arguments: lines of lines beyond that
    std::vector<Message> blocks;
    for (size_t i = 0; i < reasons.size(); i += 32)
      blocks.push_back(lines({reasons.begin() + static_cast<std::ptrdiff_t>(i),
                              reasons.begin() + static_cast<std::ptrdiff_t>(std::min(i + 32, reasons.size()))}));
    return lines(blocks);
  }
  Message r;
  for (const Message& m : reasons) {
    if (!r.args.empty()) r.format += '\n';
    r.format += "{}";
    detail::addArg(r, m);
  }
  r.text = detail::render(r.format, r.args);
  return r;
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
