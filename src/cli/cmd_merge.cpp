// `merge`: combines the shard files of one `mc --shard` or `sweep --shard` job into exactly
// the bytes the unsharded command writes. The first line of each file says what it is
// (ensemble_io.h for mc, experiment_args.h for sweep); files of both kinds cannot mix.
#include <charconv>
#include <cstdio>
#include <memory>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "i18n/trf.h"
#include "cli/commands.h"
#include "cli/experiment_args.h"
#include "cli/interrupt.h"
#include "cli/output_file.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/ensemble.h"
#include "engine/ensemble_io.h"

namespace cp::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> files;
  SharedFlags flags;
  int threads = 0;
};

constexpr const char* kNothingWritten =
    "chokepoint-cli: interrupted; nothing written (the shard files are unchanged: run merge again)\n";

bool startsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// Interrupted, it writes nothing: statistics over some of the shards' runs would not be the
// ensemble's, and the shards are still there.
int mergeMc(const MergeArgs& a, const InterruptScope& stop, std::ostream& out, std::ostream& err) {
  std::vector<EnsembleResult> shards;
  try {
    for (const std::string& path : a.files) {
      std::ifstream in(path, std::ios::binary);
      shards.push_back(readEnsembleShard(in, path));
      if (stop.interrupted()) break;
    }
    if (stop.interrupted()) {
      err << kNothingWritten;
      return kFailure;
    }
    const EnsembleResult merged = mergeEnsembles(std::move(shards), a.threads);
    if (stop.interrupted()) {
      err << kNothingWritten;
      return kFailure;
    }
    std::ostringstream buf;
    writeEnsembleCsv(buf, merged);
    const int code = emit(a.flags.out, buf.str(), out, err);
    if (code == kOk && merged.partial()) {
      err << i18n::trf("chokepoint-cli: the shards hold {} of {} runs; the output is marked partial\n",
                       merged.finishedRuns(), merged.runs);
      return kFailure;
    }
    return code;
  } catch (const EnsembleError& e) {
    err << "chokepoint-cli: " << e.what() << "\n";
    return kUsage;
  }
}

// One sweep shard file, read block by block ("# combo I" then its rows).
struct SweepShard {
  std::string path, identity, header;
  int k = 0, n = 1;
  long long combos = 0;
  std::ifstream in;
  std::string line;  // lookahead
  bool has_line = false;
  long long next_combo = -1;  // index of the block at the read position; -1 at the end

  bool advance() {
    has_line = static_cast<bool>(std::getline(in, line));
    return has_line;
  }
  // Skips comment lines other than block markers; sets next_combo.
  bool findBlock(std::ostream& err) {
    next_combo = -1;
    while (has_line) {
      if (startsWith(line, "# combo ")) {
        const std::string_view num = std::string_view(line).substr(8);
        long long i = -1;
        const auto r = std::from_chars(num.data(), num.data() + num.size(), i);
        if (r.ec != std::errc() || r.ptr != num.data() + num.size() || i < 0 || i >= combos || i % n != k) {
          err << i18n::trf("chokepoint-cli: {}: '{}' is not a combination of shard {}/{}\n", path, line, k + 1, n);
          return false;
        }
        next_combo = i;
        return true;
      }
      if (!line.empty() && line[0] != '#') {
        err << i18n::trf("chokepoint-cli: {}: rows before the first '# combo' line\n", path);
        return false;
      }
      advance();
    }
    return true;
  }
  // Copies the rows of the current block to `os`; leaves the reader on the next block.
  bool copyBlock(std::ostream& os, std::ostream& err) {
    const long long current = next_combo;
    while (advance() && (line.empty() || line[0] != '#')) os << line << '\n';
    if (!findBlock(err)) return false;
    if (next_combo >= 0 && next_combo <= current) {
      err << i18n::trf("chokepoint-cli: {}: combination {} after {}\n", path, next_combo, current);
      return false;
    }
    return true;
  }
};

// Interrupted, it stops like `sweep`: the combinations merged so far, then "# partial".
int mergeSweep(const MergeArgs& a, const InterruptScope& stop, std::ostream& out, std::ostream& err) {
  std::vector<std::unique_ptr<SweepShard>> shards;
  for (const std::string& path : a.files) {
    auto sh = std::make_unique<SweepShard>();
    sh->path = path;
    sh->in.open(path, std::ios::binary);
    if (!sh->advance()) {
      err << i18n::trf("chokepoint-cli: {}: empty file\n", path);
      return kUsage;
    }
    // First line: magic, combos=C, shard=K/N, then fields that must match across shards.
    std::istringstream fields(sh->line.substr(std::string(kSweepShardMagic).size()));
    std::string tok;
    bool have_shard = false, have_combos = false;
    while (fields >> tok) {
      if (startsWith(tok, "shard=")) {
        if (std::sscanf(tok.c_str(), "shard=%d/%d", &sh->k, &sh->n) != 2 || sh->n < 1 || sh->k < 1 || sh->k > sh->n) {
          err << i18n::trf("chokepoint-cli: {}:1: bad {}\n", path, tok);
          return kUsage;
        }
        --sh->k;
        have_shard = true;
        continue;  // everything else forms the identity
      }
      if (startsWith(tok, "combos=")) have_combos = std::sscanf(tok.c_str(), "combos=%lld", &sh->combos) == 1;
      sh->identity += tok + " ";
    }
    if (!have_shard || !have_combos) {
      err << i18n::trf("chokepoint-cli: {}:1: the first line needs combos= and shard=\n", path);
      return kUsage;
    }
    if (!sh->advance()) {
      err << i18n::trf("chokepoint-cli: {}: missing the column header\n", path);
      return kUsage;
    }
    sh->header = sh->line;
    sh->advance();
    if (!sh->findBlock(err)) return kUsage;
    shards.push_back(std::move(sh));
  }
  const SweepShard& first = *shards.front();
  std::vector<SweepShard*> by_k(static_cast<size_t>(first.n), nullptr);
  for (auto& sh : shards) {
    if (sh->n != first.n || sh->identity != first.identity || sh->header != first.header) {
      err << i18n::trf(
          "chokepoint-cli: {} is a shard of a different sweep than {} (their first two lines differ beyond shard=)\n",
          sh->path, first.path);
      return kUsage;
    }
    if (by_k[sh->k]) {
      err << i18n::trf("chokepoint-cli: shard {}/{} is given twice ({}, {})\n", sh->k + 1, sh->n, by_k[sh->k]->path,
                       sh->path);
      return kUsage;
    }
    by_k[sh->k] = sh.get();
  }
  std::string missing;
  for (int k = 0; k < first.n; ++k)
    if (!by_k[k]) missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", k + 1, first.n);
  if (!missing.empty()) {
    err << i18n::trf("chokepoint-cli: missing shard(s) {}\n", missing);
    return kUsage;
  }

  OutputFile f;
  if (!f.open(a.flags.out, out, err)) return kFailure;
  std::ostream& os = f.stream();
  os << first.header << '\n';
  long long present = 0;
  for (long long i = 0; i < first.combos && !stop.interrupted(); ++i) {
    SweepShard& sh = *by_k[static_cast<size_t>(i % first.n)];
    if (sh.next_combo != i) continue;  // not there: that shard was interrupted
    if (!sh.copyBlock(os, err)) return kUsage;
    ++present;
  }
  for (auto& sh : shards)
    if (sh->next_combo >= 0 && !stop.interrupted()) {
      err << i18n::trf("chokepoint-cli: {}: combination {} is out of order\n", sh->path, sh->next_combo);
      return kUsage;
    }
  if (present < first.combos) os << "# partial: " << present << " of " << first.combos << " combinations\n";
  const int code = f.commit(err);
  if (code == kOk && stop.interrupted()) {
    err << i18n::trf("chokepoint-cli: interrupted: {} of {} combinations written; the output is marked partial\n",
                     present, first.combos);
    return kFailure;
  }
  if (code == kOk && present < first.combos) {
    err << i18n::trf("chokepoint-cli: the shards hold {} of {} combinations; the output is marked partial\n", present,
                     first.combos);
    return kFailure;
  }
  return code;
}

}  // namespace

Command addMerge(CLI::App& app) {
  auto a = std::make_shared<MergeArgs>();
  app.add_option("files", a->files, i18n::tr("Shard files written by `mc --shard` or `sweep --shard`"))->required();
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag, {"csv"});
  app.add_option("--threads,-j", a->threads, i18n::tr("Threads for the statistics (default: one per core)"))
      ->check(wholeNumberIn(0, 1024));
  return [a](std::ostream& out, std::ostream& err) -> int {
    InterruptScope stop;
    enum class Kind { Mc, Sweep };
    std::optional<Kind> kind;
    for (const std::string& path : a->files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        err << i18n::trf("chokepoint-cli: {}: file not found or not readable\n", path);
        return kUsage;
      }
      std::string line;
      std::getline(in, line);
      Kind k;
      if (startsWith(line, std::string(kMcShardMagic) + " "))
        k = Kind::Mc;
      else if (startsWith(line, std::string(kSweepShardMagic) + " "))
        k = Kind::Sweep;
      else {
        err << i18n::trf("chokepoint-cli: {}: not a shard file (its first line should start with '{}' or '{}')\n", path,
                         kMcShardMagic, kSweepShardMagic);
        return kUsage;
      }
      if (kind && *kind != k) {
        err << i18n::trf("chokepoint-cli: {}: mc and sweep shards cannot be merged together\n", path);
        return kUsage;
      }
      kind = k;
    }
    return *kind == Kind::Mc ? mergeMc(*a, stop, out, err) : mergeSweep(*a, stop, out, err);
  };
}

}  // namespace cp::cli
