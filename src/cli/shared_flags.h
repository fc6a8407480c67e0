// The flags that mean the same in every command that writes results: --out, --format,
// --quiet, --from/--to, --lever and --metrics. Commands register them here and never by
// hand, so names, short forms, checks and help stay one set (the dashboard takes --lever
// and --lang from here too); tests/cli/test_cli_flags.cpp walks every subcommand's --help
// and checks each shared flag it finds against kSharedFlags.
//
//   SharedFlags f;                                     // lives as long as the command
//   addSharedFlags(app, f, kOutFlags | kRangeFlags | kLeverFlag);
//   ... f.out, f.from, f.to, f.levers ...
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "i18n/i18n.h"

namespace cp::cli {

struct SharedFlags {
  std::string out, format, from, to, metrics;
  std::string lang;  // --lang: human-readable tables in this language (never CSV/JSON names)
  std::vector<std::string> levers;
  bool quiet = false;
};

// Which shared flags a command takes. Every command that writes results takes kOutFlags.
enum : unsigned {
  kOutFlags = 1,      // --out/-o and --quiet/-q
  kFormatFlag = 2,    // --format (choices per command, the first is the default)
  kRangeFlags = 4,    // --from and --to
  kLeverFlag = 8,     // --lever/-l
  kMetricsFlag = 16,  // --metrics
  kLangFlag = 32,     // --lang (every command takes it: runCli adds it)
};

struct SharedFlagDoc {
  const char* name;  // as in the help: "-o,--out"
  const char* help;  // the help every command shows (--lever may add to it after "; ")
};
// One entry per shared flag, in the order above.
extern const std::vector<SharedFlagDoc> kSharedFlags;

// `formats` are the --format choices (first = default); `lever_more` extends --lever's
// help for commands that accept more than one value (sweep), after "; ".
void addSharedFlags(CLI::App& app, SharedFlags& f, unsigned which,
                    const std::vector<std::string>& formats = {"csv", "json"}, const std::string& lever_more = "");

// --lever's check: ID=VALUE with an id before the '=' (the scenario then checks the id and
// the value); "--lever: expected ID=VALUE or ID=VALUE@YYYY-MM, got 'x'" otherwise.
CLI::Validator leverSyntax();
// A seed: a whole number 0..2^64-1 (a negative one would silently wrap around).
CLI::Validator seedSyntax();
// A whole number from lo to hi: "abc" and "0" get one message naming the range (CLI11's
// Range says "Value abc not in range" for a word too).
CLI::Validator wholeNumberIn(long long lo, long long hi);
// --seed, in the commands that draw random numbers (mc, attribute): it seeds `what`;
// without it the seed is `whose` scenario's `seed` field. The other commands refuse
// --seed with the reason (refuseSeedFlag), so it never means "ignored" anywhere.
void addSeedFlag(CLI::App& app, std::optional<std::uint64_t>& seed, const std::string& what,
                 const std::string& whose = N_("the scenario's"));
// A hidden --seed that `command` refuses; seedRefusal says why, or "" when not given.
CLI::Option* refuseSeedFlag(CLI::App& app, std::string& sink);
std::string seedRefusal(const CLI::Option* option, const std::string& command);
// --lang's choices: the languages the tool ships (i18n::languages()).
std::vector<std::string> languageCodes();

// Switches the process to f.lang's catalogue (assets/locale, scenarios/locale) when --lang
// was given. False with a message on `err` for an unknown language or a missing catalogue.
bool applyLangFlag(const SharedFlags& f, std::ostream& err);

}  // namespace cp::cli
