#include "engine/results.h"

#include <algorithm>
#include <cstring>

namespace cp {

const char* toString(Scope s) {
  switch (s) {
    case Scope::Company: return "company";
    case Scope::Bloc: return "bloc";
    case Scope::Jurisdiction: return "jurisdiction";
    case Scope::Vendor: return "vendor";
    case Scope::Chip: return "chip";
    case Scope::Global: return "global";
  }
  return "?";
}

bool parseScope(std::string_view s, Scope& out) {
  for (Scope c : {Scope::Company, Scope::Bloc, Scope::Jurisdiction, Scope::Vendor, Scope::Chip, Scope::Global}) {
    if (s == toString(c)) {
      out = c;
      return true;
    }
  }
  return false;
}

std::string Results::keyString(Scope scope, std::string_view id, std::string_view metric) {
  std::string k = toString(scope);
  k += '/';
  k += id;
  k += '/';
  k += metric;
  return k;
}

int Results::add(Scope scope, std::string_view id, std::string_view metric) {
  auto [it, inserted] = index_.emplace(keyString(scope, id, metric), static_cast<int>(keys_.size()));
  if (inserted) {
    keys_.push_back({scope, std::string(id), std::string(metric)});
    values_.resize(values_.size() + static_cast<size_t>(months_), 0.0);
  }
  return it->second;
}

void Results::resetValues() {
  std::fill(values_.begin(), values_.end(), 0.0);
  trace.clear();
  for (std::vector<char>& r : rule_active) std::fill(r.begin(), r.end(), 0);
  violations.clear();
  partial = false;
}

const double* Results::find(Scope scope, std::string_view id, std::string_view metric) const {
  auto it = index_.find(keyString(scope, id, metric));
  return it == index_.end() ? nullptr : series(it->second);
}

double Results::at(Scope scope, std::string_view id, std::string_view metric, int t) const {
  const double* s = find(scope, id, metric);
  if (!s || t < 0 || t >= months_) return 0.0;
  return s[t];
}

std::uint64_t Results::fingerprint() const {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) {
      h ^= b[i];
      h *= 1099511628211ull;
    }
  };
  for (size_t i = 0; i < keys_.size(); ++i) {
    const std::string k = keyString(keys_[i].scope, keys_[i].id, keys_[i].metric);
    mix(k.data(), k.size());
    mix(series(static_cast<int>(i)), sizeof(double) * static_cast<size_t>(months_));
  }
  return h;
}

}  // namespace cp
