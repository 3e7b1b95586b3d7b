// Profile: what one participant of a matchmaking event says about itself —
// the plain input struct of the match engine (no storage types here).
//
//   Profile p{.id = "unipd", .country = "IT"};
//   p.offer = "Brevetti sulle batterie al litio";
//   p.seek = "寻求电池制造企业合作";
//
// Text fields may be Italian, English or Chinese, mixed. Only `id` and
// `country` are required (checked by ValidateProfile).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ponte::match {

enum class OrganizationType : std::uint8_t {
  kOther = 0,
  kUniversity,
  kResearch,
  kCompany,
  kStartup,
  kDistrict,
  kSciencePark,
  kGovernment,
  kAssociation,
};
inline constexpr int kOrganizationTypeCount = 9;

// "university", "research", ... (data/taxonomy/organization_types.csv codes);
// unknown or empty text gives kOther.
OrganizationType ParseOrganizationType(std::string_view code);
std::string_view OrganizationTypeCode(OrganizationType type);

struct Profile {
  std::string id;       // unique within one Recommender
  std::string country;  // ISO 3166-1 alpha-2 ("IT", "CN"), upper case
  // Profiles of the same organization never match each other; empty means
  // "the organization is the profile itself".
  std::string organization;
  std::string name;
  OrganizationType type = OrganizationType::kOther;
  std::vector<std::string> languages;  // spoken: "it", "en", "zh"
  std::string offer;                   // what it brings
  std::string seek;                    // what it looks for
  std::string about;                   // who it is
  std::vector<std::string> themes;     // taxonomy codes ("ai.vision") or labels
  std::vector<std::string> keywords;
  // Cities where it can meet during the event (roadshow stops); empty = any.
  std::vector<std::string> cities;
};

// kInvalidArgument naming the field when `id` or `country` is missing or
// malformed.
Status ValidateProfile(const Profile& profile);

}  // namespace ponte::match
