// Classroom file work: the lists the dialogs show, and the requests they raise (open a
// story or workshop, load and save sessions, write the workshop report). No ImGui here.
#include "app/classroom/classroom.h"
#include "i18n/problem_text.h"

#include "app/core/app_state.h"
#include "app/platform/cli_args.h"
#include "app/core/scenario_files.h"
#include "app/core/status.h"
#include "app/classroom/workshop_handouts.h"
#include "app/core/tr.h"

#include <algorithm>
#include <filesystem>

namespace cp::app {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::vector<std::string> sessionFiles(const AppState& state) {
  std::vector<std::string> out;
  const std::string base =
      state.classroom.workshop.workshop ? state.classroom.workshop.workshop->file : state.scenario_path;
  std::vector<std::string> all = classroomFiles(base, "workshops");
  for (std::string& f : listScenarioFiles({std::filesystem::current_path()})) all.push_back(std::move(f));
  for (std::string& f : all) {
    const std::string suffix = ".session.json";
    if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        std::find(out.begin(), out.end(), f) == out.end())
      out.push_back(std::move(f));
  }
  return out;
}

// Each dialog's title, hint and OK button (msgids).
struct DialogText {
  const char* title;
  const char* hint;
  const char* ok;
};

DialogText dialogText(ClassroomDialog d) {
  switch (d) {
    case ClassroomDialog::None: break;
    case ClassroomDialog::OpenStory:
      return {N_("Open story"), N_("A guided tour of a scenario, one dated card at a time."), N_("Open")};
    case ClassroomDialog::OpenWorkshop:
      return {N_("Open workshop"), N_("A team game: each team moves its own levers, round by round."), N_("Open")};
    case ClassroomDialog::OpenSession:
      return {N_("Open workshop session"), N_("A game saved between rounds or after class (it names its workshop)."),
              N_("Open")};
    case ClassroomDialog::SaveSessionAs:
      return {N_("Save workshop session"),
              N_("Every move and the rounds played; the workshop is named relative to this file."), N_("Save")};
    case ClassroomDialog::ExportReport:
      return {N_("Export workshop report"),
              N_("A Markdown file with the moves and the scoreboard; a PNG of each chart goes beside it."),
              N_("Export")};
    case ClassroomDialog::ExportHandouts:
      return {N_("Export workshop handouts"),
              N_("A folder for the printer: a card per team (brief, objectives, levers with their ranges) and move "
                 "slips, as Markdown."),
              N_("Export")};
  }
  return {"##classroom", "", N_("Open")};
}

void dispatch(AppState& state, ClassroomDialog d, const std::string& path) {
  switch (d) {
    case ClassroomDialog::None: break;
    case ClassroomDialog::OpenStory: requestGuarded(state, PendingAction::OpenStory, path); break;
    case ClassroomDialog::OpenWorkshop: requestGuarded(state, PendingAction::OpenWorkshop, path); break;
    case ClassroomDialog::OpenSession: requestGuarded(state, PendingAction::OpenSession, path); break;
    case ClassroomDialog::SaveSessionAs: state.classroom.requests.save_session = path; break;
    case ClassroomDialog::ExportReport: state.classroom.requests.export_report = path; break;
    case ClassroomDialog::ExportHandouts: state.classroom.requests.export_handouts = path; break;
  }
}

// The dialog as a FileDialog: what it lists, the path it suggests, what OK does.
FileDialog classroomDialog(const AppState& state, ClassroomDialog dialog) {
  const ClassroomState& c = state.classroom;
  const WorkshopState& w = c.workshop;
  FileDialog f;
  const DialogText text = dialogText(dialog);
  f.title = text.title;
  f.kind = dialog == ClassroomDialog::OpenStory || dialog == ClassroomDialog::OpenWorkshop ||
                   dialog == ClassroomDialog::OpenSession
               ? FileDialogKind::Open
               : FileDialogKind::Save;
  f.hint = tr(text.hint);
  f.empty_list = N_("(no files found: type a path below)");
  f.list_rows = 7.0f;
  f.path_label = N_("File:");
  f.ok_label = text.ok;
  f.probe = "classroom";
  f.width_em = 44.0f;
  const std::string ws = w.workshop ? stem(w.workshop->file) : "workshop";
  switch (dialog) {
    case ClassroomDialog::None: break;
    case ClassroomDialog::OpenStory:
      f.files = classroomFiles(state.scenario_path, "stories");
      if (c.story.story) f.path = displayPath(c.story.story->file);
      break;
    case ClassroomDialog::OpenWorkshop:
      f.files = classroomFiles(state.scenario_path, "workshops");
      if (w.workshop) f.path = displayPath(w.workshop->file);
      break;
    case ClassroomDialog::OpenSession:
      f.files = sessionFiles(state);
      f.path = w.session_path;
      break;
    case ClassroomDialog::SaveSessionAs:
      f.path = !w.session_path.empty() ? w.session_path : ws + ".session.json";
      break;
    case ClassroomDialog::ExportReport:
      f.path = (std::filesystem::path(ws + "_report") / (ws + "_report.md")).string();
      break;
    case ClassroomDialog::ExportHandouts: f.path = ws + "_handouts"; break;
  }
  if (f.path.empty() && !f.files.empty()) f.path = f.files.front();  // Enter opens the first
  f.on_ok = [dialog](AppState& s, const FileDialog& done) { dispatch(s, dialog, done.path); };
  if (dialog == ClassroomDialog::SaveSessionAs) f.on_cancel = cancelSaveFirst;
  return f;
}

// The dialog comes back with the reason (every problem, one per line) and what was typed.
void failed(AppState& state, ClassroomDialog dialog, const std::string& path, const std::string& what,
            const std::string& reason) {
  FileDialog f = classroomDialog(state, dialog);
  f.error = reason;
  f.path = path;
  requestFileDialog(state, std::move(f));
  const std::string first = reason.substr(0, reason.find('\n'));
  setStatus(state, what + ": " + (first.empty() ? std::string(tr("unknown problem")) : first), true);
}

// The browser has no folders to open: what was written is also downloaded (Dialogs::download).
void offerDownload(AppState& state, const std::string& path) {
  if (state.ui.dialogs.download) state.ui.dialogs.download(path);
}

std::string lines(const std::vector<cp::Problem>& problems) {
  std::string text;
  for (const cp::Problem& p : problems) {
    if (!text.empty()) text += '\n';
    text += cp::i18n::problemLine(p);
  }
  return text;
}

}  // namespace

std::vector<std::string> classroomFiles(const std::string& open_scenario_path, const char* sub) {
  std::vector<std::filesystem::path> dirs;
  for (const std::filesystem::path& d : scenarioDirs(open_scenario_path)) {
    dirs.push_back(d / sub);
    // Beside an open story's or workshop's scenario, the folder may be the sub-folder itself.
    if (d.filename() == sub) dirs.push_back(d);
  }
  return listScenarioFiles(dirs);
}

void requestClassroomDialog(AppState& state, ClassroomDialog dialog) {
  requestClassroomDialog(state, state.ui, dialog);
}

void requestClassroomDialog(const AppState& state, UiState& ui, ClassroomDialog dialog) {
  if (dialog != ClassroomDialog::None) requestFileDialog(ui, classroomDialog(state, dialog));
}

void handleClassroomRequests(AppState& state) {
  ClassroomRequests& r = state.classroom.requests;
  if (r.open_story) {
    const std::string path = *r.open_story;
    r.open_story.reset();
    if (auto problems = openStory(state, path); problems.empty()) {
      setStatus(state, tr("Opened story ") + displayPath(path), false);
    } else {
      failed(state, ClassroomDialog::OpenStory, path, tr("Story not opened"), lines(problems));
    }
  }
  if (r.open_workshop) {
    const std::string path = *r.open_workshop;
    r.open_workshop.reset();
    if (auto problems = openWorkshop(state, path); problems.empty()) {
      setStatus(state, tr("Opened workshop ") + displayPath(path), false);
    } else {
      failed(state, ClassroomDialog::OpenWorkshop, path, tr("Workshop not opened"), lines(problems));
    }
  }
  if (r.open_session) {
    const std::string path = *r.open_session;
    r.open_session.reset();
    if (auto problems = loadWorkshopSession(state, path); problems.empty()) {
      setStatus(state, tr("Opened workshop session ") + displayPath(path), false);
    } else {
      failed(state, ClassroomDialog::OpenSession, path, tr("Session not opened"), lines(problems));
    }
  }
  if (r.save_session) {
    const std::string path = *r.save_session;
    r.save_session.reset();
    if (std::string error = saveWorkshopSession(state, path); error.empty()) {
      setStatus(state, tr("Saved workshop session ") + displayPath(path), false);
      offerDownload(state, path);
      if (state.ui.dialogs.continue_after_save) performPending(state);  // saved from the unsaved-changes question
    } else {
      failed(state, ClassroomDialog::SaveSessionAs, path, tr("Session not saved"), error);
    }
  }
  if (r.export_handouts) {
    const std::string dir = *r.export_handouts;
    r.export_handouts.reset();
    std::vector<std::string> files;
    if (!workshopActive(state)) {
      failed(state, ClassroomDialog::ExportHandouts, dir, tr("Handouts not written"), tr("no workshop is open"));
    } else if (std::string error = writeWorkshopHandouts(*state.classroom.workshop.workshop, dir, &files);
               error.empty()) {
      setStatus(state,
                tr("Wrote ") + std::to_string(files.size()) + tr(" handout files to ") + displayPath(dir) +
                    tr("; drawing the team cards as pictures..."),
                false);
      for (const std::string& f : files) offerDownload(state, f);
      HandoutPictures& p = state.classroom.handout_pictures;
      const cp::Workshop& w = *state.classroom.workshop.workshop;
      p = HandoutPictures{};
      for (size_t t = 0; t < w.teams.size(); ++t) {
        p.teams.push_back(static_cast<int>(t));
        p.files.push_back((std::filesystem::path(dir) / ("team_" + w.teams[t].id + ".png")).string());
      }
      p.restore_theme = state.ui.theme;
      if (!p.teams.empty()) state.ui.theme = Theme::Light;  // for the printer; restored after the last one
    } else {
      failed(state, ClassroomDialog::ExportHandouts, dir, tr("Handouts not written"), error);
    }
  }
  // The report waits for the scoreboard of the results on screen (--workshop-report asks at once).
  if (r.export_report && !(workshopActive(state) && !workshopBoard(state))) {
    const std::string path = *r.export_report;
    r.export_report.reset();
    if (std::string error = requestWorkshopReport(state, path); error.empty()) {
      offerDownload(state, path);  // its chart pictures follow as they are taken
      setStatus(state, tr("Wrote ") + displayPath(path) + tr("; saving the chart pictures beside it..."), false);
    } else {
      failed(state, ClassroomDialog::ExportReport, path, tr("Report not written"), error);
    }
  }
  tickHandoutPictures(state);
  const bool was_exporting = reportInProgress(state);
  tickWorkshopReport(state);
  if (was_exporting && !reportInProgress(state) && !state.ui.status_is_error)
    setStatus(state, tr("Workshop report written with its chart pictures"), false);
}

void tickHandoutPictures(AppState& state) {
  HandoutPictures& p = state.classroom.handout_pictures;
  if (p.teams.empty()) return;
  if (state.ui.requests.screenshot) return;  // the main loop has not taken the last picture yet
  if (p.waiting) {
    p.teams.erase(p.teams.begin());
    p.files.erase(p.files.begin());
    p.waiting = false;
    if (p.teams.empty() || !workshopActive(state)) {
      state.ui.theme = p.restore_theme;
      p = HandoutPictures{};
      setStatus(state, tr("Handouts written with a picture of each team card"), false);
      return;
    }
  }
  p.showing = p.teams.front();
  state.ui.requests.screenshot = ScreenshotRequest{p.files.front(), /*crop_to_enlarged_chart=*/false, 2};
  p.waiting = true;
}

std::string applyClassroomArgs(AppState& state, const CliArgs& args) {
  const bool workshop = !args.workshop.empty() || !args.workshop_session.empty();
  if (!args.story.empty() && workshop) return "open a story or a workshop, not both";
  if (args.story_card && args.story.empty()) return "--story-card needs --story";
  if ((!args.moves.empty() || args.workshop_rounds) && !workshop)
    return "--move and --workshop-rounds need --workshop or --workshop-session";
  if (!args.story.empty()) {
    if (auto problems = openStory(state, args.story); !problems.empty())
      return "cannot open story " + args.story + ":\n  " + lines(problems);
    if (args.story_card) {
      if (*args.story_card > storyCardCount(state))
        return "--story-card " + std::to_string(*args.story_card) + ": the story has " +
               std::to_string(storyCardCount(state)) + " cards";
      storyGoTo(state, *args.story_card - 1);
    }
    return "";
  }
  if (args.workshop_report && !workshop) return "--workshop-report needs --workshop or --workshop-session";
  if (!workshop) return "";
  if (args.workshop_report) state.classroom.requests.export_report = *args.workshop_report;
  if (args.workshop_handouts && !workshop) return "--workshop-handouts needs --workshop or --workshop-session";
  if (args.workshop_handouts) state.classroom.requests.export_handouts = *args.workshop_handouts;
  const std::string& file = args.workshop_session.empty() ? args.workshop : args.workshop_session;
  auto problems = args.workshop_session.empty() ? openWorkshop(state, file) : loadWorkshopSession(state, file);
  if (!problems.empty()) return "cannot open " + file + ":\n  " + lines(problems);
  std::vector<cp::Move> moves;
  try {
    for (const std::string& text : args.moves) moves.push_back(cp::parseMoveArg(text));
  } catch (const cp::MoveError& e) {
    return cp::i18n::messageText(e.why());
  }
  // Typed moves are refused when they repeat a lever (the dashboard's own entry replaces).
  for (size_t i = 0; i < moves.size(); ++i)
    if (auto why = cp::checkMoveCount(*state.classroom.workshop.workshop,
                                      {moves.begin(), moves.begin() + static_cast<std::ptrdiff_t>(i)}, moves[i]))
      return "--move " + cp::formatMoveArg(moves[i]) + ": " + cp::i18n::messageText(*why);
  std::stable_sort(moves.begin(), moves.end(), [](const cp::Move& a, const cp::Move& b) { return a.round < b.round; });
  const int target = args.workshop_rounds.value_or(state.classroom.workshop.session.rounds_played);
  size_t next = 0;
  for (;;) {
    for (; next < moves.size() && moves[next].round <= openRound(state); ++next)
      if (std::string why = enterMove(state, moves[next]); !why.empty()) return why;
    if (state.classroom.workshop.session.rounds_played >= target || !playRound(state)) break;
  }
  if (next < moves.size())
    return "--move " + cp::formatMoveArg(moves[next]) + ": round " + std::to_string(moves[next].round) +
           " is not open after " + std::to_string(state.classroom.workshop.session.rounds_played) +
           " rounds played (--workshop-rounds)";
  return "";
}

bool classroomBusy(const AppState& state) {
  return reportInProgress(state) || (state.classroom.requests.export_report && workshopActive(state)) ||
         !state.classroom.handout_pictures.teams.empty() || state.classroom.requests.export_handouts.has_value();
}

}  // namespace cp::app
