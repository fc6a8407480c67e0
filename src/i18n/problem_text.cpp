#include "i18n/problem_text.h"

#include "i18n/i18n.h"

#include <fmt/args.h>

namespace cp::i18n {

std::string messageText(const Message& why) {
  if (why.format.empty() || english()) return why.text;
  const char* format = tr(why.format.c_str());
  if (why.format == format) return why.text;  // untranslated: all English, not half
  if (why.args.empty()) return format;        // a fixed sentence ("a list of {chip, units}": braces as written)
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (size_t i = 0; i < why.args.size(); ++i)
    args.push_back(std::string(i < 32 && ((why.phrases >> i) & 1u) ? tr(why.args[i].c_str()) : why.args[i].c_str()));
  try {
    return fmt::vformat(format, args);
  } catch (const fmt::format_error&) {
    return why.text;  // a translator's slip: the English
  }
}

std::string problemReason(const Problem& p) { return p.why.format.empty() ? p.message : messageText(p.why); }

std::string problemLine(const Problem& p) {
  return p.file + ": " + (p.pointer.empty() ? std::string(tr("(document)")) : p.pointer) + ": " + problemReason(p);
}

}  // namespace cp::i18n
