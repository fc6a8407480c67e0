// `chokepoint-cli story check STORY`: validate a story and list its cards.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "i18n/problem_text.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "engine/story.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

struct CheckArgs {
  std::string story;
  std::vector<std::string> charts;
};

Command addCheck(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  app.add_option("story", a->story, i18n::tr("Story file (JSON)"))->required();
  app.add_option("--charts", a->charts, i18n::tr("Chart ids a card may highlight (default: the dashboard's charts)"))
      ->delimiter(',');
  return [a](std::ostream& out, std::ostream& err) -> int {
    StoryOptions opts;
    opts.chart_ids = a->charts;
    Story st;
    try {
      st = loadStory(a->story, opts);
    } catch (const LoadError& e) {
      for (const Problem& p : e.problems()) err << i18n::problemLine(p) << "\n";
      return kUsage;
    }
    out << i18n::trf("{}: ok. {} cards; scenario {}\n", i18n::tr(st.name), st.cards.size(), st.scenario_file);
    for (const std::string& s : st.set) out << i18n::trf("  set {}\n", s);
    std::size_t width = 0;  // months as words differ in width
    for (const StoryCard& c : st.cards) width = std::max(width, displayWidth(humanMonth(c.month)));
    for (const StoryCard& c : st.cards)
      out << fmt::format("{:<{}}  {}\n", humanMonth(c.month), width, i18n::tr(c.title));
    return kOk;
  };
}

}  // namespace

Command addStory(CLI::App& app) {
  app.require_subcommand(1);
  CLI::App* check = app.add_subcommand("check", i18n::tr("Check a story file and list its cards (month, title)"));
  Command run = addCheck(*check);
  return [check, run](std::ostream& out, std::ostream& err) -> int { return check->parsed() ? run(out, err) : kUsage; };
}

}  // namespace cp::cli
