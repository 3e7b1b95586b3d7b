// The programme's closed vocabularies, each with a stable lower-case code used
// in files, the database and the API ("university", "must", "no_show").
//
//   PONTE_ASSIGN_OR_RETURN(OrganizationType t, ParseOrganizationType("startup"));
//   std::string_view code = ToCode(t);   // "startup"
//
// Parse functions return InvalidArgument naming the accepted codes.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"

namespace ponte {

enum class OrganizationType {
  kUniversity,
  kResearch,
  kCompany,
  kStartup,
  kDistrict,
  kSciencePark,
  kGovernment,
  kAssociation,
  kOther,
};

enum class ProfileKind { kOffer, kRequest, kCooperation };

enum class CooperationType {
  kJointResearch,
  kTechnologyTransfer,
  kInvestment,
  kCommercial,
  kTrainingExchange,
  kLanguageTeaching,
  kOther,
};

// How much a participant wants a meeting.
enum class Preference { kMust, kWant, kNoThanks };

enum class RequestStatus { kPending, kAccepted, kDeclined, kCancelled, kExpired };

enum class MeetingStatus { kScheduled, kHeld, kNoShow, kCancelled };

// Follow-up ladder after a meeting (b2match-style second-stage rating).
enum class OutcomeStage { kNoContact, kContactKept, kValuable, kNegotiation, kAgreement };

enum class OutcomeKind {
  kJointResearch,
  kTechnologyTransfer,
  kInvestment,
  kCommercial,
  kTrainingExchange,
  kItalianTeachingInChina,
  kChineseTeachingInItaly,
  kMemorandum,
  kOther,
};

// Where a reported outcome stands with the support office.
enum class OutcomeReview { kReported, kValidated, kRejected };

enum class NewsStatus { kDraft, kPublished };

std::string_view ToCode(OrganizationType v);
std::string_view ToCode(ProfileKind v);
std::string_view ToCode(CooperationType v);
std::string_view ToCode(Preference v);
std::string_view ToCode(RequestStatus v);
std::string_view ToCode(MeetingStatus v);
std::string_view ToCode(OutcomeStage v);
std::string_view ToCode(OutcomeKind v);
std::string_view ToCode(OutcomeReview v);
std::string_view ToCode(NewsStatus v);

Result<OrganizationType> ParseOrganizationType(std::string_view code);
Result<ProfileKind> ParseProfileKind(std::string_view code);
Result<CooperationType> ParseCooperationType(std::string_view code);
Result<Preference> ParsePreference(std::string_view code);
Result<RequestStatus> ParseRequestStatus(std::string_view code);
Result<MeetingStatus> ParseMeetingStatus(std::string_view code);
Result<OutcomeStage> ParseOutcomeStage(std::string_view code);
Result<OutcomeKind> ParseOutcomeKind(std::string_view code);
Result<OutcomeReview> ParseOutcomeReview(std::string_view code);
Result<NewsStatus> ParseNewsStatus(std::string_view code);

// All values, in declaration order (for summaries and validation messages).
std::span<const OrganizationType> AllOrganizationTypes();
std::span<const CooperationType> AllCooperationTypes();
// In ladder order, from no further contact to agreement reached.
std::span<const OutcomeStage> AllOutcomeStages();
std::span<const OutcomeKind> AllOutcomeKinds();

}  // namespace ponte
