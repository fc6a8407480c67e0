// The scenario document: the file as loaded (immutable) and the edit copy of its lever
// settings, with undo/redo. Widgets edit the copy; snapshot() turns it into a new
// immutable Scenario for a run. No ImGui here.
//
//   Document doc = openDocument(path, loadedScenario);
//   beginGesture(doc);                     // a slider drag starts...
//   setLeverValue(doc, lever, 0.9);        // ...values change every frame...
//   endGesture(doc);                       // ...and the whole drag is one undo step
//   undo(doc); redo(doc);
//   cp::Scenario run = snapshot(doc);      // loaded scenario with the edited schedules
//   auto shared = sharedSnapshot(doc);     // the same, built once per version and shared
//   if (task.version == version(doc)) ...  // results of this version are current
#pragma once

#include "engine/levers.h"
#include "engine/scenario.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cp::app {

// One schedule per lever, in catalogue order (the shape of Scenario::lever_schedules).
using LeverEdits = std::vector<cp::LeverSchedule>;

// Which edit of which load: everything computed from the document (runs, bands, the
// workshop's levers, autosave) records the version it saw and is stale when it differs.
struct Version {
  std::uint64_t generation = 0;  // one per document opened (never reused in a process)
  std::uint64_t revision = 0;    // bumps on every change of the edits
  friend bool operator==(const Version&, const Version&) = default;
  // Of the same document as opened (its edits may differ).
  bool sameLoad(const Version& other) const { return generation == other.generation; }
};

struct Document {
  std::string path;                            // file as opened
  std::shared_ptr<const cp::Scenario> loaded;  // the file as loaded, never edited
  LeverEdits edits;                            // the edit copy
  LeverEdits saved_edits;                      // edits as last saved (or as loaded)
  std::string saved_path;                      // variant written by Save As ("" = none yet)
  std::string saved_name;                      // its scenario name
  std::vector<LeverEdits> undo_stack, redo_stack;
  std::optional<LeverEdits> gesture_start;  // edits before the gesture in progress
  std::uint64_t generation = 0;             // openDocument gives each a new one
  std::uint64_t revision = 0;               // bumps on every change of `edits`
  // sharedSnapshot()'s copy and the version it was built for (a cache, not document state).
  mutable std::shared_ptr<const cp::Scenario> shared;
  mutable Version shared_version;
};

inline constexpr size_t kMaxUndo = 200;

// A document for a freshly loaded scenario: edits = the file's own lever schedules.
Document openDocument(std::string path, std::shared_ptr<const cp::Scenario> loaded);
// No scenario (a load failed); keeps the generation, so nothing of the last load looks current.
void closeDocument(Document& doc);

Version version(const Document& doc);

bool hasScenario(const Document& doc);
int leverCount(const Document& doc);
const cp::Lever& lever(const Document& doc, int index);

// The setting as one value (the value before any dated change), and whether the lever
// has dated changes, which the panel shows read-only.
double leverValue(const Document& doc, int index);
bool hasDatedSchedule(const Document& doc, int index);
double leverValueInMonth(const Document& doc, int index, int abs_month);
// "0.5, then 0.9 from 2026-01" (the catalogue default when nothing is set).
std::string scheduleText(const Document& doc, int index);
std::string loadedScheduleText(const Document& doc, int index);  // as in the file
double loadedLeverValue(const Document& doc, int index);         // first value in the file
// Differs from the file as loaded (compared as step functions over months).
bool leverChanged(const Document& doc, int index);
int changedLeverCount(const Document& doc);
// Edits differ from what was last saved (or loaded).
bool isDirty(const Document& doc);

// Edits. Each bumps `revision` when it changes something. Outside a gesture each is one
// undo step; inside one, the gesture as a whole is.
void setLeverValue(Document& doc, int index, double value);
void resetLever(Document& doc, int index);  // back to the file as loaded
void resetAllLevers(Document& doc);
void applyLeverSettings(Document& doc, const std::vector<cp::LeverSetting>& settings);  // --lever
// Replaces every schedule at once without an undo step and forgets the history (a restored
// session, a share link, a reload keeping edits, a workshop's played rounds); `as_saved`: they
// also count as saved (the workshop's game is saved as a session instead). Bumps `revision`.
void replaceEdits(Document& doc, LeverEdits edits, bool as_saved);
// Where Save writes (a Save As variant; "" = none yet) and the scenario name it writes.
void setSaveTarget(Document& doc, std::string path, std::string name);
void markSaved(Document& doc);  // the edits as they are count as saved

void beginGesture(Document& doc);  // no-op when one is open
void endGesture(Document& doc);    // pushes one undo step if the gesture changed anything
bool gestureOpen(const Document& doc);

bool canUndo(const Document& doc);
bool canRedo(const Document& doc);
void undo(Document& doc);
void redo(Document& doc);

// The loaded scenario with the edit copy's lever schedules: what a run simulates.
cp::Scenario snapshot(const Document& doc);
// The same, immutable and built once per version: the run, the Why trace, the bands and the
// analyses of one edit share it read-only. Null without a scenario.
std::shared_ptr<const cp::Scenario> sharedSnapshot(const Document& doc);

// The lever's schedule as a step function: (from month, value) with the catalogue default
// from month INT_MIN, dated points after it, repeats dropped. Equal functions compare equal.
std::vector<std::pair<int, double>> stepFunction(const cp::Lever& lever, const cp::LeverSchedule& schedule);

}  // namespace cp::app
