// Share links (share_link.h): the fragment syntax round trip, bad links named precisely,
// and opening a link restores exactly the state it was copied from (or the baseline, and why).
#include "app/core/share_link.h"

#include "app/core/app_state.h"
#include "app/core/document.h"
#include "i18n/i18n.h"

#include "dashboard_fixture.h"
#include "scenario_paths.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>

using namespace cp::app;

namespace {

constexpr const char* kRemote = "us.remote_access_control";

std::vector<std::filesystem::path> library() { return {std::filesystem::path(CHOKEPOINT_SOURCE_DIR) / "scenarios"}; }

std::string parseError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parseShareLink(text, &error)) << text;
  return error;
}

}  // namespace

TEST(ShareLinkSyntax, FormatThenParseGivesTheSameLink) {
  const ShareLink link{"h200_blocked", {{kRemote, {"on@2027-01"}}, {"cn.nvidia_guidance", {"0.5", "0.9@2026-01"}}}, ""};
  const std::string text = formatShareLink(link);
  EXPECT_EQ(text,
            "#scenario=h200_blocked&lever=us.remote_access_control=on@2027-01"
            "&lever=cn.nvidia_guidance=0.5&lever=cn.nvidia_guidance=0.9@2026-01");
  std::string error;
  const auto back = parseShareLink(text, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(*back, link);
}

// The browser's whole address pasted into --link reads as its fragment (fuzz review: the
// help says "the browser's address", and the link was refused).
TEST(ShareLinkSyntax, TheWholeAddressReadsAsItsFragment) {
  const std::string fragment = "#scenario=baseline&lever=us.remote_access_control=on@2027-01";
  std::string error;
  const auto whole = parseShareLink("http://localhost:8123/index.html" + fragment, &error);
  ASSERT_TRUE(whole) << error;
  EXPECT_EQ(*whole, *parseShareLink(fragment, nullptr));
}

TEST(ShareLinkSyntax, EscapesWhatWouldBreakTheFragment) {
  const ShareLink link{"baseline", {{"odd.id", {"a&b #%"}}}, ""};
  const std::string text = formatShareLink(link);
  EXPECT_EQ(text, "#scenario=baseline&lever=odd.id=a%26b%20%23%25");
  const auto back = parseShareLink(text, nullptr);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, link);
}

TEST(ShareLinkSyntax, AcceptsWhatBrowsersDoToLinks) {
  // No '#', an escaped '@' and '=', a trailing '&'.
  const auto link = parseShareLink("scenario=baseline&lever=us.remote_access_control%3Don%402027-01&", nullptr);
  ASSERT_TRUE(link);
  EXPECT_EQ(link->scenario, "baseline");
  ASSERT_EQ(link->levers.size(), 1u);
  EXPECT_EQ(link->levers[0].second, std::vector<std::string>{"on@2027-01"});
}

TEST(ShareLinkSyntax, BadLinksSayWhatIsWrong) {
  EXPECT_NE(parseError("").find("empty"), std::string::npos);
  EXPECT_NE(parseError("#lever=a=1").find("names no scenario"), std::string::npos);
  EXPECT_NE(parseError("#scenario=../etc/passwd").find("not a library scenario id"), std::string::npos);
  EXPECT_NE(parseError("#scenario=a&scenario=b").find("twice"), std::string::npos);
  EXPECT_NE(parseError("#scenario=a&colour=red").find("unknown key 'colour'"), std::string::npos);
  EXPECT_NE(parseError("#scenario=a&lever=noequals").find("expected lever=ID=VALUE"), std::string::npos);
  EXPECT_NE(parseError("#scenario=a&lever=x=").find("part 2"), std::string::npos);
  EXPECT_NE(parseError("#scenario=a%2").find("hex digits"), std::string::npos);
}

TEST(ShareLinkOpen, RestoresExactlyTheCopiedState) {
  AppState from;
  from.scenario_path = cp::test::baselinePath();
  loadScenario(from);
  ASSERT_TRUE(hasScenario(from.doc));
  applyLeverSettings(from.doc, cp::parseLeverArgs({std::string(kRemote) + "=on@2027-01"}, *from.doc.loaded));
  std::string error;
  const std::string text = currentShareLink(from, library(), &error);
  ASSERT_FALSE(text.empty()) << error;
  EXPECT_EQ(text, "#scenario=baseline&lever=us.remote_access_control=on@2027-01");

  AppState to;
  EXPECT_EQ(openShareLink(to, text, library()), "");
  ASSERT_TRUE(hasScenario(to.doc));
  EXPECT_EQ(std::filesystem::path(to.scenario_path).filename(), "baseline.json");
  EXPECT_EQ(changedLeverStrings(to.doc), changedLeverStrings(from.doc));
  EXPECT_EQ(to.doc.edits.size(), from.doc.edits.size());
  for (size_t i = 0; i < to.doc.edits.size(); ++i)
    EXPECT_EQ(stepFunction(lever(to.doc, static_cast<int>(i)), to.doc.edits[i]),
              stepFunction(lever(from.doc, static_cast<int>(i)), from.doc.edits[i]));
  EXPECT_TRUE(to.ui.warnings.empty());
}

TEST(ShareLinkOpen, BadLinksFallBackToTheBaselineAndSayWhy) {
  for (const char* bad : {"#scenario=no_such_scenario", "#scenario=baseline&lever=no.such_lever=on",
                          "#scenario=baseline&lever=us.remote_access_control=maybe", "#garbage"}) {
    AppState state;
    const std::string error = openShareLink(state, bad, library());
    EXPECT_NE(error.find("Bad link, showing the baseline instead"), std::string::npos) << bad;
    ASSERT_TRUE(hasScenario(state.doc)) << bad;
    EXPECT_EQ(std::filesystem::path(state.scenario_path).filename(), "baseline.json") << bad;
    EXPECT_EQ(changedLeverCount(state.doc), 0) << bad;
    ASSERT_EQ(state.ui.warnings.size(), 1u) << bad;
    EXPECT_EQ(state.ui.warnings[0], error);
  }
}

// A Ukrainian class opening a link with a value the lever refuses reads why in Ukrainian.
TEST(ShareLinkOpen, ABadLeverValueIsExplainedInTheLanguage) {
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {CHOKEPOINT_SOURCE_DIR}, &error)) << error;
  AppState state;
  const std::string said = openShareLink(state, "#scenario=baseline&lever=us.remote_access_control=maybe", library());
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  EXPECT_NE(said.find("важіль us.remote_access_control: очікувалося true/false/on/off, отримано 'maybe'"),
            std::string::npos)
      << said;
}

TEST(ShareLinkSyntax, CarriesTheLanguageForAClass) {
  const ShareLink link{"baseline", {{kRemote, {"on"}}}, "uk"};
  EXPECT_EQ(formatShareLink(link), "#scenario=baseline&lever=us.remote_access_control=on&lang=uk");
  EXPECT_EQ(parseShareLink(formatShareLink(link), nullptr), link);
  EXPECT_NE(parseError("#scenario=baseline&lang=xx").find("unknown language 'xx'"), std::string::npos);
}

TEST(ShareLinkOpen, ALinkInUkrainianOpensInUkrainianAndIsCopiedSo) {
  AppState state;
  EXPECT_EQ(openShareLink(state, "#scenario=baseline&lang=uk", library()), "");
  EXPECT_EQ(state.ui.language, "uk");
  EXPECT_EQ(cp::i18n::language(), "uk");
  std::string error;
  EXPECT_EQ(currentShareLink(state, library(), &error), "#scenario=baseline&lang=uk") << error;
  setAppLanguage(state, "en");
  EXPECT_EQ(currentShareLink(state, library(), &error), "#scenario=baseline");
}

TEST(ShareLinkOpen, AnUnknownLeverIsNamedWithoutACommandLine) {
  AppState state;
  const std::string error = openShareLink(state, "#scenario=baseline&lever=no.such_lever=on", library());
  EXPECT_NE(error.find("has no lever 'no.such_lever'"), std::string::npos) << error;
  EXPECT_NE(error.find("showing the baseline"), std::string::npos) << error;
  EXPECT_EQ(error.find("chokepoint-cli"), std::string::npos) << error;
}

TEST(ShareLinkOpen, ALinkWithOnlyALanguageOpensTheBaselineInIt) {
  AppState state;
  EXPECT_EQ(openShareLink(state, "#lang=uk", library()), "");
  EXPECT_EQ(state.ui.language, "uk");
  EXPECT_TRUE(state.ui.warnings.empty());
  std::string error;
  EXPECT_EQ(currentShareLink(state, library(), &error), "#scenario=baseline&lang=uk") << error;
  setAppLanguage(state, "en");
}

TEST(ShareLinkOpen, AFileOutsideTheLibraryHasNoLink) {
  AppState state;
  state.scenario_path = cp::test::baselinePath();
  loadScenario(state);
  std::string error;
  EXPECT_EQ(currentShareLink(state, {std::filesystem::temp_directory_path()}, &error), "");
  EXPECT_NE(error.find("library scenario"), std::string::npos);
}

TEST(ShareLinkMenu, CopyLinkPutsTheLinkOnTheClipboard) {
  cp::test::DashboardFixture d;
  applyLeverSettings(d.state.doc, cp::parseLeverArgs({std::string(kRemote) + "=on@2027-01"}, *d.state.doc.loaded));
  d.settle();
  ASSERT_TRUE(d.ui.clickItem("menu/File", d.draw));
  d.ui.frame(d.draw);
  ASSERT_TRUE(d.ui.clickItem("File/Copy link", d.draw));
  EXPECT_STREQ(ImGui::GetClipboardText(), "#scenario=baseline&lever=us.remote_access_control=on@2027-01");
  EXPECT_NE(d.state.ui.status_message.find("Copied the link"), std::string::npos) << d.state.ui.status_message;
}
