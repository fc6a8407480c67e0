#include "i18n/problem_text.h"

#include "i18n/i18n.h"

#include <fmt/args.h>

namespace cp::i18n {

namespace {
// A template of placeholders and line breaks only (cp::lines) has no words to translate.
bool wordless(const std::string& format) { return format.find_first_not_of("{}\n") == std::string::npos; }
}  // namespace

std::string messageText(const Message& why) {
  if (why.format.empty() || english()) return why.text;
  const char* format = wordless(why.format) ? why.format.c_str() : tr(why.format.c_str());
  if (why.format == format && !wordless(why.format)) return why.text;  // untranslated: all English, not half
  if (why.args.empty()) return format;  // a fixed sentence ("a list of {chip, units}": braces as written)
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  size_t part = 0;
  for (size_t i = 0; i < why.args.size(); ++i) {
    const bool is_phrase = i < 32 && ((why.phrases >> i) & 1u), is_nested = i < 32 && ((why.nested >> i) & 1u);
    if (is_nested && part < why.parts.size())
      args.push_back(messageText(why.parts[part++]));
    else
      args.push_back(std::string(is_phrase ? tr(why.args[i].c_str()) : why.args[i].c_str()));
  }
  try {
    return fmt::vformat(format, args);
  } catch (const fmt::format_error&) {
    return why.text;  // a translator's slip: the English
  }
}

std::string problemReason(const Problem& p) { return p.why.format.empty() ? p.message : messageText(p.why); }

std::string problemLine(const Problem& p) { return p.line(problemReason(p), tr("(document)")); }

}  // namespace cp::i18n
