#include "app/classroom/workshop_handouts.h"

#include "app/core/settings.h"
#include "app/classroom/workshop_mode.h"
#include "engine/levers.h"
#include "engine/month.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"
#include "i18n/format.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace cp::app {

namespace {

namespace fs = std::filesystem;

const char* aggregateWords(cp::Aggregate a) {
  switch (a) {
    case cp::Aggregate::Sum: return tr("summed over the round");
    case cp::Aggregate::Mean: return tr("averaged over the round");
    case cp::Aggregate::Last: return tr("in the round's last month");
    case cp::Aggregate::Max: return tr("its highest month in the round");
    case cp::Aggregate::Change: return tr("its change over the round");
  }
  return tr("over the round");
}

}  // namespace

std::string markdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string objectiveInWords(const cp::Objective& o) {
  std::string s =
      trf("{}: {} is better, {}; worth {:g} points", tr(o.label),
          o.better == cp::Better::Higher ? tr("higher") : tr("lower"), aggregateWords(o.aggregate), 100.0 * o.weight);
  if (o.scale > 0)
    s += trf(" (full points for {} {} than if nobody moved)", formatObjectiveValue(o.scale, o.metric),
             o.better == cp::Better::Higher ? tr("more") : tr("less"));
  else
    s += tr(" (full points for a change as large as the value if nobody moved)");
  return s;
}

std::string leverRangeInWords(const cp::Lever& l) {
  switch (l.kind) {
    case cp::LeverKind::Bool: return tr("on / off");
    case cp::LeverKind::Month:
      return trf("a month ({} to {}), or never", displayMonth(static_cast<int>(l.min)),
                 displayMonth(static_cast<int>(l.max)));
    case cp::LeverKind::Choice: {
      std::string s;
      for (const std::string& o : l.options) s += (s.empty() ? "" : " / ") + o;
      return s;
    }
    case cp::LeverKind::Share:
    case cp::LeverKind::Number: {
      std::string s = trf("{:g} to {:g}", l.min, l.max);
      if (l.step > 0) s += trf(" in steps of {:g}", l.step);
      if (!l.unit.empty()) s += std::string(" ") + tr(l.unit);
      return cp::i18n::localizeNumber(s);
    }
  }
  return "";
}

std::string teamCardMarkdown(const cp::Workshop& w, const cp::Team& team) {
  std::string md = trf("# {}\n\n*{}: {} rounds of {} months from {}.*\n\n", tr(team.name), tr(w.name), w.rounds,
                       w.round_months, displayMonth(w.start));
  md += tr("## Your brief\n\n") + std::string(tr(team.brief)) + tr("\n\n## Your objectives\n\n");
  for (const cp::Objective& o : team.objectives) md += "- " + objectiveInWords(o) + "\n";
  md +=
      tr("\nEach round your points compare the world you played with the same world in which nobody "
         "moved. Other teams' moves change your points too.\n\n## Your levers\n\n"
         "| Lever | Range | In the scenario | What it does |\n|---|---|---|---|\n");
  for (const std::string& id : team.levers) {
    const int i = w.scenario.findLever(id);
    if (i < 0) continue;
    const cp::Lever& l = w.scenario.levers[static_cast<size_t>(i)];
    md += fmt::format("| **{}** (`{}`) | {} | {} | {} |\n", markdownCell(tr(l.label)), l.id,
                      markdownCell(leverRangeInWords(l)), markdownCell(displayLeverValue(l, l.value)),
                      markdownCell(tr(l.help)));
  }
  md +=
      tr("\nA move sets one of your levers from the start of the round on. Write it on a move slip "
         "and hand it to the facilitator before the round is played.\n");
  return md;
}

std::string moveSlipsMarkdown(const cp::Workshop& w) {
  std::string md = trf("# {}: move slips\n\nOne slip per team and round; cut along the lines.\n\n", tr(w.name));
  for (int r = 1; r <= w.rounds; ++r)
    for (const cp::Team& t : w.teams) {
      // A move's month is its round's start, so a slip asks only for lever and value; one row
      // per move the workshop allows (three when it sets no limit).
      md += trf("---\n\n**{}**, round {} ({} to {})\n\n| Lever | New value |\n|---|---|\n", tr(t.name), r,
                displayMonth(w.roundFirst(r)), displayMonth(w.roundLast(r)));
      for (int row = 0; row < (w.max_moves > 0 ? w.max_moves : 3); ++row) md += "| | |\n";
      if (w.max_moves > 0)
        md += trf("\nAt most {} moves, one per lever; a start month is written as the value.\n", w.max_moves);
      md += tr("\nYour levers: ");
      bool first = true;
      for (const std::string& id : t.levers) {
        const int i = w.scenario.findLever(id);
        md += (first ? "" : "; ") + (i < 0 ? id : std::string(tr(w.scenario.levers[static_cast<size_t>(i)].label)));
        first = false;
      }
      md += "\n\n";
    }
  return md;
}

std::string writeWorkshopHandouts(const cp::Workshop& w, const std::string& dir, std::vector<std::string>* written) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return tr("cannot create ") + dir + ": " + ec.message();
  std::string index = trf("# {}: handouts\n\n{}\n\n", tr(w.name), tr(w.description));
  const auto write = [&](const std::string& name, const std::string& text) -> std::string {
    const fs::path path = fs::path(dir) / name;
    std::string error;
    if (!writeFileAtomically(path, text, &error)) return tr("cannot write ") + path.string() + ": " + error;
    if (written) written->push_back(path.string());
    return "";
  };
  for (const cp::Team& t : w.teams) {
    const std::string name = "team_" + t.id + ".md";
    if (std::string why = write(name, teamCardMarkdown(w, t)); !why.empty()) return why;
    index += trf("- [{}]({}): team card\n", tr(t.name), name);
  }
  if (std::string why = write("move_slips.md", moveSlipsMarkdown(w)); !why.empty()) return why;
  index += tr("- [Move slips](move_slips.md): one per team and round\n");
  return write("README.md", index);
}

}  // namespace cp::app
