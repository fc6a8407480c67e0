// The story bar: one card of the open story (title, text, sources, what to look at),
// Previous / Next (also Page Up / Page Down, and the Left / Right arrow keys while no
// keyboard focus is shown and no text field is active), and
// "Try it" for the card's lever settings. Drawn at the top of the centre column; it uses
// the theme's font, so presenter mode (F11) makes it large.
#include "app/classroom/classroom_ui.h"

#include "app/panels/panels.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/month.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"
#include "app/core/status.h"

#include <imgui.h>
#include <imgui_internal.h>  // the focus move a card key cancels

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

namespace {

std::string joined(const std::vector<std::string>& parts, const char* sep = ", ") {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string leverLabels(const AppState& state, const cp::StoryCard& card) {
  std::vector<std::string> labels;
  for (const std::string& id : card.levers) {
    const int i = state.doc.loaded->findLever(id);
    labels.push_back(i < 0 ? id : std::string(tr(lever(state.doc, i).label)));
  }
  return joined(labels, "; ");
}

// Left / Right step the cards while no keyboard focus is shown; once the user moves focus
// with the keyboard (the Up / Down arrows), the arrows move it, so "Try it" can be reached.
// Page Up / Page Down (a presenter's clicker) always step. A card key, pressed or held, is
// not also a focus move: ImGui's move request of the frame is dropped, the focus stays hidden.
void handleStoryKeys(UiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsAnyItemActive() || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  if (io.KeyCtrl || io.KeyAlt || io.KeyShift) return;
  const bool arrows = !io.NavVisible;  // the focus as it was before this frame's keys
  std::vector<std::pair<ImGuiKey, int>> keys = {{ImGuiKey_PageUp, -1}, {ImGuiKey_PageDown, +1}};
  if (arrows) keys.insert(keys.end(), {{ImGuiKey_LeftArrow, -1}, {ImGuiKey_RightArrow, +1}});
  bool held = false;
  for (const auto& [key, step] : keys) {
    const int index = ImGui::GetKeyIndex(key);
    if (ImGui::IsKeyPressed(index, /*repeat=*/false)) ui.commands.push_back(StoryStep{step});
    held = held || ImGui::IsKeyDown(index);
  }
  if (!held) return;
  ImGuiContext& g = *GImGui;
  ImGui::NavMoveRequestCancel();
  g.NavInitRequest = g.NavInitRequestFromMove = false;
  g.NavInitResultId = 0;
  if (arrows) g.NavDisableHighlight = true;
}

// "card 3 of 16 · 2024-01".
std::string position(const AppState& state) {
  const StoryState& s = state.classroom.story;
  const int n = storyCardCount(state);
  if (s.card < 0) return tr("introduction, ") + std::to_string(n) + tr(" cards");
  return tr("card ") + std::to_string(s.card + 1) + tr(" of ") + std::to_string(n) + "  \xC2\xB7  " +
         displayMonth(s.story->cards[static_cast<size_t>(s.card)].month);
}

// Text at the right end of the current line (after SameLine), or on a line of its own.
void rightAligned(const char* text, float right, bool disabled) {
  const float w = ImGui::CalcTextSize(text).x;
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + em() + w <= right)
    ImGui::SetCursorPosX(right - w);  // not SameLine(x): inside a group that counts from the group's start
  else
    ImGui::NewLine();
  if (disabled)
    ImGui::TextDisabled("%s", text);
  else
    ImGui::TextUnformatted(text);
}

void drawButtons(const AppState& state, UiState& ui, const cp::StoryCard* card, float right) {
  const StoryState& s = state.classroom.story;
  ImGui::BeginDisabled(s.card < 0);
  if (ImGui::Button(tr("< Previous"))) ui.commands.push_back(StoryStep{-1});
  ImGui::EndDisabled();
  probeItem("story/prev");
  ImGui::SameLine();
  const bool last = s.card + 1 >= storyCardCount(state);
  ImGui::BeginDisabled(last);
  if (ImGui::Button(s.card < 0 ? tr("Start >") : tr("Next >"))) ui.commands.push_back(StoryStep{+1});
  ImGui::EndDisabled();
  probeItem("story/next");
  itemTooltip(tr("Next card (Right arrow or Page Down); Previous: Left arrow or Page Up"));
  if (card && !card->try_levers.empty()) {
    ImGui::SameLine(0.0f, em() * 1.5f);
    ImGui::PushStyleColor(ImGuiCol_Button,
                          ImGui::ColorConvertFloat4ToU32(ImVec4(highlightColor(ui.theme).x, highlightColor(ui.theme).y,
                                                                highlightColor(ui.theme).z, 0.35f)));
    if (ImGui::Button(tr("Try it"))) ui.commands.push_back(StoryTry{});
    ImGui::PopStyleColor();
    probeItem("story/try");
    itemTooltip(
        tr("Sets these levers as the card suggests; the charts show the result solid over the "
           "dashed story. Ctrl+Z undoes it."));
    std::vector<std::string> labels;
    for (const std::string& t : card->try_levers) labels.push_back(storyTryLabel(state, t));
    const std::string label = joined(labels, "; ");
    // Beside the button when it fits, else wrapped on lines of its own.
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(label.c_str()).x > right) ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(right);
    ImGui::TextDisabled("%s", label.c_str());
    ImGui::PopTextWrapPos();
    probeItem("story/try_label");
  }
  if (card) {
    const std::string sources = tr("Sources: ") + card->source;
    rightAligned(sources.c_str(), right, true);
    probeItem("story/sources");
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      drawSourceLines(state, card->source, "Sources");
      ImGui::TextDisabled("%s", tr("Click for the list of all sources (Help > Sources)"));
      ImGui::EndTooltip();
    }
    if (ImGui::IsItemClicked()) {
      ui.windows.sources = true;
      const auto ids = cp::sourceIds(card->source);
      ui.view.sources_filter = ids.size() == 1 ? ids.front() : "";
    }
  }
}

void drawCardBody(const AppState& state, UiState& ui, const cp::StoryCard* card, float wrap_at) {
  const cp::Story& st = *state.classroom.story.story;
  pushLarge(ui);
  const std::string where = position(state);
  const float where_w = ImGui::CalcTextSize(where.c_str()).x;
  const float title_right = wrap_at - where_w - em();
  const char* title = card ? tr(card->title) : tr(st.name);
  const bool one_line = ImGui::GetCursorPosX() + ImGui::CalcTextSize(title).x <= title_right;
  if (one_line) {
    ImGui::TextUnformatted(title);
    probeItem("story/title");
    ImGui::SameLine();
    ImGui::SetCursorPosX(wrap_at - where_w);
    ImGui::TextUnformatted(where.c_str());
    probeItem("story/position");
  } else {  // a narrow bar: the position on a line of its own, then the title with the whole width
    ImGui::TextUnformatted(where.c_str());
    probeItem("story/position");
    ImGui::PushTextWrapPos(wrap_at);
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    probeItem("story/title");
  }
  ImGui::PopFont();
  ImGui::PushTextWrapPos(wrap_at);
  ImGui::TextUnformatted(card ? tr(card->text) : tr(st.description));
  if (card) {
    const ImVec4 hl = highlightColor(ui.theme);
    // Presenter mode shows exactly the card's charts, framed: their titles need no line here.
    if (!card->charts.empty() && !ui.presenter)
      ImGui::TextColored(hl, tr("Look at: %s"), storyChartNames(*card).c_str());
    if (!card->levers.empty())
      ImGui::TextColored(hl, leverPanelCollapsed(state.ui) ? tr("Levers: %s") : tr("Levers (framed on the left): %s"),
                         leverLabels(state, *card).c_str());
  } else {
    ImGui::TextDisabled("%s", tr("Press Start or the Right arrow key for the first card."));
  }
  ImGui::PopTextWrapPos();
}

// printf-style `format` (a translated line) with one string.
std::string printed(const char* format, const std::string& arg) {
  const int n = std::snprintf(nullptr, 0, format, arg.c_str());
  std::string out(static_cast<size_t>(std::max(n, 0)), '\0');
  std::snprintf(out.data(), out.size() + 1, format, arg.c_str());
  return out;
}

// The height drawStoryBar takes at the current font in `width`, following its layout; where
// a line may go beside another, it is counted on a line of its own (it fits, or it is near).
float storyBarHeight(const AppState& state, const UiState& ui, float width) {
  const cp::StoryCard* card = storyCard(state);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float pad = std::round(em() * 0.5f), wrap = width - pad * 2.6f, sp = st.ItemSpacing.y;
  const auto wrapped = [&](const char* text) { return ImGui::CalcTextSize(text, nullptr, false, wrap).y + sp; };
  float h = pad * 0.5f + sp;
  pushLarge(ui);
  const char* title = card ? tr(card->title) : tr(state.classroom.story.story->name);
  const float where_w = ImGui::CalcTextSize(position(state).c_str()).x;
  const bool one_line = ImGui::CalcTextSize(title).x <= wrap - where_w - em();
  h += one_line ? ImGui::GetTextLineHeight() + sp : ImGui::GetTextLineHeight() + sp + wrapped(title);
  ImGui::PopFont();
  h += wrapped(card ? tr(card->text) : tr(state.classroom.story.story->description));
  if (card) {
    if (!card->charts.empty() && !ui.presenter)
      h += wrapped(printed(tr("Look at: %s"), storyChartNames(*card)).c_str());
    if (!card->levers.empty())
      h += wrapped(printed(tr("Levers (framed on the left): %s"), leverLabels(state, *card)).c_str());
  } else {
    h += wrapped(tr("Press Start or the Right arrow key for the first card."));
  }
  h += ImGui::GetFrameHeight() + sp;  // the buttons
  if (card && !card->try_levers.empty()) {
    std::vector<std::string> labels;
    for (const std::string& t : card->try_levers) labels.push_back(storyTryLabel(state, t));
    h += wrapped(joined(labels, "; ").c_str());
  }
  if (card) h += ImGui::GetTextLineHeight() + sp;  // the sources
  return h + pad * 0.5f + sp * 2.0f;
}

}  // namespace

std::string storyChartNames(const cp::StoryCard& card) {
  std::vector<std::string> titles;
  for (const std::string& id : card.charts)
    for (const ChartSpec& c : chartSpecs())
      // TRANSLATORS: a chart's name quoted in a sentence, with the language's quotation marks
      if (id == c.id) titles.emplace_back(trf("'{}'", tr(c.title)));
  return joined(titles);
}

void drawStoryColumn(const AppState& state, UiState& ui, ImVec2 size) {
  ImGui::BeginChild("##storyColumn", size, false);
  // The largest face (of a few steps) at which the card fits the column: longer languages
  // and long cards get a slightly smaller one instead of being cut at the bottom.
  const float avail = ImGui::GetContentRegionAvail().y, width = ImGui::GetContentRegionAvail().x;
  float scale = 1.0f;
  for (; scale > 0.6f; scale -= 0.03f) {
    ImGui::SetWindowFontScale(scale);
    if (ImGui::GetFrameHeightWithSpacing() + storyBarHeight(state, ui, width) + em() * 0.5f <= avail) break;
  }
  drawScrubber(state, ui);  // no header line: the card is what the room reads
  drawStoryBar(state, ui);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::EndChild();
}

void drawStoryBar(const AppState& state, UiState& ui) {
  if (!storyActive(state)) return;
  handleStoryKeys(ui);
  const cp::StoryCard* card = storyCard(state);

  const float pad = std::round(em() * 0.5f);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, pad * 0.5f));
  ImGui::Indent(pad * 1.6f);
  const float right = ImGui::GetCursorPosX() + width - pad * 2.6f;
  drawCardBody(state, ui, card, right);
  drawButtons(state, ui, card, right);
  ImGui::Unindent(pad * 1.6f);
  ImGui::Dummy(ImVec2(width, pad * 0.5f));
  ImGui::EndGroup();
  dl->ChannelsSetCurrent(0);
  const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y);
  dl->AddRectFilled(start, end, ImGui::GetColorU32(ImGuiCol_FrameBg), pad * 0.5f);
  dl->AddRectFilled(start, ImVec2(start.x + pad * 0.6f, end.y),
                    ImGui::ColorConvertFloat4ToU32(highlightColor(ui.theme)), pad * 0.5f, ImDrawFlags_RoundCornersLeft);
  dl->ChannelsMerge();
  probeItem("story/bar");
  ImGui::Spacing();
}

}  // namespace cp::app
