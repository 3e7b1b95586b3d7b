// Export through the Store interface, shared by every backend so that the
// files written from any of them are identical: the registry and an event
// (ExportDataset, internal to store; Store::Export calls it), and the
// accounts of an event with what hangs off them (public: `ponte export
// --accounts` and `ponte import` use it).
//
//   PONTE_ASSIGN_OR_RETURN(std::string text, ExportEventAccounts(*from, "icstiw-2026", now));
//   ... import the event's files into `to` first (Store::Import), then:
//   PONTE_ASSIGN_OR_RETURN(AccountsReport r,
//                          ImportEventAccounts(*to, "icstiw-2026", text, "accounts.jsonl", {}));
#pragma once

#include <string>
#include <string_view>

#include "store/store.h"

namespace ponte {

// The file `ponte export --accounts` writes beside the event's files.
inline constexpr char kAccountsFileName[] = "accounts.jsonl";

// An event's accounts as JSON Lines, one record per line, references by key
// (organizations, people, interpreters, sessions) and by e-mail (users), so
// that they import into any database:
//
//   {"record":"user", "email", "name", "password_hash", "locale", "verified", "disabled",
//    "created_at"}
//   {"record":"membership", "email", "role", "organization", "person", "interpreter",
//    "validated"}
//   {"record":"credential", "email", "kind", "token_hash", "label", "created_at", "expires_at"}
//   {"record":"audit", "at", "email", "action", "target", "details"}
//   {"record":"feedback", "session", "slot", "table", "a", "b", "organization", "email",
//    "rating", "follow_up", "comment", "created_at"}
//
// Users are the event's members and whoever its audit log and feedback name.
// Passwords travel as their argon2id hashes, API and calendar-feed tokens as
// their hashes (so both keep working); browser sessions, expired tokens,
// one-time links, jobs and the outbox are left out. Instants are UTC
// ("2026-11-16T01:30:00Z"). The text is the same whichever backend wrote it.
Result<std::string> ExportEventAccounts(Store& store, std::string_view event_key, Instant now);

struct AccountsImportOptions {
  bool dry_run = false;  // check the file and its references, write nothing
};

struct AccountsReport {
  int users_created = 0;
  int users_kept = 0;  // the e-mail already had an account here: kept as it is
  int memberships = 0;
  int credentials_created = 0;
  int credentials_kept = 0;
  int audit_appended = 0;
  int audit_kept = 0;  // already in the log (an import repeated)
  int feedback = 0;
};

// Imports what ExportEventAccounts wrote into the event `event_key` of
// `store`, whose registry and timetable must be there already. Every line and
// every reference is checked before anything is written (errors name
// `name`:line). Ids are this database's: users are matched by e-mail (an
// existing account is kept, with its password), the rest by key, so the
// target may hold other events. Repeating an import changes nothing.
Result<AccountsReport> ImportEventAccounts(Store& store, std::string_view event_key,
                                           std::string_view text, std::string_view name,
                                           const AccountsImportOptions& options);

namespace store_internal {

// Everything needed to re-import losslessly: the registry, and with an event
// key its sessions, interpreters, requests and meetings, references by key.
Result<Dataset> ExportDataset(Store& store, const ExportOptions& options);

}  // namespace store_internal
}  // namespace ponte
