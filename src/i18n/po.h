// GNU gettext PO files: a small parser, enough for the catalogues translators write with
// Poedit, Weblate or msgmerge. No libintl (the browser build has none), no GUI.
//
//   PoFile f = parsePo(text, "uk.po");
//   for (const PoEntry& e : f.entries) if (!e.fuzzy && e.translated()) ...
//   for (const std::string& p : f.problems) ...   // "uk.po:12: ..."
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cp::i18n {

struct PoEntry {
  std::string context;              // msgctxt ("" when none)
  std::string msgid, msgid_plural;  // msgid_plural empty for ordinary entries
  std::vector<std::string> msgstr;  // msgstr, or msgstr[0], msgstr[1]... for plurals
  bool fuzzy = false;               // "#, fuzzy": a guess a translator has not checked
  bool obsolete = false;            // "#~" entries msgmerge keeps for reference
  int line = 0;                     // where the entry starts (1-based)
  // Has a non-empty first translation (what tr() uses).
  bool translated() const { return !msgstr.empty() && !msgstr[0].empty(); }
};

struct PoFile {
  std::vector<PoEntry> entries;       // the header (msgid "") included, obsolete ones left out
  std::vector<std::string> problems;  // "name:line: reason"; the entry at fault is skipped
};

// Never throws; malformed lines are reported in problems and skipped.
PoFile parsePo(std::string_view text, std::string_view name);

// The C escapes of a quoted PO string (\n \t \" \\ \r \a \b \f \v \ooo \xHH) resolved.
// ok=false on an unknown or truncated escape (the text is kept as written).
std::string unescapePo(std::string_view s, bool* ok = nullptr);

}  // namespace cp::i18n
