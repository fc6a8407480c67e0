// A JSON syntax error in words a person (and a catalogue) can use. nlohmann/json says
// "[json.exception.parse_error.101] parse error at line 3, column 17: syntax error while
// parsing object key - unexpected '}'; expected string literal"; this keeps the place and
// the cause, names the commonest slips (a last comma, a word without quotes) and leaves the
// library's exception name out.
#include <regex>

#include "engine/json_doc.h"

namespace cp {

namespace {

// The library's words that take a translation (tools/i18n_extract.sh reads N_).
#define N_(s) s
constexpr const char* kWords[] = {
    N_("true literal"),
    N_("false literal"),
    N_("null literal"),
    N_("string literal"),
    N_("number literal"),
    N_("end of input"),
    N_("'[', '{', or a literal"),
    N_("unknown token"),
    N_("invalid literal"),
    N_("invalid string: missing closing quote"),
    N_("invalid string: ill-formed UTF-8 byte"),
    N_("invalid string: forbidden character after backslash"),
    N_("invalid string: '\\u' must be followed by 4 hex digits"),
    N_("invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"),
    N_("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF"),
    N_("invalid number; expected digit after '-'"),
    N_("invalid number; expected digit after '.'"),
    N_("invalid number; expected digit after exponent sign"),
    N_("invalid comment; missing closing '*/'"),
    N_("invalid comment; expecting '/' or '*' after '/'"),
    N_("invalid BOM; must be 0xEF 0xBB 0xBF if given"),
};
#undef N_

// One of kWords, translatable; anything else ("'}'") as it is.
Message word(const std::string& text) {
  for (const char* w : kWords)
    if (text == w) return Message(w);
  return Message::plain(text);
}

// `line` holds a month written as a bare value (2026-01), which JSON reads as 2026 and -1.
bool bareMonth(const std::string& line) {
  static const std::regex month(R"((^|[:\[,])\s*\d{4}-\d{1,2}([^\d"]|$))");
  return std::regex_search(line, month);
}

Message unexpected(const std::string& context, const std::string& token, const std::string& expected,
                   const std::string& line) {
  if ((context == "object key" && token == "'}'") || (context == "value" && token == "']'"))
    return reason("{} after a comma: remove the last comma before it", token);
  if (expected.empty()) return reason("unexpected {}", word(token));
  const bool closing = expected == "'}'" || expected == "']'";
  if (closing && token == "number literal" && bareMonth(line))
    return reason("unexpected {}; expected {} (a month needs double quotes: \"2026-01\")", word(token), word(expected));
  if (closing && (token == "string literal" || token == "number literal" || token == "'{'" || token == "'['"))
    return reason("unexpected {}; expected {} (is a comma missing before it?)", word(token), word(expected));
  return reason("unexpected {}; expected {}", word(token), word(expected));
}

// Line `n` (from 1) of `text`.
std::string lineOf(const std::string& text, long n) {
  std::size_t begin = 0;
  for (long i = 1; i < n && begin != std::string::npos; ++i) {
    begin = text.find('\n', begin);
    if (begin != std::string::npos) ++begin;
  }
  if (begin == std::string::npos || begin > text.size()) return {};
  return text.substr(begin, text.find('\n', begin) - begin);
}

// "<the lexer's message>; last read: '<text>'[; expected <token>]"
Message lexerError(const std::string& cause) {
  std::string message = cause, read, expected;
  if (const auto at = cause.find("; last read: '"); at != std::string::npos) {
    message = cause.substr(0, at);
    read = cause.substr(at + 14);
    if (const auto end = read.rfind("'; expected "); end != std::string::npos) {
      expected = read.substr(end + 12);
      read.erase(end);
    } else if (!read.empty() && read.back() == '\'') {
      read.pop_back();
    }
  }
  if (message == "invalid literal")
    return reason("invalid literal (read: '{}'): a word or a month needs double quotes, as in \"never\"", read);
  static const std::regex control(
      R"(invalid string: control character (U\+[0-9A-F]{4} \(\w+\)) must be escaped to (.*))");
  if (std::smatch m; std::regex_match(message, m, control)) {
    std::string escapes = m[2];
    if (const auto at = escapes.find(" or "); at != std::string::npos) escapes.replace(at, 4, " / ");
    return reason("invalid string: control character {} must be written as {}", m[1].str(), escapes);
  }
  if (!expected.empty()) return reason("{} (read: '{}'); expected {}", word(message), read, word(expected));
  return reason("{} (read: '{}')", word(message), read);
}

}  // namespace

Message jsonSyntaxReason(const std::string& what, const std::string& text) {
  static const std::regex shape(
      R"(parse error at line (\d+), column (\d+): syntax error (?:while parsing ([a-z ]+?) )?- (.*))");
  std::smatch m;
  if (!std::regex_search(what, m, shape)) return reason("not valid JSON: {}", what);
  const std::string context = m[3], rest = m[4];
  Message inner;
  if (rest.starts_with("unexpected ")) {
    const auto at = rest.rfind("; expected ");
    inner = unexpected(context, rest.substr(11, at == std::string::npos ? std::string::npos : at - 11),
                       at == std::string::npos ? "" : rest.substr(at + 11), lineOf(text, std::stol(m[1].str())));
  } else {
    inner = lexerError(rest);
  }
  return reason("not valid JSON: line {}, column {}: {}", m[1].str(), m[2].str(), inner);
}

}  // namespace cp
