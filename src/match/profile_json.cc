#include "match/profile_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace ponte::match {
namespace {

using nlohmann::json;

Status ReadString(const json& object, const char* field, std::string& out, bool required) {
  const auto it = object.find(field);
  if (it == object.end() || it->is_null()) {
    if (required) return InvalidArgumentError(std::string("field '") + field + "': required");
    return OkStatus();
  }
  if (!it->is_string()) {
    return InvalidArgumentError(std::string("field '") + field + "': expected a string");
  }
  out = it->get<std::string>();
  return OkStatus();
}

Status ReadStrings(const json& object, const char* field, std::vector<std::string>& out) {
  const auto it = object.find(field);
  if (it == object.end() || it->is_null()) return OkStatus();
  if (it->is_string()) {  // tolerate a single string
    out.push_back(it->get<std::string>());
    return OkStatus();
  }
  if (!it->is_array()) {
    return InvalidArgumentError(std::string("field '") + field + "': expected an array of strings");
  }
  for (const json& item : *it) {
    if (!item.is_string()) {
      return InvalidArgumentError(std::string("field '") + field +
                                  "': expected an array of strings");
    }
    out.push_back(item.get<std::string>());
  }
  return OkStatus();
}

}  // namespace

Result<Profile> ParseProfileJson(std::string_view text) {
  const json object = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return InvalidArgumentError("not valid JSON");
  if (!object.is_object()) return InvalidArgumentError("expected a JSON object");
  Profile p;
  PONTE_RETURN_IF_ERROR(ReadString(object, "id", p.id, true));
  PONTE_RETURN_IF_ERROR(ReadString(object, "country", p.country, true));
  PONTE_RETURN_IF_ERROR(ReadString(object, "organization", p.organization, false));
  PONTE_RETURN_IF_ERROR(ReadString(object, "name", p.name, false));
  std::string type;
  PONTE_RETURN_IF_ERROR(ReadString(object, "type", type, false));
  p.type = ParseOrganizationType(type);
  PONTE_RETURN_IF_ERROR(ReadStrings(object, "languages", p.languages));
  PONTE_RETURN_IF_ERROR(ReadString(object, "offer", p.offer, false));
  PONTE_RETURN_IF_ERROR(ReadString(object, "seek", p.seek, false));
  PONTE_RETURN_IF_ERROR(ReadString(object, "about", p.about, false));
  PONTE_RETURN_IF_ERROR(ReadStrings(object, "themes", p.themes));
  PONTE_RETURN_IF_ERROR(ReadStrings(object, "keywords", p.keywords));
  PONTE_RETURN_IF_ERROR(ReadStrings(object, "cities", p.cities));
  p.country = std::string(Trim(p.country));
  for (char& c : p.country) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  PONTE_RETURN_IF_ERROR(ValidateProfile(p));
  return p;
}

Result<std::vector<Profile>> ReadProfilesJsonl(std::istream& in, std::string_view source) {
  std::vector<Profile> profiles;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    std::string_view text = Trim(line_number == 1 ? StripBom(line) : std::string_view(line));
    if (text.empty()) continue;
    auto profile = ParseProfileJson(text);
    if (!profile.ok()) {
      return InvalidArgumentError(std::string(source) + ":" + std::to_string(line_number) + ": " +
                                  profile.status().message());
    }
    profiles.push_back(std::move(*profile));
  }
  return profiles;
}

std::string RecommendationsJson(std::string_view id, const std::vector<Recommendation>& matches) {
  constexpr double kScale = 10000.0;  // 4 decimals
  json out;
  out["id"] = std::string(id);
  out["matches"] = json::array();
  for (const Recommendation& rec : matches) {
    out["matches"].push_back(
        {{"id", rec.id}, {"score", std::round(rec.score * kScale) / kScale}, {"why", rec.why}});
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ponte::match
