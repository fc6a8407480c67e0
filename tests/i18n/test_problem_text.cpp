// A scenario file's problem in the current language: the reason's template and its phrase
// arguments are looked up; values from the file are not; English and a translator's slip
// give the engine's English sentence.
#include "i18n/i18n.h"
#include "i18n/problem_text.h"

#include <gtest/gtest.h>

using namespace cp::i18n;

namespace {

// The problem reason("expected {}, got {}", phrase("a number"), "\"a number\"") makes, built
// by hand (this test links the catalogue, not the engine).
cp::Problem expectedNumber() {
  cp::Problem p;
  p.file = "f.json";
  p.pointer = "/chips/0/price_usd";
  p.message = "expected a number, got \"a number\"";
  p.why.format = "expected {}, got {}";
  p.why.args = {"a number", "\"a number\""};
  p.why.phrases = 1u;  // the first argument only
  p.why.text = p.message;
  return p;
}

struct Ukrainian : ::testing::Test {
  void SetUp() override {
    Catalogue c;
    c.add("expected {}, got {}", "очікувалося {}, отримано {}");
    c.add("a number", "число");
    c.add("(document)", "(документ)");
    setLanguage("uk", std::move(c));
  }
  void TearDown() override { setLanguage("en", Catalogue{}); }
};

}  // namespace

TEST_F(Ukrainian, TheTemplateAndItsPhrasesAreTranslatedTheFilesValuesAreNot) {
  const cp::Problem p = expectedNumber();
  EXPECT_EQ(problemReason(p), "очікувалося число, отримано \"a number\"");
  EXPECT_EQ(problemLine(p), "f.json: /chips/0/price_usd: очікувалося число, отримано \"a number\"");
  cp::Problem whole = p;
  whole.pointer.clear();
  EXPECT_EQ(problemLine(whole), "f.json: (документ): очікувалося число, отримано \"a number\"");
}

TEST_F(Ukrainian, AReasonWithoutATemplateOrATranslationStaysEnglish) {
  cp::Problem plain = expectedNumber();
  plain.why.format.clear();  // Message::plain: a JSON parser's words
  EXPECT_EQ(problemReason(plain), plain.message);
  cp::Problem unknown = expectedNumber();
  unknown.why.format = "must be {}, got {}";
  unknown.message = "must be a number, got \"a number\"";
  unknown.why.text = unknown.message;
  EXPECT_EQ(problemReason(unknown), unknown.message) << "all English, not half translated";
}

TEST_F(Ukrainian, ATranslatorsSlipGivesTheEnglishSentence) {
  Catalogue c;
  c.add("expected {}, got {}", "очікувалося {} {} {}");  // one placeholder too many
  setLanguage("uk", std::move(c));
  const cp::Problem p = expectedNumber();
  EXPECT_EQ(problemReason(p), p.message);
}

TEST(ProblemText, EnglishIsTheEnginesSentence) {
  setLanguage("en", Catalogue{});
  const cp::Problem p = expectedNumber();
  EXPECT_EQ(problemReason(p), p.message);
  EXPECT_EQ(problemLine(p), "f.json: /chips/0/price_usd: expected a number, got \"a number\"");
}

// A reason inside a reason (a workshop move's "round 1, team 'x', lever 'y': {}") is translated
// on its own; lines of reasons need no template of their own.
TEST_F(Ukrainian, ANestedReasonAndLinesOfReasonsAreTranslatedPartByPart) {
  Catalogue c;
  c.add("expected {}, got {}", "очікувалося {}, отримано {}");
  c.add("a number", "число");
  c.add("round {}: {}", "раунд {}: {}");
  setLanguage("uk", std::move(c));
  cp::Message inner = expectedNumber().why;
  cp::Message outer;
  outer.format = "round {}: {}";
  outer.args = {"2", inner.text};
  outer.nested = 2u;
  outer.parts = {inner};
  outer.text = "round 2: " + inner.text;
  EXPECT_EQ(messageText(outer), "раунд 2: очікувалося число, отримано \"a number\"");

  cp::Message both;
  both.format = "{}\n{}";
  both.args = {outer.text, inner.text};
  both.nested = 3u;
  both.parts = {outer, inner};
  both.text = outer.text + "\n" + inner.text;
  EXPECT_EQ(messageText(both),
            "раунд 2: очікувалося число, отримано \"a number\"\nочікувалося число, отримано \"a number\"");
}
