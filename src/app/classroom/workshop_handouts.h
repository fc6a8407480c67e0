// Printable workshop pack: one team card per team (brief, objectives in words, levers with
// their ranges) and move slips, as Markdown files a facilitator prints or projects.
// Pure text from the workshop; no ImGui (the app also draws each card as a PNG:
// classroom.h, HandoutPictures).
//
//   std::vector<std::string> files;
//   std::string why = writeWorkshopHandouts(workshop, "handouts", &files);   // "" = written
#pragma once

#include "engine/workshop.h"

#include <string>
#include <vector>

namespace cp::app {

// Text for a Markdown table cell: pipes escaped, line breaks as spaces.
std::string markdownCell(const std::string& text);
// A team's card: name, brief, objectives ("higher is better", weight as points, scale),
// levers (label, id, range or options, value in the scenario, meaning).
std::string teamCardMarkdown(const cp::Workshop& w, const cp::Team& team);
// One slip per team and round: team, round and months, and rows for lever, new value and
// the month it starts, to fill in by hand.
std::string moveSlipsMarkdown(const cp::Workshop& w);
// An objective in words: "China's frontier gap, months: higher is better; mean over the
// round; worth 50 points (full points for 6 more than if nobody moved)".
std::string objectiveInWords(const cp::Objective& o);
// A lever's range in words: "on / off", "0 to 1 in steps of 0.05", "a month, or never", options.
std::string leverRangeInWords(const cp::Lever& l);

// Writes DIR/README.md (the index), DIR/team_<id>.md for each team and DIR/move_slips.md,
// atomically each, creating DIR. "" or why not; `written` gets the paths.
std::string writeWorkshopHandouts(const cp::Workshop& w, const std::string& dir, std::vector<std::string>* written);

}  // namespace cp::app
