// Who may do what: user accounts, their roles per event, and the records the
// server keeps about them (login sessions and API tokens, one-time tokens for
// e-mail verification and invitations, the organizers' audit log, the mail
// outbox, background jobs and feedback after meetings).
//
// Secrets never appear here in clear: tokens are kept as their hash
// (`token_hash`), passwords as an argon2id string (`password_hash`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/time.h"

namespace ponte {

// Roles are per event. An organizer may do everything for the event; the
// support office validates participants and their expressions of interest; a
// participant acts for one organization; an interpreter sees their own
// assignments.
enum class Role { kOrganizer, kSupport, kParticipant, kInterpreter };
std::string_view ToCode(Role role);
Result<Role> ParseRole(std::string_view code);

struct User {
  UserId id;
  std::string email;  // lower case, unique
  std::string name;
  std::string password_hash;  // argon2id string; empty: no password set yet
  std::string locale = "en";  // it, en or zh
  bool verified = false;      // e-mail address confirmed
  bool disabled = false;
  Instant created_at;
};

struct Membership {
  UserId user;
  EventId event;
  Role role = Role::kParticipant;
  OrganizationId organization;  // participants: the organization they act for
  PersonId person;              // optional: the person record of the user
  InterpreterId interpreter;    // interpreters
  bool validated = false;       // participants: checked by the support office
};

// A browser session (cookie) or a bearer API token.
enum class CredentialKind { kSession, kApiToken, kCalendarFeed };
std::string_view ToCode(CredentialKind kind);

struct Credential {
  std::int64_t id = 0;
  std::string token_hash;  // hex BLAKE2b of the secret the client holds
  UserId user;
  CredentialKind kind = CredentialKind::kSession;
  std::string csrf_token;  // sessions: the value the client echoes in X-CSRF-Token
  std::string label;       // API tokens: what the user called it
  Instant created_at;
  Instant expires_at;
};

// E-mail verification, invitations and password resets: used once.
enum class OneTimePurpose { kVerifyEmail, kInvitation, kPasswordReset };
std::string_view ToCode(OneTimePurpose purpose);

struct OneTimeToken {
  std::string token_hash;
  OneTimePurpose purpose = OneTimePurpose::kVerifyEmail;
  std::string email;
  UserId user;  // when it is for an existing account
  // Invitations: the membership the invitee gets.
  EventId event;
  Role role = Role::kParticipant;
  OrganizationId organization;
  InterpreterId interpreter;
  Instant expires_at;
};

struct AuditEntry {
  std::int64_t id = 0;
  Instant at;
  UserId user;
  EventId event;
  std::string action;   // "schedule.publish", "participant.validate", ...
  std::string target;   // what it acted on
  std::string details;  // JSON
};

// Mail waiting to be sent. No mail server is assumed: a sender drains the
// outbox (the default one writes each message to the log).
struct OutboxMessage {
  std::int64_t id = 0;
  Instant created_at;
  std::string to;
  std::string subject;
  std::string body;
  std::string kind;  // "verify", "invitation", "request", "reminder", ...
  std::optional<Instant> sent_at;
};

enum class JobState { kQueued, kRunning, kSucceeded, kFailed, kCancelled };
std::string_view ToCode(JobState state);
Result<JobState> ParseJobState(std::string_view code);

// A background job (a scheduling run). Progress and the result are JSON so
// that any server can report on a job another one runs.
struct Job {
  JobId id;
  EventId event;
  std::string kind;  // "schedule"
  JobState state = JobState::kQueued;
  std::string parameters;  // JSON
  std::string progress;    // JSON, updated while running
  std::string result;      // JSON, when finished
  std::string error;
  bool cancel_requested = false;
  UserId created_by;
  std::string worker;  // the server that claimed it
  Instant created_at;
  Instant updated_at;
};

// Feedback one side gives after a meeting.
struct Feedback {
  MeetingId meeting;
  OrganizationId organization;  // who gives it
  UserId user;
  int rating = 0;  // 1..5
  bool follow_up = false;
  std::string comment;
  Instant created_at;
};

}  // namespace ponte
