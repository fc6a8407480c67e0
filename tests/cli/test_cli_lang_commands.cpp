// --lang uk with the shipped catalogues, command by command: the Ukrainian headers, row
// labels and months are there, and no word of the English headers is left; --lang is taken
// before and after a nested command (story check, workshop score) with the same result.
#include "cli_support.h"

#include "cli/human_text.h"
#include "i18n/i18n.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace {

using cp::cli::test::cli;
using cp::cli::test::Out;
namespace fs = std::filesystem;

const std::string kSrc = CHOKEPOINT_SOURCE_DIR;
const std::string kBaseline = kSrc + "/scenarios/baseline.json";
const std::string kCrackdown = kSrc + "/scenarios/smuggling_crackdown.json";
const std::string kStory = kSrc + "/scenarios/stories/history_2022_2025.json";
const std::string kWorkshop = kSrc + "/scenarios/workshops/compute_race.json";

// The source tree is the working directory, so --lang reads the catalogues it ships.
struct ShippedCatalogue : ::testing::Test {
  fs::path old = fs::current_path();
  void SetUp() override { fs::current_path(kSrc); }
  void TearDown() override {
    fs::current_path(old);
    cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  }
};

// `word` as a word of its own in `text`: not part of an id, a path or a longer word (a '.'
// joins only when letters or digits stand on both sides: "us.export", "baseline.json").
bool hasWord(const std::string& text, const std::string& word) {
  auto alnum = [&](size_t i) { return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])); };
  auto joins = [&](size_t i) {  // text[i] continues the word next to it
    if (i >= text.size()) return false;
    if (text[i] == '.') return i > 0 && alnum(i - 1) && alnum(i + 1);
    return alnum(i) || text[i] == '_' || text[i] == '/';
  };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    if ((at == 0 || !joins(at - 1)) && !joins(at + word.size())) return true;
  return false;
}

// Runs `args` in English and with --lang uk at the end; checks both succeed, every English
// word is in the English output (so the check means something) and none in the Ukrainian
// one, and every Ukrainian text is there.
// The checkout's folder is in file names the commands print; its words ("variant" in a
// worktree's name) are not the program's.
std::string withoutSourceDir(std::string text) {
  const std::string dir = CHOKEPOINT_SOURCE_DIR;
  for (size_t at = text.find(dir); !dir.empty() && at != std::string::npos; at = text.find(dir, at))
    text.erase(at, dir.size());
  return text;
}

Out checkUkrainian(const std::vector<std::string>& args, const std::vector<std::string>& english,
                   const std::vector<std::string>& ukrainian) {
  const Out en = cli(args);
  auto uk_args = args;
  uk_args.insert(uk_args.end(), {"--lang", "uk"});
  const Out uk = cli(uk_args);
  EXPECT_EQ(en.code, 0) << en.err;
  EXPECT_EQ(uk.code, 0) << uk.err;
  const std::string en_words = withoutSourceDir(en.out), uk_words = withoutSourceDir(uk.out);
  for (const std::string& w : english) {
    EXPECT_TRUE(hasWord(en_words, w)) << "'" << w << "' is not in the English output:\n" << en.out;
    EXPECT_FALSE(hasWord(uk_words, w)) << "'" << w << "' is left in English:\n" << uk.out;
  }
  for (const std::string& w : ukrainian) EXPECT_NE(uk.out.find(w), std::string::npos) << w << "\n" << uk.out;
  return uk;
}

TEST_F(ShippedCatalogue, Why) {
  checkUkrainian({"why", kBaseline, "--company", "bytedance", "--month", "2025-06"},
                 {"option", "cost", "share", "offered", "got", "rule", "Training"},
                 {"варіант", "вартість $", "частка", "запропоновано $", "отримано $", "правило", "у черв. 2025"});
}

TEST_F(ShippedCatalogue, Compare) {
  checkUkrainian({"compare", kBaseline, kBaseline, "--lever-b", "us.remote_access_control=on"},
                 {"series", "window", "change", "levers", "Month", "n/a", "2030-12"},
                 {"ряд", "період", "зміна", "важелі: ", "груд. 2030", "січ. 2030..груд. 2030", "н/д"});
}

TEST_F(ShippedCatalogue, Calibrate) {
  const Out uk = checkUkrainian(
      {"calibrate", kBaseline, "--notes"}, {"period", "parameter", "sourced", "targets", "parameters", "OUT"},
      {"цільовий показник", "параметр", "діапазон за джерелами", "примітка: ", "Виторг Nvidia у Китаї, FY24",
       "$9,0\u00A0млрд", "лют. 2023..січ. 2024"});
  EXPECT_EQ(uk.out.find("note: "), std::string::npos);
  // Row labels come from scenarios/locale/uk/calibration.po (sources and notes stay as written).
  EXPECT_EQ(uk.out.find("Nvidia China revenue, FY24"), std::string::npos);
  EXPECT_EQ(uk.out.find("H20 price (USD)"), std::string::npos);
}

TEST_F(ShippedCatalogue, Attribute) {
  const Out uk = checkUkrainian(
      {"attribute", kBaseline, kCrackdown, "--metric", "bloc/china/compute_train_h100e", "--month", "2028-12", "-q"},
      {"Base", "Variant", "Metric", "lever", "from", "to", "contribution", "share", "std", "error", "total",
       "difference", "never", "2028-12"},
      {"Базовий", "Варіант", "Показник", "важіль", "внесок", "разом", "ніколи", "груд. 2028", "100,0%"});
  // Shares with the decimal comma, whatever the model's numbers are this round.
  EXPECT_TRUE(std::regex_search(uk.out, std::regex(R"(\d,\d%)"))) << uk.out;
}

TEST_F(ShippedCatalogue, Sensitivity) {
  checkUkrainian({"sensitivity", kBaseline, "--metric", "bloc/china/compute_train_h100e", "--month", "2027-12",
                  "--levers", "us.advanced_chip_controls,us.export_enforcement", "-q"},
                 {"Scenario", "Metric", "lever", "low", "high", "metric", "swing", "given", "off", "on"},
                 {"Сценарій", "Показник", "важіль", "мінімум", "максимум", "розмах", "вимк.", "увімк.", "груд. 2027"});
}

TEST_F(ShippedCatalogue, Matrix) {
  checkUkrainian(
      {"matrix", kBaseline, kCrackdown, "--metric", "bloc/china/compute_train_h100e", "--month", "2027-12", "-q"},
      {"scenario", "in", "Baseline", "Smuggling", "2027-12", "series"},
      {"сценарій", "у груд. 2027", "Базовий сценарій", "немає такого ряду"});
}

TEST_F(ShippedCatalogue, Library) {
  checkUkrainian(
      {"library", kBaseline, "--month", "2026-11"},
      {"Baseline", "Revenue", "metric", "month", "baseline", "variant", "change", "leased", "Frontier", "2026-11"},
      {"показник", "місяць", "базовий", "варіант", "зміна", "лист. 2026", "з них орендовано за кордоном", "\u00A0млн"});
}

TEST_F(ShippedCatalogue, Validate) { checkUkrainian({"validate", kBaseline}, {"ok"}, {"гаразд: "}); }

TEST_F(ShippedCatalogue, StoryCheck) {
  const std::vector<std::string> words = {"ok", "cards", "scenario", "2022-10", "The"};
  const Out uk = checkUkrainian({"story", "check", kStory}, words, {"гаразд", "Карток: 25", "жовт. 2022"});
  EXPECT_EQ(cli({"story", "--lang", "uk", "check", kStory}).out, uk.out);  // either side of `check`
}

TEST_F(ShippedCatalogue, WorkshopScore) {
  const std::vector<std::string> score = {"workshop", "score", kWorkshop, "--move",
                                          "1:us_gov:us.export_enforcement=0.8"};
  const Out uk = checkUkrainian(
      score, {"Standings", "round", "played", "baseline", "points", "Points", "Moves", "total", "better", "sum", "bn"},
      {"Рейтинг команд", "раунд 1 (січ. 2025..груд. 2025)", "зіграно", "бали за раунд", "Ходи", "\u00A0млрд"});
  EXPECT_EQ(cli({"workshop", "--lang", "uk", "score", kWorkshop, "--move", "1:us_gov:us.export_enforcement=0.8"}).out,
            uk.out);
  EXPECT_EQ(cli({"--lang", "uk", "workshop", "score", kWorkshop, "--move", "1:us_gov:us.export_enforcement=0.8"}).out,
            uk.out);
}

// What a command refuses is said in the language: a company, a month or a metric it does
// not know, a sweep's bad lever, a warning.
TEST_F(ShippedCatalogue, RefusalsOfTheCommandsReadInTheLanguage) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> calls = {
      {{"why", kBaseline, "--company", "nobody", "--month", "2025-01"}, "невідома компанія 'nobody'"},
      {{"why", kBaseline, "--company", "bytedance", "--month", "2035-01"}, "--month 2035-01 поза сценарієм"},
      {{"compare", kBaseline, kBaseline, "--month", "2040-01"}, "поза місяцями, які охоплюють обидва сценарії"},
      {{"sweep", kBaseline, "--lever", "us.nope=1,2"}, "невідомий важіль 'us.nope'"},
      {{"sensitivity", kBaseline, "--metric", "bloc/china/nope", "--month", "2027-12"},
       "показник 'bloc/china/nope': bloc china не має показника 'nope'"},
      {{"attribute", kBaseline, kCrackdown, "--metric", "china/compute", "--month", "2027-12"},
       "показник 'china/compute': очікувалося SCOPE/ID/METRIC"},
      {{"run", kBaseline, "--to", "2022-03", "--metrics", "nothing_like_it"},
       "попередження: --metrics 'nothing_like_it' не відповідає жодному ряду"},
      {{"mc", kBaseline, "--runs", "2", "--metrics", "planet/x/y"},
       "--metrics: шаблон рядів 'planet/x/y': невідома область 'planet'"}};
  for (const auto& [args, words] : calls) {
    std::vector<std::string> uk_args = args;
    uk_args.insert(uk_args.end(), {"--lang", "uk"});
    const Out uk = cli(uk_args), en = cli(args);
    EXPECT_EQ(uk.code, en.code) << args.front();
    EXPECT_NE(uk.err.find(words), std::string::npos) << uk.err;
    for (const char* english : {"unknown", "outside", "expected", "warning", "matches", "has no"})
      EXPECT_EQ(withoutSourceDir(uk.err).find(english), std::string::npos) << english << " left in English: " << uk.err;
  }
}

// A file that is not JSON: where and why in the language, the library's words too.
TEST_F(ShippedCatalogue, JsonSyntaxErrorsReadInTheLanguage) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"{\"a\": 1,}", "(документ): некоректний JSON: рядок 1, стовпець 9: '}' після коми: приберіть останню кому"},
      {"{\"a\": 1 \"b\": 2}", "рядок 1, стовпець 11: неочікувано: рядок у лапках; очікувалося: '}' (чи не бракує коми"},
      {"{\"a\": never}", "некоректний літерал (прочитано: '\"a\": ne'): слово чи місяць пишуть у подвійних лапках"},
      {"{\n  \"a\": \"x\",\n", "рядок 3, стовпець 1: неочікувано: кінець тексту; очікувалося: рядок у лапках"}};
  const fs::path file = fs::temp_directory_path() / ("uk_json_" + std::to_string(::getpid()) + ".json");
  for (const auto& [text, words] : files) {
    std::ofstream(file, std::ios::trunc) << text;
    const Out uk = cli({"--lang", "uk", "validate", file.string()});
    const Out en = cli({"validate", file.string()});
    EXPECT_EQ(uk.code, en.code);
    EXPECT_NE(en.err.find("not valid JSON: line "), std::string::npos) << en.err;
    EXPECT_NE(uk.err.find(words), std::string::npos) << uk.err;
    for (const char* english : {"document", "line", "column", "unexpected", "expected", "literal", "valid"})
      EXPECT_FALSE(hasWord(uk.err, english)) << english << " left in English: " << uk.err;
  }
  fs::remove(file);
}

// A refused move says why in the language: a --move as typed and a session file's move.
TEST_F(ShippedCatalogue, RefusedMovesSayWhyInTheLanguage) {
  const std::vector<std::pair<std::string, std::string>> moves = {
      {"1:us_gov:us.remote_access_control=maybe", "очікувалося true/false/on/off, отримано 'maybe'"},
      {"1:nobody:us.remote_access_control=on", "у цьому практикумі немає команди 'nobody'"},
      {"9:us_gov:us.remote_access_control=on", "раунд 9 поза межами 1..4"},
      {"1:us_gov:cn.nothing=on", "у сценарії немає важеля 'cn.nothing'"},
      {"1:nvidia:us.h20_licence=off", "команда 'nvidia' не керує важелем 'us.h20_licence' (він належить команді"},
      {"1:us_gov:us.h20_licence=off@2026-01", "пишіть значення без @МІСЯЦЬ"},
      {"one:us_gov:us.h20_licence=off", "очікувалося РАУНД:КОМАНДА:ID=ЗНАЧЕННЯ"}};
  for (const auto& [move, words] : moves) {
    const Out en = cli({"workshop", "score", kWorkshop, "--move", move});
    const Out uk = cli({"--lang", "uk", "workshop", "score", kWorkshop, "--move", move});
    EXPECT_EQ(en.code, 2) << move;
    EXPECT_EQ(uk.code, 2) << move;
    EXPECT_NE(uk.err.find("--move " + move + ": "), std::string::npos) << uk.err;  // the move as typed
    EXPECT_NE(uk.err.find(words), std::string::npos) << uk.err;
    for (const char* english : {"expected", "team", "lever", "round", "outside", "write"})
      EXPECT_FALSE(hasWord(uk.err, english)) << english << " left in English: " << uk.err;
    EXPECT_TRUE(hasWord(en.err, "expected") || hasWord(en.err, "team") || hasWord(en.err, "write")) << en.err;
  }
  const std::vector<std::string> twice = {"--lang",
                                          "uk",
                                          "workshop",
                                          "score",
                                          kWorkshop,
                                          "--move",
                                          "1:us_gov:us.export_enforcement=0.9",
                                          "--move",
                                          "1:us_gov:us.export_enforcement=0.2"};
  EXPECT_NE(cli(twice).err.find("другий хід цим важелем у раунді 1 (перший встановлює '0.9')"), std::string::npos)
      << cli(twice).err;

  const fs::path session = fs::temp_directory_path() / ("uk_moves_" + std::to_string(::getpid()) + ".json");
  std::ofstream(session) << R"({"workshop_path": ")" << kWorkshop << R"(", "rounds_played": 0, "moves": [
      {"round": 1, "team": "us_gov", "lever": "us.h20_licence", "value": "maybe"}]})";
  const Out bad = cli({"--lang", "uk", "workshop", "score", "--session", session.string()});
  fs::remove(session);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find(": /moves/0: раунд 1, команда 'us_gov', важіль 'us.h20_licence': очікувалося"),
            std::string::npos)
      << bad.err;
}

TEST_F(ShippedCatalogue, WorkshopCheck) {
  const Out uk = checkUkrainian({"workshop", "check", kWorkshop}, {"ok", "rounds", "levers", "objective", "weight"},
                                {"гаразд", "важелі:", "мета: ", "вага 0,5"});
  EXPECT_EQ(cli({"workshop", "--lang", "uk", "check", kWorkshop}).out, uk.out);
}

// The help of every command, `--help` with --lang uk: each description CLI11 shows in the
// English help (options, positionals, commands) and each heading is translated, and the
// columns line up by the characters a terminal shows.
TEST_F(ShippedCatalogue, HelpOfEveryCommandIsInTheLanguage) {
  const auto help = [](std::vector<std::string> command, bool uk) {
    command.push_back("--help");
    if (uk) command.insert(command.begin(), {"--lang", "uk"});
    const Out o = cli(command);
    EXPECT_EQ(o.code, 0) << o.err;
    return o.out;
  };
  const auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  // The commands, from the top-level help's list; the nested ones by name.
  std::vector<std::vector<std::string>> commands = {
      {}, {"workshop", "score"}, {"workshop", "check"}, {"story", "check"}};
  bool listing = false;
  for (const std::string& line : lines(help({}, false))) {
    if (line == "Subcommands:")
      listing = true;
    else if (listing && line.size() > 2 && line[2] != ' ')
      commands.push_back({line.substr(2, line.find(' ', 2) - 2)});
    else if (line.empty())
      listing = false;
  }
  ASSERT_EQ(commands.size(), 4u + 15u);
  int descriptions = 0;
  for (const auto& command : commands) {
    const std::string en = help(command, false), uk = help(command, true);
    const std::string name = command.empty() ? "chokepoint-cli" : command.back();
    for (const char* heading :
         {"Usage:", "Options:", "Positionals:", "Subcommands:", "Examples:", "Exit codes:", "REQUIRED"})
      EXPECT_EQ(uk.find(heading), std::string::npos) << name << ": " << heading << " in\n" << uk;
    EXPECT_NE(uk.find("Використання: chokepoint-cli"), std::string::npos) << uk;
    for (const std::string& line : lines(en)) {
      if (line.size() <= 30 || line.rfind("  ", 0) != 0 || line.rfind("  chokepoint-cli ", 0) == 0) continue;
      if (line[29] != ' ' || line[30] == ' ') continue;  // a name running past the column, or no text
      const std::string desc = line.substr(30);
      ++descriptions;
      EXPECT_EQ(uk.find(desc), std::string::npos) << name << ": left in English: " << desc;
    }
    for (const std::string& line : lines(uk)) {  // a description starts in column 31, as in English
      if (line.rfind("  ", 0) != 0 || line.rfind("  chokepoint-cli ", 0) == 0) continue;
      const std::size_t gap = line.find("   ");
      if (gap == std::string::npos) continue;
      const std::size_t text = line.find_first_not_of(' ', gap);
      EXPECT_EQ(cp::cli::displayWidth(line.substr(0, text)), 30u) << name << ": " << line;
    }
  }
  EXPECT_GE(descriptions, 100);
  // A translated "REQUIRED" takes two bytes a letter, yet its description stays on its line.
  EXPECT_NE(help({"run"}, true).find("  scenario TEXT ОБОВ'ЯЗКОВО   Файл сценарію (JSON)\n"), std::string::npos)
      << help({"run"}, true);
}

// Machine-read output keeps its English names and ids in every language.
TEST_F(ShippedCatalogue, CsvOfTheTranslatedCommandsIsTheSame) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"compare", kBaseline, kCrackdown, "--format", "csv"},
        std::vector<std::string>{"library", kBaseline, "--format", "csv"},
        std::vector<std::string>{"workshop", "score", kWorkshop, "--format", "csv"},
        std::vector<std::string>{"attribute", kBaseline, kCrackdown, "--metric", "bloc/china/compute_train_h100e",
                                 "--month", "2028-12", "--format", "json", "-q"}}) {
    auto uk = args;
    uk.insert(uk.end(), {"--lang", "uk"});
    EXPECT_EQ(cli(uk).out, cli(args).out) << args[0];
  }
}

}  // namespace
