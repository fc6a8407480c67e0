// CSV fields and lines as every command writes them: a field is quoted (with "" for ")
// only when it holds a comma, a quote or a newline.
#pragma once
#include <string>
#include <vector>

namespace cp::cli {

inline std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

inline std::string csvLine(const std::vector<std::string>& fields) {
  std::string l;
  for (std::size_t i = 0; i < fields.size(); ++i) l += (i ? "," : "") + csvField(fields[i]);
  return l + "\n";
}

}  // namespace cp::cli
