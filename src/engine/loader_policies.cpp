// What the players can do: levers, the US rule book, Beijing's policy, host policies,
// events, and the `set` block that moves levers (scenarios/README.md).
#include <algorithm>

#include "engine/json_doc.h"
#include "engine/levers.h"
#include "engine/loader_reader.h"

namespace cp::loading {

void readLevers(Reader& r, const json& root, Scenario& s) {
  r.list(root, "levers", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(
            e, p,
            {"id", "label", "group", "kind", "value", "min", "max", "step", "unit", "options", "help", "changes"}))
      return;
    Lever l;
    l.id = r.id(e, p);
    l.label = r.str(e, "label", p, true, l.id);
    l.group = r.str(e, "group", p, true, "Other");
    l.unit = r.str(e, "unit", p, false);
    l.help = r.str(e, "help", p, false);
    l.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
    l.changes = r.str(e, "changes", p, false);
    const std::string kind = r.str(e, "kind", p, true);
    if (kind == "bool")
      l.kind = LeverKind::Bool;
    else if (kind == "number")
      l.kind = LeverKind::Number;
    else if (kind == "share")
      l.kind = LeverKind::Share;
    else if (kind == "month")
      l.kind = LeverKind::Month;
    else if (kind == "choice")
      l.kind = LeverKind::Choice;
    else if (!kind.empty())
      r.err(p + "/kind", reason("expected bool, number, share, month or choice, got '{}'", kind));
    l.options = r.strList(e, "options", p, false);
    if (l.kind == LeverKind::Share) {
      l.min = 0;
      l.max = 1;
    }
    auto bound = [&](const char* key, double def) { return r.number(e, key, p, false).value_or(def); };
    if (l.kind == LeverKind::Number || l.kind == LeverKind::Share) {
      l.min = bound("min", l.kind == LeverKind::Share ? 0.0 : 0.0);
      l.max = bound("max", l.kind == LeverKind::Share ? 1.0 : 1e12);
      l.step = r.number(e, "step", p, false, 0.0).value_or(0.0);  // a step, when given, moves: above 0
      if (l.min > l.max) r.err(p + "/min", reason("min {} is above max {}", l.min, l.max));
      if (l.kind == LeverKind::Share && (l.min < 0 || l.max > 1)) r.err(p, "a share lever's range must lie in 0..1");
    }
    if (l.kind == LeverKind::Month) {  // range for pickers: months, default the scenario's span
      auto month = [&](const char* key, int def) {
        return static_cast<double>(r.month(e, key, p, false).value_or(def));
      };
      l.min = month("min", s.start);
      l.max = month("max", s.end);
      r.number(e, "step", p, false, 0.0);  // months move by whole months; a step is checked, not used
    }
    if (l.kind == LeverKind::Choice && l.options.empty()) r.err(p + "/options", "a choice lever needs options");
    const json* v = r.field(e, "value", p, true);
    if (v) {
      std::string text = v->is_string() ? v->get<std::string>() : v->dump();
      Message why;
      if (auto parsed = parseLeverValue(l, text, &why))
        l.value = *parsed;
      else
        r.err(p + "/value", why);
    }
    if (!l.id.empty() && s.findLever(l.id) >= 0) r.err(p + "/id", reason("duplicate lever '{}'", l.id));
    s.levers.push_back(std::move(l));
  });
  s.lever_schedules.assign(s.levers.size(), {});
}

namespace {

// {"tpp_min", "tpp_max", "bandwidth_min_gbs", "bandwidth_max_gbs"}: bounds on TPP and
// memory bandwidth (GB/s), lower inclusive, upper exclusive.
ChipClass readChipClass(Reader& r, const json& obj, const std::string& ptr) {
  ChipClass c;
  const json* v = r.field(obj, "chip_class", ptr, false);
  if (!v) return c;
  const std::string p = ptr + "/chip_class";
  if (!r.object(*v, p, {"tpp_min", "tpp_max", "bandwidth_min_gbs", "bandwidth_max_gbs"})) return c;
  if (v->empty()) r.err(p, "a chip class needs at least one bound");
  c.set = true;
  c.tpp_min = r.num(*v, "tpp_min", p, NK::NonNeg, 0.0);
  c.tpp_max = r.num(*v, "tpp_max", p, NK::Positive, 1e18);
  c.bandwidth_min_gbs = r.num(*v, "bandwidth_min_gbs", p, NK::NonNeg, 0.0);
  c.bandwidth_max_gbs = r.num(*v, "bandwidth_max_gbs", p, NK::Positive, 1e18);
  if (c.tpp_min.value >= c.tpp_max.value)
    r.err(p, reason("tpp_min {} is not below tpp_max {}", c.tpp_min.value, c.tpp_max.value));
  if (c.bandwidth_min_gbs.value >= c.bandwidth_max_gbs.value)
    r.err(p, reason("bandwidth_min_gbs {} is not below bandwidth_max_gbs {}", c.bandwidth_min_gbs.value,
                    c.bandwidth_max_gbs.value));
  return c;
}

// One entry of "rules".
void readRule(Reader& r, const json& e, const std::string& p, Scenario& s, const Ids& ids) {
  if (!r.object(e, p, {"id",          "label",        "kind",          "from",
                       "until",       "enabled",      "tpp_min",       "tpp_min_density",
                       "density_min", "destinations", "hq_clause",     "policy",
                       "approval",    "fee_share",    "chips",         "cap_h100e",
                       "cap_from",    "cap_until",    "tenant_clause", "companies",
                       "compliance",  "chip_class",   "reference",     "cap_share"}))
    return;
  Rule ru;
  ru.id = r.id(e, p);
  ru.label = r.str(e, "label", p, false, ru.id);
  ru.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
  RuleKind rk = RuleKind::Threshold;
  const std::string kind = r.str(e, "kind", p, true);
  if (kind == "threshold")
    rk = RuleKind::Threshold;
  else if (kind == "named_product")
    rk = RuleKind::NamedProduct;
  else if (kind == "country_caps")
    rk = RuleKind::CountryCaps;
  else if (kind == "entity_list")
    rk = RuleKind::EntityList;
  else if (kind == "remote_access")
    rk = RuleKind::RemoteAccess;
  else if (kind == "volume_cap")
    rk = RuleKind::VolumeCap;
  else if (!kind.empty())
    r.err(p + "/kind", reason("expected threshold, named_product, country_caps, entity_list, remote_access or "
                              "volume_cap, got '{}'",
                              kind));
  ru.from = r.num(e, "from", p, NK::Month, std::nullopt);
  ru.until = r.num(e, "until", p, NK::Month, static_cast<double>(kNever));
  ru.enabled = r.num(e, "enabled", p, NK::Bool, 1.0);
  // Every field is read and checked whatever the kind, in this order, so that messages and
  // uncertain inputs stay as they were; the rule keeps only its own kind's fields.
  ThresholdRule threshold;
  threshold.tpp_min = r.num(e, "tpp_min", p, NK::NonNeg, rk == RuleKind::Threshold ? std::optional<double>() : 1e18);
  threshold.tpp_min_density = r.num(e, "tpp_min_density", p, NK::NonNeg, 1e18);
  threshold.density_min = r.num(e, "density_min", p, NK::NonNeg, 1e18);
  LicenceTerms terms;
  terms.destinations = r.refs(e, "destinations", p, ids.jurisdictions, "jurisdiction");
  if (const json* hq = r.field(e, "hq_clause", p, false); hq && hq->is_string()) {
    terms.hq_clause = terms.hq_clause_always = hq->get<std::string>() == "always";
    if (!terms.hq_clause_always)
      r.err(p + "/hq_clause", reason("expected true, false or \"always\", got \"{}\"", hq->get<std::string>()));
  } else {
    terms.hq_clause = r.boolean(e, "hq_clause", p, false);
  }
  const std::string policy = r.str(e, "policy", p, false, "deny");
  if (policy == "deny")
    terms.policy = Policy::Deny;
  else if (policy == "case_by_case")
    terms.policy = Policy::CaseByCase;
  else if (policy == "allow")
    terms.policy = Policy::Allow;
  else
    r.err(p + "/policy", reason("expected deny, case_by_case or allow, got '{}'", policy));
  terms.approval = r.num(e, "approval", p, NK::Share, 1.0);
  terms.fee_share = r.num(e, "fee_share", p, NK::Share, 0.0);
  NamedChips named;
  named.chips = r.refs(e, "chips", p, ids.chips, "chip");
  named.chip_class = readChipClass(r, e, p);
  const bool names_chips = rk == RuleKind::NamedProduct || rk == RuleKind::VolumeCap;
  if (names_chips && named.chips.empty() && !r.field(e, "chips", p, false) && !named.chip_class.set)
    r.err(p + "/chips", "missing required field (or give chip_class)");
  CountryCapsRule caps;
  caps.cap_h100e = r.num(e, "cap_h100e", p, NK::NonNeg, rk == RuleKind::CountryCaps ? std::optional<double>() : 1e18);
  caps.cap_from = r.num(e, "cap_from", p, NK::Month, ru.from.lever < 0 ? ru.from.value : static_cast<double>(s.start));
  caps.cap_until = r.num(e, "cap_until", p, NK::Month, static_cast<double>(kNever));
  caps.tenant_clause = r.boolean(e, "tenant_clause", p, false);
  EntityListRule listed;
  listed.companies = r.refs(e, "companies", p, ids.companies, "company");
  RemoteAccessRule remote;
  remote.compliance = r.num(e, "compliance", p, NK::Share, 1.0);
  VolumeCapRule cap;
  if (rk == RuleKind::VolumeCap) {
    cap.reference = r.ref(e, "reference", p, ids.jurisdictions, "reference jurisdiction", true);
    cap.cap_share = r.num(e, "cap_share", p, NK::Share, std::nullopt);
    if (terms.destinations.empty() && !r.field(e, "destinations", p, false))
      r.err(p + "/destinations", "missing required field");
  } else {
    for (const char* key : {"reference", "cap_share"})
      if (r.field(e, key, p, false)) r.err(p + "/" + key, "only a volume_cap rule takes this field");
  }
  switch (rk) {
    case RuleKind::Threshold:
      static_cast<LicenceTerms&>(threshold) = std::move(terms);
      ru.spec = std::move(threshold);
      break;
    case RuleKind::NamedProduct: ru.spec = NamedProductRule{std::move(terms), std::move(named)}; break;
    case RuleKind::CountryCaps: ru.spec = caps; break;
    case RuleKind::EntityList: ru.spec = std::move(listed); break;
    case RuleKind::RemoteAccess: ru.spec = remote; break;
    case RuleKind::VolumeCap:
      static_cast<NamedChips&>(cap) = std::move(named);
      cap.destinations = std::move(terms.destinations);
      ru.spec = std::move(cap);
      break;
  }
  s.rules.push_back(ru);
}

}  // namespace

void readRules(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  r.list(root, "rules", false, [&](const json& e, const std::string& p, int) { readRule(r, e, p, s, ids); });
  if (const json* cp = r.field(root, "china_policy", "", false)) {
    const std::string p = "/china_policy";
    if (r.object(*cp, p, {"guidance", "domestic_subsidy", "offshore_training_cap", "import_gates"})) {
      s.china.domestic_subsidy = r.num(*cp, "domestic_subsidy", p, NK::Share, 0.0);
      s.china.offshore_training_cap = r.num(*cp, "offshore_training_cap", p, NK::Share, 1.0);
      r.list(*cp, "guidance", false, [&](const json& e, const std::string& gp0, int) {
        const std::string gp = p + gp0;
        if (!r.object(e, gp, {"id", "label", "chips", "from", "until", "strength"})) return;
        Guidance g;
        g.id = r.id(e, gp);
        g.label = r.str(e, "label", gp, false, g.id);
        g.chips = r.refs(e, "chips", gp, ids.chips, "chip");
        g.from = r.num(e, "from", gp, NK::Month, std::nullopt);
        g.until = r.num(e, "until", gp, NK::Month, static_cast<double>(kNever));
        g.strength = r.num(e, "strength", gp, NK::Share, std::nullopt);
        s.china.guidance.push_back(g);
      });
      r.list(*cp, "import_gates", false, [&](const json& e, const std::string& gp0, int) {
        const std::string gp = p + gp0;
        if (!r.object(e, gp,
                      {"id", "label", "chips", "chip_class", "from", "until", "quota_units_per_year", "quota_per",
                       "approved"}))
          return;
        ImportGate g;
        g.id = r.id(e, gp);
        g.label = r.str(e, "label", gp, false, g.id);
        g.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
        g.chips = r.refs(e, "chips", gp, ids.chips, "chip");
        g.chip_class = readChipClass(r, e, gp);
        if (g.chips.empty() && !g.chip_class.set) r.err(gp + "/chips", "missing required field (or give chip_class)");
        g.from = r.num(e, "from", gp, NK::Month, std::nullopt);
        g.until = r.num(e, "until", gp, NK::Month, static_cast<double>(kNever));
        g.quota_units_per_year = r.num(e, "quota_units_per_year", gp, NK::NonNeg, 1e18);
        const std::string per = r.str(e, "quota_per", gp, false, "bloc");
        if (per == "company")
          g.quota_per_company = true;
        else if (per != "bloc")
          r.err(gp + "/quota_per", reason("expected company or bloc, got '{}'", per));
        g.approved = r.refs(e, "approved", gp, ids.companies, "company");
        s.china.import_gates.push_back(g);
      });
    }
  }
  r.list(root, "host_policies", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"jurisdiction", "permit_from", "enforcement", "tenant_kyc"})) return;
    HostPolicy h;
    h.jurisdiction = std::max(0, r.ref(e, "jurisdiction", p, ids.jurisdictions, "jurisdiction", true));
    h.permit_from = r.num(e, "permit_from", p, NK::Month, static_cast<double>(kNever));
    h.enforcement = r.num(e, "enforcement", p, NK::Share, 0.0);
    h.tenant_kyc = r.num(e, "tenant_kyc", p, NK::Share, 0.0);
    s.host_policies.push_back(h);
  });
  r.list(root, "events", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"month", "label"})) return;
    Event ev;
    ev.month = static_cast<int>(r.num(e, "month", p, NK::Month, std::nullopt).value);
    ev.label = r.str(e, "label", p, true);
    ev.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
    s.events.push_back(ev);
  });
}

void readSet(Reader& r, const json& root, Scenario& s) {
  const json* set = r.field(root, "set", "", false);
  if (!set) return;
  if (!set->is_object()) {
    r.err("/set", "expected an object {\"lever.id\": value}");
    return;
  }
  std::vector<LeverSetting> settings;
  for (auto it = set->begin(); it != set->end(); ++it) {
    const std::string p = "/set/" + escapePointer(it.key());
    const int idx = s.findLever(it.key());
    if (idx < 0) {
      r.err(p, reason("unknown lever '{}'", it.key()));
      continue;
    }
    std::vector<std::string> values;
    if (it->is_array()) {
      for (const json& v : *it) values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    } else {
      values.push_back(it->is_string() ? it->get<std::string>() : it->dump());
    }
    for (size_t i = 0; i < values.size(); ++i) {
      try {
        auto parsed = parseLeverArgs({it.key() + "=" + values[i]}, s);
        settings.insert(settings.end(), parsed.begin(), parsed.end());
      } catch (const LeverError& e) {
        r.err(it->is_array() ? fmt::format("{}/{}", p, i) : p, e.why());
      }
    }
  }
  s = withLevers(std::move(s), settings);
}

}  // namespace cp::loading
