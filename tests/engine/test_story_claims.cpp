// What the story cards say their "Try it" button shows is what the model shows: each claim
// in a card's text is checked against runs of the card's own try settings, so a model or
// story change that breaks a claim fails here instead of misleading a class.
#include <gtest/gtest.h>

#include <string>

#include "engine/levers.h"
#include "engine/simulate.h"
#include "engine/story.h"
#include "support.h"

namespace cp {
namespace {

using test::sourcePath;

const StoryCard& cardOf(const Story& st, const std::string& month) {
  for (const StoryCard& c : st.cards)
    if (c.month == *parseMonth(month)) return c;
  throw std::runtime_error("no card in " + month);
}

// The story's scenario as loaded, and with the card's Try it settings on top.
struct Pair {
  Results before, after;
  double at(bool tried, Scope scope, const char* id, const char* metric, const std::string& month) const {
    const Results& r = tried ? after : before;
    const double* v = r.find(scope, id, metric);
    if (v == nullptr) throw std::runtime_error(std::string("no series ") + id + "/" + metric);
    return v[r.monthIndex(*parseMonth(month))];
  }
  double sum(bool tried, Scope scope, const char* id, const char* metric, const std::string& from,
             const std::string& to) const {
    double s = 0;
    for (int m = *parseMonth(from); m <= *parseMonth(to); ++m) s += at(tried, scope, id, metric, formatMonth(m));
    return s;
  }
};

Pair tryCard(const Story& st, const StoryCard& card) {
  return {simulate(st.scenario), simulate(withLevers(st.scenario, parseLeverArgs(card.try_levers, st.scenario)))};
}

Story history() { return loadStory(sourcePath("scenarios/stories/history_2022_2025.json")); }
Story whatIf() { return loadStory(sourcePath("scenarios/stories/what_if_loophole_closed.json")); }

// Card 13: "Try it takes Beijing's push away: Chinese firms buy Nvidia's whole stock of
// H20s in one month, and then there are none left to sell."
TEST(StoryClaims, WithoutBeijingsPushTheH20StockSellsInOneMonth) {
  const Story st = history();
  const Pair p = tryCard(st, cardOf(st, "2025-08"));
  EXPECT_GT(p.at(true, Scope::Chip, "h20", "delivered_units_china", "2025-08"),
            50 * p.at(false, Scope::Chip, "h20", "delivered_units_china", "2025-08"));
  EXPECT_GT(p.at(true, Scope::Global, "world", "us_fee_revenue_usd", "2025-08"),
            50 * p.at(false, Scope::Global, "world", "us_fee_revenue_usd", "2025-08"));
  EXPECT_EQ(p.sum(true, Scope::Chip, "h20", "delivered_units_china", "2025-09", "2025-12"), 0.0);
}

// Card 15: "Huawei's line barely moves, because memory chips (HBM), not price, limit how
// many Ascends are made, and the money firms save buys other chips."
TEST(StoryClaims, ASubsidyBarelyMovesHuaweisShareAndBuysOtherChips) {
  const Story st = history();
  const Pair p = tryCard(st, cardOf(st, "2025-09"));
  for (const char* month : {"2026-06", "2026-12", "2027-12"}) {
    EXPECT_NEAR(p.at(true, Scope::Global, "world", "huawei_share_china", month),
                p.at(false, Scope::Global, "world", "huawei_share_china", month), 0.01)
        << month;
  }
  EXPECT_GT(p.at(true, Scope::Bloc, "china", "compute_train_h100e", "2027-12"),
            p.at(false, Scope::Bloc, "china", "compute_train_h100e", "2027-12"));
}

// Card 20: "Chinese buyers want more H200s than that, so the cap binds ... Without it
// Nvidia's 2026-27 sales to China would be about a fifth higher; Try it sets a tenth of US
// volume, which cuts them by more than half."
TEST(StoryClaims, TheH200CapBindsAndATenthCutsSalesByMoreThanHalf) {
  const Story st = history();
  const StoryCard& card = cardOf(st, "2026-01");
  const Pair p = tryCard(st, card);
  const double base = p.sum(false, Scope::Vendor, "nvidia", "revenue_china_usd", "2026-01", "2027-12");
  EXPECT_LT(p.sum(true, Scope::Vendor, "nvidia", "revenue_china_usd", "2026-01", "2027-12"), 0.5 * base);
  // "Without it ... about a fifth higher."
  const Results uncapped =
      simulate(withLevers(st.scenario, parseLeverArgs({"us.h200_china_volume_cap=1"}, st.scenario)));
  const Pair q{p.before, uncapped};
  const double ratio = q.sum(true, Scope::Vendor, "nvidia", "revenue_china_usd", "2026-01", "2027-12") / base;
  EXPECT_GT(ratio, 1.12);
  EXPECT_LT(ratio, 1.3);
}

// What-if card 2: "Leases already signed run to their end, so the 'Leased offshore' band ...
// shrinks over the next two years ... Try it turns off 'Installed chips keep working': the
// leases end at once."
TEST(StoryClaims, SignedLeasesRunOutUnlessInstalledChipsStopCounting) {
  const Story st = whatIf();
  const Pair p = tryCard(st, cardOf(st, "2027-01"));
  const double before = p.at(false, Scope::Bloc, "china", "compute_leased_h100e", "2026-12");
  const double year_on = p.at(false, Scope::Bloc, "china", "compute_leased_h100e", "2027-12");
  EXPECT_GT(year_on, 0.3 * before);  // not most of it at once
  EXPECT_LT(year_on, 0.8 * before);  // but shrinking
  EXPECT_LT(p.at(false, Scope::Bloc, "china", "compute_leased_h100e", "2028-12"), 0.15 * before);
  EXPECT_LT(p.at(true, Scope::Bloc, "china", "compute_leased_h100e", "2027-01"), 0.2 * before);
}

// What-if cards 3 and 4: Try it switches the rule off, so the comparison is on screen
// (leases signed in 2026 run on through 2027; by the end of 2028 the gap is wide).
TEST(StoryClaims, TheWhatIfsComparisonCardsSwitchTheRuleOff) {
  const Story st = whatIf();
  for (const char* month : {"2027-03", "2027-06"}) {
    const Pair p = tryCard(st, cardOf(st, month));
    EXPECT_GT(p.at(true, Scope::Bloc, "china", "compute_leased_h100e", "2027-12"),
              p.at(false, Scope::Bloc, "china", "compute_leased_h100e", "2027-12"))
        << month;
    EXPECT_GT(p.at(true, Scope::Bloc, "china", "compute_leased_h100e", "2028-12"),
              1.5 * p.at(false, Scope::Bloc, "china", "compute_leased_h100e", "2028-12"))
        << month;
  }
}

}  // namespace
}  // namespace cp
