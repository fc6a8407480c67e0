#include "app/app_state.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <system_error>

namespace chokepoint::app {

std::optional<std::string> checkScenarioFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::string("file does not exist");
    if (std::filesystem::is_directory(path, ec)) return std::string("is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string("cannot open the file for reading");
    try {
        const nlohmann::json doc = nlohmann::json::parse(in);
        if (!doc.is_object()) {
            return "expected a JSON object at the top level, found " + std::string(doc.type_name());
        }
    } catch (const nlohmann::json::exception& e) {
        return std::string("invalid JSON: ") + e.what();
    }
    return std::nullopt;
}

void loadScenario(AppState& state) {
    state.scenarioLoaded = false;
    state.loadError.reset();
    if (state.scenarioPath.empty()) return;
    try {
        state.loadError = checkScenarioFile(state.scenarioPath);
    } catch (const std::exception& e) {
        state.loadError = std::string("unexpected error: ") + e.what();
    }
    state.scenarioLoaded = !state.loadError.has_value();
}

void handleRequests(AppState& state) {
    if (state.reloadRequested) {
        state.reloadRequested = false;
        loadScenario(state);
    }
}

}  // namespace chokepoint::app
