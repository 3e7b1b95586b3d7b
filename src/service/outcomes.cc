#include "service/outcomes.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "service/workflow.h"

namespace ponte::service {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kKeyRandomBytes = 8;

// "out-" and 16 hex digits: unique without coordination between servers.
std::string NewOutcomeKey() {
  if (sodium_init() < 0) std::abort();  // idempotent; fails only without entropy
  unsigned char random[kKeyRandomBytes];
  randombytes_buf(random, sizeof random);
  char hex[2 * kKeyRandomBytes + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return "out-" + std::string(hex);
}

std::string Id(std::int64_t id) { return std::to_string(id); }

Status CheckVersion(std::optional<int> if_match, const Outcome& current) {
  if (if_match && *if_match != current.version) {
    return FailedPreconditionError("outcome " + Id(current.id.value()) +
                                   " changed since it was read (version " +
                                   std::to_string(*if_match) + ", now " +
                                   std::to_string(current.version) + "): reload it and try again");
  }
  return OkStatus();
}

bool Names(const Outcome& o, OrganizationId org) {
  return org.valid() &&
         std::find(o.organizations.begin(), o.organizations.end(), org) != o.organizations.end();
}

// The organization that answers for an outcome: the one it was reported for,
// or (imported outcomes) any organization it names.
bool IsReporter(const Outcome& o, OrganizationId org) {
  if (!org.valid()) return false;
  return o.reported_for.valid() ? o.reported_for == org : Names(o, org);
}

Status CheckText(std::string_view field, const std::string& value, std::size_t max_bytes,
                 bool one_line) {
  if (!IsValidUtf8(value)) {
    return InvalidArgumentError("field '" + std::string(field) + "': expected UTF-8 text");
  }
  if (value.size() > max_bytes) {
    return InvalidArgumentError("field '" + std::string(field) + "': at most " +
                                std::to_string(max_bytes) + " bytes (got " +
                                std::to_string(value.size()) + ")");
  }
  if (one_line && value.find_first_of("\r\n") != std::string::npos) {
    return InvalidArgumentError("field '" + std::string(field) + "': expected one line");
  }
  return OkStatus();
}

Result<CivilDate> Today(const Clock& clock, const Event& event) {
  PONTE_ASSIGN_OR_RETURN(CivilTime now, ToCivil(clock.Now(), event.time_zone));
  return CivilDate{now.year, now.month, now.day};
}

void AddOrganization(std::vector<OrganizationId>& orgs, OrganizationId org) {
  if (org.valid() && std::find(orgs.begin(), orgs.end(), org) == orgs.end()) orgs.push_back(org);
}

// Checks and completes the descriptive fields of `o` reported for
// `reporter`: meetings and the request must be the reporter's in the event
// (any of the event's when `reporter` is unset: imported outcomes), and their
// sides join the organizations.
Status CheckDescription(Store& store, const Clock& clock, const Event& event,
                        OrganizationId reporter, Outcome& o) {
  const std::string whose =
      reporter.valid() ? "organization " + Id(reporter.value()) + " in event '" + event.key + "'"
                       : "event '" + event.key + "'";
  std::sort(o.meetings.begin(), o.meetings.end());
  o.meetings.erase(std::unique(o.meetings.begin(), o.meetings.end()), o.meetings.end());
  for (MeetingId id : o.meetings) {
    auto meeting = store.GetMeeting(id);
    const bool found = meeting.ok() && meeting->event == event.id;
    if (!found || (reporter.valid() && meeting->a != reporter && meeting->b != reporter)) {
      return InvalidArgumentError("field 'meetings': meeting " + Id(id.value()) +
                                  " is not a meeting of " + whose);
    }
    AddOrganization(o.organizations, meeting->a);
    AddOrganization(o.organizations, meeting->b);
  }
  if (o.request.valid()) {
    auto request = store.GetRequest(o.request);
    const bool found = request.ok() && request->event == event.id;
    if (!found || (reporter.valid() && request->from != reporter && request->to != reporter)) {
      return InvalidArgumentError("field 'request': request " + Id(o.request.value()) +
                                  " was not sent or received by " + whose);
    }
    AddOrganization(o.organizations, request->from);
    AddOrganization(o.organizations, request->to);
  }
  AddOrganization(o.organizations, reporter);
  std::sort(o.organizations.begin(), o.organizations.end());
  o.organizations.erase(std::unique(o.organizations.begin(), o.organizations.end()),
                        o.organizations.end());
  for (OrganizationId org : o.organizations) {
    if (!org.valid() || !store.GetOrganization(org).ok()) {
      return InvalidArgumentError("field 'organizations': no organization " + Id(org.value()));
    }
  }
  if (o.organizations.size() < 2 && o.meetings.empty() && !o.request.valid()) {
    return InvalidArgumentError(
        "field 'organizations': name the partner organization (or the meeting or request the "
        "outcome grew from)");
  }

  PONTE_RETURN_IF_ERROR(CheckText("title", o.title, kMaxOutcomeTitleBytes, true));
  if (Trim(o.title).empty()) {
    return InvalidArgumentError(
        "field 'title': expected a short description, e.g. "
        "\"Joint laboratory on batteries\"");
  }
  o.title = std::string(Trim(o.title));
  PONTE_RETURN_IF_ERROR(CheckText("notes", o.notes, kMaxOutcomeNotesBytes, false));

  PONTE_ASSIGN_OR_RETURN(CivilDate today, Today(clock, event));
  if (o.date < event.start_date) {
    return InvalidArgumentError("field 'date': expected a date on or after the event's start (" +
                                FormatDate(event.start_date) + "), got " + FormatDate(o.date));
  }
  if (o.date > today) {
    return InvalidArgumentError(
        "field 'date': expected the date the stage was reached, not in "
        "the future (today is " +
        FormatDate(today) + ")");
  }
  if (o.end_date && *o.end_date < o.date) {
    return InvalidArgumentError("field 'end_date': expected a date on or after 'date' (" +
                                FormatDate(o.date) + ")");
  }
  if (o.value) {
    if (!std::isfinite(*o.value) || *o.value < 0) {
      return InvalidArgumentError("field 'value': expected an amount of at least 0");
    }
    const bool iso =
        o.currency.size() == 3 && std::all_of(o.currency.begin(), o.currency.end(),
                                              [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso) {
      return InvalidArgumentError(
          "field 'currency': expected an ISO 4217 code such as EUR or "
          "CNY with a value, got '" +
          o.currency + "'");
    }
  } else if (!o.currency.empty()) {
    return InvalidArgumentError("field 'currency': only with a 'value'");
  }
  return OkStatus();
}

// The descriptive fields of `from`, onto `to`.
void CopyDescription(const Outcome& from, Outcome& to) {
  to.organizations = from.organizations;
  to.meetings = from.meetings;
  to.request = from.request;
  to.kind = from.kind;
  to.stage = from.stage;
  to.title = from.title;
  to.date = from.date;
  to.end_date = from.end_date;
  to.value = from.value;
  to.currency = from.currency;
  to.notes = from.notes;
}

Result<Outcome> OutcomeOfEvent(Store& store, const Event& event, OutcomeId id) {
  auto o = store.GetOutcome(id);
  if (!o.ok() || o->event != event.id) {
    if (!o.ok() && o.status().code() != StatusCode::kNotFound) return o.status();
    return NotFoundError("no outcome " + Id(id.value()) + " in event '" + event.key + "'");
  }
  return std::move(*o);
}

}  // namespace

bool MayEditOutcome(const Actor& actor, const Event& event, const Outcome& outcome) {
  return actor.IsStaff(event.id) || (actor.IsValidatedParticipant(event.id) &&
                                     IsReporter(outcome, actor.OrganizationIn(event.id)));
}

Result<Outcome> ReportOutcome(Store& store, const Clock& clock, const Actor& actor,
                              const Event& event, Outcome draft) {
  const bool staff = actor.IsStaff(event.id);
  OrganizationId reporter = actor.OrganizationIn(event.id);
  if (staff) {
    if (draft.reported_for.valid()) {
      reporter = draft.reported_for;
    } else if (!draft.organizations.empty()) {
      reporter = draft.organizations.front();
    }
    if (!reporter.valid()) {
      return InvalidArgumentError("field 'reported_for': which organization is it reported for?");
    }
    if (!CheckTakesPart(store, event, reporter).ok()) {
      return InvalidArgumentError("field 'reported_for': organization " + Id(reporter.value()) +
                                  " does not take part in event '" + event.key + "'");
    }
  } else {
    if (!reporter.valid()) {
      return PermissionDeniedError("only participants of '" + event.key +
                                   "' and its staff report outcomes");
    }
    if (!actor.IsValidatedParticipant(event.id)) {
      return PermissionDeniedError(
          "your participation has not been validated by the support office yet");
    }
    if (draft.reported_for.valid() && draft.reported_for != reporter) {
      return PermissionDeniedError("you report outcomes for your own organization only");
    }
  }
  Outcome o;
  CopyDescription(draft, o);
  PONTE_RETURN_IF_ERROR(CheckDescription(store, clock, event, reporter, o));
  const Instant now = clock.Now();
  o.key = NewOutcomeKey();
  o.event = event.id;
  o.review = OutcomeReview::kReported;
  o.reported_by = actor.user.id;
  o.reported_for = reporter;
  o.created_at = now;
  o.updated_at = now;
  PONTE_RETURN_IF_ERROR(store.CreateOutcome(o));
  if (staff) {
    PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, event, "outcome.report",
                                "outcome:" + Id(o.id.value()),
                                Json{{"reported_for", reporter.value()}}.dump()));
  }
  return o;
}

Result<Outcome> EditOutcome(Store& store, const Clock& clock, const Actor& actor,
                            const Event& event, OutcomeId id, Outcome changed,
                            std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(Outcome current, OutcomeOfEvent(store, event, id));
  const bool staff = actor.IsStaff(event.id);
  const OrganizationId mine = actor.OrganizationIn(event.id);
  if (!staff && !Names(current, mine)) {
    return NotFoundError("no outcome " + Id(id.value()) + " in event '" + event.key + "'");
  }
  if (!MayEditOutcome(actor, event, current)) {
    return PermissionDeniedError(
        "only the organization that reported the outcome (or the support office) edits it");
  }
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, current));
  const int read_version = current.version;
  Outcome o = current;
  CopyDescription(changed, o);
  const OrganizationId reporter = current.reported_for.valid() ? current.reported_for
                                  : staff                      ? OrganizationId()
                                                               : mine;
  PONTE_RETURN_IF_ERROR(CheckDescription(store, clock, event, reporter, o));
  if (!staff && o.review != OutcomeReview::kReported) {
    // Changed after the support office looked at it: it looks again.
    o.review = OutcomeReview::kReported;
    o.reviewed_by = UserId();
    o.review_note.clear();
  }
  o.updated_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.UpdateOutcome(o, read_version));
  if (staff) {
    PONTE_RETURN_IF_ERROR(
        Audit(store, clock, actor, event, "outcome.edit", "outcome:" + Id(o.id.value())));
  }
  return o;
}

Result<Outcome> ReviewOutcome(Store& store, const Clock& clock, const Actor& actor,
                              const Event& event, OutcomeId id, OutcomeReview decision,
                              std::string_view note, std::optional<int> if_match) {
  if (!actor.IsStaff(event.id)) {
    return PermissionDeniedError("only the support office and the organizers review outcomes");
  }
  if (decision == OutcomeReview::kReported) {
    return InvalidArgumentError("field 'review': expected validated or rejected");
  }
  const std::string trimmed(Trim(note));
  PONTE_RETURN_IF_ERROR(CheckText("note", trimmed, kMaxOutcomeNotesBytes, false));
  if (decision == OutcomeReview::kRejected && trimmed.empty()) {
    return InvalidArgumentError(
        "field 'note': say why the outcome is rejected, so that the "
        "participant can correct it");
  }
  PONTE_ASSIGN_OR_RETURN(Outcome o, OutcomeOfEvent(store, event, id));
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, o));
  const int read_version = o.version;
  o.review = decision;
  o.review_note = trimmed;
  o.reviewed_by = actor.user.id;
  o.updated_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.UpdateOutcome(o, read_version));
  PONTE_RETURN_IF_ERROR(
      Audit(store, clock, actor, event,
            decision == OutcomeReview::kValidated ? "outcome.validate" : "outcome.reject",
            "outcome:" + Id(o.id.value()), Json{{"note", trimmed}}.dump()));
  return o;
}

Status DeleteOutcome(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                     OutcomeId id, std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(Outcome o, OutcomeOfEvent(store, event, id));
  const bool staff = actor.IsStaff(event.id);
  if (!staff && !Names(o, actor.OrganizationIn(event.id))) {
    return NotFoundError("no outcome " + Id(id.value()) + " in event '" + event.key + "'");
  }
  if (!MayEditOutcome(actor, event, o)) {
    return PermissionDeniedError(
        "only the organization that reported the outcome (or the support office) deletes it");
  }
  if (!staff && o.review == OutcomeReview::kValidated) {
    return PermissionDeniedError(
        "a validated outcome counts in the reports: ask the support office to delete it");
  }
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, o));
  PONTE_RETURN_IF_ERROR(store.DeleteOutcome(o.id, if_match.value_or(o.version)));
  if (staff) {
    PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, event, "outcome.delete",
                                "outcome:" + Id(o.id.value()), Json{{"title", o.title}}.dump()));
  }
  return OkStatus();
}

Result<std::vector<Outcome>> VisibleOutcomes(Store& store, const Actor& actor, const Event& event,
                                             const OutcomeQuery& query) {
  OutcomeFilter filter;
  filter.event = event.id;
  filter.review = query.review;
  if (actor.IsStaff(event.id)) {
    filter.organization = query.organization;
  } else {
    filter.organization = actor.OrganizationIn(event.id);
    if (!filter.organization.valid()) {
      return PermissionDeniedError("only participants and staff of '" + event.key +
                                   "' see outcomes");
    }
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> out, store.ListOutcomes(filter));
  std::erase_if(out, [&](const Outcome& o) {
    return (query.stage && o.stage != *query.stage) || (query.kind && o.kind != *query.kind);
  });
  return out;
}

Result<Outcome> GetVisibleOutcome(Store& store, const Actor& actor, const Event& event,
                                  OutcomeId id) {
  PONTE_ASSIGN_OR_RETURN(Outcome o, OutcomeOfEvent(store, event, id));
  if (!actor.IsStaff(event.id) && !Names(o, actor.OrganizationIn(event.id))) {
    return NotFoundError("no outcome " + Id(id.value()) + " in event '" + event.key + "'");
  }
  return o;
}

}  // namespace ponte::service
