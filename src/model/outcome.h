// What came of the meetings: outcomes on the follow-up ladder, the follow-up
// requests sent to participants who have not reported, and the news that
// promotes the programme (with its images).
//
// An outcome belongs to an edition (the event it came from) and names the
// organizations involved, the meetings or the expression of interest it grew
// from, its kind and how far it got. Participants report their own; the
// support office validates them; organizers see all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/time.h"
#include "model/enums.h"
#include "model/localized_text.h"

namespace ponte {

struct Outcome {
  OutcomeId id;
  std::string key;                            // stable; assigned by the store when empty
  EventId event;                              // the edition it came from
  std::vector<OrganizationId> organizations;  // at least one; sorted, unique
  std::vector<MeetingId> meetings;            // the meetings it grew from, if any
  MeetingRequestId request;                   // or the expression of interest
  OutcomeKind kind = OutcomeKind::kOther;
  OutcomeStage stage = OutcomeStage::kContactKept;
  std::string title;                  // one line, in the reporter's language
  CivilDate date;                     // when the stage was reached
  std::optional<CivilDate> end_date;  // agreements and projects that run until a date
  std::optional<double> value;        // where known, in `currency`
  std::string currency;               // ISO 4217 ("EUR", "CNY") when value is set
  std::string notes;
  OutcomeReview review = OutcomeReview::kReported;
  std::string review_note;      // the support office's reason, e.g. for a rejection
  UserId reported_by;           // optional (imported outcomes have none)
  OrganizationId reported_for;  // the organization whose participant reported it
  UserId reviewed_by;
  Instant created_at;
  Instant updated_at;
  int version = 0;  // optimistic concurrency; set by the store
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

// Which outcomes to list; unset fields do not filter.
struct OutcomeFilter {
  EventId event;
  OrganizationId organization;
  std::optional<OutcomeReview> review;
};

// One follow-up request mail: round `round` (1-based, by the event's
// follow_up_days) sent to an organization that had not reported. Recorded
// once per (event, organization, round), so that several servers never send
// it twice.
struct FollowUp {
  EventId event;
  OrganizationId organization;
  int round = 0;
  Instant sent_at;
};

// An uploaded picture, kept in the database (so every server can serve it)
// and addressed by the SHA-256 of its bytes.
struct Image {
  ImageId id;
  std::string sha256;        // lower-case hex of the bytes
  std::string content_type;  // image/png, image/jpeg, image/gif or image/webp
  std::int64_t bytes = 0;
  int width = 0;
  int height = 0;
  std::string file_name;  // as uploaded, for the organizer's reference
  UserId uploaded_by;
  Instant created_at;
  friend bool operator==(const Image&, const Image&) = default;
};

struct NewsImage {
  std::string sha256;
  LocalizedText caption;
  friend bool operator==(const NewsImage&, const NewsImage&) = default;
};

// A news item on the public pages of an event (or of the whole programme
// when `event` is unset). Bodies are HTML that has already been sanitized.
struct NewsItem {
  NewsId id;
  std::string key;  // the URL slug; unique
  EventId event;    // optional
  LocalizedText title;
  LocalizedText summary;
  LocalizedText body;
  CivilDate date;
  NewsStatus status = NewsStatus::kDraft;
  std::vector<NewsImage> images;
  UserId author;
  Instant created_at;
  Instant updated_at;
  int version = 0;
  friend bool operator==(const NewsItem&, const NewsItem&) = default;
};

struct NewsFilter {
  EventId event;  // unset: every event and the programme's own
  bool published_only = true;
  int limit = 50;
};

}  // namespace ponte
