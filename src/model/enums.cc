#include "model/enums.h"

#include <array>
#include <string>
#include <utility>

#include "model/account.h"

namespace ponte {
namespace {

template <typename E, std::size_t N>
using CodeTable = std::array<std::pair<E, std::string_view>, N>;

constexpr CodeTable<OrganizationType, 9> kOrganizationTypes{{
    {OrganizationType::kUniversity, "university"},
    {OrganizationType::kResearch, "research"},
    {OrganizationType::kCompany, "company"},
    {OrganizationType::kStartup, "startup"},
    {OrganizationType::kDistrict, "district"},
    {OrganizationType::kSciencePark, "science_park"},
    {OrganizationType::kGovernment, "government"},
    {OrganizationType::kAssociation, "association"},
    {OrganizationType::kOther, "other"},
}};
constexpr CodeTable<ProfileKind, 3> kProfileKinds{{
    {ProfileKind::kOffer, "offer"},
    {ProfileKind::kRequest, "request"},
    {ProfileKind::kCooperation, "cooperation"},
}};
constexpr CodeTable<CooperationType, 7> kCooperationTypes{{
    {CooperationType::kJointResearch, "joint_research"},
    {CooperationType::kTechnologyTransfer, "technology_transfer"},
    {CooperationType::kInvestment, "investment"},
    {CooperationType::kCommercial, "commercial"},
    {CooperationType::kTrainingExchange, "training_exchange"},
    {CooperationType::kLanguageTeaching, "language_teaching"},
    {CooperationType::kOther, "other"},
}};
constexpr CodeTable<Preference, 3> kPreferences{{
    {Preference::kMust, "must"},
    {Preference::kWant, "want"},
    {Preference::kNoThanks, "no_thanks"},
}};
constexpr CodeTable<RequestStatus, 5> kRequestStatuses{{
    {RequestStatus::kPending, "pending"},
    {RequestStatus::kAccepted, "accepted"},
    {RequestStatus::kDeclined, "declined"},
    {RequestStatus::kCancelled, "cancelled"},
    {RequestStatus::kExpired, "expired"},
}};
constexpr CodeTable<MeetingStatus, 4> kMeetingStatuses{{
    {MeetingStatus::kScheduled, "scheduled"},
    {MeetingStatus::kHeld, "held"},
    {MeetingStatus::kNoShow, "no_show"},
    {MeetingStatus::kCancelled, "cancelled"},
}};
constexpr CodeTable<Role, 4> kRoles{{
    {Role::kOrganizer, "organizer"},
    {Role::kSupport, "support"},
    {Role::kParticipant, "participant"},
    {Role::kInterpreter, "interpreter"},
}};
constexpr CodeTable<CredentialKind, 3> kCredentialKinds{{
    {CredentialKind::kSession, "session"},
    {CredentialKind::kApiToken, "api_token"},
    {CredentialKind::kCalendarFeed, "calendar_feed"},
}};
constexpr CodeTable<OneTimePurpose, 3> kOneTimePurposes{{
    {OneTimePurpose::kVerifyEmail, "verify_email"},
    {OneTimePurpose::kInvitation, "invitation"},
    {OneTimePurpose::kPasswordReset, "password_reset"},
}};
constexpr CodeTable<JobState, 5> kJobStates{{
    {JobState::kQueued, "queued"},
    {JobState::kRunning, "running"},
    {JobState::kSucceeded, "succeeded"},
    {JobState::kFailed, "failed"},
    {JobState::kCancelled, "cancelled"},
}};
constexpr CodeTable<OutcomeStage, 5> kOutcomeStages{{
    {OutcomeStage::kNoContact, "no_contact"},
    {OutcomeStage::kContactKept, "contact_kept"},
    {OutcomeStage::kValuable, "valuable"},
    {OutcomeStage::kNegotiation, "negotiation"},
    {OutcomeStage::kAgreement, "agreement"},
}};
constexpr CodeTable<OutcomeKind, 9> kOutcomeKinds{{
    {OutcomeKind::kJointResearch, "joint_research"},
    {OutcomeKind::kTechnologyTransfer, "technology_transfer"},
    {OutcomeKind::kInvestment, "investment"},
    {OutcomeKind::kCommercial, "commercial"},
    {OutcomeKind::kTrainingExchange, "training_exchange"},
    {OutcomeKind::kItalianTeachingInChina, "italian_teaching_in_china"},
    {OutcomeKind::kChineseTeachingInItaly, "chinese_teaching_in_italy"},
    {OutcomeKind::kMemorandum, "memorandum"},
    {OutcomeKind::kOther, "other"},
}};
constexpr CodeTable<OutcomeReview, 3> kOutcomeReviews{{
    {OutcomeReview::kReported, "reported"},
    {OutcomeReview::kValidated, "validated"},
    {OutcomeReview::kRejected, "rejected"},
}};
constexpr CodeTable<NewsStatus, 2> kNewsStatuses{{
    {NewsStatus::kDraft, "draft"},
    {NewsStatus::kPublished, "published"},
}};

template <typename E, std::size_t N>
std::string_view Code(const CodeTable<E, N>& table, E value) {
  for (const auto& [v, code] : table) {
    if (v == value) return code;
  }
  return "other";
}

template <typename E, std::size_t N>
Result<E> Parse(const CodeTable<E, N>& table, std::string_view code, std::string_view what) {
  for (const auto& [v, c] : table) {
    if (c == code) return v;
  }
  std::string expected;
  for (const auto& [v, c] : table) {
    if (!expected.empty()) expected += ", ";
    expected += c;
  }
  return InvalidArgumentError("unknown " + std::string(what) + " '" + std::string(code) +
                              "' (expected one of: " + expected + ")");
}

template <typename E, std::size_t N>
constexpr std::array<E, N> Values(const CodeTable<E, N>& table) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].first;
  return out;
}

constexpr auto kAllOrganizationTypes = Values(kOrganizationTypes);
constexpr auto kAllCooperationTypes = Values(kCooperationTypes);
constexpr auto kAllOutcomeStages = Values(kOutcomeStages);
constexpr auto kAllOutcomeKinds = Values(kOutcomeKinds);

}  // namespace

std::string_view ToCode(OrganizationType v) { return Code(kOrganizationTypes, v); }
std::string_view ToCode(ProfileKind v) { return Code(kProfileKinds, v); }
std::string_view ToCode(CooperationType v) { return Code(kCooperationTypes, v); }
std::string_view ToCode(Preference v) { return Code(kPreferences, v); }
std::string_view ToCode(RequestStatus v) { return Code(kRequestStatuses, v); }
std::string_view ToCode(MeetingStatus v) { return Code(kMeetingStatuses, v); }
std::string_view ToCode(OutcomeStage v) { return Code(kOutcomeStages, v); }
std::string_view ToCode(OutcomeKind v) { return Code(kOutcomeKinds, v); }
std::string_view ToCode(OutcomeReview v) { return Code(kOutcomeReviews, v); }
std::string_view ToCode(NewsStatus v) { return Code(kNewsStatuses, v); }
std::string_view ToCode(Role v) { return Code(kRoles, v); }
std::string_view ToCode(CredentialKind v) { return Code(kCredentialKinds, v); }
std::string_view ToCode(OneTimePurpose v) { return Code(kOneTimePurposes, v); }
std::string_view ToCode(JobState v) { return Code(kJobStates, v); }
Result<Role> ParseRole(std::string_view c) { return Parse(kRoles, c, "role"); }
Result<JobState> ParseJobState(std::string_view c) { return Parse(kJobStates, c, "job state"); }

Result<OrganizationType> ParseOrganizationType(std::string_view c) {
  return Parse(kOrganizationTypes, c, "organization type");
}
Result<ProfileKind> ParseProfileKind(std::string_view c) {
  return Parse(kProfileKinds, c, "profile kind");
}
Result<CooperationType> ParseCooperationType(std::string_view c) {
  return Parse(kCooperationTypes, c, "cooperation type");
}
Result<Preference> ParsePreference(std::string_view c) {
  return Parse(kPreferences, c, "preference");
}
Result<RequestStatus> ParseRequestStatus(std::string_view c) {
  return Parse(kRequestStatuses, c, "request status");
}
Result<MeetingStatus> ParseMeetingStatus(std::string_view c) {
  return Parse(kMeetingStatuses, c, "meeting status");
}
Result<OutcomeStage> ParseOutcomeStage(std::string_view c) {
  return Parse(kOutcomeStages, c, "outcome stage");
}
Result<OutcomeKind> ParseOutcomeKind(std::string_view c) {
  return Parse(kOutcomeKinds, c, "outcome kind");
}
Result<OutcomeReview> ParseOutcomeReview(std::string_view c) {
  return Parse(kOutcomeReviews, c, "outcome review state");
}
Result<NewsStatus> ParseNewsStatus(std::string_view c) {
  return Parse(kNewsStatuses, c, "news status");
}

std::span<const OrganizationType> AllOrganizationTypes() { return kAllOrganizationTypes; }
std::span<const CooperationType> AllCooperationTypes() { return kAllCooperationTypes; }
std::span<const OutcomeStage> AllOutcomeStages() { return kAllOutcomeStages; }
std::span<const OutcomeKind> AllOutcomeKinds() { return kAllOutcomeKinds; }

}  // namespace ponte
