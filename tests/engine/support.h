// Shared helpers for engine tests: load fixtures once, run with lever settings, read
// values by month string, and sum or average a metric over a period.
#pragma once
#include <string>
#include <vector>

#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/results.h"
#include "engine/simulate.h"

namespace cp::test {

inline std::string sourcePath(const std::string& rel) { return std::string(CHOKEPOINT_SOURCE_DIR) + "/" + rel; }
inline std::string testPath(const std::string& rel) { return std::string(CHOKEPOINT_TEST_DIR) + "/" + rel; }

const Scenario& baseline();  // scenarios/baseline.json, loaded once
const Scenario& mini();      // tests/engine/fixtures/mini.json, loaded once

Scenario with(const Scenario& s, const std::vector<std::string>& levers);
Results run(const Scenario& s, const std::vector<std::string>& levers = {}, bool check = true);

int month(const char* yyyy_mm);
double at(const Results& r, Scope scope, const char* id, const char* metric, const char* yyyy_mm);
double sum(const Results& r, Scope scope, const char* id, const char* metric, const char* from, const char* to);
double mean(const Results& r, Scope scope, const char* id, const char* metric, const char* from, const char* to);
// True when every value of every series is finite.
bool allFinite(const Results& r);

}  // namespace cp::test
