// Strongly typed identifiers, so an OrganizationId can never be passed where a
// PersonId is expected.
//
//   OrganizationId org{42};
//   int64_t raw = org.value();
//   std::unordered_map<OrganizationId, Organization> by_id;   // hashable
//
// Store ids are positive 64-bit row ids; 0 means "not yet stored".
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <ostream>

namespace ponte {

template <typename Tag, typename Rep = std::int64_t>
class StrongId {
 public:
  using rep_type = Rep;
  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep value) : value_(value) {}
  constexpr Rep value() const { return value_; }
  constexpr bool valid() const { return value_ != Rep{}; }
  friend constexpr auto operator<=>(StrongId, StrongId) = default;
  friend std::ostream& operator<<(std::ostream& os, StrongId id) { return os << id.value_; }

 private:
  Rep value_{};
};

using ProgrammeId = StrongId<struct ProgrammeTag>;
using EventId = StrongId<struct EventTag>;
using VenueId = StrongId<struct VenueTag>;
using SessionId = StrongId<struct SessionTag>;
using OrganizationId = StrongId<struct OrganizationTag>;
using PersonId = StrongId<struct PersonTag>;
using ProfileId = StrongId<struct ProfileTag>;
using MeetingRequestId = StrongId<struct MeetingRequestTag>;
using MeetingId = StrongId<struct MeetingTag>;
using InterpreterId = StrongId<struct InterpreterTag>;
using RoadshowId = StrongId<struct RoadshowTag>;
using VisitId = StrongId<struct VisitTag>;
using OutcomeId = StrongId<struct OutcomeTag>;
using NewsId = StrongId<struct NewsTag>;
using ImageId = StrongId<struct ImageTag>;
using UserId = StrongId<struct UserTag>;
using JobId = StrongId<struct JobTag>;

}  // namespace ponte

template <typename Tag, typename Rep>
struct std::hash<ponte::StrongId<Tag, Rep>> {
  std::size_t operator()(ponte::StrongId<Tag, Rep> id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};
