// JSON views of the domain for the API: one function per type, so that every
// route shows a thing the same way. Times are UTC (RFC 3339) with the event's
// zone named beside them; localized text is an object by language plus the
// reader's best value.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "model/account.h"
#include "model/model.h"
#include "service/accounts.h"
#include "service/agenda.h"

namespace ponte::api {

using Json = nlohmann::json;

Json ToJson(const LocalizedText& text, std::string_view locale);
Json ToJson(const Event& event, std::string_view locale);
Json ToJson(const Session& session);
Json ToJson(const Organization& org, std::string_view locale);
Json ToJson(const Profile& profile, std::string_view locale);
Json ToJson(const MeetingRequest& request);
Json ToJson(const Meeting& meeting);
Json ToJson(const Job& job);
Json ToJson(const service::Actor& actor);
Json ToJson(const AuditEntry& entry);
Json ToJson(const OutboxMessage& message);
Json ToJson(const service::Agenda& agenda, std::string_view locale);

// Body fields: InvalidArgument "field 'x': expected ..." when missing or of
// the wrong type.
Result<std::string> StringField(const Json& body, std::string_view name);
std::string OptionalString(const Json& body, std::string_view name, std::string fallback = "");
Result<std::int64_t> IdField(const Json& body, std::string_view name);

// A page of a list: ?limit= (1..500, default 50) and ?offset=.
struct Page {
  std::size_t offset = 0;
  std::size_t limit = 50;
};
Result<Page> PageOf(const std::optional<std::string>& limit,
                    const std::optional<std::string>& offset);
// {"items": [...], "total": N, "offset": O, "limit": L}
Json Paged(Json items_all, const Page& page);

}  // namespace ponte::api
