// `library`: the baseline and every variant beside it (scenario files that `extends` the
// baseline) run side by side, a before/after table of a few headline metrics per variant.
// `--readme FILE` writes the markdown table between the library markers of FILE, so the
// numbers quoted in scenarios/README.md come from the program, not from a hand.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/simulate.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

namespace fs = std::filesystem;

struct LibraryArgs {
  std::string baseline, readme;
  std::vector<std::string> months;
  SharedFlags flags;
};

enum class Unit { H100e, Usd, Months, Share };

struct Headline {
  Scope scope;
  const char* id;
  const char* metric;
  const char* label;
  Unit unit;
  bool flow;  // summed over the 12 months ending in the month
};

constexpr Headline kHeadlines[] = {
    {Scope::Bloc, "china", "compute_flop_h100e", N_("China's compute (FLOP-H100e)"), Unit::H100e, false},
    {Scope::Bloc, "china", "compute_leased_h100e", N_("of it leased abroad"), Unit::H100e, false},
    {Scope::Bloc, "china", "frontier_gap_months", N_("Frontier gap (months)"), Unit::Months, false},
    {Scope::Global, "world", "huawei_flop_share_china", N_("Huawei share of China's compute"), Unit::Share, false},
    {Scope::Vendor, "nvidia", "revenue_china_usd", N_("Nvidia China revenue (12 months)"), Unit::Usd, true},
};

constexpr const char* kBegin = "<!-- library:begin";
constexpr const char* kEnd = "<!-- library:end -->";

struct Variant {
  std::string file, stem;
  Scenario scenario;
  Results results;
};

std::string seriesName(const Headline& h) { return fmt::format("{}/{}/{}", toString(h.scope), h.id, h.metric); }

std::optional<double> valueAt(const Results& r, const Headline& h, int month) {
  const double* s = r.find(h.scope, h.id, h.metric);
  if (!s) return std::nullopt;
  const int from = h.flow ? std::max(r.start(), month - 11) : month;
  double sum = 0;
  for (int m = from; m <= month; ++m) sum += s[r.monthIndex(m)];
  return sum;
}

// Three significant digits with k/M/bn suffixes: 590k, 1.23M, $4.9bn (590 тис., 1,23 млн,
// $4,9 млрд in Ukrainian).
std::string compact(double v, const char* prefix) {
  const double a = std::fabs(v);
  auto sig3 = [](double x) {
    return humanNumber(x >= 100  ? fmt::format("{:.0f}", x)
                       : x >= 10 ? fmt::format("{:.1f}", x)
                                 : fmt::format("{:.2f}", x));
  };
  const std::string sign = v < 0 ? "-" : "";
  if (a >= 1e9) return sign + prefix + sig3(a / 1e9) + scaleSuffix(3);
  if (a >= 1e6) return sign + prefix + sig3(a / 1e6) + scaleSuffix(2);
  if (a >= 1e3) return sign + prefix + sig3(a / 1e3) + scaleSuffix(1);
  return sign + prefix + fmt::format("{:.0f}", a);
}

std::string human(std::optional<double> v, Unit u) {
  if (!v) return "-";
  switch (u) {
    case Unit::H100e: return compact(*v, "");
    case Unit::Usd: return compact(*v, "$");
    case Unit::Months: return humanNumber(fmt::format("{:.1f}", *v));
    case Unit::Share: return humanNumber(fmt::format("{:.2f}", *v));
  }
  return "-";
}

// `d` with a sign and `decimals` decimals; a change too small for them keeps two significant
// digits (+0.0046, not 0), so only no change at all reads 0.
std::string signedChange(double d, int decimals, double scale) {
  const double a = std::fabs(d);
  if (a <= 1e-12 * std::max(scale, 1.0)) return "0";
  if (a >= 0.5 * std::pow(10.0, -decimals)) return humanNumber(fmt::format("{:+.{}f}", d, decimals));
  std::string s = fmt::format("{:+.{}f}", d, 1 - static_cast<int>(std::floor(std::log10(a))));
  while (s.back() == '0') s.pop_back();  // +0.003, not +0.0030
  return humanNumber(s);
}

// Stocks of compute and money change in percent; months and shares in their own unit.
std::string change(std::optional<double> base, std::optional<double> var, Unit u) {
  if (!base || !var) return i18n::tr("n/a");
  const double d = *var - *base, scale = std::max(std::fabs(*base), std::fabs(*var));
  switch (u) {
    case Unit::H100e:
    case Unit::Usd: {
      if (*base == 0) return d == 0 ? "0" : i18n::tr("new");
      const double pct = d / std::fabs(*base) * 100.0;
      const std::string s = signedChange(pct, std::fabs(pct) < 10 ? 1 : 0, 100.0);
      return s == "0" ? s : s + "%";
    }
    case Unit::Months: return signedChange(d, 1, scale);
    case Unit::Share: return signedChange(d, 2, scale);
  }
  return "n/a";
}

std::string num(std::optional<double> v) { return v ? fmt::format("{}", *v) : std::string(); }

// Every *.json beside the baseline whose `extends` names the baseline, by file name.
std::vector<std::string> findVariants(const fs::path& baseline, std::ostream& err) {
  const fs::path dir = baseline.parent_path().empty() ? fs::path(".") : baseline.parent_path();
  std::error_code ec;
  const fs::path base_abs = fs::weakly_canonical(baseline, ec);
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    if (fs::weakly_canonical(entry.path(), ec) == base_abs) continue;
    std::ifstream in(entry.path());
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded()) {
      err << i18n::trf("chokepoint-cli: {}: not valid JSON, skipped\n", entry.path().string());
      continue;
    }
    const auto ext = doc.is_object() ? doc.find("extends") : doc.end();
    if (ext == doc.end() || !ext->is_string()) continue;
    if (fs::weakly_canonical(dir / ext->get<std::string>(), ec) == base_abs) found.push_back(entry.path().string());
  }
  if (ec) err << "chokepoint-cli: " << dir.string() << ": " << ec.message() << "\n";
  std::sort(found.begin(), found.end());
  return found;
}

std::string monthsCsv(const std::vector<int>& months) {
  std::string s;
  for (int m : months) s += (s.empty() ? "" : ",") + formatMonth(m);
  return s;
}

std::string markdown(const std::vector<Variant>& vs, const Results& base, const std::vector<int>& months) {
  std::string o = i18n::tr("Each cell: baseline -> variant (change). Series: ");
  for (const Headline& h : kHeadlines) o += fmt::format("{}`{}`", &h == kHeadlines ? "" : ", ", seriesName(h));
  o += i18n::tr(". Revenue is summed over the 12 months ending in the month.\n");
  auto row = [](const std::vector<std::string>& cells) {
    std::string r = "|";
    for (const std::string& c : cells) r += " " + c + " |";
    return r + "\n";
  };
  for (const Variant& v : vs) {
    o += fmt::format("\n**`{}`** ({})\n\n", v.stem, i18n::tr(v.scenario.name));
    std::vector<std::string> head{i18n::tr("metric")}, rule{"---"};
    for (int m : months) {
      head.push_back(humanMonth(m));
      rule.push_back("---");
    }
    o += row(head) + row(rule);
    for (const Headline& h : kHeadlines) {
      std::vector<std::string> cells{i18n::tr(h.label)};
      for (int m : months) {
        const auto a = valueAt(base, h, m), b = valueAt(v.results, h, m);
        cells.push_back(fmt::format("{} -> {} ({})", human(a, h.unit), human(b, h.unit), change(a, b, h.unit)));
      }
      o += row(cells);
    }
  }
  return o;
}

std::string table(const std::vector<Variant>& vs, const Results& base, const std::string& baseline_file,
                  const std::vector<int>& months) {
  std::string o = i18n::trf("Baseline {}. Revenue is summed over the 12 months ending in the month.\n", baseline_file);
  // Labels and months as words may be wider than the English ones: columns take the widest.
  std::size_t label_width = displayWidth(i18n::tr("metric")), month_width = displayWidth(i18n::tr("month"));
  for (const Headline& h : kHeadlines) label_width = std::max(label_width, displayWidth(i18n::tr(h.label)));
  for (int m : months) month_width = std::max(month_width, displayWidth(humanMonth(m)));
  label_width = std::max<std::size_t>(label_width, 34);
  month_width = std::max<std::size_t>(month_width, 8);
  for (const Variant& v : vs) {
    o += fmt::format("\n{}  ({})\n", v.file, i18n::tr(v.scenario.name));
    o += fmt::format("  {:<{}} {:<{}} {:>10} {:>10} {:>8}\n", i18n::tr("metric"), label_width, i18n::tr("month"),
                     month_width, i18n::tr("baseline"), i18n::tr("variant"), i18n::tr("change"));
    for (const Headline& h : kHeadlines)
      for (int m : months) {
        const auto a = valueAt(base, h, m), b = valueAt(v.results, h, m);
        o += fmt::format("  {:<{}} {:<{}} {:>10} {:>10} {:>8}\n", i18n::tr(h.label), label_width, humanMonth(m),
                         month_width, human(a, h.unit), human(b, h.unit), change(a, b, h.unit));
      }
  }
  return o;
}

std::string csv(const std::vector<Variant>& vs, const Results& base, const std::vector<int>& months) {
  std::string o = "variant,scope,id,metric,window,from,to,baseline,value,diff,pct\n";
  for (const Variant& v : vs)
    for (const Headline& h : kHeadlines)
      for (int m : months) {
        const auto a = valueAt(base, h, m), b = valueAt(v.results, h, m);
        const int from = h.flow ? std::max(base.start(), m - 11) : m;
        const std::optional<double> diff = a && b ? std::optional<double>(*b - *a) : std::nullopt;
        const std::optional<double> pct =
            a && b && *a != 0 ? std::optional<double>(*diff / std::fabs(*a) * 100) : std::nullopt;
        o += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", v.stem, toString(h.scope), h.id, h.metric,
                         h.flow ? "sum12" : "month", formatMonth(from), formatMonth(m), num(a), num(b), num(diff),
                         num(pct));
      }
  return o;
}

std::string json(const std::vector<Variant>& vs, const Results& base, const std::string& baseline_file,
                 const std::vector<int>& months) {
  nlohmann::json doc = {
      {"baseline", baseline_file}, {"months", nlohmann::json::array()}, {"variants", nlohmann::json::array()}};
  for (int m : months) doc["months"].push_back(formatMonth(m));
  auto opt = [](std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  for (const Variant& v : vs) {
    nlohmann::json rows = nlohmann::json::array();
    for (const Headline& h : kHeadlines)
      for (int m : months)
        rows.push_back({{"series", seriesName(h)},
                        {"label", h.label},
                        {"window", h.flow ? "sum12" : "month"},
                        {"month", formatMonth(m)},
                        {"baseline", opt(valueAt(base, h, m))},
                        {"value", opt(valueAt(v.results, h, m))}});
    doc["variants"].push_back({{"file", v.file},
                               {"id", v.stem},
                               {"name", v.scenario.name},
                               {"description", v.scenario.description},
                               {"rows", rows}});
  }
  return doc.dump(2) + "\n";
}

// The months named in the README's begin marker (`months=2026-11,2028-12`), if any.
std::vector<std::string> markerMonths(const std::string& text, size_t begin) {
  const size_t close = text.find("-->", begin);
  const std::string marker = text.substr(begin, close - begin);
  std::vector<std::string> out;
  const size_t at = marker.find("months=");
  if (at == std::string::npos) return out;
  std::istringstream list(marker.substr(at + 7));
  std::string word;
  list >> word;
  std::istringstream parts(word);
  for (std::string m; std::getline(parts, m, ',');) out.push_back(m);
  return out;
}

}  // namespace

Command addLibrary(CLI::App& app) {
  auto a = std::make_shared<LibraryArgs>();
  app.add_option(
      "baseline", a->baseline,
      i18n::tr(
          "Baseline scenario (default: scenarios/baseline.json); its variants are the files beside it that extend it"));
  app.add_option("--month,-m", a->months,
                 i18n::tr("Month to show (YYYY-MM, repeatable; default: the baseline's last month)"));
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag | kLeverFlag, {"text", "markdown", "csv", "json"},
                 N_("applied to the baseline and every variant"));
  app.add_option("--readme", a->readme,
                 i18n::trf("Write the markdown table into FILE between its '<!-- library:begin months=...' and '{}' "
                           "lines (months from the marker unless --month is given)",
                           kEnd));
  return [a](std::ostream& out, std::ostream& err) -> int {
    std::string readme_text;
    size_t begin = 0, body = 0, end = 0;
    if (!a->readme.empty()) {
      if (!a->flags.out.empty()) {
        err << i18n::trf("chokepoint-cli: --readme writes its file in place; leave out --out\n");
        return kUsage;
      }
      if (a->flags.format != "text") {
        err << i18n::trf("chokepoint-cli: --readme writes the markdown table; leave out --format\n");
        return kUsage;
      }
      std::error_code ec;
      if (std::filesystem::is_directory(a->readme, ec)) {
        err << i18n::trf("chokepoint-cli: --readme {}: a folder; give the Markdown file to update\n", a->readme);
        return kUsage;
      }
      std::ifstream in(a->readme, std::ios::binary);
      if (!in) {
        err << i18n::trf("chokepoint-cli: {}: cannot read\n", a->readme);
        return kUsage;
      }
      readme_text.assign(std::istreambuf_iterator<char>(in), {});
      begin = readme_text.find(kBegin);
      end = readme_text.find(kEnd, begin == std::string::npos ? 0 : begin);
      body = begin == std::string::npos ? std::string::npos : readme_text.find('\n', begin);
      if (begin == std::string::npos || end == std::string::npos || body == std::string::npos || body > end) {
        err << i18n::trf("chokepoint-cli: {}: no '{} ... -->' line followed by '{}' line\n", a->readme, kBegin, kEnd);
        return kUsage;
      }
      ++body;
      if (a->months.empty()) a->months = markerMonths(readme_text, begin);
    }

    const std::string baseline_file = a->baseline.empty() ? defaultBaselinePath() : a->baseline;
    auto base = loadWithLevers(baseline_file, a->flags.levers, err);
    if (!base) return kUsage;
    std::vector<int> months;
    for (const std::string& text : a->months) {
      auto m = parseMonthArg(text, "--month", err);
      if (!m) return kUsage;
      if (*m < base->start || *m > base->end) {
        err << i18n::trf("chokepoint-cli: --month {} is outside the baseline's months ({}..{})\n", text,
                         formatMonth(base->start), formatMonth(base->end));
        return kUsage;
      }
      months.push_back(*m);
    }
    if (months.empty()) months.push_back(base->end);
    const int last = *std::max_element(months.begin(), months.end());

    std::vector<Variant> variants;
    for (const std::string& file : findVariants(baseline_file, err)) {
      auto s = loadWithLevers(file, a->flags.levers, err);
      if (!s) return kUsage;
      if (s->start > base->start || s->end < last) {
        err << i18n::trf("chokepoint-cli: {} covers {}..{}, not all of the months asked for\n", file,
                         formatMonth(s->start), formatMonth(s->end));
        return kUsage;
      }
      variants.push_back({file, fs::path(file).stem().string(), std::move(*s), {}});
    }
    if (variants.empty()) {
      err << i18n::trf("chokepoint-cli: no scenario beside {} extends it\n", baseline_file);
      return kUsage;
    }
    // Only simulate what the table needs.
    base->end = last;
    const Results base_results = simulate(*base);
    for (Variant& v : variants) {
      v.scenario.end = last;
      v.results = simulate(v.scenario);
    }

    if (!a->readme.empty()) {
      const std::string block = markdown(variants, base_results, months);
      const std::string updated = readme_text.substr(0, body) + block + readme_text.substr(end);
      if (updated == readme_text) {
        out << a->readme << ": library table up to date (" << variants.size() << " variants, " << monthsCsv(months)
            << ")\n";
        return kOk;
      }
      const int code = emit(a->readme, updated, out, err);
      if (code == kOk)
        out << a->readme << ": library table updated (" << variants.size() << " variants, " << monthsCsv(months)
            << ")\n";
      return code;
    }
    std::string text;
    if (a->flags.format == "markdown")
      text = markdown(variants, base_results, months);
    else if (a->flags.format == "csv")
      text = csv(variants, base_results, months);
    else if (a->flags.format == "json")
      text = json(variants, base_results, baseline_file, months);
    else
      text = table(variants, base_results, baseline_file, months);
    return emit(a->flags.out, text, out, err);
  };
}

}  // namespace cp::cli
