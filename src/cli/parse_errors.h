// CLI11's usage errors in the language of --lang: CLI11 words them in English, so each known
// wording is matched and said again through the catalogue.
#pragma once

#include <string>
#include <vector>

namespace cp::cli {

// The message of a usage error CLI11 raised (`e.what()`), in the current language; a wording
// not known here, or English, comes back as it was.
std::string localParseError(const std::string& what);

// The value of --lang among the arguments, if any ("" if none): set before parsing, so the
// parser's own messages are in that language.
std::string langArgument(const std::vector<std::string>& args);

}  // namespace cp::cli
