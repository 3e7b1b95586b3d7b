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

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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
// Users are the event's members and whoever its audit log, feedback,
// outcomes, news and their images name.
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

// ---- Outcomes, follow-up rounds, news and images ------------------------------

// The file `ponte export --dir` writes beside the event's files (and, without
// --event, for the programme's own news), and the folder beside it that holds
// the images, one file per SHA-256: media/<sha256>.png (.jpg, .gif, .webp).
inline constexpr char kOutcomesFileName[] = "outcomes.jsonl";
inline constexpr char kMediaDirName[] = "media";

// What came of an event's meetings as JSON Lines, references by key and by
// e-mail (users, which must be in the target already: accounts.jsonl):
//
//   {"record":"image", "sha256", "file", "content_type", "bytes", "width", "height",
//    "file_name", "uploaded_by", "created_at"}
//   {"record":"outcome", "key", "organizations":[keys],
//    "meetings":[[event, session, slot, table, a, b]] (an earlier edition's too),
//    "request", "kind", "stage", "title", "date", "end_date", "value", "currency", "notes",
//    "review", "review_note", "reported_by", "reported_for", "reviewed_by", "created_at",
//    "updated_at", "version"}
//   {"record":"follow_up", "organization", "round", "sent_at"}
//   {"record":"news", "key", "title", "summary", "body" (language -> text), "date", "status",
//    "images":[{"sha256", "caption"}], "author", "created_at", "updated_at", "version"}
//
// With an event key: the event's outcomes, follow-up rounds and news, and the
// images its news show. With an empty key: the programme's own news (no
// event), the images they show and every image no news item shows, so that
// nothing uploaded is lost. `media` gets (path relative to the file, bytes)
// for each image.
struct OutcomesExport {
  std::string text;
  std::vector<std::pair<std::string, std::string>> media;
};
Result<OutcomesExport> ExportOutcomes(Store& store, std::string_view event_key);

struct OutcomesReport {
  int images_created = 0;
  int images_kept = 0;  // already here (images are kept once per SHA-256)
  int outcomes_created = 0;
  int outcomes_updated = 0;
  int outcomes_kept = 0;  // the same as here: untouched, version and all
  int follow_ups = 0;
  int news_created = 0;
  int news_updated = 0;
  int news_kept = 0;
};

// Reads an image file the outcomes file names (its "file", relative to it).
using MediaReader = std::function<Result<std::string>(std::string_view relative_path)>;

// Imports what ExportOutcomes wrote into the event `event_key` (empty: the
// programme's news) of `store`, whose registry, timetable and accounts must
// be there already. Every line, reference and image (its bytes must have the
// SHA-256 they are named by) is checked before anything is written; errors
// name `name`:line. Records are matched by key; one that is the same here is
// left as it is, one that differs is replaced. A new one takes the file's
// version, and so does a replaced one that was not beyond the file's version
// here (as ImportVersions does); one changed here beyond it counts on from
// its own. Repeating an import changes nothing. Not a transaction of its own: run the whole move
// in Store::Transact.
Result<OutcomesReport> ImportOutcomes(Store& store, std::string_view event_key,
                                      std::string_view text, std::string_view name,
                                      const MediaReader& read_media);

// ---- Row versions ------------------------------------------------------------------

// The file `ponte export --dir` writes beside the CSV files: the versions of
// the organizations, people, and (with an event) the event's requests and
// meetings, so that the ETags clients hold survive a move.
//
//   {"record":"organization", "key", "version"}   (also "person", "request")
//   {"record":"meeting", "session", "slot", "table", "a", "b", "version"}
inline constexpr char kVersionsFileName[] = "versions.jsonl";
Result<std::string> ExportVersions(Store& store, std::string_view event_key);

// What the target's rows were at before an import of the files: call it
// before Store::Import, and ImportVersions after.
struct VersionsBefore {
  std::unordered_map<std::string, int> organizations, people, requests;
};
Result<VersionsBefore> ReadVersionsBefore(Store& store, std::string_view event_key);

// Gives each row the file names the file's version when the row is new (it
// was not in `before`: moved here just now) or its version before the import
// was not higher than the file's (the import wrote the file's row over the
// same or an older one, and its upsert counted one more); a row the target
// had changed beyond the file's version keeps counting from its own. Meetings
// are always new (an imported timetable replaces the event's). So importing
// the same folder again, or several folders that all carry the registry,
// leaves the file's versions. Returns how many rows took the file's version.
Result<int> ImportVersions(Store& store, std::string_view event_key, const VersionsBefore& before,
                           std::string_view text, std::string_view name);

namespace store_internal {

// Everything needed to re-import losslessly: the registry, and with an event
// key its sessions, interpreters, requests and meetings, references by key.
Result<Dataset> ExportDataset(Store& store, const ExportOptions& options);

}  // namespace store_internal
}  // namespace ponte
