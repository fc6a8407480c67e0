// What a run produces: one series of monthly values per (scope, id, metric), plus the
// echo of what was run. Stable metric names are listed in src/engine/README.md "Metrics".
//
//   const double* gap = r.find(Scope::Company, "deepseek", "frontier_gap_months");
//   double v = r.at(Scope::Bloc, "china", "compute_train_h100e", r.monthIndex(2026*12));
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cp {

enum class Scope { Company, Bloc, Jurisdiction, Vendor, Chip, Global };
const char* toString(Scope s);
bool parseScope(std::string_view s, Scope& out);

struct SeriesKey {
  Scope scope;
  std::string id, metric;
};

// One option a company weighed in a month (the dashboard's "why" panel).
struct OptionTrace {
  std::string label;    // "buy h100 (home)", "lease at johor_leased", "grey market"
  int purpose = 0;      // 0 train, 1 infer
  std::string verdict;  // explain() of the rule verdict
  bool allowed = true;
  double cost_usd_per_h100e_month = 0;  // effective cost, incl. fees, subsidies, premiums
  double share = 0;                     // planned spend / the purpose's budget this month (over all rounds)
  double spend_usd = 0;                 // planned: budget not filled in one round is offered again
  double paid_usd = 0;                  // what was actually filled after rationing
};

struct Violation {
  int month = 0;  // absolute month
  std::string entity, what;
};

class Results {
 public:
  Results() = default;
  Results(int start, int months) : start_(start), months_(months) {}

  int start() const { return start_; }
  int months() const { return months_; }
  int monthIndex(int abs) const { return abs - start_; }

  // Adds a zero-filled series (or returns the existing one) and gives its index.
  int add(Scope scope, std::string_view id, std::string_view metric);
  // Room for this many series, so adding them does not move the values again and again.
  void reserve(size_t series) {
    keys_.reserve(series);
    values_.reserve(series * static_cast<size_t>(months_));
    index_.reserve(series);
  }
  // Back to a fresh run's state with the same series: every value and rule-timeline month
  // 0, no trace rows or violations; the keys (and the memory) stay for the next run.
  void resetValues();
  double* series(int index) { return values_.data() + static_cast<size_t>(index) * months_; }
  const double* series(int index) const { return values_.data() + static_cast<size_t>(index) * months_; }
  const double* find(Scope scope, std::string_view id, std::string_view metric) const;
  double at(Scope scope, std::string_view id, std::string_view metric, int t) const;
  const std::vector<SeriesKey>& keys() const { return keys_; }
  size_t size() const { return keys_.size(); }

  // Echo of the run.
  std::string scenario_name, version;
  std::uint64_t seed = 0;
  std::vector<std::pair<std::string, std::string>> lever_values;  // id, value as typed
  bool partial = false;

  std::vector<OptionTrace> trace;              // filled when RunOptions asks for it
  std::vector<std::vector<char>> rule_active;  // [rule][month index]: in force (the rule timeline)
  std::vector<Violation> violations;           // filled when RunOptions::check is on

  // Bit-exact fingerprint of every value (FNV-1a over keys and doubles).
  std::uint64_t fingerprint() const;

 private:
  static std::string keyString(Scope scope, std::string_view id, std::string_view metric);
  int start_ = 0, months_ = 0;
  std::vector<SeriesKey> keys_;
  std::vector<double> values_;
  std::unordered_map<std::string, int> index_;
};

}  // namespace cp
