#include "cli/parse_errors.h"

#include <regex>

#include <fmt/args.h>

#include "i18n/trf.h"

namespace cp::cli {

namespace {

// CLI11's wordings (Error.hpp, Validators.hpp), each as a pattern and a catalogue format
// whose English is the wording itself, its placeholders the pattern's groups in order.
struct Wording {
  std::regex pattern;
  const char* format;
};

const std::vector<Wording>& wordings() {
  static const std::vector<Wording> kWordings = [] {
    auto w = [](const char* pattern, const char* format) { return Wording{std::regex(pattern), format}; };
    return std::vector<Wording>{
        w("A subcommand is required", N_("A subcommand is required")),
        w("(.+) is required", N_("{} is required")),
        w("The following argument was not expected: (.+)", N_("The following argument was not expected: {}")),
        w("The following arguments were not expected: (.+)", N_("The following arguments were not expected: {}")),
        w("(.+): (\\d+) required (\\S+) missing", N_("{}: {} required {} missing")),
        w("(.+): Value (.+) not in range (.+) to (.+)", N_("{}: Value {} not in range {} to {}")),
        w("(.+): (.+) not in (\\{.*\\})", N_("{}: {} not in {}")),
        w("Could not convert: (.+) = (.+)", N_("Could not convert: {} = {}")),
        w("(.+) requires (.+)", N_("{} requires {}")),
        w("(.+) excludes (.+)", N_("{} excludes {}")),
        w("(.+) was given a disallowed flag override", N_("{} was given a disallowed flag override")),
        w("(.+): Should be true/false or a number", N_("{}: Should be true/false or a number")),
    };
  }();
  return kWordings;
}

}  // namespace

std::string localParseError(const std::string& what) {
  if (i18n::english()) return what;
  std::smatch m;
  for (const Wording& w : wordings()) {
    if (!std::regex_match(what, m, w.pattern)) continue;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (size_t i = 1; i < m.size(); ++i) args.push_back(m[i].str());
    try {
      return fmt::vformat(i18n::tr(w.format), args);
    } catch (const fmt::format_error&) {
      return what;  // a translator's slip: CLI11's own words
    }
  }
  return what;
}

std::string langArgument(const std::vector<std::string>& args) {
  std::string lang;
  for (size_t i = 0; i < args.size(); ++i) {  // the last one given wins, as in the parser
    if (args[i] == "--lang" && i + 1 < args.size()) lang = args[i + 1];
    if (args[i].starts_with("--lang=")) lang = args[i].substr(7);
  }
  return lang;
}

}  // namespace cp::cli
