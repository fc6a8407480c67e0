// Ctrl+C (SIGINT), SIGTERM and SIGHUP in the command-line tool. Long commands (mc, sweep,
// merge, attribute, sensitivity, matrix) hold an InterruptScope while they work and write:
//
//   1st signal  sets the flag: the command stops its work, writes what finished (or says that
//               nothing is written) and exits 1; "stopping..." on stderr at once
//   2nd signal  changes nothing: a note on stderr that the output is being finished
//   3rd signal  abandons: the temporary output files are deleted and the process dies of
//               the signal (exit status 130 for Ctrl+C)
//
// Outside a scope (short commands) any of these signals abandons at once the same way.
// Temporary files register here (OutputFile does), so no signal but SIGKILL leaves one.
// A hang-up ignored when the program started (nohup) stays ignored.
#pragma once
#include <atomic>
#include <string>

namespace cp::cli {

// Installs the handlers for the whole process; later calls do nothing. main() calls it, and
// so does InterruptScope (for commands run in-process by the tests).
void installSignalHandlers();

class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
  const std::atomic<bool>* flag() const;
  bool interrupted() const { return flag()->load(); }
};

// What the first signal does, for tests that cannot send a real signal in-process.
void requestInterrupt();

// A temporary file for the handler to delete when it abandons; -1 if it cannot be kept
// (then the file is only deleted on a normal exit).
int registerTemporaryFile(const std::string& path);
void releaseTemporaryFile(int slot);

}  // namespace cp::cli
