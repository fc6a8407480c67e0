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
#pragma once

#include "engine/levers.h"
#include "engine/scenario.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chokepoint::app {

// One schedule per lever, in catalogue order (the shape of Scenario::lever_schedules).
using LeverEdits = std::vector<cp::LeverSchedule>;

struct Document {
    std::string path;                              // file as opened
    std::shared_ptr<const cp::Scenario> loaded;    // the file as loaded, never edited
    LeverEdits edits;                              // the edit copy
    LeverEdits savedEdits;                         // edits as last saved (or as loaded)
    std::string savedPath;                         // variant written by Save As ("" = none yet)
    std::string savedName;                         // its scenario name
    std::vector<LeverEdits> undoStack, redoStack;
    std::optional<LeverEdits> gestureStart;        // edits before the gesture in progress
    std::uint64_t revision = 0;                    // bumps on every change of `edits`
};

inline constexpr size_t kMaxUndo = 200;

// A document for a freshly loaded scenario: edits = the file's own lever schedules.
Document openDocument(std::string path, std::shared_ptr<const cp::Scenario> loaded);

bool hasScenario(const Document& doc);
int leverCount(const Document& doc);
const cp::Lever& lever(const Document& doc, int index);

// The setting as one value (the value before any dated change), and whether the lever
// has dated changes, which the panel shows read-only.
double leverValue(const Document& doc, int index);
bool hasDatedSchedule(const Document& doc, int index);
double leverValueInMonth(const Document& doc, int index, int absMonth);
// "0.5, then 0.9 from 2026-01" (the catalogue default when nothing is set).
std::string scheduleText(const Document& doc, int index);
std::string loadedScheduleText(const Document& doc, int index);  // as in the file
double loadedLeverValue(const Document& doc, int index);          // first value in the file
// Differs from the file as loaded (compared as step functions over months).
bool leverChanged(const Document& doc, int index);
int changedLeverCount(const Document& doc);
// Edits differ from what was last saved (or loaded).
bool isDirty(const Document& doc);

// Edits. Each bumps `revision` when it changes something. Outside a gesture each is one
// undo step; inside one, the gesture as a whole is.
void setLeverValue(Document& doc, int index, double value);
void resetLever(Document& doc, int index);          // back to the file as loaded
void resetAllLevers(Document& doc);
void applyLeverSettings(Document& doc, const std::vector<cp::LeverSetting>& settings);  // --lever

void beginGesture(Document& doc);  // no-op when one is open
void endGesture(Document& doc);    // pushes one undo step if the gesture changed anything
bool gestureOpen(const Document& doc);

bool canUndo(const Document& doc);
bool canRedo(const Document& doc);
void undo(Document& doc);
void redo(Document& doc);

// The loaded scenario with the edit copy's lever schedules: what a run simulates.
cp::Scenario snapshot(const Document& doc);

// The lever's schedule as a step function: (from month, value) with the catalogue default
// from month INT_MIN, dated points after it, repeats dropped. Equal functions compare equal.
std::vector<std::pair<int, double>> stepFunction(const cp::Lever& lever, const cp::LeverSchedule& schedule);

}  // namespace chokepoint::app
