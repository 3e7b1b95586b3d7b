// Accounts, sign-in and who the caller is: the use cases behind the server's
// /auth routes and every authenticated request.
//
//   PONTE_ASSIGN_OR_RETURN(SignIn s, Login(store, clock, "anna@polimi.it", password, "10.0.0.7"));
//   // the browser gets s.token in an HttpOnly cookie and echoes s.csrf_token
//   PONTE_ASSIGN_OR_RETURN(Actor me, Authenticate(store, clock, s.token));
//
// Passwords are hashed with argon2id (libsodium, `PasswordCost`); tokens are
// 32 random bytes, given to the client once (base64url) and kept only as
// their BLAKE2b hash. Sign-in attempts are throttled per e-mail address and
// per client address through the store, so several servers share the count.
// Mail goes to the store's outbox; a sender delivers it (the default one logs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "model/account.h"
#include "store/store.h"

namespace ponte::service {

// argon2id cost. The default (interactive: 2 passes, 64 MiB) takes tens of
// milliseconds; tests use kPasswordCostForTests.
struct PasswordCost {
  unsigned long long ops = 2;  // NOLINT(google-runtime-int): libsodium's type
  std::size_t memory_bytes = 64u << 20;
};
inline constexpr PasswordCost kPasswordCostForTests{1, 8u << 10};

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost);
bool VerifyPassword(std::string_view password, const std::string& hash);
// InvalidArgument naming what is missing: at least 10 characters.
Status CheckPasswordStrength(std::string_view password);

// A random secret (base64url, 43 characters) and the hash the store keeps.
std::string NewToken();
std::string HashToken(std::string_view token);

struct AccountOptions {
  PasswordCost cost;
  Seconds session_lifetime{14 * 24 * 3600};
  Seconds api_token_lifetime{365 * 24 * 3600};
  Seconds verification_lifetime{3 * 24 * 3600};
  Seconds invitation_lifetime{14 * 24 * 3600};
  // Throttling: at most this many failed sign-ins per e-mail or client address
  // within the window; then ResourceExhausted until the window passes.
  int max_failures = 5;
  Seconds failure_window{15 * 60};
  std::string base_url = "http://127.0.0.1:8080";  // links in mails
};

// The authenticated caller and their roles. `user.password_hash` is always
// empty here (as in every User the service returns).
struct Actor {
  User user;
  std::vector<Membership> memberships;
  CredentialKind credential = CredentialKind::kSession;
  std::string csrf_token;  // sessions only

  bool Has(EventId event, Role role) const;
  bool IsOrganizer(EventId event) const { return Has(event, Role::kOrganizer); }
  // Organizer or support office.
  bool IsStaff(EventId event) const;
  // The organization the actor acts for in the event (0 if none).
  OrganizationId OrganizationIn(EventId event) const;
  InterpreterId InterpreterIn(EventId event) const;
  // A validated participant of the event.
  bool IsValidatedParticipant(EventId event) const;
};

struct SignIn {
  std::string token;  // the secret: cookie value or bearer token
  std::string csrf_token;
  Instant expires_at;
  Actor actor;
};

// Unauthenticated (wrong e-mail or password, the same message for both),
// PermissionDenied (e-mail not verified, account disabled), ResourceExhausted
// (too many failures: try again later). An empty client_address skips the
// per-address count.
Result<SignIn> Login(Store& store, const Clock& clock, std::string_view email,
                     std::string_view password, std::string_view client_address,
                     const AccountOptions& options = {});
Status Logout(Store& store, std::string_view token);
// Unauthenticated when the token is unknown or expired.
Result<Actor> Authenticate(Store& store, const Clock& clock, std::string_view token);

// A bearer token for scripts, or a calendar-feed token (read-only, for the
// calendar URL); returned once.
Result<std::string> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                CredentialKind kind, std::string_view label,
                                const AccountOptions& options = {});

// Open registration (an event with an open call): creates an unverified
// account with a participant membership (not yet validated) and queues the
// verification mail. AlreadyExists when the e-mail is taken.
struct Registration {
  std::string email;
  std::string name;
  std::string password;
  std::string locale = "en";
  std::string event_key;        // optional: join this event as a participant
  OrganizationId organization;  // optional: an existing organization
};
Result<User> Register(Store& store, const Clock& clock, const Registration& registration,
                      const AccountOptions& options = {});
// Confirms an e-mail address (from the verification mail) or accepts an
// invitation (creating the account with `password` when it does not exist).
Result<User> Verify(Store& store, const Clock& clock, std::string_view token,
                    const AccountOptions& options = {});
Result<User> AcceptInvitation(Store& store, const Clock& clock, std::string_view token,
                              std::string_view name, std::string_view password,
                              const AccountOptions& options = {});
// A link of the other kind, or a form error in AcceptInvitation, leaves the
// token usable; a used or expired one is NotFound.
// An organizer invites someone to an event with a role; queues the mail.
// InvalidArgument when a participant has no organization or an interpreter
// no interpreter record.
Status Invite(Store& store, const Clock& clock, const Actor& organizer, const Event& event,
              std::string_view email, Role role, OrganizationId organization,
              InterpreterId interpreter, const AccountOptions& options = {});

// Creates a verified account with memberships (the demo's accounts, tests,
// `ponte user add`). AlreadyExists when the e-mail is taken.
Result<User> CreateAccount(Store& store, const Clock& clock, User user, std::string_view password,
                           const std::vector<Membership>& memberships,
                           const AccountOptions& options = {});

}  // namespace ponte::service
