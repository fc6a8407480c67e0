#include "app/core/document.h"

#include "engine/month.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"

#include <atomic>
#include <climits>
#include <utility>

namespace cp::app {

namespace {

bool sameEdits(const Document& doc, const LeverEdits& a, const LeverEdits& b) {
  const int n = leverCount(doc);
  for (int i = 0; i < n; ++i) {
    const cp::LeverSchedule empty;
    const auto& sa = i < static_cast<int>(a.size()) ? a[static_cast<size_t>(i)] : empty;
    const auto& sb = i < static_cast<int>(b.size()) ? b[static_cast<size_t>(i)] : empty;
    if (stepFunction(lever(doc, i), sa) != stepFunction(lever(doc, i), sb)) return false;
  }
  return true;
}

const cp::LeverSchedule& loadedSchedule(const Document& doc, int index) {
  static const cp::LeverSchedule kEmpty;  // immutable constant, not app state
  const auto& all = doc.loaded->lever_schedules;
  return index < static_cast<int>(all.size()) ? all[static_cast<size_t>(index)] : kEmpty;
}

// Applies `change` to the edits as one step: inside a gesture it joins the gesture,
// outside it becomes an undo step of its own.
template <class Fn>
void edit(Document& doc, Fn&& change) {
  const bool own_gesture = !doc.gesture_start.has_value();
  if (own_gesture) beginGesture(doc);
  LeverEdits before = doc.edits;
  change(doc.edits);
  if (!sameEdits(doc, before, doc.edits)) ++doc.revision;
  if (own_gesture) endGesture(doc);
}

}  // namespace

std::vector<std::pair<int, double>> stepFunction(const cp::Lever& l, const cp::LeverSchedule& schedule) {
  std::vector<std::pair<int, double>> out{{INT_MIN, l.value}};
  for (const auto& [from, value] : schedule.points) {
    if (from <= 0) {
      out.front().second = value;  // "from the start" replaces the default
      continue;
    }
    if (value != out.back().second) out.emplace_back(from, value);
  }
  return out;
}

Document openDocument(std::string path, std::shared_ptr<const cp::Scenario> loaded) {
  // Unique in the process: a result of an earlier document (or of another window's) never
  // matches a new one's version, even after a failed load in between.
  static std::atomic<std::uint64_t> last_generation{0};
  Document doc;
  doc.generation = ++last_generation;
  doc.path = std::move(path);
  doc.loaded = std::move(loaded);
  doc.edits = doc.loaded->lever_schedules;
  doc.edits.resize(doc.loaded->levers.size());
  doc.saved_edits = doc.edits;
  return doc;
}

void closeDocument(Document& doc) {
  const std::uint64_t generation = doc.generation;
  doc = Document{};
  doc.generation = generation;
}

Version version(const Document& doc) { return {doc.generation, doc.revision}; }

bool hasScenario(const Document& doc) { return doc.loaded != nullptr; }
int leverCount(const Document& doc) { return doc.loaded ? static_cast<int>(doc.loaded->levers.size()) : 0; }
const cp::Lever& lever(const Document& doc, int index) { return doc.loaded->levers[static_cast<size_t>(index)]; }

double leverValue(const Document& doc, int index) {
  return stepFunction(lever(doc, index), doc.edits[static_cast<size_t>(index)]).front().second;
}

bool hasDatedSchedule(const Document& doc, int index) {
  return stepFunction(lever(doc, index), doc.edits[static_cast<size_t>(index)]).size() > 1;
}

double leverValueInMonth(const Document& doc, int index, int abs_month) {
  double v = 0;
  for (const auto& [from, value] : stepFunction(lever(doc, index), doc.edits[static_cast<size_t>(index)]))
    if (from <= abs_month) v = value;
  return v;
}

static std::string scheduleText(const cp::Lever& l, const cp::LeverSchedule& schedule) {
  const auto steps = stepFunction(l, schedule);
  std::string text = displayLeverValue(l, steps.front().second);
  for (size_t i = 1; i < steps.size(); ++i) {
    text += i == 1 ? tr(", then ") : ", ";
    text += displayLeverValue(l, steps[i].second) + tr(" from ") + displayMonth(steps[i].first);
  }
  return text;
}

std::string scheduleText(const Document& doc, int index) {
  return scheduleText(lever(doc, index), doc.edits[static_cast<size_t>(index)]);
}

std::string loadedScheduleText(const Document& doc, int index) {
  return scheduleText(lever(doc, index), loadedSchedule(doc, index));
}

double loadedLeverValue(const Document& doc, int index) {
  return stepFunction(lever(doc, index), loadedSchedule(doc, index)).front().second;
}

bool leverChanged(const Document& doc, int index) {
  const cp::Lever& l = lever(doc, index);
  return stepFunction(l, doc.edits[static_cast<size_t>(index)]) != stepFunction(l, loadedSchedule(doc, index));
}

int changedLeverCount(const Document& doc) {
  int n = 0;
  for (int i = 0; i < leverCount(doc); ++i) n += leverChanged(doc, i) ? 1 : 0;
  return n;
}

bool isDirty(const Document& doc) { return hasScenario(doc) && !sameEdits(doc, doc.edits, doc.saved_edits); }

void setLeverValue(Document& doc, int index, double value) {
  if (index < 0 || index >= leverCount(doc)) return;
  edit(doc, [&](LeverEdits& e) {
    cp::LeverSchedule& s = e[static_cast<size_t>(index)];
    s.points.clear();
    // The catalogue default needs no point: keeps "changed" and the saved `set` minimal.
    if (value != lever(doc, index).value) s.points.emplace_back(0, value);
  });
}

void resetLever(Document& doc, int index) {
  if (index < 0 || index >= leverCount(doc)) return;
  edit(doc, [&](LeverEdits& e) { e[static_cast<size_t>(index)] = loadedSchedule(doc, index); });
}

void resetAllLevers(Document& doc) {
  if (!hasScenario(doc)) return;
  edit(doc, [&](LeverEdits& e) {
    e = doc.loaded->lever_schedules;
    e.resize(doc.loaded->levers.size());
  });
}

void applyLeverSettings(Document& doc, const std::vector<cp::LeverSetting>& settings) {
  if (!hasScenario(doc)) return;
  edit(doc, [&](LeverEdits& e) {
    cp::Scenario s = cp::withLevers(snapshot(doc), settings);
    e = std::move(s.lever_schedules);
    e.resize(doc.loaded->levers.size());
  });
}

void replaceEdits(Document& doc, LeverEdits edits, bool as_saved) {
  if (!hasScenario(doc)) return;
  doc.edits = std::move(edits);
  doc.edits.resize(doc.loaded->levers.size());
  if (as_saved) doc.saved_edits = doc.edits;
  doc.undo_stack.clear();
  doc.redo_stack.clear();
  doc.gesture_start.reset();
  ++doc.revision;
}

void setSaveTarget(Document& doc, std::string path, std::string name) {
  doc.saved_path = std::move(path);
  doc.saved_name = std::move(name);
}

void markSaved(Document& doc) { doc.saved_edits = doc.edits; }

void beginGesture(Document& doc) {
  if (!doc.gesture_start) doc.gesture_start = doc.edits;
}

void endGesture(Document& doc) {
  if (!doc.gesture_start) return;
  LeverEdits before = std::move(*doc.gesture_start);
  doc.gesture_start.reset();
  if (sameEdits(doc, before, doc.edits)) return;
  doc.undo_stack.push_back(std::move(before));
  if (doc.undo_stack.size() > kMaxUndo) doc.undo_stack.erase(doc.undo_stack.begin());
  doc.redo_stack.clear();
}

bool gestureOpen(const Document& doc) { return doc.gesture_start.has_value(); }

bool canUndo(const Document& doc) { return !doc.undo_stack.empty() && !doc.gesture_start; }
bool canRedo(const Document& doc) { return !doc.redo_stack.empty() && !doc.gesture_start; }

void undo(Document& doc) {
  if (!canUndo(doc)) return;
  doc.redo_stack.push_back(std::move(doc.edits));
  doc.edits = std::move(doc.undo_stack.back());
  doc.undo_stack.pop_back();
  ++doc.revision;
}

void redo(Document& doc) {
  if (!canRedo(doc)) return;
  doc.undo_stack.push_back(std::move(doc.edits));
  doc.edits = std::move(doc.redo_stack.back());
  doc.redo_stack.pop_back();
  ++doc.revision;
}

cp::Scenario snapshot(const Document& doc) {
  cp::Scenario s = *doc.loaded;
  s.lever_schedules = doc.edits;
  return s;
}

std::shared_ptr<const cp::Scenario> sharedSnapshot(const Document& doc) {
  if (!hasScenario(doc)) return nullptr;
  if (!doc.shared || doc.shared_version != version(doc)) {
    doc.shared = std::make_shared<const cp::Scenario>(snapshot(doc));
    doc.shared_version = version(doc);
  }
  return doc.shared;
}

}  // namespace cp::app
