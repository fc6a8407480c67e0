#include "i18n/i18n.h"

#include "i18n/po.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace cp::i18n {

namespace {

std::string key(std::string_view context, std::string_view msgid) {
  if (context.empty()) return std::string(msgid);
  std::string k(context);
  k += '\x04';  // gettext's own context separator
  k += msgid;
  return k;
}

bool readFile(const std::filesystem::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return true;
}

bool addFile(Catalogue& c, const std::filesystem::path& path, std::vector<std::string>& problems) {
  std::string text;
  if (!readFile(path, text)) {
    problems.push_back("cannot read " + path.string());
    return false;
  }
  c.addPo(text, path.string(), problems);
  c.files.push_back(path.string());
  return true;
}

// Catalogues live for the process so tr()'s pointers survive a language switch.
struct State {
  std::mutex mutex;
  std::vector<std::unique_ptr<Catalogue>> kept;
  std::string lang = "en";
  std::set<std::string> missing;
};
State& state() {
  static State s;
  return s;
}
std::atomic<const Catalogue*> g_current{nullptr};  // null: English
std::atomic<bool> g_record{false};

void install(std::string_view lang, std::unique_ptr<Catalogue> c) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  const Catalogue* p = c.get();
  if (c) s.kept.push_back(std::move(c));
  s.lang = std::string(lang);
  g_current.store(p);
}

void noteMissing(const char* msgid) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  s.missing.insert(msgid);
}

}  // namespace

void Catalogue::addPo(std::string_view text, std::string_view name, std::vector<std::string>& problems) {
  PoFile f = parsePo(text, name);
  problems.insert(problems.end(), f.problems.begin(), f.problems.end());
  for (const PoEntry& e : f.entries)
    if (!e.msgid.empty() && !e.fuzzy && e.translated()) add(e.msgid, e.msgstr[0], e.context);
}

void Catalogue::add(std::string_view msgid, std::string_view msgstr, std::string_view context) {
  map_[key(context, msgid)] = std::string(msgstr);
}

const std::string* Catalogue::find(std::string_view msgid, std::string_view context) const {
  const auto it = map_.find(key(context, msgid));
  return it == map_.end() ? nullptr : &it->second;
}

bool loadCatalogue(Catalogue& out, std::string_view lang, const std::vector<std::filesystem::path>& roots,
                   std::vector<std::string>& problems) {
  namespace fs = std::filesystem;
  const std::string file = std::string(lang) + ".po";
  bool found = false;
  for (const fs::path& root : roots) {
    std::error_code ec;
    const fs::path p = root / "assets" / "locale" / file;
    if (fs::is_regular_file(p, ec)) {
      found = addFile(out, p, problems) || found;
      break;
    }
  }
  for (const fs::path& root : roots) {
    std::error_code ec;
    const fs::path dir = root / "scenarios" / "locale" / std::string(lang);
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> pos;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
      if (entry.is_regular_file() && entry.path().extension() == ".po") pos.push_back(entry.path());
    std::sort(pos.begin(), pos.end());  // a fixed order: later files win on the same msgid
    for (const fs::path& p : pos) found = addFile(out, p, problems) || found;
    break;
  }
  return found;
}

const std::vector<Language>& languages() {
  static const std::vector<Language> kLanguages = {{"en", "English"}, {"uk", "Українська"}};
  return kLanguages;
}

bool knownLanguage(std::string_view code) {
  for (const Language& l : languages())
    if (code == l.code) return true;
  return false;
}

bool setLanguage(std::string_view lang, const std::vector<std::filesystem::path>& roots, std::string* error) {
  if (!knownLanguage(lang)) {
    if (error) *error = "unknown language '" + std::string(lang) + "' (known: en, uk)";
    return false;
  }
  if (lang == "en") {
    install(lang, nullptr);
    return true;
  }
  auto c = std::make_unique<Catalogue>();
  std::vector<std::string> problems;
  if (!loadCatalogue(*c, lang, roots, problems)) {
    if (error)
      *error = "no catalogue for '" + std::string(lang) + "' (looked for assets/locale/" + std::string(lang) +
               ".po and scenarios/locale/" + std::string(lang) + "/)";
    return false;
  }
  install(lang, std::move(c));
  if (error) {
    error->clear();
    // A broken entry is skipped, the rest still translates: report the first problems.
    for (size_t i = 0; i < problems.size() && i < 3; ++i) *error += (i ? "; " : "") + problems[i];
  }
  return true;
}

void setLanguage(std::string_view lang, Catalogue catalogue) {
  install(lang, lang == "en" ? nullptr : std::make_unique<Catalogue>(std::move(catalogue)));
}

const std::string& language() { return state().lang; }
bool english() { return g_current.load() == nullptr; }

const char* trc(const char* context, const char* msgid) {
  if (!msgid) return "";
  const Catalogue* c = g_current.load(std::memory_order_acquire);
  if (!c || !*msgid) return msgid;
  if (const std::string* s = c->find(msgid, context ? context : "")) return s->c_str();
  if (g_record.load()) noteMissing(msgid);
  return msgid;
}

const char* tr(const char* msgid) { return trc(nullptr, msgid); }
const char* tr(const std::string& msgid) { return trc(nullptr, msgid.c_str()); }

void recordMissing(bool on) { g_record.store(on); }

std::vector<std::string> missingLookups() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  return {s.missing.begin(), s.missing.end()};
}

void clearMissing() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  s.missing.clear();
}

}  // namespace cp::i18n

namespace cp::i18n {

const char* trId(const char* label, const char* id) {
  thread_local std::string ring[8];
  thread_local unsigned next = 0;
  std::string& s = ring[next++ % 8];
  s = tr(label);
  s += id;
  return s.c_str();
}

}  // namespace cp::i18n
