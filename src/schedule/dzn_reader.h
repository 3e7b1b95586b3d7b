// Reader for the JAIR 2022 B2B benchmark files (MiniZinc .dzn data).
//
//   Result<schedule::Problem> problem = schedule::ReadDznFile("tic-12.original.dzn");
//   if (!problem.ok()) std::cerr << problem.status().ToString();
//
// The format and its traps are described in ../shared/b2b_instances/README.md:
// `meetingsxBusiness` holds meeting ids shifted by +1 with a dummy 1 (checked
// against `requested`), `forbidden` holds a dummy 0, and the third column of
// `requested` is 1 = morning only, 2 = afternoon only, 3 = any. The file is read
// as a token stream, so line breaks and spacing do not matter; errors name the
// file, line and column. Problems read from .dzn have one session (one day, one
// venue, nTables tables) and require every meeting (Problem::require_all).
// Thread-safe (no shared state).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "schedule/problem.h"

namespace ponte::schedule {

// Parses .dzn text; `source_name` prefixes error messages ("tic-12.dzn:12:5: ...").
Result<Problem> ParseDzn(std::string_view text, std::string_view source_name);

// Reads and parses a file; NotFound if it cannot be opened.
Result<Problem> ReadDznFile(const std::string& path);

}  // namespace ponte::schedule
