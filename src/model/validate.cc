#include "model/validate.h"

#include <string>

#include "core/utf8.h"
#include "model/codes.h"

namespace ponte {
namespace {

constexpr std::size_t kMaxKeyLength = 100;

Status FieldError(std::string_view field, const std::string& message) {
  return InvalidArgumentError("field '" + std::string(field) + "': " + message);
}

Status CheckText(std::string_view field, const LocalizedText& text, bool required) {
  if (required && text.empty()) return FieldError(field, "required, in at least one language");
  for (const auto& [lang, value] : text.all()) {
    if (!IsLanguageCode(lang)) {
      return FieldError(field,
                        "unknown language code '" + lang + "' (expected ISO 639-1, e.g. zh)");
    }
    if (!IsValidUtf8(value)) return FieldError(field, "not valid UTF-8");
  }
  return OkStatus();
}

}  // namespace

bool LooksLikeEmail(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char ch : email) {
    if (ch == ' ' || ch == ',' || ch == ';' || ch == '<' || ch == '>') return false;
  }
  return true;
}

Status ValidateKey(std::string_view key) {
  if (key.empty()) return FieldError("key", "required");
  if (key.size() > kMaxKeyLength) return FieldError("key", "longer than 100 characters");
  for (char ch : key) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == ':';
    if (!ok) {
      return FieldError("key", "'" + std::string(key) +
                                   "' may only hold letters, digits and - _ . : (no spaces)");
    }
  }
  return OkStatus();
}

Status Validate(const Organization& org) {
  PONTE_RETURN_IF_ERROR(ValidateKey(org.key));
  PONTE_RETURN_IF_ERROR(CheckText("name", org.name, /*required=*/true));
  if (!IsCountryCode(org.country)) {
    return FieldError("country", "unknown country code '" + org.country +
                                     "' (expected ISO 3166-1 alpha-2 such as IT or CN)");
  }
  if (org.location && (org.location->latitude < -90 || org.location->latitude > 90 ||
                       org.location->longitude < -180 || org.location->longitude > 180)) {
    return FieldError("latitude/longitude", "outside [-90, 90] x [-180, 180]");
  }
  return OkStatus();
}

Status Validate(const Person& person) {
  PONTE_RETURN_IF_ERROR(ValidateKey(person.key));
  if (person.given_name.empty() && person.family_name.empty()) {
    return FieldError("given_name", "a person needs a given or a family name");
  }
  if (!person.email.empty() && !LooksLikeEmail(person.email)) {
    return FieldError("email", "'" + person.email + "' is not an e-mail address");
  }
  if (person.languages.empty()) return FieldError("languages", "at least one language is required");
  for (const std::string& lang : person.languages) {
    if (!IsLanguageCode(lang)) {
      return FieldError("languages",
                        "unknown language code '" + lang + "' (expected ISO 639-1, e.g. zh)");
    }
  }
  return OkStatus();
}

Status Validate(const Profile& profile, const Taxonomy& taxonomy) {
  PONTE_RETURN_IF_ERROR(ValidateKey(profile.key));
  PONTE_RETURN_IF_ERROR(CheckText("title", profile.title, /*required=*/true));
  PONTE_RETURN_IF_ERROR(CheckText("text", profile.text, /*required=*/false));
  for (const std::string& theme : profile.themes) {
    if (!taxonomy.Contains(theme)) {
      return FieldError("themes", "unknown theme code '" + theme +
                                      "' (see data/taxonomy/themes.csv, e.g. ai.vision)");
    }
  }
  return OkStatus();
}

Status Validate(const Event& event) {
  PONTE_RETURN_IF_ERROR(ValidateKey(event.key));
  PONTE_RETURN_IF_ERROR(CheckText("name", event.name, /*required=*/true));
  if (!IsValidTimeZone(event.time_zone)) {
    return FieldError("time_zone", "unknown IANA time zone '" + event.time_zone +
                                       "' (e.g. Asia/Shanghai, Europe/Rome)");
  }
  if (event.end_date < event.start_date) return FieldError("end_date", "before start_date");
  for (std::size_t i = 0; i < event.follow_up_days.size(); ++i) {
    const int days = event.follow_up_days[i];
    if (days < 1 || days > 3660) {
      return FieldError("follow_up_days", "days after the event must be between 1 and 3660, not " +
                                              std::to_string(days));
    }
    if (i > 0 && days <= event.follow_up_days[i - 1]) {
      return FieldError("follow_up_days", "days must be in increasing order");
    }
  }
  return OkStatus();
}

Status Validate(const Session& session) {
  PONTE_RETURN_IF_ERROR(ValidateKey(session.key));
  if (session.city.empty()) return FieldError("city", "required");
  if (session.end <= session.start) return FieldError("end", "must be after start");
  if (session.slot_length <= Minutes(0)) return FieldError("slot_minutes", "must be positive");
  if (session.tables <= 0) return FieldError("tables", "must be at least 1");
  for (const Interval& br : session.breaks) {
    if (br.end <= br.start) return FieldError("breaks", "a break must end after it starts");
  }
  return OkStatus();
}

Status Validate(const Interpreter& interpreter) {
  PONTE_RETURN_IF_ERROR(ValidateKey(interpreter.key));
  if (interpreter.name.empty()) return FieldError("name", "required");
  if (interpreter.pairs.empty()) return FieldError("pairs", "at least one language pair");
  for (const LanguagePair& p : interpreter.pairs) {
    if (!IsLanguageCode(p.a) || !IsLanguageCode(p.b) || p.a == p.b) {
      return FieldError("pairs", "invalid language pair '" + p.a + "-" + p.b + "'");
    }
  }
  return OkStatus();
}

Status Validate(const MeetingRequest& request) {
  PONTE_RETURN_IF_ERROR(ValidateKey(request.key));
  if (request.from == request.to) {
    return FieldError("to", "an organization cannot request a meeting with itself");
  }
  return OkStatus();
}

}  // namespace ponte
