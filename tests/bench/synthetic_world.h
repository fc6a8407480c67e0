// A bigger world for scaling benchmarks, made from a loaded scenario (not shipped as a
// scenario): every company copied so there are `company_factor` times as many, every chip
// and site `chip_site_factor` times. A copy keeps its original's numbers (levers and
// uncertain inputs included) under a new id ("<id>~2"), and every list that names the
// original (rules, guidance, site menus, chip buyers) names its copies too, so the copies
// take part in the market like the originals.
//
//   const cp::Scenario big = cp::test::syntheticWorld(baseline, 10, 3);
#pragma once

#include "engine/scenario.h"

#include <string>
#include <vector>

namespace cp::test {

namespace synthetic_detail {

// Adds copy k (1..factor-1) of every listed index i to the list: index i + k * count.
inline void addCopies(std::vector<int>& list, int count, int factor) {
  const std::vector<int> original = list;
  for (int k = 1; k < factor; ++k)
    for (int i : original) list.push_back(i + k * count);
}

template <class T>
void copyEntities(std::vector<T>& items, int factor) {
  const std::vector<T> original = items;
  for (int k = 1; k < factor; ++k) {
    const std::string n = std::to_string(k + 1);
    for (T copy : original) {
      copy.id.append("~").append(n);
      copy.name.append(" (").append(n).append(")");
      items.push_back(std::move(copy));
    }
  }
}

}  // namespace synthetic_detail

inline cp::Scenario syntheticWorld(const cp::Scenario& base, int company_factor, int chip_site_factor) {
  using synthetic_detail::addCopies;
  cp::Scenario s = base;
  s.name = base.name + " (synthetic x" + std::to_string(company_factor) + ")";
  const int companies = static_cast<int>(base.companies.size());
  const int chips = static_cast<int>(base.chips.size());
  synthetic_detail::copyEntities(s.chips, chip_site_factor);
  synthetic_detail::copyEntities(s.sites, chip_site_factor);
  synthetic_detail::copyEntities(s.companies, company_factor);
  for (cp::Chip& c : s.chips) addCopies(c.buyers, companies, company_factor);
  for (cp::Site& site : s.sites) addCopies(site.chip_menu, chips, chip_site_factor);
  for (cp::Rule& r : s.rules) {
    if (auto* named = std::get_if<cp::NamedProductRule>(&r.spec)) addCopies(named->chips, chips, chip_site_factor);
    if (auto* cap = std::get_if<cp::VolumeCapRule>(&r.spec)) addCopies(cap->chips, chips, chip_site_factor);
    if (auto* listed = std::get_if<cp::EntityListRule>(&r.spec))
      addCopies(listed->companies, companies, company_factor);
  }
  for (cp::Guidance& g : s.china.guidance) addCopies(g.chips, chips, chip_site_factor);
  return s;
}

}  // namespace cp::test
