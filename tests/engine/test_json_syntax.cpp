// A JSON syntax error names its line and column and its cause in plain words, with a hint
// for the commonest slips made by hand, and without the library's exception name.
#include <gtest/gtest.h>

#include "engine/json_doc.h"

namespace {

std::string problemOf(const std::string& text) {
  std::vector<cp::Problem> problems;
  nlohmann::json doc;
  EXPECT_FALSE(cp::parseDocument(text, {}, "f.json", problems, doc)) << text;
  return problems.empty() ? std::string() : problems.front().message;
}

}  // namespace

TEST(JsonSyntax, SaysWhereAndWhyWithAHintForTheCommonestSlips) {
  EXPECT_EQ(problemOf("{\n  \"name\": \"x\",\n  \"start\": 2022-01\n}\n"),
            "not valid JSON: line 3, column 17: unexpected number literal; expected '}' (a month needs double "
            "quotes: \"2026-01\")");
  EXPECT_EQ(problemOf("{\"a\": 1,}"),
            "not valid JSON: line 1, column 9: '}' after a comma: remove the last comma before it");
  EXPECT_EQ(problemOf("{\"a\": [1, 2,]}"),
            "not valid JSON: line 1, column 13: ']' after a comma: remove the last comma before it");
  EXPECT_EQ(
      problemOf("{\"a\": 1 \"b\": 2}"),
      "not valid JSON: line 1, column 11: unexpected string literal; expected '}' (is a comma missing before it?)");
  EXPECT_EQ(
      problemOf("{\"a\": [1 2]}"),
      "not valid JSON: line 1, column 10: unexpected number literal; expected ']' (is a comma missing before it?)");
  EXPECT_EQ(
      problemOf("{\"a\": 1 2}"),
      "not valid JSON: line 1, column 9: unexpected number literal; expected '}' (is a comma missing before it?)");
  EXPECT_EQ(problemOf("{\"a\": [\"x\", 2026-01]}"),
            "not valid JSON: line 1, column 18: unexpected number literal; expected ']' (a month needs double quotes: "
            "\"2026-01\")");
  EXPECT_EQ(problemOf("{\"a\": never}"),
            "not valid JSON: line 1, column 8: invalid literal (read: '\"a\": ne'): a word or a month needs double "
            "quotes, as in \"never\"");
  EXPECT_EQ(problemOf("{\"a\": \"x\ny\"}"),
            "not valid JSON: line 2, column 0: invalid string: control character U+000A (LF) must be written as "
            "\\u000A / \\n");
  EXPECT_EQ(problemOf("{\"a\": -x}"),
            "not valid JSON: line 1, column 8: invalid number; expected digit after '-' (read: '-x')");
  EXPECT_EQ(problemOf("{\n  \"name\": \"x\",\n"),
            "not valid JSON: line 3, column 1: unexpected end of input; expected string literal");
  EXPECT_EQ(problemOf("{'a': 1}").rfind("not valid JSON: line 1, column 2: invalid literal (read: '{''): ", 0), 0u);
}

TEST(JsonSyntax, AnErrorOfAnotherShapeIsKeptWhole) {
  EXPECT_EQ(cp::jsonSyntaxReason("something else").text, "not valid JSON: something else");
}

TEST(JsonSyntax, TheLibrarysWordsAreTranslatableParts) {
  const cp::Message m = cp::jsonSyntaxReason(
      "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error while parsing object key - "
      "unexpected end of input; expected string literal");
  EXPECT_EQ(m.format, "not valid JSON: line {}, column {}: {}");
  ASSERT_EQ(m.parts.size(), 1u);
  EXPECT_EQ(m.parts[0].format, "unexpected {}; expected {}");
  ASSERT_EQ(m.parts[0].parts.size(), 2u);
  EXPECT_EQ(m.parts[0].parts[0].format, "end of input");  // a word of the catalogue
  EXPECT_EQ(m.parts[0].parts[1].format, "string literal");
}
