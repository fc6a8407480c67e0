// Ctrl+C, SIGTERM and a second or third signal (src/cli/interrupt.h): what finished is written
// and marked partial, the second signal only adds a note, the third abandons, and no signal
// leaves a temporary file. Real signals: in a forked child (death tests) or to the built
// chokepoint-cli, whose stderr is a pseudo-terminal so that its progress bar says when the
// work has begun. No timing: each step waits for what the program prints.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/interrupt.h"
#include "cli/output_file.h"
#include "cli_support.h"
#include "wait_until.h"

using namespace cp::cli;
namespace fs = std::filesystem;

using cp::cli::test::cli;
using cp::cli::test::Out;
using cp::cli::test::slurp;
using cp::cli::test::TempDir;
using cp::test::waitUntil;

namespace {

std::string baseline() { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json"; }

std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

std::string lastLine(const std::string& text) {
  const size_t end = text.size() && text.back() == '\n' ? text.size() - 1 : text.size();
  const size_t begin = text.rfind('\n', end ? end - 1 : 0);
  return text.substr(begin == std::string::npos ? 0 : begin + 1, end - (begin == std::string::npos ? 0 : begin + 1));
}

// In a death test's child: `f` open on `path` with a first row written (or exit 3).
void startOutput(OutputFile& f, const std::string& path) {
  static std::ostringstream out, err;
  if (!f.open(path, out, err)) std::_Exit(3);
  f.stream() << "rows\n" << std::flush;
}

// chokepoint-cli with stdout on a pipe (read only when asked: a full pipe holds the program
// in its writing) and stderr on a pseudo-terminal read all along.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    int out_pipe[2];
    int tty_slave = -1;
    if (::pipe(out_pipe) != 0 || ::openpty(&tty_, &tty_slave, nullptr, nullptr, nullptr) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out_pipe[1], 1);
      ::dup2(tty_slave, 2);
      ::close(out_pipe[0]);
      ::close(out_pipe[1]);
      ::close(tty_slave);
      ::close(tty_);
      std::vector<char*> argv{const_cast<char*>(CHOKEPOINT_CLI_BIN)};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(CHOKEPOINT_CLI_BIN, argv.data());
      ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(tty_slave);
    out_ = out_pipe[0];
    reader_ = std::thread([this] {
      char buf[4096];
      for (;;) {
        const ssize_t n = ::read(tty_, buf, sizeof buf);
        if (n <= 0) return;  // EIO once the child has gone
        std::lock_guard lock(mutex_);
        tty_text_.append(buf, static_cast<size_t>(n));
      }
    });
  }
  ~Child() {
    if (pid_ > 0 && status_ < 0) {
      ::kill(pid_, SIGKILL);
      wait();
    }
    if (reader_.joinable()) reader_.join();
    if (out_ >= 0) ::close(out_);
    if (tty_ >= 0) ::close(tty_);
  }
  bool started() const { return pid_ > 0; }
  // Waits (up to a minute) until the program's stderr holds `text`.
  bool waitForStderr(const std::string& text) {
    return waitUntil([&] { return stderrText().find(text) != std::string::npos; });
  }
  std::string stderrText() {
    std::lock_guard lock(mutex_);
    return tty_text_;
  }
  void signal(int sig) { ::kill(pid_, sig); }
  // Some of stdout (blocks until there is some).
  std::string readSome() {
    char buf[4096];
    const ssize_t n = ::read(out_, buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }
  // The rest of stdout, then the exit status.
  std::string drainAndWait() {
    std::string text;
    for (std::string part; !(part = readSome()).empty();) text += part;
    wait();
    return text;
  }
  int wait() {
    if (status_ < 0) ::waitpid(pid_, &status_, 0);
    return status_;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1, tty_ = -1, status_ = -1;
  std::thread reader_;
  std::mutex mutex_;
  std::string tty_text_;
};

}  // namespace

// ---------------------------------------------------------------- in a forked child

TEST(CliInterruptDeathTest, SecondSignalOnlyAddsANoteAndTheFileIsFinished) {
  TempDir dir;
  const std::string target = dir / "out.csv";
  EXPECT_EXIT(
      {
        InterruptScope stop;
        OutputFile f;
        startOutput(f, target);
        std::raise(SIGINT);
        std::raise(SIGINT);
        if (!stop.interrupted()) std::_Exit(4);
        f.stream() << "what finished\n";
        std::ostringstream err;
        std::_Exit(f.commit(err) == kOk && slurp(target) == "rows\nwhat finished\n" ? 0 : 5);
      },
      testing::ExitedWithCode(0), "stopping.*finishing the output; press Ctrl\\+C again to abandon it");
  EXPECT_EQ(names(dir.path()), std::vector<std::string>{"out.csv"});
}

TEST(CliInterruptDeathTest, SigtermCountsLikeCtrlCAndTheThirdAbandonsWithoutATemporaryFile) {
  TempDir dir;
  EXPECT_EXIT(
      {
        InterruptScope stop;
        OutputFile f;
        startOutput(f, dir / "out.csv");
        std::raise(SIGTERM);
        std::raise(SIGINT);
        std::raise(SIGINT);
        std::_Exit(0);  // not reached: the third signal ends the process
      },
      testing::KilledBySignal(SIGINT), "abandoned; the output is not written");
  EXPECT_TRUE(names(dir.path()).empty()) << names(dir.path()).front();
}

TEST(CliInterruptDeathTest, OutsideALongCommandASignalEndsItWithoutATemporaryFile) {
  TempDir dir;
  EXPECT_EXIT(
      {
        installSignalHandlers();  // as main() does
        OutputFile f;
        startOutput(f, dir / "out.csv");
        std::raise(SIGTERM);
        std::_Exit(0);
      },
      testing::KilledBySignal(SIGTERM), "");
  EXPECT_TRUE(names(dir.path()).empty()) << names(dir.path()).front();
}

// ---------------------------------------------------------------- the built program

TEST(CliInterrupt, SigtermStopsASweepLikeCtrlCAndLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string out = dir / "sweep.csv";
  Child c({"sweep", baseline(), "--lever", "us.export_enforcement=0:1:5000", "--threads", "1", "--out", out});
  ASSERT_TRUE(c.started());
  ASSERT_TRUE(c.waitForStderr("combinations")) << c.stderrText();  // the progress bar: at work
  c.signal(SIGTERM);
  const int status = c.wait();
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping cleanly";
  EXPECT_EQ(WEXITSTATUS(status), kFailure);
  EXPECT_EQ(names(dir.path()), std::vector<std::string>{"sweep.csv"});
  EXPECT_EQ(lastLine(slurp(out)).rfind("# partial: ", 0), 0u) << lastLine(slurp(out));
  EXPECT_NE(c.stderrText().find("stopping..."), std::string::npos) << c.stderrText();
}

TEST(CliInterrupt, SecondCtrlCWhileMcWritesKeepsTheFinishedRuns) {
  // Stdout is not read until both signals are in, so the program is still writing then.
  // 1,000 runs on one thread take far longer than it takes to interrupt them; the bloc
  // series (2.5 MB of statistics) are more than a pipe holds.
  Child c({"mc", baseline(), "--runs", "1000", "--threads", "1", "--to", "2027-12", "--metrics", "bloc/*/*"});
  ASSERT_TRUE(c.started());
  ASSERT_TRUE(c.waitForStderr("runs")) << c.stderrText();
  c.signal(SIGINT);
  ASSERT_TRUE(c.waitForStderr("stopping...")) << c.stderrText();
  c.signal(SIGINT);
  ASSERT_TRUE(c.waitForStderr("press Ctrl+C again to abandon it")) << c.stderrText();
  const std::string text = c.drainAndWait();
  const int status = c.wait();
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the second Ctrl+C";
  EXPECT_EQ(WEXITSTATUS(status), kFailure);
  EXPECT_EQ(text.rfind("# chokepoint-mc v1 ", 0), 0u);
  EXPECT_EQ(lastLine(text).rfind("# partial: ", 0), 0u) << lastLine(text);
  EXPECT_NE(lastLine(text).find(" of 1000 runs"), std::string::npos) << lastLine(text);
}

TEST(CliInterrupt, CtrlCStopsAMergeOfSweepShardsLikeTheSweep) {
  TempDir dir;
  const std::vector<std::string> sweep = {"sweep", baseline(), "--lever", "us.export_enforcement=0:1:6",
                                          "--to",  "2022-03",  "--quiet"};
  for (const char* k : {"1/2", "2/2"}) {
    std::vector<std::string> args = sweep;
    args.insert(args.end(), {"--shard", k, "--out", dir / (std::string("s") + k[0] + ".csv")});
    ASSERT_EQ(cli(args).code, kOk);
  }
  // The merged output (over a megabyte) fills the pipe: the merge waits in its writing.
  Child c({"merge", dir / "s1.csv", dir / "s2.csv"});
  ASSERT_TRUE(c.started());
  std::string text = c.readSome();
  ASSERT_EQ(text.rfind("us.export_enforcement,month,", 0), 0u) << text;
  c.signal(SIGINT);
  ASSERT_TRUE(c.waitForStderr("stopping...")) << c.stderrText();
  text += c.drainAndWait();
  const int status = c.wait();
  ASSERT_TRUE(WIFEXITED(status)) << "killed by Ctrl+C instead of stopping cleanly";
  EXPECT_EQ(WEXITSTATUS(status), kFailure);
  EXPECT_EQ(lastLine(text).rfind("# partial: ", 0), 0u) << lastLine(text);
  EXPECT_NE(lastLine(text).find(" of 6 combinations"), std::string::npos) << lastLine(text);
}
