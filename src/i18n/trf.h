// fmt formatting of a translated format string: trf("{} of {} teams", a, b). A translation
// whose placeholders do not fit the arguments falls back to the English format rather than
// throwing, so a translator's slip never takes the program down.
#pragma once

#include "i18n/i18n.h"

#include <fmt/format.h>

#include <string>

namespace cp::i18n {

template <class... Args>
std::string trf(const char* msgid, const Args&... args) {
  const char* t = tr(msgid);
  try {
    return fmt::vformat(t, fmt::make_format_args(args...));
  } catch (const fmt::format_error&) {
    return fmt::vformat(msgid, fmt::make_format_args(args...));
  }
}

}  // namespace cp::i18n
