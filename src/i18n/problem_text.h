// A scenario file's problem (file, JSON pointer, reason) in the current language: the
// engine keeps each reason as an English template with its arguments (engine/problems.h);
// this looks the template and its phrase arguments up in the catalogue. A reason without a
// translation, or one composed elsewhere (a JSON parser's words), stays English.
//
//   err << cp::i18n::problemLine(p) << "\n";   // "f.json: /chips/3/price_usd: має бути >= 0, ..."
#pragma once

#include "engine/problems.h"

#include <string>

namespace cp::i18n {

// A reason (or a LeverError's why()) in the current language.
std::string messageText(const Message& why);
std::string problemReason(const Problem& p);
// "file: pointer: reason", as Problem::str() writes it in English.
std::string problemLine(const Problem& p);

}  // namespace cp::i18n
