#include "engine/scenario.h"

namespace cp {

namespace {
template <class T>
int findId(const std::vector<T>& v, std::string_view id) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i].id == id) return static_cast<int>(i);
  return -1;
}
}  // namespace

int Scenario::findLever(std::string_view id) const { return findId(levers, id); }
int Scenario::findCompany(std::string_view id) const { return findId(companies, id); }
int Scenario::findChip(std::string_view id) const { return findId(chips, id); }
int Scenario::findJurisdiction(std::string_view id) const { return findId(jurisdictions, id); }
int Scenario::findVendor(std::string_view id) const { return findId(vendors, id); }
int Scenario::findBloc(std::string_view id) const { return findId(blocs, id); }
int Scenario::findSite(std::string_view id) const { return findId(sites, id); }

const char* toString(RuleKind k) {
  switch (k) {
    case RuleKind::Threshold: return "threshold";
    case RuleKind::NamedProduct: return "named_product";
    case RuleKind::CountryCaps: return "country_caps";
    case RuleKind::EntityList: return "entity_list";
    case RuleKind::RemoteAccess: return "remote_access";
    case RuleKind::VolumeCap: return "volume_cap";
  }
  return "?";
}

const char* toString(Policy p) {
  switch (p) {
    case Policy::Deny: return "deny";
    case Policy::CaseByCase: return "case_by_case";
    case Policy::Allow: return "allow";
  }
  return "?";
}

}  // namespace cp
