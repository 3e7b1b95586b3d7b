#include "service/event_setup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "service/matching_job.h"
#include "service/store_fixture.h"
#include "service/workflow.h"

namespace ponte::service {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr std::string_view kZone = "Asia/Shanghai";

// The fields of a list of errors, in order.
std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

class EventSetupTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_event_setup_test_", "setup.db"));
    Dataset data;
    Event e;
    e.key = "week";
    e.name.Set("it", "Settimana della scienza");
    e.time_zone = std::string(kZone);
    e.start_date = {2026, 10, 14};
    e.end_date = {2026, 10, 16};
    e.venues.push_back({.key = "bj-hall", .city = "Beijing", .name = "Sala A"});
    data.event = e;
    Organization unibo{.key = "unibo", .type = OrganizationType::kUniversity, .country = "IT"};
    unibo.name.Set("it", "Università di Bologna");
    Organization tsinghua{
        .key = "tsinghua", .type = OrganizationType::kUniversity, .country = "CN"};
    tsinghua.name.Set("zh", "清华大学");
    data.organizations.push_back({unibo, {"test", 1}});
    data.organizations.push_back({tsinghua, {"test", 2}});
    Session s{.key = "day1",
              .city = "Beijing",
              .venue = "Sala A",
              .date = {2026, 10, 14},
              .start = *FromCivil({2026, 10, 14, 9, 0, 0}, kZone),
              .end = *FromCivil({2026, 10, 14, 12, 0, 0}, kZone),
              .tables = 5};
    data.sessions.push_back({s, {"test", 3}});
    Person giulia{
        .key = "giulia", .given_name = "Giulia", .family_name = "Rossi", .languages = {"it", "en"}};
    data.people.push_back({giulia, "unibo", {}, {"test", 4}});
    Profile offer{.key = "unibo-offer", .kind = ProfileKind::kOffer};
    offer.title.Set("en", "Machine learning for medical imaging");
    offer.text.Set("en", "Deep learning models that read CT and MRI scans for hospitals.");
    offer.themes = {"ai"};
    Profile seek{.key = "unibo-seek", .kind = ProfileKind::kRequest};
    seek.title.Set("en", "Clinical partners with imaging data");
    seek.text.Set("en", "We seek hospitals sharing anonymised imaging data for joint research.");
    seek.themes = {"health"};
    Profile t_offer{.key = "tsinghua-offer", .kind = ProfileKind::kOffer};
    t_offer.title.Set("en", "Hospital imaging data and clinical research");
    t_offer.text.Set("en", "Our hospitals share anonymised CT and MRI imaging data.");
    t_offer.themes = {"health"};
    Profile t_seek{.key = "tsinghua-seek", .kind = ProfileKind::kRequest};
    t_seek.title.Set("en", "Machine learning for medical imaging");
    t_seek.text.Set("en", "We seek deep learning partners to read CT and MRI scans.");
    t_seek.themes = {"ai"};
    data.profiles.push_back({offer, "unibo", {"test", 5}});
    data.profiles.push_back({seek, "unibo", {"test", 6}});
    data.profiles.push_back({t_offer, "tsinghua", {"test", 7}});
    data.profiles.push_back({t_seek, "tsinghua", {"test", 8}});
    ASSERT_TRUE(store_->Import(data, {}).ok());

    event_ = *store_->GetEvent("week");
    auto orgs = store_->ListOrganizations();
    ASSERT_TRUE(orgs.ok());
    for (const Organization& o : *orgs) {
      (o.key == "unibo" ? unibo_ : tsinghua_) = o.id;
    }
    session_ = store_->ListSessions(event_.id)->front().id;
    participant_.memberships.push_back({.event = event_.id,
                                        .role = Role::kParticipant,
                                        .organization = unibo_,
                                        .validated = true});
    organizer_.memberships.push_back({.event = event_.id, .role = Role::kOrganizer});
  }

  const Clock& clock_ = SystemClock();
  Event event_;
  OrganizationId unibo_, tsinghua_;
  SessionId session_;
  Actor participant_, organizer_;
};

TEST_F(EventSetupTest, ParticipantAddsEditsAndRemovesADelegate) {
  std::vector<FieldError> errors;
  PersonDraft draft{.organization = unibo_,
                    .given_name = "Wei",
                    .family_name = "李",
                    .name_latin = "Li Wei",
                    .role = "Ricercatore",
                    .languages = {"zh", " EN ", "", "it"},
                    .sessions = {session_}};
  auto v1 = SavePerson(*store_, clock_, participant_, event_, draft, errors);
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_THAT(errors, IsEmpty());

  auto people = DelegatesOf(*store_, participant_, event_, unibo_);
  ASSERT_TRUE(people.ok());
  ASSERT_EQ(people->size(), 2u);
  const VersionedPerson& added = people->back();
  EXPECT_EQ(added.person.key, "unibo-li-wei");
  EXPECT_EQ(added.person.languages, (std::vector<std::string>{"zh", "en", "it"}));
  EXPECT_EQ(added.person.sessions, std::vector<SessionId>{session_});
  EXPECT_EQ(added.version, *v1);

  PersonDraft edit = draft;
  edit.id = added.person.id;
  edit.version = added.version;
  edit.languages = {"it", "zh"};
  edit.sessions = {};
  auto v2 = SavePerson(*store_, clock_, participant_, event_, edit, errors);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  // The same form sent again is stale.
  auto stale = SavePerson(*store_, clock_, participant_, event_, edit, errors);
  EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(stale.status().message(), HasSubstr("reload"));
  EXPECT_EQ(
      RemovePerson(*store_, clock_, participant_, event_, unibo_, edit.id, edit.version).code(),
      StatusCode::kFailedPrecondition);
  ASSERT_TRUE(RemovePerson(*store_, clock_, participant_, event_, unibo_, edit.id, *v2).ok());
  EXPECT_EQ(DelegatesOf(*store_, participant_, event_, unibo_)->size(), 1u);
}

TEST_F(EventSetupTest, EveryWrongFieldOfADelegateIsNamed) {
  std::vector<FieldError> errors;
  PersonDraft draft{.organization = unibo_,
                    .email = "not-an-address",
                    .languages = {"it", "xx", "it"},
                    .sessions = {SessionId(424242)}};
  auto saved = SavePerson(*store_, clock_, participant_, event_, draft, errors);
  EXPECT_EQ(saved.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(Fields(errors),
              ElementsAre("family_name:name_required", "email:email", "languages:language",
                          "languages:language_twice", "sessions:unknown_session"));
  EXPECT_EQ(errors[2].value, "xx");
  EXPECT_EQ(DelegatesOf(*store_, participant_, event_, unibo_)->size(), 1u);

  draft = {.organization = unibo_, .given_name = "Anna"};
  (void)SavePerson(*store_, clock_, participant_, event_, draft, errors);
  EXPECT_THAT(Fields(errors), ElementsAre("languages:language_required"));
}

TEST_F(EventSetupTest, OnlyOwnOrganizationOrStaff) {
  std::vector<FieldError> errors;
  PersonDraft draft{.organization = tsinghua_, .given_name = "Hong", .languages = {"zh"}};
  EXPECT_EQ(SavePerson(*store_, clock_, participant_, event_, draft, errors).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(DelegatesOf(*store_, participant_, event_, tsinghua_).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(SavePerson(*store_, clock_, organizer_, event_, draft, errors).ok());
  SessionDraft session{.date = "2026-10-15",
                       .city = "Beijing",
                       .start = "09:00",
                       .end = "12:00",
                       .slot_minutes = "20",
                       .tables = "4"};
  EXPECT_EQ(SaveSession(*store_, clock_, participant_, event_, session, errors).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(EventSetupTest, SessionByFormWithEveryErrorNamed) {
  std::vector<FieldError> errors;
  SessionDraft bad{.date = "2026-11-01",
                   .city = "Shanghai",
                   .start = "14:00",
                   .end = "13:00",
                   .slot_minutes = "3",
                   .tables = "0",
                   .breaks = "12:00-11:00"};
  auto refused = SaveSession(*store_, clock_, organizer_, event_, bad, errors);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(Fields(errors),
              ElementsAre("date:date_outside", "city:city_unknown", "end:end_before_start",
                          "slot_minutes:slot", "tables:tables", "breaks:break"));
  EXPECT_EQ(store_->ListSessions(event_.id)->size(), 1u);

  SessionDraft good{.date = "2026-10-15",
                    .city = "Beijing",
                    .venue = "Sala A",
                    .start = "09:00",
                    .end = "12:30",
                    .slot_minutes = "30",
                    .tables = "12",
                    .breaks = "10:30-11:00"};
  auto key = SaveSession(*store_, clock_, organizer_, event_, good, errors);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(*key, "2026-10-15-beijing");
  auto sessions = store_->ListSessions(event_.id);
  ASSERT_EQ(sessions->size(), 2u);
  const Session& s = sessions->back();
  EXPECT_EQ(s.start, *FromCivil({2026, 10, 15, 9, 0, 0}, kZone));
  EXPECT_EQ(s.tables, 12);
  ASSERT_EQ(s.breaks.size(), 1u);
  EXPECT_EQ(SlotsOf(s).size(), 6u);  // 3.5 h of 30-minute slots, less the break's one

  good.key = "day1";
  (void)SaveSession(*store_, clock_, organizer_, event_, good, errors);
  EXPECT_THAT(Fields(errors), ElementsAre("key:key_taken"));
  good.is_new = false;  // the edit form of day1
  ASSERT_TRUE(SaveSession(*store_, clock_, organizer_, event_, good, errors).ok());
  EXPECT_EQ(store_->ListSessions(event_.id)->front().tables, 12);
}

TEST_F(EventSetupTest, InterpretersAndTheEventItself) {
  std::vector<FieldError> errors;
  InterpreterDraft bad{.name = "", .pairs = "it-it, zh"};
  (void)SaveInterpreter(*store_, clock_, organizer_, event_, bad, errors);
  EXPECT_THAT(Fields(errors), ElementsAre("name:required", "pairs:pair", "pairs:pair"));
  InterpreterDraft good{.name = "Chen Jing 陈静", .pairs = "zh-it, EN-zh", .sessions = {session_}};
  auto key = SaveInterpreter(*store_, clock_, organizer_, event_, good, errors);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  auto interpreters = store_->ListInterpreters(event_.id);
  ASSERT_EQ(interpreters->size(), 1u);
  EXPECT_EQ(interpreters->front().name, "Chen Jing 陈静");
  EXPECT_EQ(interpreters->front().pairs, (std::vector<LanguagePair>{{"it", "zh"}, {"en", "zh"}}));
  EXPECT_EQ(interpreters->front().sessions, std::vector<SessionId>{session_});

  Taxonomy taxonomy({{.code = "ai"}, {.code = "health"}});
  EventDraft draft{.start_date = "2026-10-15",
                   .end_date = "2026-10-14",
                   .time_zone = "Mars/Olympus",
                   .venues = "Beijing\nShanghai; Expo",
                   .themes = {"ai", "astrology"}};
  EXPECT_EQ(SaveEventSetup(*store_, clock_, organizer_, event_, taxonomy, draft, errors).code(),
            StatusCode::kInvalidArgument);
  EXPECT_THAT(Fields(errors), ElementsAre("end_date:end_before_start", "time_zone:zone",
                                          "venues:venue_line", "themes:theme"));
  // Moving the first day past the planned session is refused too.
  draft = {.start_date = "2026-10-15",
           .end_date = "2026-10-18",
           .time_zone = std::string(kZone),
           .venues = "Beijing; Sala A\nShanghai; Expo 世博中心",
           .themes = {"ai", "health"}};
  EXPECT_FALSE(SaveEventSetup(*store_, clock_, organizer_, event_, taxonomy, draft, errors).ok());
  EXPECT_THAT(Fields(errors), ElementsAre("end_date:session_outside"));
  draft.start_date = "2026-10-14";
  ASSERT_TRUE(SaveEventSetup(*store_, clock_, organizer_, event_, taxonomy, draft, errors).ok());
  const Event e = *store_->GetEvent("week");
  EXPECT_EQ(e.end_date, (CivilDate{2026, 10, 18}));
  EXPECT_THAT(e.themes, ElementsAre("ai", "health"));
  ASSERT_EQ(e.venues.size(), 2u);
  EXPECT_EQ(e.venues[0].key, "bj-hall");  // kept
  EXPECT_EQ(e.venues[1].name, "Expo 世博中心");
}

TEST_F(EventSetupTest, SessionsAndInterpretersAreRemovedWhenNothingStrandsSomeone) {
  std::vector<FieldError> errors;
  SessionDraft afternoon{.key = "day1-pm",
                         .date = "2026-10-14",
                         .city = "Beijing",
                         .start = "14:00",
                         .end = "16:00",
                         .slot_minutes = "30",
                         .tables = "4"};
  ASSERT_TRUE(SaveSession(*store_, clock_, organizer_, event_, afternoon, errors).ok());
  // Giulia attends the morning only.
  auto delegates = DelegatesOf(*store_, organizer_, event_, unibo_);
  ASSERT_TRUE(delegates.ok());
  const VersionedPerson giulia = delegates->front();
  PersonDraft draft{.id = giulia.person.id,
                    .version = giulia.version,
                    .organization = unibo_,
                    .given_name = "Giulia",
                    .family_name = "Rossi",
                    .languages = {"it", "en"},
                    .sessions = {session_}};
  auto v = SavePerson(*store_, clock_, participant_, event_, draft, errors);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  InterpreterDraft chen{.name = "Chen Jing 陈静", .pairs = "it-zh", .sessions = {session_}};
  auto chen_key = SaveInterpreter(*store_, clock_, organizer_, event_, chen, errors);
  ASSERT_TRUE(chen_key.ok()) << chen_key.status().ToString();

  // Without the morning Giulia and Chen Jing would "attend every session".
  EXPECT_EQ(RemoveSession(*store_, clock_, participant_, event_, "day1").code(),
            StatusCode::kPermissionDenied);
  Status stranded = RemoveSession(*store_, clock_, organizer_, event_, "day1");
  EXPECT_EQ(stranded.code(), StatusCode::kAborted);
  EXPECT_THAT(stranded.message(),
              HasSubstr("Giulia Rossi and Chen Jing 陈静 attend only session 'day1'"));
  EXPECT_EQ(RemoveSession(*store_, clock_, organizer_, event_, "nope").code(),
            StatusCode::kNotFound);

  // Chen Jing goes; Giulia moves to the afternoon; then the morning can go.
  ASSERT_TRUE(RemoveInterpreter(*store_, clock_, organizer_, event_, *chen_key).ok());
  EXPECT_TRUE(store_->ListInterpreters(event_.id)->empty());
  SessionId pm;
  const std::vector<Session> sessions = store_->ListSessions(event_.id).value();
  for (const Session& s : sessions) pm = s.key == "day1-pm" ? s.id : pm;
  draft.version = *v;
  draft.sessions = {session_, pm};
  ASSERT_TRUE(SavePerson(*store_, clock_, participant_, event_, draft, errors).ok());
  ASSERT_TRUE(RemoveSession(*store_, clock_, organizer_, event_, "day1").ok());
  ASSERT_EQ(store_->ListSessions(event_.id)->size(), 1u);
  EXPECT_EQ(store_->ListPeopleOf(unibo_)->front().sessions, std::vector<SessionId>{pm});
  auto audit = store_->ListAudit(event_.id, 10, 0);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "session.remove");
}

TEST_F(EventSetupTest, MatchingJobReportsProgressAndProposesMutualPairs) {
  EXPECT_EQ(StartMatchingJob(*store_, clock_, participant_, event_, {.data_dir = PONTE_DATA_DIR})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto job = StartMatchingJob(*store_, clock_, organizer_, event_, {.data_dir = PONTE_DATA_DIR});
  ASSERT_TRUE(job.ok()) << job.status().ToString();
  auto claimed = store_->ClaimJob("test", clock_.Now(), Seconds(60));
  ASSERT_TRUE(claimed.ok() && claimed->has_value());
  Job running = **claimed;
  ASSERT_TRUE(RunJob(*store_, clock_, running, nullptr).ok());
  const Job done = *store_->GetJob(job->id);
  ASSERT_EQ(done.state, JobState::kSucceeded) << done.error;
  const auto progress = nlohmann::json::parse(done.progress);
  EXPECT_EQ(progress.value("phase", ""), "pairs");
  EXPECT_EQ(progress.value("done", 0), 2);
  const auto result = nlohmann::json::parse(done.result);
  EXPECT_EQ(result.value("organizations", 0), 2);
  ASSERT_EQ(result["proposals"].size(), 1u);

  auto added = ProposeMatches(*store_, clock_, organizer_, event_, job->id);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_EQ(added->size(), 1u);
  EXPECT_EQ(added->front().status, RequestStatus::kAccepted);
  EXPECT_THAT((std::vector<std::int64_t>{added->front().from.value(), added->front().to.value()}),
              UnorderedElementsAre(unibo_.value(), tsinghua_.value()));
  // Proposing again adds nothing: the pair has its request now.
  EXPECT_THAT(*ProposeMatches(*store_, clock_, organizer_, event_, job->id), IsEmpty());
  EXPECT_EQ(store_->ListRequests(event_.id)->size(), 1u);
}

}  // namespace
}  // namespace ponte::service
