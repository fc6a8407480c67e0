#include "i18n/po.h"

#include <cctype>
#include <cstdlib>

namespace cp::i18n {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `"..."` -> its contents (still escaped); false when the line is not one quoted string.
bool quoted(std::string_view s, std::string_view& inner) {
  s = trim(s);
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  // The closing quote must not be escaped: count the backslashes before it.
  size_t n = 0;
  for (size_t i = s.size() - 1; i > 1 && s[i - 1] == '\\'; --i) ++n;
  if (n % 2 == 1) return false;
  inner = s.substr(1, s.size() - 2);
  return true;
}

// Which string of the entry a continuation line extends.
enum class Field { None, Ctxt, Id, IdPlural, Str };

}  // namespace

std::string unescapePo(std::string_view s, bool* ok) {
  std::string out;
  out.reserve(s.size());
  bool good = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (i + 1 >= s.size()) {
      good = false;
      out += '\\';
      break;
    }
    const char c = s[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '?': out += '?'; break;
      case 'x': {
        size_t j = i + 1;
        int v = 0;
        while (j < s.size() && j < i + 3 && std::isxdigit(static_cast<unsigned char>(s[j]))) {
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(s[j])) ? s[j] - '0' : (std::tolower(s[j]) - 'a' + 10));
          ++j;
        }
        if (j == i + 1) {
          good = false;
          out += "\\x";
        } else {
          out += static_cast<char>(v);
          i = j - 1;
        }
        break;
      }
      default:
        if (c >= '0' && c <= '7') {
          size_t j = i;
          int v = 0;
          while (j < s.size() && j < i + 3 && s[j] >= '0' && s[j] <= '7') v = v * 8 + (s[j++] - '0');
          out += static_cast<char>(v);
          i = j - 1;
        } else {
          good = false;
          out += '\\';
          out += c;
        }
    }
  }
  if (ok) *ok = good;
  return out;
}

PoFile parsePo(std::string_view text, std::string_view name) {
  PoFile file;
  PoEntry cur;
  bool cur_has_id = false, cur_bad = false, next_fuzzy = false;
  Field field = Field::None;
  int line_no = 0;
  auto problem = [&](int line, const std::string& why) {
    file.problems.push_back(std::string(name) + ":" + std::to_string(line) + ": " + why);
  };
  auto finish = [&] {
    if (cur_has_id && !cur_bad) {
      if (cur.msgstr.empty())
        problem(cur.line, "msgid without msgstr");
      else if (!cur.obsolete)
        file.entries.push_back(std::move(cur));
    }
    cur = PoEntry{};
    cur_has_id = cur_bad = false;
    field = Field::None;
  };
  // Appends a quoted string to the field being read.
  auto append = [&](std::string_view q, Field f) {
    std::string_view inner;
    if (!quoted(q, inner)) {
      problem(line_no, "expected a quoted string");
      cur_bad = true;
      return;
    }
    bool ok = true;
    std::string s = unescapePo(inner, &ok);
    if (!ok) problem(line_no, "unknown escape sequence in \"" + std::string(inner) + "\"");
    switch (f) {
      case Field::Ctxt: cur.context += s; break;
      case Field::Id: cur.msgid += s; break;
      case Field::IdPlural: cur.msgid_plural += s; break;
      case Field::Str: cur.msgstr.back() += s; break;
      case Field::None: problem(line_no, "string outside an entry"); break;
    }
  };

  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte-order mark
  while (pos <= text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view line = trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (line.empty()) {
      // A blank line ends an entry only once it has its msgstr.
      if (field == Field::Str) finish();
      continue;
    }
    bool obsolete = false;
    if (line.substr(0, 2) == "#~") {
      obsolete = true;
      line = trim(line.substr(2));
    } else if (line[0] == '#') {
      if (field == Field::Str) finish();
      if (line.substr(0, 2) == "#," && line.find("fuzzy") != std::string_view::npos) next_fuzzy = true;
      continue;
    }
    if (line[0] == '"') {
      append(line, field);
      continue;
    }
    const size_t sp = line.find_first_of(" \t");
    const std::string_view kw = line.substr(0, sp);
    const std::string_view rest = sp == std::string_view::npos ? std::string_view{} : line.substr(sp + 1);
    auto start = [&] {
      if (field == Field::Str) finish();
      if (!cur_has_id && cur.line == 0) {
        cur.line = line_no;
        cur.fuzzy = next_fuzzy;
        next_fuzzy = false;
      }
      cur.obsolete = cur.obsolete || obsolete;
    };
    if (kw == "msgctxt") {
      start();
      append(rest, field = Field::Ctxt);
    } else if (kw == "msgid") {
      start();
      cur_has_id = true;
      append(rest, field = Field::Id);
    } else if (kw == "msgid_plural") {
      if (!cur_has_id) problem(line_no, "msgid_plural before msgid");
      append(rest, field = Field::IdPlural);
    } else if (kw == "msgstr" || kw.substr(0, 7) == "msgstr[") {
      if (!cur_has_id) {
        problem(line_no, "msgstr before msgid");
        cur_bad = true;
        cur_has_id = true;
      }
      if (kw != "msgstr") {
        const size_t close = kw.find(']');
        const int idx = close == std::string_view::npos ? -1 : std::atoi(std::string(kw.substr(7, close - 7)).c_str());
        if (idx != static_cast<int>(cur.msgstr.size())) {
          problem(line_no, "plural forms out of order: " + std::string(kw));
          cur_bad = true;
        }
      }
      cur.msgstr.emplace_back();
      append(rest, field = Field::Str);
    } else {
      problem(line_no, "unknown keyword '" + std::string(kw) + "'");
      cur_bad = true;
    }
  }
  finish();
  return file;
}

}  // namespace cp::i18n
