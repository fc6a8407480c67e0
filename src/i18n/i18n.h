// Translations at run time: one msgid -> msgstr map per language, loaded from GNU gettext
// PO catalogues (assets/locale/<lang>.po plus every .po under scenarios/locale/<lang>/).
// English is the source language: a msgid is the exact English text, and tr() returns the
// English when a string has no translation. No libintl and no GUI, so the dashboard, the
// CLI and the browser build share it.
//
//   setLanguage("uk", {projectRoot}, &error);   // or "en"
//   ImGui::Text("%s", tr("Levers"));            // stable pointer, never null
//   static const char* kNames[] = {N_("Compute"), N_("Revenue")};  // marked, looked up later
//   ImGui::Text("%s", tr(kNames[i]));
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Marks a literal for extraction (tools/i18n_extract.sh) without translating it: for static
// tables whose strings go through tr() where they are shown.
#define N_(s) s

namespace cp::i18n {

class Catalogue {
 public:
  // Adds the translated, non-fuzzy entries of one PO text; later texts win on the same
  // msgid. Problems ("name:line: reason") are appended to `problems`.
  void addPo(std::string_view text, std::string_view name, std::vector<std::string>& problems);
  void add(std::string_view msgid, std::string_view msgstr, std::string_view context = {});
  // The translation, or null when there is none.
  const std::string* find(std::string_view msgid, std::string_view context = {}) const;
  size_t size() const { return map_.size(); }
  std::vector<std::string> files;  // the PO files read, in order

 private:
  std::unordered_map<std::string, std::string> map_;  // key: context "\x04" msgid, or msgid
};

// Reads `lang`'s catalogues from the first root that has assets/locale/<lang>.po and the
// first that has scenarios/locale/<lang>/ (roots: project or install directories, tried in
// order). False when neither exists; problems in the files are reported but not fatal.
bool loadCatalogue(Catalogue& out, std::string_view lang, const std::vector<std::filesystem::path>& roots,
                   std::vector<std::string>& problems);

// The languages the tool ships, as code and the name a speaker of it reads.
struct Language {
  const char* code;
  const char* name;
};
const std::vector<Language>& languages();
bool knownLanguage(std::string_view code);

// ---- the current language (process-wide) ------------------------------------------------
// Switches to `lang` ("en" needs no catalogue). On failure the language stays as it was
// and `error` says why. Catalogues stay alive for the process, so a pointer tr() returned
// before a switch stays valid.
bool setLanguage(std::string_view lang, const std::vector<std::filesystem::path>& roots, std::string* error);
// Installs a ready catalogue (tests, fixtures) as `lang`.
void setLanguage(std::string_view lang, Catalogue catalogue);
const std::string& language();  // "en", "uk"
bool english();

// The translation of `msgid` in the current language, or msgid itself. Never null.
const char* tr(const char* msgid);
const char* tr(const std::string& msgid);  // the string must outlive the pointer when untranslated
const char* trc(const char* context, const char* msgid);

// Missing-lookup recorder: while on, every tr() of a non-empty msgid the current (non-English)
// catalogue lacks is recorded, so a test can render every panel and list what fell back to
// English.
void recordMissing(bool on);
std::vector<std::string> missingLookups();  // sorted, unique
void clearMissing();

}  // namespace cp::i18n

namespace cp::i18n {

// A translated label with a fixed ImGui id: trId("Reset", "##lever") = "Скинути##lever".
// The id part keeps widget and window state across a language switch. The pointer is valid
// until eight more trId() calls on the same thread (ImGui copies what it needs at once).
const char* trId(const char* label, const char* id);

}  // namespace cp::i18n
