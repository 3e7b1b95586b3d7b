#include "match/profile.h"

#include <array>

#include "core/utf8.h"

namespace ponte::match {
namespace {

constexpr std::array<std::string_view, kOrganizationTypeCount> kTypeCodes = {
    "other",    "university",   "research",   "company",    "startup",
    "district", "science_park", "government", "association"};

}  // namespace

OrganizationType ParseOrganizationType(std::string_view code) {
  const std::string lower = AsciiLower(Trim(code));
  for (std::size_t i = 0; i < kTypeCodes.size(); ++i) {
    if (lower == kTypeCodes[i]) return static_cast<OrganizationType>(i);
  }
  if (lower == "start-up") return OrganizationType::kStartup;
  if (lower == "sciencepark" || lower == "park") return OrganizationType::kSciencePark;
  return OrganizationType::kOther;
}

std::string_view OrganizationTypeCode(OrganizationType type) {
  return kTypeCodes[static_cast<std::size_t>(type)];
}

Status ValidateProfile(const Profile& profile) {
  if (Trim(profile.id).empty()) return InvalidArgumentError("field 'id': required, got empty");
  if (profile.country.size() != 2 || profile.country[0] < 'A' || profile.country[0] > 'Z' ||
      profile.country[1] < 'A' || profile.country[1] > 'Z') {
    return InvalidArgumentError("profile '" + profile.id +
                                "': field 'country': expected an ISO-2 code like \"IT\", got \"" +
                                profile.country + "\"");
  }
  return OkStatus();
}

}  // namespace ponte::match
