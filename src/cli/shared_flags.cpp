#include "cli/shared_flags.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <ostream>

#include "i18n/trf.h"

#include <fmt/format.h>
#include "paths/data_dirs.h"

namespace cp::cli {

const std::vector<SharedFlagDoc> kSharedFlags = {
    {"-o,--out", N_("Output file (default: standard output); written atomically")},
    {"-q,--quiet", N_("No progress bar and no warnings on stderr (errors still print)")},
    {"--format", N_("Output format (the first choice is the default)")},
    {"--from", N_("First month to write (YYYY-MM), within the scenario's span")},
    {"--to", N_("Last month to simulate and write (YYYY-MM), within the scenario's span")},
    {"-l,--lever",
     N_("Set a lever: ID=VALUE, ID=VALUE@YYYY-MM from a month, or a schedule ID=V;V@YYYY-MM;... (repeatable)")},
    {"--metrics", N_("Keep only these series: METRIC or SCOPE/ID/METRIC, '*' for any part, comma-separated")},
    {"--lang", N_("Language of help, messages and human-readable tables: en (default) or uk; CSV/JSON field names and "
                  "ids stay English")},
};

namespace {
// In the current language (the table keeps the English, which tests compare).
const char* help(const char* name) {
  for (const SharedFlagDoc& d : kSharedFlags)
    if (std::string_view(d.name) == name) return i18n::tr(d.help);
  return "";
}
}  // namespace

CLI::Validator leverSyntax() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        if (const auto eq = v.find('='); eq != std::string::npos && eq > 0) return "";
        return i18n::trf("expected ID=VALUE or ID=VALUE@YYYY-MM, got '{}'", v);
      },
      "");
}

CLI::Validator seedSyntax() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
          return i18n::trf("expected a whole number 0 or more, got '{}'", v);
        // Above 2^64 - 1 the conversion clamped, so two different seeds gave one ensemble.
        const std::string digits = v.substr(std::min(v.find_first_not_of('0'), v.size()));
        const std::string max = std::to_string(std::numeric_limits<std::uint64_t>::max());
        if (digits.size() > max.size() || (digits.size() == max.size() && digits > max))
          return i18n::trf("expected a whole number up to {}, got '{}'", max, v);
        return "";
      },
      "");
}

CLI::Validator wholeNumberIn(long long lo, long long hi) {
  return CLI::Validator(
      [lo, hi](std::string& v) -> std::string {
        long long n = 0;
        const char* end = v.data() + v.size();
        const auto [ptr, ec] = std::from_chars(v.data(), end, n);
        if (v.empty() || ec != std::errc() || ptr != end || n < lo || n > hi)
          return i18n::trf("expected a whole number from {} to {}, got '{}'", lo, hi, v);
        return "";
      },
      fmt::format("INT in [{} - {}]", lo, hi));
}

void addSeedFlag(CLI::App& app, std::optional<std::uint64_t>& seed, const std::string& what, const std::string& whose) {
  app.add_option("--seed", seed,
                 i18n::trf("Seed of {} (default: {} `seed` field)", i18n::tr(what.c_str()), i18n::tr(whose.c_str())))
      ->check(seedSyntax());
}

CLI::Option* refuseSeedFlag(CLI::App& app, std::string& sink) {
  return app.add_option("--seed", sink)->group("");  // hidden: not a flag of this command
}

std::string seedRefusal(const CLI::Option* option, const std::string& command) {
  if (option == nullptr || option->count() == 0) return {};
  return i18n::trf(
      "--seed: `{}` draws no random numbers (every input takes its value from the scenario), so a seed would "
      "change nothing; `mc` and `attribute` draw from the scenario's `seed` field unless --seed is given",
      command);
}

std::vector<std::string> languageCodes() {
  std::vector<std::string> codes;
  for (const cp::i18n::Language& l : cp::i18n::languages()) codes.push_back(l.code);
  return codes;
}

void addSharedFlags(CLI::App& app, SharedFlags& f, unsigned which, const std::vector<std::string>& formats,
                    const std::string& lever_more) {
  if (which & kLeverFlag) {
    const std::string h =
        std::string(help("-l,--lever")) + (lever_more.empty() ? "" : "; " + std::string(i18n::tr(lever_more.c_str())));
    app.add_option("-l,--lever", f.levers, h)->check(leverSyntax());
  }
  if (which & kRangeFlags) {
    app.add_option("--from", f.from, help("--from"));
    app.add_option("--to", f.to, help("--to"));
  }
  if (which & kMetricsFlag) app.add_option("--metrics", f.metrics, help("--metrics"));
  if (which & kFormatFlag) {
    f.format = formats.front();
    app.add_option("--format", f.format, help("--format"))->check(CLI::IsMember(formats));
  }
  if (which & kLangFlag) app.add_option("--lang", f.lang, help("--lang"))->check(CLI::IsMember(languageCodes()));
  if (which & kOutFlags) {
    app.add_option("-o,--out", f.out, help("-o,--out"));
    app.add_flag("-q,--quiet", f.quiet, help("-q,--quiet"));
  }
}

bool applyLangFlag(const SharedFlags& f, std::ostream& err) {
  if (f.lang.empty() || f.lang == "en") return cp::i18n::setLanguage("en", {}, nullptr);  // per call, not per process
  std::vector<std::filesystem::path> roots;
  std::error_code ec;
  if (const auto cwd = std::filesystem::current_path(ec); !ec) roots.push_back(cwd);
  for (auto& root : cp::paths::dataRoots()) roots.push_back(std::move(root));
  std::string error;
  if (!cp::i18n::setLanguage(f.lang, roots, &error)) {
    err << i18n::trf("chokepoint-cli: --lang {}: {}\n", f.lang, error);
    return false;
  }
  if (!error.empty()) err << i18n::trf("chokepoint-cli: warning: {}\n", error);
  return true;
}

}  // namespace cp::cli
