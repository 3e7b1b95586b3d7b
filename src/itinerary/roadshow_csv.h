// Reads a roadshow from a folder of CSV files (format in docs/itinerary.md):
// settings.csv (key,value), stages.csv, visits.csv and optional travel.csv.
//
//   PONTE_ASSIGN_OR_RETURN(itinerary::Roadshow rs,
//                          itinerary::ReadRoadshowDir(cli::DataDir() + "/demo/roadshow"));
//
// CSV is RFC 4180, read by core/csv.h (quoted fields, "" escapes, CRLF or LF,
// optional UTF-8 BOM), with a header row naming the columns (any order;
// unknown columns ignored).
// Errors: NotFound for a missing file, InvalidArgument
// "visits.csv:12: column 'lat': expected a number, got 'x'". Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "itinerary/roadshow.h"

namespace ponte::itinerary {

Result<Roadshow> ReadRoadshowDir(const std::string& dir);

// "09:00-11:30;14:00-17:00" -> opening hours.
Result<std::vector<OpeningHours>> ParseOpeningHours(std::string_view text);
// "Mon-Fri", "Mon-Sat", "daily", "Mon;Wed;Fri" -> weekday bit mask (Monday = bit 0).
Result<unsigned> ParseOpenDays(std::string_view text);

}  // namespace ponte::itinerary
