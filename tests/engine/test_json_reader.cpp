// The one field reader behind scenarios, stories, workshops and calibration files: the
// same meta keys are accepted in every object of every kind of document, and the same
// field rules give the same messages.
#include <gtest/gtest.h>

#include "engine/calibration.h"
#include "engine/json_reader.h"
#include "engine/loader.h"
#include "engine/story.h"
#include "support.h"

using namespace cp;
using namespace cp::test;
using json = nlohmann::json;

namespace {

std::vector<std::string> listed(const std::vector<Problem>& ps) {
  std::vector<std::string> out;
  for (const Problem& p : ps) out.push_back(p.str());
  return out;
}

template <class F>
std::vector<std::string> problemsOf(F&& load) {
  try {
    load();
  } catch (const LoadError& e) {
    return listed(e.problems());
  }
  return {};
}

// Every meta key, plus one key nobody reads.
const char* kMeta = R"("source": "S19", "notes": "n", "$comment": "c", "$schema": "s.json")";

}  // namespace

TEST(JsonReader, MetaKeysPassAndOtherKeysAreUnknownWithAnEscapedPointer) {
  JsonReader r("f.json");
  const json obj = json::parse(std::string("{") + kMeta + R"(, "id": "a", "a/b": 1, "label": "x"})");
  EXPECT_TRUE(r.object(obj, "/things/0", {"id"}));
  EXPECT_EQ(listed(r.problems), (std::vector<std::string>{"f.json: /things/0/a~1b: unknown field",
                                                          "f.json: /things/0/label: unknown field"}));
  for (const char* k : {"source", "notes", "$comment", "$schema"}) EXPECT_TRUE(isMetaKey(k)) << k;
  for (const char* k : {"label", "note", "sources", "id"}) EXPECT_FALSE(isMetaKey(k)) << k;
}

TEST(JsonReader, FieldRulesAndTheirMessages) {
  JsonReader r("f.json");
  const json obj = json::parse(R"({"name": "", "tier": 7, "flag": "yes", "tags": ["a", 2], "id": "Bad Id",
    "when": "never", "weight": 0, "mode": "fast"})");
  EXPECT_EQ(r.str(obj, "name", "", true), "");
  EXPECT_EQ(r.str(obj, "missing", "", false, "fallback"), "fallback");
  EXPECT_EQ(r.integer(obj, "tier", "", false, 1, 3).value_or(1), 1);
  EXPECT_TRUE(r.boolean(obj, "flag", "", true));
  EXPECT_EQ(r.strList(obj, "tags", "", false), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.id(obj, ""), "Bad Id");
  EXPECT_FALSE(r.month(obj, "when", "", true).has_value());
  EXPECT_FALSE(r.number(obj, "weight", "", true, 0.0).has_value());
  EXPECT_EQ(r.choice(obj, "mode", "", true, {"slow", "steady"}), -1);
  EXPECT_EQ(listed(r.problems),
            (std::vector<std::string>{
                "f.json: /name: must not be empty", "f.json: /tier: expected a whole number 1..3, got 7",
                "f.json: /flag: expected true or false, got string", "f.json: /tags/1: expected a string, got number",
                "f.json: /id: id 'Bad Id' must be lower-case letters, digits, '_' or '.' (at most 64)",
                "f.json: /when: expected a month \"YYYY-MM\", got \"never\"", "f.json: /weight: must be > 0, got 0",
                "f.json: /mode: expected \"slow\" or \"steady\", got \"fast\""}));
}

TEST(JsonReader, ScenariosStoriesAndTargetsAcceptTheSameMetaKeys) {
  // A nested scenario object (a chip) with every meta key.
  EXPECT_EQ(problemsOf([] {
              loadScenarioFromString(
                  std::string(R"({"extends": "mini.json", "chips": [{"id": "h100", )") + kMeta + "}]}", "inline.json",
                  testPath("engine/fixtures"));
            }),
            std::vector<std::string>{});
  // A story with every meta key at its top level.
  EXPECT_EQ(problemsOf([] {
              loadStoryFromString(std::string(R"({"name": "t", "scenario": "baseline.json", )") + kMeta +
                                      R"(, "cards": [{"month": "2025-04", "title": "T", "text": "x", "source": "S19",
                                      "charts": ["nvidia_revenue"]}]})",
                                  "inline.json", sourcePath("scenarios"));
            }),
            std::vector<std::string>{});
  // A calibration target: only the unknown key is reported, at its escaped pointer.
  const std::string target = std::string(R"({"targets": [{)") + kMeta + R"(, "id": "t", "label": "T", "scope": "global",
    "entity": "world", "metric": "m", "from": "2024-01", "to": "2024-02", "aggregate": "sum", "low": 0, "high": 1,
    "unit": "usd", "a/b": 1}]})";
  EXPECT_EQ(problemsOf([&] { loadTargetsFromString(target, "targets.json"); }),
            (std::vector<std::string>{"targets.json: /targets/0/a~1b: unknown field"}));
}

TEST(JsonReader, RequiredScenarioStringsMustNotBeEmpty) {
  EXPECT_EQ(problemsOf([] {
              loadScenarioFromString(R"({"extends": "mini.json", "events": [{"month": "2024-06", "label": ""}]})",
                                     "inline.json", testPath("engine/fixtures"));
            }),
            (std::vector<std::string>{"inline.json: /events/0/label: must not be empty"}));
}
