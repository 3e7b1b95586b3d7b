// Semantic validation of domain values, shared by the importers, the CLI and
// the server. Each function returns OK or InvalidArgument naming the field:
//
//   Status s = Validate(org);   // "field 'country': unknown country code 'XX' ..."
//
// Checks that need other records (a key that must exist) belong to the caller.
#pragma once

#include <string_view>

#include "core/status.h"
#include "model/model.h"
#include "model/taxonomy.h"

namespace ponte {

Status Validate(const Organization& org);
Status Validate(const Person& person);
Status Validate(const Profile& profile, const Taxonomy& taxonomy);
Status Validate(const Event& event);
Status Validate(const Session& session);
Status Validate(const Interpreter& interpreter);
Status Validate(const MeetingRequest& request);

// A plausible e-mail address: one '@', a non-empty local part, a dotted domain.
bool LooksLikeEmail(std::string_view email);
// An external key: 1–100 characters of letters, digits, '-', '_', '.', ':'.
Status ValidateKey(std::string_view key);

}  // namespace ponte
