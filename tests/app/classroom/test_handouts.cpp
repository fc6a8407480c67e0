// Workshop handouts: a card per team with its brief, objectives in words and every lever
// it controls with the lever's range, and move slips per team and round; written from the
// command line flag or File > Export workshop handouts.
#include "app/core/app_state.h"
#include "app/platform/cli_args.h"
#include "app/classroom/classroom.h"
#include "app/classroom/workshop_handouts.h"
#include "app/classroom/classroom_ui.h"
#include "app/panels/theme.h"
#include "engine/workshop.h"

#include "classroom_fixture.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace cp::app;
using cp::test::ClassroomFixture;
using cp::test::TempDir;
using cp::test::workshopPath;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(Handouts, EveryTeamGetsACardWithItsLeversRangesAndObjectives) {
  const cp::Workshop w = cp::loadWorkshop(workshopPath("compute_race.json"));
  TempDir dir;
  std::vector<std::string> files;
  ASSERT_EQ(writeWorkshopHandouts(w, (dir.path() / "pack").string(), &files), "");
  EXPECT_EQ(files.size(), w.teams.size() + 2);  // cards, slips, index
  const std::string index = slurp(dir.path() / "pack" / "README.md");
  for (const cp::Team& t : w.teams) {
    const auto card = dir.path() / "pack" / ("team_" + t.id + ".md");
    ASSERT_TRUE(std::filesystem::is_regular_file(card)) << t.id;
    const std::string md = slurp(card);
    EXPECT_NE(md.find("# " + t.name), std::string::npos);
    EXPECT_NE(md.find(t.brief), std::string::npos) << t.id;
    for (const cp::Objective& o : t.objectives) {
      EXPECT_NE(md.find(o.label), std::string::npos) << t.id << ": " << o.label;
      EXPECT_NE(md.find(objectiveInWords(o)), std::string::npos) << t.id;
    }
    for (const std::string& id : t.levers) {
      const cp::Lever& l = w.scenario.levers[static_cast<size_t>(w.scenario.findLever(id))];
      EXPECT_NE(md.find("**" + l.label + "** (`" + id + "`) | " + leverRangeInWords(l)), std::string::npos)
          << t.id << ": " << id;
    }
    EXPECT_NE(index.find("team_" + t.id + ".md"), std::string::npos);
  }
  const std::string slips = slurp(dir.path() / "pack" / "move_slips.md");
  for (const cp::Team& t : w.teams)
    for (int r = 1; r <= w.rounds; ++r)
      EXPECT_NE(slips.find("**" + t.name + "**, round " + std::to_string(r)), std::string::npos) << t.id << " " << r;
}

TEST(Handouts, MoveSlipsAskForWhatAMoveIsAndHaveARowPerAllowedMove) {
  const cp::Workshop w = cp::loadWorkshop(workshopPath("compute_race.json"));
  const std::string slips = moveSlipsMarkdown(w);
  EXPECT_EQ(slips.find("From month"), std::string::npos) << "a move's month is its round's start";
  const std::string slip = "| Lever | New value |\n|---|---|\n| | |\n| | |\n\nAt most 2 moves";
  size_t count = 0;
  for (size_t at = slips.find(slip); at != std::string::npos; at = slips.find(slip, at + 1)) ++count;
  EXPECT_EQ(count, w.teams.size() * static_cast<size_t>(w.rounds)) << slips;
}

// Printed cards: the muted subtitle and footer must read on paper (WCAG AA, 4.5:1).
TEST(Handouts, CardGreyHasPrintableContrastOnTheLightBackground) {
  ImGuiStyle style;
  applyTheme(Theme::Light, style);
  const ImVec4 bg = style.Colors[ImGuiCol_WindowBg];
  const auto luminance = [](const ImVec4& c) {
    const auto lin = [](float v) { return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
  };
  const float ratio = (luminance(bg) + 0.05f) / (luminance(handoutMutedText()) + 0.05f);
  EXPECT_GE(ratio, 4.5f);
}

TEST(Handouts, ObjectivesAndRangesReadAsWords) {
  cp::Objective gap;
  gap.label = "China's frontier gap, months";
  gap.metric = "frontier_gap_months";
  gap.weight = 0.5;
  gap.better = cp::Better::Higher;
  gap.aggregate = cp::Aggregate::Mean;
  gap.scale = 6;
  EXPECT_EQ(objectiveInWords(gap),
            "China's frontier gap, months: higher is better, averaged over the round; worth 50 points "
            "(full points for 6.0 months more than if nobody moved)");
  cp::Lever share;
  share.kind = cp::LeverKind::Share;
  share.min = 0;
  share.max = 1;
  share.step = 0.05;
  EXPECT_EQ(leverRangeInWords(share), "0 to 1 in steps of 0.05");
  cp::Lever on_off;
  on_off.kind = cp::LeverKind::Bool;
  EXPECT_EQ(leverRangeInWords(on_off), "on / off");
}

TEST(Handouts, CommandLineFlagWritesThePack) {
  const CliParseResult r =
      parseCliArgs({"--workshop", workshopPath("compute_race.json"), "--workshop-handouts", "out"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.workshop_handouts, "out");
  EXPECT_FALSE(parseCliArgs({"--workshop-handouts"}).ok());

  ClassroomFixture f;
  TempDir dir;
  CliArgs args = r.args;
  args.workshop_handouts = (dir.path() / "cli_pack").string();
  ASSERT_EQ(applyClassroomArgs(f.state, args), "");
  f.settle();
  handleClassroomRequests(f.state);
  EXPECT_TRUE(std::filesystem::is_regular_file(dir.path() / "cli_pack" / "team_us_gov.md"));
  EXPECT_TRUE(std::filesystem::is_regular_file(dir.path() / "cli_pack" / "move_slips.md"));
  EXPECT_FALSE(f.state.ui.status_is_error) << f.state.ui.status_message;
}

TEST(Handouts, EachTeamCardIsAlsoCapturedAsAPictureInTheLightTheme) {
  ClassroomFixture f;
  ASSERT_TRUE(openWorkshop(f.state, workshopPath("compute_race.json")).empty());
  f.settle();
  TempDir dir;
  f.state.classroom.requests.export_handouts = (dir.path() / "pack").string();
  std::vector<std::string> shots;
  for (int i = 0; i < 60 && (shots.empty() || classroomBusy(f.state)); ++i) {
    f.ui.frame(f.draw);
    handleRequests(f.state);
    handleClassroomRequests(f.state);
    if (f.state.ui.requests.screenshot) {
      EXPECT_FALSE(f.state.ui.requests.screenshot->crop_to_enlarged_chart) << "the whole window: the card covers it";
      EXPECT_EQ(f.state.ui.theme, Theme::Light);
      f.ui.frame(f.draw);  // the card is drawn before the capture
      EXPECT_TRUE(f.ui.itemRect("handout/card"));
      shots.push_back(f.state.ui.requests.screenshot->path);
      f.state.ui.requests.screenshot.reset();  // as the main loop does once it has saved the PNG
    }
  }
  const cp::Workshop& w = *f.state.classroom.workshop.workshop;
  ASSERT_EQ(shots.size(), w.teams.size());
  for (size_t t = 0; t < w.teams.size(); ++t)
    EXPECT_EQ(shots[t], (dir.path() / "pack" / ("team_" + w.teams[t].id + ".png")).string());
  EXPECT_FALSE(classroomBusy(f.state));
  EXPECT_EQ(f.state.ui.theme, Theme::Dark) << "the theme is back";
  f.ui.frame(f.draw);
  EXPECT_FALSE(f.ui.itemRect("handout/card")) << "the dashboard is back";
}
