#include "engine/json_reader.h"

#include <algorithm>
#include <cmath>

#include "engine/json_doc.h"
#include "engine/month.h"

#include <fmt/format.h>

namespace cp {

using json = nlohmann::json;

bool isMetaKey(const std::string& key) {
  return key == "source" || key == "notes" || key == "$comment" || key == "$schema";
}

bool isValidId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

void JsonReader::err(const std::string& ptr, Message why) {
  if (problems.size() < 500) problems.emplace_back(file_, ptr, std::move(why));
}

bool JsonReader::readFile(const std::string& path, json& out) {
  std::string text;
  return readDocumentText(path, {max_bytes_, 64}, file_, problems, text) && parse(text, out);
}

bool JsonReader::parse(const std::string& text, json& out) {
  return parseDocument(text, {max_bytes_, 64}, file_, problems, out);
}

json JsonReader::readFileOrThrow(const std::string& path) {
  json out;
  if (!readFile(path, out)) throw LoadError(problems);
  return out;
}

json JsonReader::parseOrThrow(const std::string& text) {
  json out;
  if (!parse(text, out)) throw LoadError(problems);
  return out;
}

bool JsonReader::object(const json& j, const std::string& ptr, std::initializer_list<const char*> allowed) {
  if (!j.is_object()) {
    err(ptr, reason("expected an object, got {}", j.type_name()));
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (isMetaKey(k)) {
      // Never read by the model, but people and the schema read them as text: a number or a
      // list there is a slip (the schema refuses it), not a citation.
      if (!it->is_string() && !it->is_null())
        err(ptr + "/" + escapePointer(k), reason("expected text, got {}", it->type_name()));
      continue;
    }
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; }))
      err(ptr + "/" + escapePointer(k), "unknown field");
  }
  return true;
}

const json* JsonReader::field(const json& obj, const char* key, const std::string& ptr, bool required) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) err(ptr + "/" + key, "missing required field");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::str(const json& obj, const char* key, const std::string& ptr, bool required, std::string def) {
  const json* v = field(obj, key, ptr, required);
  if (!v) return def;
  if (!v->is_string()) {
    err(ptr + "/" + key, reason("expected a string, got {}", v->type_name()));
    return def;
  }
  std::string s = v->get<std::string>();
  if (required && s.empty()) err(ptr + "/" + key, "must not be empty");
  return s;
}

std::string JsonReader::id(const json& obj, const std::string& ptr) {
  std::string v = str(obj, "id", ptr, true);
  if (!v.empty() && !isValidId(v))
    err(ptr + "/id", reason("id '{}' must be lower-case letters, digits, '_' or '.' (at most 64)", v));
  return v;
}

std::vector<std::string> JsonReader::strList(const json& obj, const char* key, const std::string& ptr, bool required) {
  std::vector<std::string> out;
  const json* v = field(obj, key, ptr, required);
  if (!v) return out;
  const std::string p = ptr + "/" + key;
  if (!v->is_array()) {
    err(p, reason("expected a list of strings, got {}", v->type_name()));
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    if ((*v)[i].is_string())
      out.push_back((*v)[i].get<std::string>());
    else
      err(fmt::format("{}/{}", p, i), reason("expected a string, got {}", (*v)[i].type_name()));
  }
  return out;
}

const json* JsonReader::list(const json& obj, const char* key, const std::string& ptr, bool required) {
  const json* v = field(obj, key, ptr, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    err(ptr + "/" + key, reason("expected a list, got {}", v->type_name()));
    return nullptr;
  }
  return v;
}

bool JsonReader::boolean(const json& obj, const char* key, const std::string& ptr, bool def) {
  const json* v = field(obj, key, ptr, false);
  if (!v) return def;
  if (!v->is_boolean()) {
    err(ptr + "/" + key, reason("expected true or false, got {}", v->type_name()));
    return def;
  }
  return v->get<bool>();
}

std::optional<int> JsonReader::month(const json& obj, const char* key, const std::string& ptr, bool required) {
  const json* v = field(obj, key, ptr, required);
  if (!v) return std::nullopt;
  if (v->is_string()) {
    const auto m = parseMonth(v->get<std::string>());
    if (m && *m != kNever) return m;
  }
  err(ptr + "/" + key, reason("expected a month \"YYYY-MM\", got {}", v->dump().substr(0, 40)));
  return std::nullopt;
}

std::optional<int> JsonReader::integer(const json& obj, const char* key, const std::string& ptr, bool required, int lo,
                                       int hi) {
  const json* v = field(obj, key, ptr, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi) {
    err(ptr + "/" + key, reason("expected a whole number {}..{}, got {}", lo, hi, v->dump().substr(0, 40)));
    return std::nullopt;
  }
  return static_cast<int>(v->get<long long>());
}

std::optional<double> JsonReader::number(const json& obj, const char* key, const std::string& ptr, bool required,
                                         std::optional<double> above) {
  const json* v = field(obj, key, ptr, required);
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || std::fabs(v->get<double>()) > 1e30) {
    err(ptr + "/" + key, reason("expected a number, got {}", v->dump().substr(0, 40)));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (above && !(d > *above)) {
    err(ptr + "/" + key, reason("must be > {}, got {}", *above, v->dump()));
    return std::nullopt;
  }
  return d;
}

int JsonReader::choice(const json& obj, const char* key, const std::string& ptr, bool required,
                       std::initializer_list<const char*> options) {
  const json* v = field(obj, key, ptr, required);
  if (!v) return -1;
  if (v->is_string()) {
    int i = 0;
    for (const char* o : options) {
      if (v->get<std::string>() == o) return i;
      ++i;
    }
  }
  std::string list;
  for (const char* o : options) list += (list.empty() ? "\"" : " or \"") + std::string(o) + "\"";
  err(ptr + "/" + key, reason("expected {}, got {}", list, v->dump().substr(0, 40)));
  return -1;
}

}  // namespace cp
