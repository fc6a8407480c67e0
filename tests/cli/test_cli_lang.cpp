// --lang: human-readable tables in Ukrainian from the catalogues, ids and CSV untouched,
// and every command taking the same flag.
#include "cli_support.h"

#include "engine/loader.h"
#include "i18n/i18n.h"

#include <filesystem>
#include <fstream>

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
