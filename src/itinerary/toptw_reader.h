// Reader for the OPTW/TOPTW benchmark files (KU Leuven format, see
// ../shared/toptw_instances/README.md).
//
//   PONTE_ASSIGN_OR_RETURN(itinerary::Problem p,
//                          itinerary::ReadToptwFile("solomon/c101.txt", /*tours=*/2));
//   // p.visits[i - 1] is vertex i; p.bases[0] is the depot 0.
//
// The header (k v N t D Q) is read as a token stream; then one line per vertex
// `i x y d S f a list(a) O C`. Times are scaled integers: 10 ticks per unit for
// Solomon files, 100 for Cordeau (pr*) files, so truncated distances are exact.
// Errors are InvalidArgument "<name>:<line>: <what>" (NotFound for a missing
// file). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "itinerary/problem.h"

namespace ponte::itinerary {

enum class ToptwPrecision {
  kAuto,     // Cordeau if the file name starts with "pr" or sits in a "cordeau" folder
  kSolomon,  // distances truncated to 0.1
  kCordeau,  // distances truncated to 0.01
};

// Parses `text`; `name` is used in error messages and for kAuto.
Result<Problem> ParseToptw(std::string_view text, std::string_view name, int tours,
                           ToptwPrecision precision = ToptwPrecision::kAuto);

Result<Problem> ReadToptwFile(const std::string& path, int tours,
                              ToptwPrecision precision = ToptwPrecision::kAuto);

// Parses a decimal "12.50" into an integer number of 1/ticks_per_unit units;
// fails if it has more precision than that (a nonzero digit beyond it).
Result<Ticks> ParseScaledDecimal(std::string_view token, Ticks ticks_per_unit);

}  // namespace ponte::itinerary
