// --lang: human-readable tables in Ukrainian from the catalogues, ids and CSV untouched,
// and every command taking the same flag.
#include "cli_support.h"

#include "cli/parse_errors.h"
#include "engine/loader.h"
#include "i18n/i18n.h"
#include "i18n/problem_text.h"

#include <filesystem>
#include <fstream>

#include <CLI/CLI.hpp>

namespace {

using cp::cli::test::cli;
namespace fs = std::filesystem;

const std::string kBaseline = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json";

// Runs in a directory whose assets/locale/uk.po is a small fixture (the working directory is
// the first place --lang looks), and restores the directory and the language after.
struct FixtureCatalogue : ::testing::Test {
  fs::path old = fs::current_path();
  fs::path dir = fs::temp_directory_path() / ("cli_lang_" + std::to_string(::getpid()));
  void SetUp() override {
    // Both halves of a catalogue, so neither is taken from the source tree.
    fs::create_directories(dir / "assets" / "locale");
    fs::create_directories(dir / "scenarios" / "locale" / "uk");
    std::ofstream(dir / "assets" / "locale" / "uk.po")
        << "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        << "msgid \"allowed: no rule applies\"\nmsgstr \"дозволено (тест)\"\n";
    std::ofstream(dir / "scenarios" / "locale" / "uk" / "baseline.po")
        << "msgid \"" << leverLabel() << "\"\nmsgstr \"Контроль віддаленого доступу (тест)\"\n";
    fs::current_path(dir);
  }
  void TearDown() override {
    fs::current_path(old);
    fs::remove_all(dir);
    cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  }
  // The English label of us.remote_access_control, from the scenario itself.
  static std::string leverLabel() {
    const cp::Scenario s = cp::loadScenario(kBaseline);
    return s.levers.at(static_cast<size_t>(s.findLever("us.remote_access_control"))).label;
  }
};

TEST_F(FixtureCatalogue, LeversPrintsTranslatedLabelsAndKeepsIds) {
  const auto en = cli({"levers", kBaseline});
  ASSERT_EQ(en.code, 0) << en.err;
  const auto uk = cli({"levers", kBaseline, "--lang", "uk"});
  ASSERT_EQ(uk.code, 0) << uk.err;
  EXPECT_NE(uk.out.find("Контроль віддаленого доступу (тест)"), std::string::npos) << uk.out;
  EXPECT_EQ(en.out.find("Контроль"), std::string::npos);
  EXPECT_NE(uk.out.find("us.remote_access_control"), std::string::npos);                // ids stay
  EXPECT_EQ(uk.out.substr(0, uk.out.find('\n')), en.out.substr(0, en.out.find('\n')));  // header stays
  // The next call without --lang is English again (the language is per call).
  EXPECT_EQ(cli({"levers", kBaseline}).out, en.out);
}

TEST_F(FixtureCatalogue, WhyWritesTheEnginesVerdictsInTheLanguage) {
  const std::vector<std::string> args = {"why", kBaseline, "--company", "bytedance", "--month", "2025-06"};
  const auto en = cli(args);
  auto uk_args = args;
  uk_args.insert(uk_args.end(), {"--lang", "uk"});
  const auto uk = cli(uk_args);
  ASSERT_EQ(uk.code, 0) << uk.err;
  EXPECT_NE(en.out.find("allowed: no rule applies"), std::string::npos) << en.out;
  EXPECT_NE(uk.out.find("дозволено (тест)"), std::string::npos) << uk.out;
  EXPECT_EQ(uk.out.find("allowed: no rule applies"), std::string::npos);
}

TEST_F(FixtureCatalogue, CsvIsTheSameInEveryLanguage) {
  const auto en = cli({"run", kBaseline, "--to", "2025-03", "--metrics", "compute_train_h100e"});
  const auto uk = cli({"run", kBaseline, "--to", "2025-03", "--metrics", "compute_train_h100e", "--lang", "uk"});
  ASSERT_EQ(en.code, 0) << en.err;
  EXPECT_EQ(uk.out, en.out);
}

TEST(CliLang, UnknownLanguageIsAUsageError) {
  const auto r = cli({"levers", kBaseline, "--lang", "fr"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--lang"), std::string::npos) << r.err;
}

}  // namespace

namespace {

// A usage error reads in the language asked for, wherever --lang stands, and stays CLI11's
// English without it (classroom review: `chokepoint-cli --lang uk run` answered in English).
TEST(CliLang, UsageErrorsAreInTheLanguage) {
  struct Case {
    std::vector<std::string> args;
    std::string en, uk;
  };
  const std::vector<Case> cases = {
      {{"run"}, "scenario is required", "Потрібно вказати scenario"},
      {{"run", kBaseline, "--bogus"},
       "The following argument was not expected: --bogus",
       "Неочікуваний аргумент: --bogus"},
      {{"mc", kBaseline, "--runs", "0"},
       "--runs: expected a whole number from 1 to 10000000, got '0'",
       "--runs: очікувалося ціле число від 1 до 10000000, отримано '0'"},
      {{"mc", kBaseline, "--runs", "abc"},  // CLI11's Range said "Value abc not in range"
       "--runs: expected a whole number from 1 to 10000000, got 'abc'",
       "--runs: очікувалося ціле число від 1 до 10000000, отримано 'abc'"},
      {{"attribute", kBaseline, kBaseline, "--samples", "1.5"},
       "--samples: expected a whole number from 2 to 1000000, got '1.5'",
       "--samples: очікувалося ціле число від 2 до 1000000, отримано '1.5'"},
      {{"run", kBaseline, "--format", "xml"},
       "--format: xml not in {csv,json}",
       "--format: xml немає серед {csv,json}"},
      {{"run", kBaseline, "-l", "foo"},
       "--lever: expected ID=VALUE or ID=VALUE@YYYY-MM, got 'foo'",
       "--lever: очікувалося ID=ЗНАЧЕННЯ або ID=ЗНАЧЕННЯ@РРРР-ММ, отримано 'foo'"},
      {{"calibrate", "--min-share", "2"},
       "expected a share from 0 to 1, got '2'",
       "очікувалася частка від 0 до 1, отримано '2'"},
      {{"frob"}, "unknown command 'frob'", "невідома команда 'frob'"},
      {{"run", kBaseline, "--seed", "3"}, "`run` draws no random numbers", "`run` не вибирає випадкових чисел"},
  };
  for (const Case& c : cases) {
    const auto en = cli(c.args);
    EXPECT_EQ(en.code, 2) << c.en;
    EXPECT_NE(en.err.find(c.en), std::string::npos) << en.err;
    for (bool before : {false, true}) {
      std::vector<std::string> args = c.args;
      args.insert(before ? args.begin() : args.end(), {"--lang", "uk"});
      const auto uk = cli(args);
      EXPECT_EQ(uk.code, 2) << c.uk;
      EXPECT_NE(uk.err.find(c.uk), std::string::npos) << (before ? "before: " : "after: ") << uk.err;
      EXPECT_EQ(uk.err.find(c.en), std::string::npos) << uk.err;
      if (uk.err.find("Потрібно") != std::string::npos) {  // a parser error: the hint under it too
        EXPECT_NE(uk.err.find("Запустіть з --help"), std::string::npos) << uk.err;
      }
    }
  }
  EXPECT_NE(cli({"run"}).err.find("Run with --help for more information."), std::string::npos)
      << "English after a Ukrainian call: the language is per call";
}

// Every wording of CLI11's (from its own exceptions, so a new CLI11 that words them otherwise
// fails here) comes out in Ukrainian with its names and values kept; others pass unchanged.
TEST(CliLang, EveryKnownParserWordingIsTranslated) {
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {fs::path(CHOKEPOINT_SOURCE_DIR)}, &error)) << error;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {CLI::RequiredError::Subcommand(1).what(), "Потрібно вказати команду"},
      {CLI::RequiredError("scenario").what(), "Потрібно вказати scenario"},
      {CLI::ExtrasError(std::vector<std::string>{"a.json"}).what(), "Неочікуваний аргумент: a.json"},
      // CLI11 lists several last first.
      {CLI::ExtrasError(std::vector<std::string>{"a.json", "b.json"}).what(), "Неочікувані аргументи: b.json a.json"},
      {CLI::ArgumentMismatch::TypedAtLeast("--out", 1, "TEXT").what(),
       "--out: бракує значення (потрібно: 1, тип TEXT)"},
      {CLI::ValidationError("--runs", "Value 0 not in range 1 to 5").what(),
       "--runs: значення 0 поза межами від 1 до 5"},
      {CLI::ValidationError("--format", "xml not in {csv,json}").what(), "--format: xml немає серед {csv,json}"},
      {CLI::ConversionError("--runs", std::vector<std::string>{"abc"}).what(), "Не вдалося прочитати: --runs = abc"},
      {CLI::RequiresError("--a", "--b").what(), "--a потребує --b"},
      {CLI::ExcludesError("--a", "--b").what(), "--a не можна разом із --b"},
      {CLI::ArgumentMismatch::FlagOverride("--quiet").what(), "--quiet не приймає значення"},
      {CLI::ConversionError::TrueFalse("--quiet").what(), "--quiet: очікувалося true/false або число"},
      {"something CLI11 says that we do not know", "something CLI11 says that we do not know"},
  };
  for (const auto& [what, uk] : cases) EXPECT_EQ(cp::cli::localParseError(what), uk) << what;
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  EXPECT_EQ(cp::cli::localParseError(CLI::RequiredError("scenario").what()), "scenario is required");
}

}  // namespace

// A scenario file's problems read in Ukrainian (a class uploading a broken file in the
// browser): every problem the broken-file corpus gives is translated, its phrases too (lever
// values under /set included); only a JSON parser's own detail stays English. `validate
// --lang uk` prints them, and a bad --lever value reads the same way.
TEST(CliLang, ScenarioFileProblemsAreInTheLanguage) {
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {CHOKEPOINT_SOURCE_DIR}, &error)) << error;
  int translated = 0, plain = 0;
  const fs::path broken = fs::path(CHOKEPOINT_TEST_DIR) / "engine" / "broken";
  for (const auto& entry : fs::directory_iterator(broken)) {
    if (entry.path().filename() == "expected.json") continue;
    for (const cp::Problem& p : cp::validateScenarioFile(entry.path().string())) {
      if (p.why.format.empty()) {
        ++plain;
        ADD_FAILURE() << entry.path().filename() << " " << p.pointer << ": not translatable: " << p.message;
        continue;
      }
      ++translated;
      EXPECT_STRNE(cp::i18n::tr(p.why.format.c_str()), p.why.format.c_str())
          << entry.path().filename() << " " << p.pointer << ": untranslated: " << p.why.format;
      for (size_t i = 0; i < p.why.args.size(); ++i) {
        if ((p.why.phrases >> i) & 1u) {
          EXPECT_STRNE(cp::i18n::tr(p.why.args[i].c_str()), p.why.args[i].c_str()) << p.why.args[i];
        }
      }
      EXPECT_NE(cp::i18n::problemReason(p), p.message) << p.message;
    }
  }
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  EXPECT_GE(translated, 25);
  EXPECT_EQ(plain, 0);

  const std::string file = (broken / "share_out_of_range.json").string();
  const auto en = cli({"validate", file});
  const auto uk = cli({"--lang", "uk", "validate", file});
  EXPECT_EQ(uk.code, en.code);
  EXPECT_NE(en.err.find("must be a share between 0 and 1"), std::string::npos) << en.err;
  EXPECT_NE(uk.err.find("має бути частка від 0 до 1"), std::string::npos) << uk.err;
  EXPECT_EQ(uk.err.find("must be"), std::string::npos) << uk.err;

  const auto lever = cli({"run", kBaseline, "--lever", "us.remote_access_control=maybe", "--lang", "uk"});
  EXPECT_EQ(lever.code, 2);
  EXPECT_NE(lever.err.find("важіль us.remote_access_control: очікувалося true/false/on/off, отримано 'maybe'"),
            std::string::npos)
      << lever.err;
}
