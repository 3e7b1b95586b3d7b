// The demo event's accounts, so that a newcomer can sign in as each role
// right after `ponte demo`: an organizer, the support office, an Italian and
// a Chinese participant (whose organizations have not asked each other for a
// meeting yet, and would need an interpreter), and an interpreter.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "service/accounts.h"
#include "service/recommend_event.h"
#include "service/schedule_event.h"
#include "store/store.h"

namespace ponte::demo {

inline constexpr char kDemoPassword[] = "ponte-demo-2026";

struct DemoAccount {
  std::string email;
  std::string role;         // "organizer", "support", "participant", "interpreter"
  std::string description;  // "Italian participant for Politecnico di Milano"
};

// The Italian and Chinese organizations of the demo participants: an Italian
// organization and, among its recommendations, the best Chinese one with no
// request between them — preferring a pair with no language in common.
struct DemoPair {
  OrganizationId italian;
  OrganizationId chinese;
};
Result<DemoPair> ChooseDemoPair(const service::EventData& data,
                                const service::EventRecommendations& recommendations);

// Creates (or keeps, when they exist) the demo accounts; passwords are
// kDemoPassword. `cost` is the argon2id cost.
Result<std::vector<DemoAccount>> CreateDemoAccounts(Store& store, const Clock& clock,
                                                    const service::EventData& data,
                                                    const DemoPair& pair,
                                                    const service::PasswordCost& cost = {});

}  // namespace ponte::demo
