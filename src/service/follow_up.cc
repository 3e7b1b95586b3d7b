#include "service/follow_up.h"

#include <set>
#include <utility>
#include <vector>

#include "service/workflow.h"

namespace ponte::service {
namespace {

std::string NameIn(const LocalizedText& text, const std::string& locale,
                   const std::string& fallback) {
  const std::string& best = text.Best(locale).first;
  return best.empty() ? fallback : best;
}

// The latest round (1-based) due at `now`, 0 when none is.
Result<int> LatestDueRound(const Event& event, Instant now) {
  int latest = 0;
  for (std::size_t i = 0; i < event.follow_up_days.size(); ++i) {
    const int round = static_cast<int>(i) + 1;
    PONTE_ASSIGN_OR_RETURN(Instant due, FollowUpDue(event, round));
    if (due <= now) latest = round;
  }
  return latest;
}

}  // namespace

Result<Instant> FollowUpDue(const Event& event, int round) {
  if (round < 1 || static_cast<std::size_t>(round) > event.follow_up_days.size()) {
    return NotFoundError("event '" + event.key + "' has no follow-up round " +
                         std::to_string(round));
  }
  const CivilDate day = CivilFromDays(DaysFromCivil(event.end_date) +
                                      event.follow_up_days[static_cast<std::size_t>(round - 1)]);
  return FromCivil({day.year, day.month, day.day, 0, 0, 0}, event.time_zone);
}

FollowUpMail ComposeFollowUpMail(const Event& event, const Organization& organization,
                                 const User& user, int round, const std::string& link) {
  const std::string& locale = user.locale;
  const std::string event_name = NameIn(event.name, locale, event.key);
  const std::string org_name = NameIn(organization.name, locale, organization.key);
  const std::string greeting_name = user.name.empty() ? user.email : user.name;
  FollowUpMail mail;
  if (locale == "it") {
    mail.subject = event_name + ": com'è andata dopo gli incontri?";
    mail.body = "Gentile " + greeting_name + ",\n\n" + "a " + event_name + " " + org_name +
                " ha incontrato altre organizzazioni. Non abbiamo ancora ricevuto notizie sui "
                "risultati: un contatto mantenuto, un progetto, una trattativa, un accordo — "
                "oppure nessun seguito, anche questo ci è utile.\n\n"
                "Bastano due minuti: " +
                link + "\n\n(Promemoria " + std::to_string(round) + ")\n";
  } else if (locale == "zh") {
    mail.subject = event_name + "：会谈之后进展如何？";
    mail.body = greeting_name + "，您好！\n\n" + org_name + "在" + event_name +
                "期间与其他机构进行了会谈。我们尚未收到贵方的后续成果：保持联系、合作项目、"
                "正在洽谈或已签协议——即使没有后续，也请告诉我们。\n\n"
                "只需两分钟：" +
                link + "\n\n（第" + std::to_string(round) + "次提醒）\n";
  } else {
    mail.subject = event_name + ": what came of your meetings?";
    mail.body = "Dear " + greeting_name + ",\n\n" + "At " + event_name + ", " + org_name +
                " met other organizations. We have not heard yet what came of it: a contact "
                "kept, a project, a negotiation, an agreement — or nothing, which helps us "
                "too.\n\nIt takes two minutes: " +
                link + "\n\n(Reminder " + std::to_string(round) + ")\n";
  }
  return mail;
}

Result<FollowUpSweep> SweepFollowUps(Store& store, const Clock& clock,
                                     const FollowUpOptions& options) {
  const Instant now = clock.Now();
  FollowUpSweep sweep;
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  for (const Event& event : events) {
    PONTE_ASSIGN_OR_RETURN(int round, LatestDueRound(event, now));
    if (round == 0) continue;
    PONTE_ASSIGN_OR_RETURN(Instant due, FollowUpDue(event, round));
    if (now - due > options.max_late) continue;
    // Cheap before claiming: the organizations that have reported, and the
    // rounds already sent.
    std::set<std::int64_t> reported;
    PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> outcomes, store.ListOutcomes({.event = event.id}));
    for (const Outcome& o : outcomes) {
      for (OrganizationId org : o.organizations) reported.insert(org.value());
    }
    std::set<std::int64_t> sent;
    PONTE_ASSIGN_OR_RETURN(std::vector<FollowUp> rounds, store.ListFollowUps(event.id));
    for (const FollowUp& f : rounds) {
      if (f.round >= round) sent.insert(f.organization.value());
    }
    PONTE_ASSIGN_OR_RETURN(std::vector<Organization> organizations,
                           EventOrganizations(store, event));
    PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event.id));
    const std::string link = options.base_url + "/events/" + event.key + "/outcomes/new";
    for (const Organization& org : organizations) {
      if (reported.contains(org.id.value()) || sent.contains(org.id.value())) continue;
      std::vector<OutboxMessage> mails;
      for (const Membership& m : members) {
        if (m.organization != org.id || m.role != Role::kParticipant) continue;
        auto user = store.GetUser(m.user);
        if (!user.ok() || user->disabled) continue;
        const FollowUpMail mail = ComposeFollowUpMail(event, org, *user, round, link);
        OutboxMessage message;
        message.created_at = now;
        message.to = user->email;
        message.subject = mail.subject;
        message.body = mail.body;
        message.kind = "follow_up";
        mails.push_back(std::move(message));
      }
      // The round and its mails are written together: a failure leaves the
      // round unclaimed, and the next sweep (here or on another server) sends it.
      PONTE_ASSIGN_OR_RETURN(
          bool claimed,
          store.ClaimFollowUp(
              {.event = event.id, .organization = org.id, .round = round, .sent_at = now}, mails));
      if (!claimed) continue;  // another server sent it
      ++sweep.rounds;
      sweep.mails += static_cast<int>(mails.size());
    }
  }
  return sweep;
}

}  // namespace ponte::service
