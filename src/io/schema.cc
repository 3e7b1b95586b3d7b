#include "io/schema.h"

#include <array>

#include "model/codes.h"

namespace ponte::io {
namespace {

constexpr std::array<std::string_view, 10> kOrganizationColumns{
    "key",  "name_*",  "type",     "country",   "region",
    "city", "website", "latitude", "longitude", "public_profile"};
constexpr std::array<std::string_view, 10> kPersonColumns{
    "key",  "organization", "given_name", "family_name",       "name_latin",
    "role", "email",        "languages",  "needs_interpreter", "sessions"};
constexpr std::array<std::string_view, 8> kProfileColumns{
    "key", "organization", "kind", "title_*", "text_*", "themes", "keywords", "cooperation"};
constexpr std::array<std::string_view, 9> kSessionColumns{
    "key", "city", "venue", "date", "start", "end", "slot_minutes", "tables", "breaks"};
constexpr std::array<std::string_view, 4> kInterpreterColumns{"key", "name", "pairs", "sessions"};
constexpr std::array<std::string_view, 9> kRequestColumns{
    "key",    "from",    "to",         "requested_by", "preference",
    "status", "message", "created_at", "updated_at"};
constexpr std::array<std::string_view, 8> kMeetingColumns{
    "request", "a", "b", "session", "slot", "table", "interpreter", "status"};

constexpr std::array<std::string_view, 3> kOrganizationRequired{"key", "type", "country"};
constexpr std::array<std::string_view, 3> kPersonRequired{"key", "organization", "languages"};
constexpr std::array<std::string_view, 3> kProfileRequired{"key", "organization", "kind"};
constexpr std::array<std::string_view, 7> kSessionRequired{"key", "city",         "date",  "start",
                                                           "end", "slot_minutes", "tables"};
constexpr std::array<std::string_view, 3> kInterpreterRequired{"key", "name", "pairs"};
constexpr std::array<std::string_view, 4> kRequestRequired{"key", "from", "to", "preference"};
constexpr std::array<std::string_view, 5> kMeetingRequired{"a", "b", "session", "slot", "table"};

}  // namespace

std::span<const std::string_view> Columns(FileKind kind) {
  switch (kind) {
    case FileKind::kOrganizations:
      return kOrganizationColumns;
    case FileKind::kPeople:
      return kPersonColumns;
    case FileKind::kProfiles:
      return kProfileColumns;
    case FileKind::kSessions:
      return kSessionColumns;
    case FileKind::kInterpreters:
      return kInterpreterColumns;
    case FileKind::kRequests:
      return kRequestColumns;
    case FileKind::kMeetings:
      return kMeetingColumns;
    case FileKind::kEvent:
      break;
  }
  return {};
}

std::span<const std::string_view> RequiredColumns(FileKind kind) {
  switch (kind) {
    case FileKind::kOrganizations:
      return kOrganizationRequired;
    case FileKind::kPeople:
      return kPersonRequired;
    case FileKind::kProfiles:
      return kProfileRequired;
    case FileKind::kSessions:
      return kSessionRequired;
    case FileKind::kInterpreters:
      return kInterpreterRequired;
    case FileKind::kRequests:
      return kRequestRequired;
    case FileKind::kMeetings:
      return kMeetingRequired;
    case FileKind::kEvent:
      break;
  }
  return {};
}

bool IsKnownColumn(FileKind kind, std::string_view column) {
  for (std::string_view c : Columns(kind)) {
    if (c == column) return true;
    if (c.ends_with("_*")) {
      const std::string_view prefix = c.substr(0, c.size() - 1);  // "name_"
      if (column.starts_with(prefix) && IsLanguageCode(column.substr(prefix.size()))) return true;
    }
  }
  return false;
}

std::string ExpectedColumns(FileKind kind) {
  std::string out;
  for (std::string_view c : Columns(kind)) {
    if (!out.empty()) out += ", ";
    if (c.ends_with("_*")) {
      out += std::string(c.substr(0, c.size() - 1)) + "<lang>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace ponte::io
