// Fuzz target for the itinerary parsers: the TOPTW benchmark reader, the
// roadshow CSV parser and the opening-hours/days fields. Invariants: never
// crash or hang; a TOPTW file that parses validates, and a short solve on it
// yields a plan the checker accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "itinerary/roadshow_csv.h"
#include "itinerary/solver.h"
#include "itinerary/toptw_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace ponte::itinerary;  // NOLINT(google-build-using-namespace)
  auto problem = ParseToptw(text, "fuzz.txt", 2);
  if (problem.ok() && problem->visits.size() <= 300) {
    if (!Validate(*problem).ok()) std::abort();
    SolveOptions options;
    options.max_iterations = 3;
    auto result = Solve(*problem, options, ponte::Deadline::Never());
    if (!result.ok() || !Check(*problem, result->solution).feasible) std::abort();
  }
  (void)ParseOpeningHours(text);
  (void)ParseOpenDays(text);
  return 0;
}
