// The follow-up sweep: after an event, organizations that have not reported
// what came of their meetings are asked again, by mail, at the event's
// follow-up days (Event::follow_up_days, default 28, 91 and 182 days after
// its last day).
//
//   PONTE_ASSIGN_OR_RETURN(FollowUpSweep sent, SweepFollowUps(store, clock, {.base_url = url}));
//
// Round i+1 is due from local midnight (in the event's zone) of the day
// end_date + follow_up_days[i]. For each participating organization
// (EventOrganizations) without any outcome of the event, the latest due
// round is claimed with Store::ClaimFollowUp — exactly once per event,
// organization and round across servers — and, when this caller got the
// claim, one outbox mail goes to each participant account of that
// organization in the event, in the account's language (it, en or zh), with
// a link to the portal's outcome form. The claim and its mails are one
// transaction: a round is never recorded as sent without its mails. Earlier rounds that were missed
// (the server was down, the event was imported late) are not sent afterwards: one mail, never a
// flood. A round more than `max_late` overdue is skipped altogether (a database restored or
// imported long after the event).
//
// Safe to call often (the App's background thread calls it once a minute)
// and from several servers at once.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace ponte::service {

struct FollowUpOptions {
  std::string base_url = "http://127.0.0.1:8080";  // the portal, for the link in the mail
  Seconds max_late{30 * 24 * 3600};
};

struct FollowUpSweep {
  int rounds = 0;  // (organization, round) pairs claimed by this call
  int mails = 0;   // outbox messages queued
};

Result<FollowUpSweep> SweepFollowUps(Store& store, const Clock& clock,
                                     const FollowUpOptions& options = {});

// The instant follow-up round `round` (1-based) of `event` is due; NotFound
// when the event has no such round.
Result<Instant> FollowUpDue(const Event& event, int round);

// The mail of a follow-up round in `locale` (it, en or zh; others: en).
struct FollowUpMail {
  std::string subject;
  std::string body;
};
FollowUpMail ComposeFollowUpMail(const Event& event, const Organization& organization,
                                 const User& user, int round, const std::string& link);

}  // namespace ponte::service
