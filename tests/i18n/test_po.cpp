// The PO parser on the cases translators' tools produce: contexts, multi-line strings,
// C escapes, fuzzy and obsolete entries, plural forms, and broken input.
#include "i18n/po.h"

#include <gtest/gtest.h>

using cp::i18n::parsePo;
using cp::i18n::unescapePo;

TEST(Po, HeaderAndSimpleEntries) {
  const auto f = parsePo(
      "# comment\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Language: uk\\n\"\n"
      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "#: src/app/panels/app_ui.cpp:10\n"
      "msgid \"Levers\"\n"
      "msgstr \"Важелі\"\n",
      "t.po");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0];
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].msgid, "");
  EXPECT_EQ(f.entries[0].msgstr[0], "Language: uk\nContent-Type: text/plain; charset=UTF-8\n");
  EXPECT_EQ(f.entries[1].msgid, "Levers");
  EXPECT_EQ(f.entries[1].msgstr[0], "Важелі");
  EXPECT_EQ(f.entries[1].line, 8);
}

TEST(Po, MultiLineContextEscapesAndFuzzy) {
  const auto f = parsePo(
      "msgctxt \"menu\"\n"
      "msgid \"\"\n"
      "\"Open \\\"file\\\"\\t\"\n"
      "\"and more\\n\"\n"
      "msgstr \"Відкрити \\\"файл\\\"\\t\"\n"
      "\"і ще\\n\"\n"
      "\n"
      "#, fuzzy, c-format\n"
      "msgid \"%d rules\"\n"
      "msgstr \"%d правил\"\n"
      "\n"
      "#, c-format\n"
      "msgid \"%s of %s\"\n"
      "msgstr \"%s з %s\"\n",
      "t.po");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0];
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].context, "menu");
  EXPECT_EQ(f.entries[0].msgid, "Open \"file\"\tand more\n");
  EXPECT_EQ(f.entries[0].msgstr[0], "Відкрити \"файл\"\tі ще\n");
  EXPECT_TRUE(f.entries[1].fuzzy);
  EXPECT_FALSE(f.entries[2].fuzzy);  // "c-format" alone is not fuzzy
}

TEST(Po, PluralFormsAreParsedInOrder) {
  const auto f = parsePo(
      "msgid \"%d month\"\n"
      "msgid_plural \"%d months\"\n"
      "msgstr[0] \"%d місяць\"\n"
      "msgstr[1] \"%d місяці\"\n"
      "msgstr[2] \"%d місяців\"\n",
      "t.po");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0];
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].msgid_plural, "%d months");
  ASSERT_EQ(f.entries[0].msgstr.size(), 3u);
  EXPECT_EQ(f.entries[0].msgstr[2], "%d місяців");
}

TEST(Po, ObsoleteEntriesAreLeftOutAndUntranslatedKept) {
  const auto f = parsePo(
      "msgid \"Old\"\nmsgstr \"\"\n\n"
      "#~ msgid \"Gone\"\n#~ msgstr \"Зникло\"\n",
      "t.po");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0];
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].msgid, "Old");
  EXPECT_FALSE(f.entries[0].translated());
}

TEST(Po, BrokenInputIsReportedWithFileAndLineNotThrown) {
  const auto f = parsePo(
      "msgid \"ok\"\nmsgstr \"гаразд\"\n\n"
      "msgid \"unterminated\nmsgstr \"x\"\n\n"
      "bogus \"x\"\n\n"
      "msgstr \"orphan\"\n\n"
      "msgid \"no translation line\"\n",
      "bad.po");
  ASSERT_GE(f.problems.size(), 3u);
  EXPECT_EQ(f.problems[0].rfind("bad.po:4: ", 0), 0u) << f.problems[0];
  ASSERT_FALSE(f.entries.empty());
  EXPECT_EQ(f.entries[0].msgstr[0], "гаразд");
  for (const auto& e : f.entries) EXPECT_NE(e.msgid, "unterminated");
  EXPECT_NE(f.problems.back().find("msgid without msgstr"), std::string::npos);
}

TEST(Po, EscapesOctalHexAndUnknown) {
  EXPECT_EQ(unescapePo("a\\101\\x42\\\\"), "aAB\\");
  bool ok = true;
  EXPECT_EQ(unescapePo("x\\q", &ok), "x\\q");
  EXPECT_FALSE(ok);
  unescapePo("trailing\\", &ok);
  EXPECT_FALSE(ok);
}

TEST(Po, ByteOrderMarkAndCrlf) {
  const auto f = parsePo("\xEF\xBB\xBFmsgid \"A\"\r\nmsgstr \"Б\"\r\n", "t.po");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0];
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].msgstr[0], "Б");
}
