// The world's cast: parameters, blocs, jurisdictions, vendors, supply inputs, chips,
// companies and sites (scenarios/README.md).
#include <algorithm>

#include "engine/loader_reader.h"

namespace cp::loading {

// Power usage effectiveness: 1 when every watt reaches the chips; the worst data centres
// in use stay well under 3.
constexpr const char* kPueRange = "a power usage effectiveness (PUE)";

void readParams(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  const json* pj = r.field(root, "params", "", false);
  if (!pj) return;
  const std::string p = "/params";
  if (!r.object(*pj, p,
                {"chip_life_months",
                 "lease_term_months",
                 "utilisation",
                 "run_months",
                 "algorithmic_progress",
                 "logit_beta",
                 "preference_premium",
                 "backlog_max_months",
                 "build_lag_months",
                 "grey_premium",
                 "licence_risk_premium",
                 "diversion_base",
                 "us_enforcement",
                 "location_verification_from",
                 "location_verification_effect",
                 "permit_effect",
                 "frontier_bloc",
                 "concern_bloc",
                 "reference_tflops",
                 "reference_hbm_tbps",
                 "rule_maker",
                 "max_stock_months",
                 "hq_clause_enforced",
                 "installed_chips_grandfathered",
                 "lease_price_elasticity",
                 "lease_price_floor",
                 "lease_price_ceiling"}))
    return;
  Params& pa = s.params;
  const json& j = *pj;
  auto n = [&](const char* key, Num& out, NK k) { out = r.num(j, key, p, k, out.value); };
  n("chip_life_months", pa.chip_life_months, NK::Positive);
  n("lease_term_months", pa.lease_term_months, NK::Positive);
  n("utilisation", pa.utilisation, NK::Share);
  n("run_months", pa.run_months, NK::Positive);
  n("algorithmic_progress", pa.algorithmic_progress, NK::Positive);
  n("logit_beta", pa.logit_beta, NK::NonNeg);
  n("preference_premium", pa.preference_premium, NK::Share);
  n("backlog_max_months", pa.backlog_max_months, NK::NonNeg);
  n("build_lag_months", pa.build_lag_months, NK::NonNeg);
  n("grey_premium", pa.grey_premium, NK::NonNeg);
  n("licence_risk_premium", pa.licence_risk_premium, NK::NonNeg);
  n("diversion_base", pa.diversion_base, NK::Share);
  n("us_enforcement", pa.us_enforcement, NK::Share);
  n("location_verification_from", pa.location_verification_from, NK::Month);
  n("location_verification_effect", pa.location_verification_effect, NK::Share);
  n("permit_effect", pa.permit_effect, NK::Share);
  n("reference_tflops", pa.reference_tflops, NK::Positive);
  n("reference_hbm_tbps", pa.reference_hbm_tbps, NK::Positive);
  n("max_stock_months", pa.max_stock_months, NK::NonNeg);
  n("hq_clause_enforced", pa.hq_clause_enforced, NK::Bool);
  n("installed_chips_grandfathered", pa.installed_chips_grandfathered, NK::Bool);
  n("lease_price_elasticity", pa.lease_price_elasticity, NK::NonNeg);
  n("lease_price_floor", pa.lease_price_floor, NK::Positive);
  n("lease_price_ceiling", pa.lease_price_ceiling, NK::Positive);
  if (pa.lease_price_floor.lever < 0 && pa.lease_price_ceiling.lever < 0 && pa.lease_price_floor.uncertain < 0 &&
      pa.lease_price_ceiling.uncertain < 0 && pa.lease_price_floor.value > 1)
    r.err(p + "/lease_price_floor",
          reason("must be <= 1 (a multiplier on the scheduled price), got {}", pa.lease_price_floor.value));
  if (pa.lease_price_ceiling.lever < 0 && pa.lease_price_ceiling.uncertain < 0 && pa.lease_price_ceiling.value < 1)
    r.err(p + "/lease_price_ceiling",
          reason("must be >= 1 (a multiplier on the scheduled price), got {}", pa.lease_price_ceiling.value));
  auto bloc = [&](const char* key, int& out) {
    const int b = r.ref(j, key, p, ids.blocs, "bloc", false);
    if (b >= 0) out = b;
  };
  bloc("frontier_bloc", pa.frontier_bloc);
  bloc("concern_bloc", pa.concern_bloc);
  const int rm = r.ref(j, "rule_maker", p, ids.jurisdictions, "jurisdiction", false);
  if (rm >= 0) pa.rule_maker = rm;
}

void readCast(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  r.list(root, "blocs", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name"})) return;
    Bloc b;
    b.id = r.id(e, p);
    b.name = r.str(e, "name", p, false, b.id);
    if (keep<Bloc>(e, ids.blocs)) s.blocs.push_back(b);
  });
  r.list(root, "jurisdictions", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p,
                  {"id", "name", "bloc", "tier", "country_of_concern", "host", "diversion_exposure",
                   "electricity_usd_per_mwh", "pue", "power_mw", "power_mw_per_year", "power_mw_cap",
                   "power_growth_multiplier"}))
      return;
    Jurisdiction j;
    j.id = r.id(e, p);
    j.name = r.str(e, "name", p, false, j.id);
    j.bloc = std::max(0, r.ref(e, "bloc", p, ids.blocs, "bloc", true));
    j.tier = r.integer(e, "tier", p, false, 1, 3).value_or(1);
    j.country_of_concern = r.boolean(e, "country_of_concern", p, false);
    j.host = r.boolean(e, "host", p, false);
    j.diversion_exposure = r.num(e, "diversion_exposure", p, NK::Share, 0.0);
    j.electricity_usd_per_mwh = r.num(e, "electricity_usd_per_mwh", p, NK::NonNeg, 80.0);
    j.pue = r.num(e, "pue", p, NK::Positive, 1.3);
    r.within(j.pue, p + "/pue", 1.0, 3.0, kPueRange);
    j.power_mw = r.num(e, "power_mw", p, NK::NonNeg, 0.0);
    j.power_mw_per_year = r.num(e, "power_mw_per_year", p, NK::NonNeg, 0.0);
    j.power_mw_cap = r.num(e, "power_mw_cap", p, NK::NonNeg, 1e12);
    j.power_growth_multiplier = r.num(e, "power_growth_multiplier", p, NK::NonNeg, 1.0);
    if (keep<Jurisdiction>(e, ids.jurisdictions)) s.jurisdictions.push_back(j);
  });
  r.list(root, "vendors", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "origin", "pays_revenue_share", "markets"})) return;
    Vendor v;
    v.id = r.id(e, p);
    v.name = r.str(e, "name", p, false, v.id);
    v.origin = std::max(0, r.ref(e, "origin", p, ids.jurisdictions, "jurisdiction", true));
    v.pays_revenue_share = r.boolean(e, "pays_revenue_share", p, false);
    v.markets = r.refs(e, "markets", p, ids.blocs, "bloc");
    if (keep<Vendor>(e, ids.vendors)) s.vendors.push_back(v);
  });
  r.list(root, "supply_inputs", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "unit", "schedule", "multiplier", "growth_multiplier"})) return;
    SupplyInput si;
    si.id = r.id(e, p);
    si.name = r.str(e, "name", p, false, si.id);
    si.unit = r.str(e, "unit", p, false);
    si.schedule = r.schedule(e, "schedule", p, NK::NonNeg, true);
    si.multiplier = r.num(e, "multiplier", p, NK::NonNeg, 1.0);
    si.growth_multiplier = r.num(e, "growth_multiplier", p, NK::NonNeg, 1.0);
    if (keep<SupplyInput>(e, ids.inputs)) s.supply_inputs.push_back(si);
  });
  r.list(root, "chips", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p,
                  {"id", "vendor", "name", "available_from", "end_of_sale", "tflops_bf16", "hbm_gb", "hbm_tbps",
                   "power_w", "price_usd", "die_mm2", "flags", "buyers", "life_months", "pipeline_months", "production",
                   "production_usd", "caps"}))
      return;
    Chip c;
    c.id = r.id(e, p);
    c.name = r.str(e, "name", p, false, c.id);
    c.vendor = std::max(0, r.ref(e, "vendor", p, ids.vendors, "vendor", true));
    c.available_from = r.num(e, "available_from", p, NK::Month, std::nullopt);
    c.end_of_sale = r.num(e, "end_of_sale", p, NK::Month, static_cast<double>(kNever));
    c.tflops_bf16 = r.num(e, "tflops_bf16", p, NK::NonNeg, std::nullopt);
    c.hbm_gb = r.num(e, "hbm_gb", p, NK::NonNeg, 0.0);
    c.hbm_tbps = r.num(e, "hbm_tbps", p, NK::NonNeg, 0.0);
    c.power_w = r.num(e, "power_w", p, NK::NonNeg, std::nullopt);
    c.price_usd = r.num(e, "price_usd", p, NK::Positive, std::nullopt);
    c.die_mm2 = r.num(e, "die_mm2", p, NK::Positive, 800.0);
    c.flags = r.strList(e, "flags", p, false);
    c.buyers = r.refs(e, "buyers", p, ids.companies, "company");
    c.life_months = r.num(e, "life_months", p, NK::Positive, -1.0);
    if (c.life_months.value == -1.0 && c.life_months.lever < 0 && c.life_months.uncertain < 0) c.life_months.value = -1;
    c.pipeline_months = r.num(e, "pipeline_months", p, NK::NonNeg, 0.0);
    c.production_usd = r.schedule(e, "production_usd", p, NK::NonNeg, false);
    c.production = r.schedule(e, "production", p, NK::NonNeg, c.production_usd.points.empty());
    if (const json* caps = r.field(e, "caps", p, false)) {
      if (!caps->is_array())
        r.err(p + "/caps", "expected a list of {input, per_unit, share}");
      else
        for (size_t i = 0; i < caps->size(); ++i) {
          const std::string cp = fmt::format("{}/caps/{}", p, i);
          const json& ce = (*caps)[i];
          if (!r.object(ce, cp, {"input", "per_unit", "share"})) continue;
          SupplyCap cap;
          cap.input = std::max(0, r.ref(ce, "input", cp, ids.inputs, "supply input", true));
          cap.per_unit = r.num(ce, "per_unit", cp, NK::Positive, std::nullopt);
          cap.share = r.num(ce, "share", cp, NK::Share, 1.0);
          c.caps.push_back(cap);
        }
    }
    if (keep<Chip>(e, ids.chips)) s.chips.push_back(c);
  });
}

void readCompanies(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  r.list(root, "companies", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p,
                  {"id", "name", "hq", "kind", "models", "budget_usd_per_year", "budget_growth_per_year",
                   "training_share", "domestic_preference", "offshore_willingness", "grey_tolerance",
                   "validated_end_user", "entity_list_from", "initial_fleet"}))
      return;
    Company c;
    c.id = r.id(e, p);
    c.name = r.str(e, "name", p, false, c.id);
    c.hq = std::max(0, r.ref(e, "hq", p, ids.jurisdictions, "jurisdiction", true));
    const std::string kind = r.str(e, "kind", p, false, "ai_lab");
    if (kind == "ai_lab")
      c.kind = CompanyKind::AiLab;
    else if (kind == "hyperscaler")
      c.kind = CompanyKind::Hyperscaler;
    else if (kind == "operator")
      c.kind = CompanyKind::Operator;
    else
      r.err(p + "/kind", reason("expected ai_lab, hyperscaler or operator, got '{}'", kind));
    c.models = r.strList(e, "models", p, false);
    c.budget_usd_per_year = r.schedule(e, "budget_usd_per_year", p, NK::NonNeg, c.kind != CompanyKind::Operator);
    c.budget_growth_per_year = r.num(e, "budget_growth_per_year", p, NK::Number, 0.0);
    if (c.budget_growth_per_year.value < -1) r.err(p + "/budget_growth_per_year", "must be >= -1");
    c.training_share = r.num(e, "training_share", p, NK::Share, 0.5);
    c.domestic_preference = r.num(e, "domestic_preference", p, NK::Share, 0.0);
    c.offshore_willingness = r.num(e, "offshore_willingness", p, NK::Share, 0.0);
    c.grey_tolerance = r.num(e, "grey_tolerance", p, NK::Share, 0.0);
    c.validated_end_user = r.boolean(e, "validated_end_user", p, false);
    c.entity_list_from = r.num(e, "entity_list_from", p, NK::Month, static_cast<double>(kNever));
    if (const json* fl = r.field(e, "initial_fleet", p, false)) {
      if (!fl->is_array())
        r.err(p + "/initial_fleet", "expected a list of {chip, units, site?, purpose?, acquired?}");
      else if (fl->size() > r.limits().max_entities)
        r.err(p + "/initial_fleet", "too many entries");
      else
        for (size_t i = 0; i < fl->size(); ++i) {
          const std::string fp = fmt::format("{}/initial_fleet/{}", p, i);
          const json& fe = (*fl)[i];
          if (!r.object(fe, fp, {"chip", "units", "site", "purpose", "acquired"})) continue;
          FleetEntry f;
          const int chip = r.ref(fe, "chip", fp, ids.chips, "chip", true);
          f.units = r.num(fe, "units", fp, NK::NonNeg, std::nullopt);
          const int site = r.ref(fe, "site", fp, ids.sites, "site", false);
          f.site = site >= 0 ? site : -1;
          const std::string purpose = r.str(fe, "purpose", fp, false);
          if (purpose == "train")
            f.purpose = 0;
          else if (purpose == "infer")
            f.purpose = 1;
          else if (!purpose.empty())
            r.err(fp + "/purpose", reason("expected train or infer, got '{}'", purpose));
          const Num acq = r.num(fe, "acquired", fp, NK::Month, static_cast<double>(s.start));
          f.acquired = acq.value >= kNever ? s.start : static_cast<int>(acq.value);
          if (chip >= 0) {
            f.chip = chip;
            c.initial_fleet.push_back(f);
          }
        }
    }
    if (keep<Company>(e, ids.companies)) s.companies.push_back(c);
  });
  r.list(root, "sites", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p,
                  {"id", "name", "jurisdiction", "operator", "leasable", "power_mw", "power_mw_per_year", "pue",
                   "lease_usd_per_h100e_month", "chip_menu", "initial_units"}))
      return;
    Site st;
    st.id = r.id(e, p);
    st.name = r.str(e, "name", p, false, st.id);
    st.jurisdiction = std::max(0, r.ref(e, "jurisdiction", p, ids.jurisdictions, "jurisdiction", true));
    st.operator_company = std::max(0, r.ref(e, "operator", p, ids.companies, "company", true));
    st.leasable = r.boolean(e, "leasable", p, false);
    st.power_mw = r.schedule(e, "power_mw", p, NK::NonNeg, true);
    st.power_mw_per_year = r.num(e, "power_mw_per_year", p, NK::NonNeg, 0.0);
    st.pue = r.num(e, "pue", p, NK::Positive, 1.3);
    r.within(st.pue, p + "/pue", 1.0, 3.0, kPueRange);
    st.lease_usd_per_h100e_month = r.schedule(e, "lease_usd_per_h100e_month", p, NK::Positive, st.leasable);
    st.chip_menu = r.refs(e, "chip_menu", p, ids.chips, "chip");
    if (st.leasable && st.chip_menu.empty())
      r.err(p + "/chip_menu", "a leasable site needs the chips its operator buys");
    if (const json* iu = r.field(e, "initial_units", p, false)) {
      if (!iu->is_array())
        r.err(p + "/initial_units", "expected a list of {chip, units}");
      else
        for (size_t i = 0; i < iu->size() && i < r.limits().max_entities; ++i) {
          const std::string up = fmt::format("{}/initial_units/{}", p, i);
          if (!r.object((*iu)[i], up, {"chip", "units"})) continue;
          const int chip = r.ref((*iu)[i], "chip", up, ids.chips, "chip", true);
          const Num units = r.num((*iu)[i], "units", up, NK::NonNeg, std::nullopt);
          if (chip >= 0) st.initial_units.emplace_back(chip, units);
        }
    }
    if (keep<Site>(e, ids.sites)) s.sites.push_back(st);
  });
}

}  // namespace cp::loading
