// Engine sentences through a caller's lookup (engine/text.h): English by default, the
// caller's translation when it has one, and the English template when a translated one
// does not fit the arguments.
#include "engine/rules.h"
#include "engine/scenario.h"
#include "engine/text.h"

#include <gtest/gtest.h>

#include <cstring>

namespace {

const char* fakeUkrainian(const char* english) {
  if (std::strcmp(english, "allowed: no rule applies") == 0) return "дозволено: жодне правило не діє";
  if (std::strcmp(english, "denied: {}") == 0) return "заборонено: {} {}";  // one placeholder too many
  return english;
}

TEST(EngineText, ExplainUsesTheCallersLookupAndFallsBackToEnglish) {
  const cp::Scenario s;
  cp::Verdict allowed;
  allowed.status = cp::Status::Allowed;
  EXPECT_EQ(cp::explain(s, allowed), "allowed: no rule applies");
  EXPECT_EQ(cp::explain(s, allowed, cp::Text{}), "allowed: no rule applies");
  EXPECT_EQ(cp::explain(s, allowed, cp::Text{&fakeUkrainian}), "дозволено: жодне правило не діє");
  cp::Verdict denied;
  denied.status = cp::Status::Denied;
  EXPECT_EQ(cp::explain(s, denied, cp::Text{&fakeUkrainian}), cp::explain(s, denied));
}

}  // namespace
