// Sentences the engine writes for people (rule verdicts, trace rows) in the caller's
// language, without the engine knowing any catalogue: a front end that has one passes its
// lookup, everyone else gets the English as before. A template is an fmt format string
// whose English text is the msgid (tools/i18n_extract.sh finds t.tr / t.trf calls).
//
//   Text uk{&myLookup};                     // const char* myLookup(const char* english)
//   explain(scenario, verdict, uk);         // "дозволено згідно з ..." when translated
#pragma once

#include "engine/simulate.h"

#include <fmt/format.h>

#include <string>

// Marks an English text for tools/i18n_extract.sh where it is written, not translated: the
// caller's Text looks it up later (reason names, for example).
#define CP_N_(s) s

namespace cp {

struct Verdict;

struct Text {
  const char* (*lookup)(const char*) = nullptr;  // English -> translation; null: English

  const char* tr(const char* english) const { return lookup ? lookup(english) : english; }
  // A translated template whose placeholders do not fit falls back to the English one.
  template <class... A>
  std::string trf(const char* english, const A&... args) const {
    try {
      return fmt::vformat(tr(english), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
      return fmt::vformat(english, fmt::make_format_args(args...));
    }
  }
};

// explain() of rules.h in the language `text` looks up.
std::string explain(const Scenario& s, const Verdict& v, const Text& text);
// simulate() whose trace rows (options weighed, verdicts, installed chips) are written in
// that language. Numbers, ids and metric names are the same as simulate()'s.
Results simulate(const Scenario& s, const RunOptions& options, const Text& text);

}  // namespace cp
