// Reading ponte's import files (CSV, JSON Lines, event JSON) into a Dataset.
// The formats are documented in docs/import-format.md.
//
//   ReadOptions options{.taxonomy = &taxonomy, .time_zone = "Asia/Shanghai"};
//   PONTE_ASSIGN_OR_RETURN(Dataset data, ReadFiles({"people.csv", "profiles.csv"}, options));
//
// Every field is checked; the first error is returned as InvalidArgument with
// "file:line: column 'x': what was expected". Keys must be unique within the
// dataset and references between files of the same dataset are checked;
// references to records already in a database are resolved by the store.
// Reading never touches a database. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/dataset.h"
#include "model/taxonomy.h"

namespace ponte::io {

enum class FileKind {
  kEvent,
  kOrganizations,
  kPeople,
  kProfiles,
  kSessions,
  kInterpreters,
  kRequests,
  kMeetings,
};

std::string_view ToCode(FileKind kind);            // "organizations"
Result<FileKind> ParseFileKind(std::string_view);  // accepts the codes above
// From a file name: ".../organizations.csv" -> kOrganizations, "event.json" -> kEvent.
Result<FileKind> KindFromFileName(std::string_view path);

struct ReadOptions {
  const Taxonomy* taxonomy = nullptr;  // required to check profile themes
  // Zone of the event's civil times (session dates and clocks). Taken from
  // the dataset's event.json when it has one.
  std::string time_zone;
};

// Parses `text` (the contents of `file_name`) of the given kind into `data`.
// CSV for files ending in .csv, JSON Lines for .jsonl, JSON for the event.
Status ReadText(FileKind kind, std::string_view text, std::string_view file_name,
                const ReadOptions& options, Dataset& data);

// Reads every file (the event file first, whatever the order given) and
// checks keys and cross-references within the dataset.
Result<Dataset> ReadFiles(const std::vector<std::string>& paths, const ReadOptions& options,
                          const std::vector<FileKind>& kinds = {});

// A record that gives a key an earlier record of the same kind gave, in the
// same file or another of the dataset. `error` names both places:
// "organizations.csv:4: column 'key': duplicate organization key 'polimi',
// first at line 2" (or "first at other.csv:2").
struct DuplicateKey {
  SourceLocation where;  // of the repetition
  Status error;
};
// Every repetition, organizations first, then people, profiles, sessions,
// interpreters, requests; in file order within a kind.
std::vector<DuplicateKey> FindDuplicateKeys(const Dataset& data);

// Checks that keys are unique within the dataset (the first repetition of
// FindDuplicateKeys is the error).
Status CheckReferences(const Dataset& data);

// Loads data/taxonomy/themes.csv from `data_dir`.
Result<Taxonomy> LoadTaxonomy(std::string_view data_dir);

// Reads a whole file; NotFound when it does not exist.
Result<std::string> ReadFileToString(std::string_view path);

}  // namespace ponte::io
