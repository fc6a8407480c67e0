// Save As writes a variant that extends the loaded file; opening it gives the same levers.
#include "app/core/app_state.h"
#include "app/core/scenario_files.h"
#include "app/core/settings.h"

#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/month.h"

#include "scenario_paths.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace cp::app;
using cp::test::baselinePath;
using cp::test::TempDir;

namespace {

Document editedDocument() {
  Document doc = openDocument(baselinePath(), std::make_shared<const cp::Scenario>(cp::loadScenario(baselinePath())));
  applyLeverSettings(
      doc, cp::parseLeverArgs({"us.remote_access_control=on", "us.remote_access_from=2026-07", "sea.power_growth=0.5",
                               "cn.nvidia_guidance=0.9@2026-01", "us.location_verification_from=2027-01"},
                              *doc.loaded));
  return doc;
}

// Every lever's value in every month of the run.
std::vector<double> leverValues(const cp::Scenario& s) {
  std::vector<double> out;
  for (int i = 0; i < static_cast<int>(s.levers.size()); ++i)
    for (int m = s.start; m <= s.end; ++m) out.push_back(cp::leverValueAt(s, i, m));
  return out;
}

}  // namespace

TEST(Variant, JsonExtendsRelativelyAndSetsTypedValues) {
  TempDir dir;
  const Document doc = editedDocument();
  const auto json = nlohmann::json::parse(variantJson(doc, dir / "v.json", "Loophole closed"));
  const std::string extends = json.at("extends");
  EXPECT_EQ(extends.front(), '.') << "relative to the variant's directory: " << extends;
  EXPECT_EQ(json.at("name"), "Loophole closed");
  const auto& set = json.at("set");
  EXPECT_EQ(set.size(), 5u);
  EXPECT_EQ(set.at("us.remote_access_control"), "on");
  EXPECT_EQ(set.at("us.remote_access_from"), "2026-07");
  EXPECT_EQ(set.at("sea.power_growth"), "0.5");
  // A dated edit joins the schedule the baseline sets (full strength from 2025-11).
  EXPECT_EQ(set.at("cn.nvidia_guidance"), nlohmann::json({"1@2025-11", "0.9@2026-01"}));
  EXPECT_EQ(set.at("us.location_verification_from"), "2027-01");
}

TEST(Variant, SaveThenLoadGivesTheSameLeverValues) {
  TempDir dir;
  const Document doc = editedDocument();
  const auto path = dir / "sub" / "variant.json";
  std::filesystem::create_directories(path.parent_path());
  ASSERT_EQ(saveVariant(doc, path, "My variant"), "");
  const cp::Scenario back = cp::loadScenario(path.string());
  EXPECT_EQ(back.name, "My variant");
  EXPECT_EQ(leverValues(back), leverValues(snapshot(doc)));
}

TEST(Variant, ResetToCatalogueDefaultOverridesTheParentsSet) {
  TempDir dir;
  // A parent that sets a lever; the child sets it back to the catalogue default.
  const auto parent = dir / "parent.json";
  std::ofstream(parent) << R"({"extends": ")" << baselinePath() << R"(", "set": {"us.h20_licence": "off"}})";
  Document doc = openDocument(parent.string(), std::make_shared<const cp::Scenario>(cp::loadScenario(parent.string())));
  const int i = doc.loaded->findLever("us.h20_licence");
  ASSERT_DOUBLE_EQ(leverValue(doc, i), 0.0);
  setLeverValue(doc, i, 1.0);
  ASSERT_TRUE(leverChanged(doc, i));
  const auto child = dir / "child.json";
  ASSERT_EQ(saveVariant(doc, child, "child"), "");
  const cp::Scenario back = cp::loadScenario(child.string());
  EXPECT_DOUBLE_EQ(cp::leverValueAt(back, i, back.start), 1.0);
}

// Saving onto the open variant writes into it: its parent and everything else it says
// stay, its `set` takes the changes (once, each Save added a level of `extends`).
TEST(Variant, SavingOntoTheOpenVariantUpdatesItInPlace) {
  TempDir dir;
  const auto mine = dir / "mine.json";
  std::ofstream(mine) << R"({"extends": ")" << baselinePath()
                      << R"(", "name": "Mine", "description": "kept", "set": {"us.h20_licence": "off"}})";
  Document doc = openDocument(mine.string(), std::make_shared<const cp::Scenario>(cp::loadScenario(mine.string())));
  const int i = doc.loaded->findLever("sg.enforcement");
  setLeverValue(doc, i, 0.95);
  ASSERT_EQ(saveVariant(doc, mine, "Mine v2"), "");
  const auto json = nlohmann::json::parse(readTextFile(mine).value());
  EXPECT_EQ(json.at("extends"), baselinePath()) << "still extends the baseline, not itself";
  EXPECT_EQ(json.at("description"), "kept");
  EXPECT_EQ(json.at("name"), "Mine v2");
  EXPECT_EQ(json.at("set").at("us.h20_licence"), "off");
  EXPECT_EQ(json.at("set").at("sg.enforcement"), "0.95");
  const cp::Scenario back = cp::loadScenario(mine.string());
  EXPECT_EQ(leverValues(back), leverValues(snapshot(doc)));
}

// Replacing a file the open scenario extends would make a cycle of the chain (and lose it).
TEST(Variant, RefusesToOverwriteAFileTheOpenScenarioExtends) {
  TempDir dir;
  const auto parent = dir / "p.json";
  std::ofstream(parent) << R"({"extends": ")" << baselinePath() << "\"}";
  const auto child = dir / "c.json";
  std::ofstream(child) << R"({"extends": "p.json"})";
  Document doc = openDocument(child.string(), std::make_shared<const cp::Scenario>(cp::loadScenario(child.string())));
  const std::string before = readTextFile(parent).value();
  EXPECT_EQ(saveVariant(doc, parent, "x"),
            "cannot overwrite p.json: the open scenario extends it; choose another file name");
  EXPECT_EQ(readTextFile(parent).value(), before);
  EXPECT_NE(saveVariant(doc, baselinePath(), "x"), "") << "nor the grandparent";

  Document base = openDocument(baselinePath(), std::make_shared<const cp::Scenario>(cp::loadScenario(baselinePath())));
  EXPECT_NE(saveVariant(base, baselinePath(), "x"), "") << "a scenario that extends nothing is never replaced";
}

TEST(ScenarioFiles, ListsJsonButNotTheSchema) {
  TempDir dir;
  std::ofstream(dir / "b.json") << "{}";
  std::ofstream(dir / "a.json") << "{}";
  std::ofstream(dir / "schema.json") << "{}";
  std::ofstream(dir / "notes.md") << "x";
  const auto files = listScenarioFiles({dir.path(), dir.path()});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_NE(files[0].find("a.json"), std::string::npos);
  EXPECT_NE(files[1].find("b.json"), std::string::npos);
}

TEST(AppSave, SaveAsThenOpenRestoresLeversThroughRequests) {
  TempDir dir;
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  applyLeverSettings(state.doc, cp::parseLeverArgs({"sg.enforcement=0.95", "us.diffusion_rule=on"}, *state.doc.loaded));
  const auto expected = leverValues(snapshot(state.doc));
  const auto path = (dir / "saved.json").string();

  state.ui.requests.save_as_name = "Saved";
  state.ui.requests.save_as = path;
  handleRequests(state);
  EXPECT_FALSE(isDirty(state.doc));
  EXPECT_EQ(state.doc.saved_path, path);

  state.ui.requests.open = path;
  handleRequests(state);
  ASSERT_TRUE(state.scenario_loaded) << (state.load_error ? *state.load_error : "");
  EXPECT_EQ(state.doc.loaded->name, "Saved");
  EXPECT_EQ(leverValues(snapshot(state.doc)), expected);
  EXPECT_EQ(state.ui.recent_files.front(), displayPath(path));
}

TEST(AppSave, ExportCsvWritesEveryResult) {
  TempDir dir;
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  const auto path = dir / "r.csv";
  state.ui.requests.export_csv = path.string();
  handleRequests(state);
  EXPECT_FALSE(state.ui.status_is_error) << state.ui.status_message;
  std::ifstream in(path);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "month,scope,id,metric,value");
}
