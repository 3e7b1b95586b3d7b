#include "service/accounts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "service/store_fixture.h"

namespace ponte::service {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::string_view kPassword = "correct horse battery";

TEST(Passwords, HashAndVerifyRoundTrip) {
  auto hash = HashPassword(kPassword, kPasswordCostForTests);
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_THAT(*hash, StartsWith("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(kPassword, *hash));
  EXPECT_FALSE(VerifyPassword("correct horse battery!", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
  EXPECT_FALSE(VerifyPassword(kPassword, ""));
  // Salted: the same password never hashes the same way twice.
  auto again = HashPassword(kPassword, kPasswordCostForTests);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*hash, *again);
}

TEST(Passwords, StrengthCountsCharactersNotBytes) {
  EXPECT_TRUE(CheckPasswordStrength("correct horse").ok());
  EXPECT_TRUE(CheckPasswordStrength("中意科技创新合作周会").ok());       // 10 characters
  const Status short_one = CheckPasswordStrength("中意科技创新合作周");  // 9 characters, 27 bytes
  EXPECT_EQ(short_one.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(short_one.message(), HasSubstr("at least 10 characters"));
  EXPECT_EQ(CheckPasswordStrength("short").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckPasswordStrength("aaaaaaaaaaaa").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckPasswordStrength("啊啊啊啊啊啊啊啊啊啊").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckPasswordStrength("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6").code(),
            StatusCode::kInvalidArgument);
}

TEST(Tokens, UniqueUrlSafeAndHashStable) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = NewToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << token;
    EXPECT_TRUE(seen.insert(token).second);
  }
  const std::string token = NewToken();
  EXPECT_EQ(HashToken(token), HashToken(token));
  EXPECT_EQ(HashToken(token).size(), 64u);
  EXPECT_NE(HashToken(token), HashToken(NewToken()));
  EXPECT_NE(HashToken(token), token);
}

class AccountsTest : public testing::StoreFixture {
 protected:
  AccountsTest() : clock_(*FromCivil({2026, 11, 16, 9, 0, 0}, "Asia/Shanghai")) {
    options_.cost = kPasswordCostForTests;
    options_.base_url = "https://ponte.example.org";
  }

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_accounts_test_", "test.db"));

    Dataset data;
    Event e;
    e.key = "icstiw-2026";
    e.name.Set("it", "Settimana Italia–Cina della scienza");
    e.name.Set("en", "China-Italy Science Week");
    e.name.Set("zh", "中意科技创新合作周");
    e.time_zone = "Asia/Shanghai";
    e.start_date = {2026, 11, 16};
    e.end_date = {2026, 11, 17};
    data.event = e;
    Organization org;
    org.key = "it-unibo";
    org.name.Set("it", "Università di Bologna");
    org.type = OrganizationType::kUniversity;
    org.country = "IT";
    org.city = "Bologna";
    data.organizations.push_back({.organization = org});
    auto report = store_->Import(data, {});
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    auto event = store_->GetEvent("icstiw-2026");
    ASSERT_TRUE(event.ok()) << event.status().ToString();
    event_ = *event;
    auto orgs = store_->ListOrganizations();
    ASSERT_TRUE(orgs.ok());
    ASSERT_EQ(orgs->size(), 1u);
    org_ = orgs->front().id;
  }

  User Account(std::string email, std::string name, std::vector<Membership> memberships = {}) {
    User u;
    u.email = std::move(email);
    u.name = std::move(name);
    auto user = CreateAccount(*store_, clock_, u, kPassword, memberships, options_);
    EXPECT_TRUE(user.ok()) << user.status().ToString();
    return user.value_or(User{});
  }

  Actor Organizer() {
    Membership m;
    m.event = event_.id;
    m.role = Role::kOrganizer;
    Account("org@ponte.example.org", "Organizer", {m});
    auto s = Login(*store_, clock_, "org@ponte.example.org", kPassword, "10.0.0.1", options_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? s->actor : Actor{};
  }

  // The newest mail in the outbox.
  OutboxMessage LastMail() {
    auto mails = store_->ListOutbox(1, false);
    EXPECT_TRUE(mails.ok() && !mails->empty());
    return mails.ok() && !mails->empty() ? mails->front() : OutboxMessage{};
  }

  // The token of the link `<base_url><path>?token=...` in a mail body.
  static std::string LinkToken(const OutboxMessage& mail, const std::string& path) {
    const std::regex link("https://ponte\\.example\\.org" + path + "\\?token=([A-Za-z0-9_-]+)");
    std::smatch match;
    if (!std::regex_search(mail.body, match, link)) return "";
    return match[1].str();
  }

  FakeClock clock_;
  AccountOptions options_;
  Event event_;
  OrganizationId org_;
};

TEST_F(AccountsTest, LoginGivesASessionThatAuthenticates) {
  const User anna = Account("anna@polimi.it", "Anna Bianchi");
  auto s = Login(*store_, clock_, "  Anna@Polimi.IT ", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->token.size(), 43u);
  EXPECT_FALSE(s->csrf_token.empty());
  EXPECT_NE(s->token, s->csrf_token);
  EXPECT_EQ(s->expires_at, clock_.Now() + options_.session_lifetime);
  EXPECT_EQ(s->actor.user.id, anna.id);
  EXPECT_TRUE(s->actor.user.password_hash.empty());

  auto me = Authenticate(*store_, clock_, s->token);
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_EQ(me->user.email, "anna@polimi.it");
  EXPECT_EQ(me->credential, CredentialKind::kSession);
  EXPECT_EQ(me->csrf_token, s->csrf_token);
  EXPECT_TRUE(me->user.password_hash.empty());

  EXPECT_EQ(Authenticate(*store_, clock_, NewToken()).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(Authenticate(*store_, clock_, "").status().code(), StatusCode::kUnauthenticated);
}

TEST_F(AccountsTest, WrongPasswordAndUnknownEmailGiveTheSameError) {
  Account("anna@polimi.it", "Anna Bianchi");
  const Status wrong_password =
      Login(*store_, clock_, "anna@polimi.it", "not the password", "10.0.0.7", options_).status();
  const Status unknown_email =
      Login(*store_, clock_, "nobody@polimi.it", kPassword, "10.0.0.7", options_).status();
  EXPECT_EQ(wrong_password.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong_password, unknown_email);
  EXPECT_EQ(wrong_password.message(), "wrong e-mail or password");
}

TEST_F(AccountsTest, ThrottlesAfterMaxFailuresUntilTheWindowPasses) {
  Account("anna@polimi.it", "Anna Bianchi");
  for (int i = 0; i < options_.max_failures; ++i) {
    EXPECT_EQ(Login(*store_, clock_, "anna@polimi.it", "guess number " + std::to_string(i),
                    "10.0.0.7", options_)
                  .status()
                  .code(),
              StatusCode::kUnauthenticated);
    clock_.Advance(Seconds(10));
  }
  // Now even the right password is refused, from any address.
  const Status blocked =
      Login(*store_, clock_, "anna@polimi.it", kPassword, "10.9.9.9", options_).status();
  EXPECT_EQ(blocked.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(blocked.message(), HasSubstr("try again in 15 minutes"));

  clock_.Advance(options_.failure_window);
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
}

TEST_F(AccountsTest, ThrottlesOneClientAddressTryingManyEmails) {
  Account("anna@polimi.it", "Anna Bianchi");
  const int limit = options_.max_failures * 4;
  for (int i = 0; i < limit; ++i) {
    EXPECT_EQ(Login(*store_, clock_, "user" + std::to_string(i) + "@polimi.it", kPassword,
                    "10.6.6.6", options_)
                  .status()
                  .code(),
              StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(
      Login(*store_, clock_, "anna@polimi.it", kPassword, "10.6.6.6", options_).status().code(),
      StatusCode::kResourceExhausted);
  // Another address is not affected.
  EXPECT_TRUE(Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_).ok());
}

TEST_F(AccountsTest, ExpiredSessionIsRefused) {
  Account("anna@polimi.it", "Anna Bianchi");
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  clock_.Advance(options_.session_lifetime - Seconds(1));
  EXPECT_TRUE(Authenticate(*store_, clock_, s->token).ok());
  clock_.Advance(Seconds(1));
  EXPECT_EQ(Authenticate(*store_, clock_, s->token).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(AccountsTest, LogoutInvalidatesTheSession) {
  Account("anna@polimi.it", "Anna Bianchi");
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto other = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.8", options_);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  ASSERT_TRUE(Logout(*store_, s->token).ok());
  EXPECT_EQ(Authenticate(*store_, clock_, s->token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(Authenticate(*store_, clock_, other->token).ok());  // other devices stay in
  EXPECT_TRUE(Logout(*store_, s->token).ok());                    // twice is fine
}

TEST_F(AccountsTest, DisabledAccountIsRefused) {
  User anna = Account("anna@polimi.it", "Anna Bianchi");
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok());
  auto stored = store_->GetUser(anna.id);
  ASSERT_TRUE(stored.ok());
  stored->disabled = true;
  ASSERT_TRUE(store_->UpdateUser(*stored).ok());
  EXPECT_EQ(Authenticate(*store_, clock_, s->token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(
      Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_).status().code(),
      StatusCode::kPermissionDenied);
}

TEST_F(AccountsTest, ApiAndCalendarTokensAuthenticate) {
  Account("anna@polimi.it", "Anna Bianchi");
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok());
  auto api =
      CreateToken(*store_, clock_, s->actor, CredentialKind::kApiToken, "import script", options_);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  auto me = Authenticate(*store_, clock_, *api);
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_EQ(me->credential, CredentialKind::kApiToken);
  EXPECT_TRUE(me->csrf_token.empty());
  auto feed = CreateToken(*store_, clock_, s->actor, CredentialKind::kCalendarFeed, "", options_);
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(Authenticate(*store_, clock_, *feed)->credential, CredentialKind::kCalendarFeed);
  EXPECT_EQ(CreateToken(*store_, clock_, s->actor, CredentialKind::kSession, "", options_)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST_F(AccountsTest, RegisterSendsAVerificationLinkThatWorksOnce) {
  Registration r{.email = "Luca.Verdi@Unibo.it",
                 .name = "Luca Verdi",
                 .password = std::string(kPassword),
                 .locale = "it",
                 .event_key = "icstiw-2026",
                 .organization = org_};
  auto user = Register(*store_, clock_, r, options_);
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_EQ(user->email, "luca.verdi@unibo.it");
  EXPECT_FALSE(user->verified);

  const Status unverified =
      Login(*store_, clock_, "luca.verdi@unibo.it", kPassword, "10.0.0.7", options_).status();
  EXPECT_EQ(unverified.code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(unverified.message(), StartsWith("confirm your e-mail address first"));

  const OutboxMessage mail = LastMail();
  EXPECT_EQ(mail.to, "luca.verdi@unibo.it");
  EXPECT_EQ(mail.kind, "verify");
  EXPECT_EQ(mail.subject, "Conferma il tuo indirizzo e-mail");
  const std::string token = LinkToken(mail, "/verify");
  ASSERT_EQ(token.size(), 43u) << mail.body;

  auto verified = Verify(*store_, clock_, token, options_);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_TRUE(verified->verified);
  EXPECT_EQ(Verify(*store_, clock_, token, options_).status().code(), StatusCode::kNotFound);

  auto s = Login(*store_, clock_, "luca.verdi@unibo.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->actor.memberships.size(), 1u);
  const Membership& m = s->actor.memberships.front();
  EXPECT_EQ(m.event, event_.id);
  EXPECT_EQ(m.role, Role::kParticipant);
  EXPECT_EQ(m.organization, org_);
  EXPECT_FALSE(m.validated);
  EXPECT_FALSE(s->actor.IsValidatedParticipant(event_.id));
  EXPECT_EQ(s->actor.OrganizationIn(event_.id), org_);
}

TEST_F(AccountsTest, RegisterExplainsWhatIsWrong) {
  Registration r{.email = "anna@polimi.it", .name = "Anna", .password = std::string(kPassword)};
  auto bad_email = r;
  bad_email.email = "anna.polimi.it";
  EXPECT_THAT(Register(*store_, clock_, bad_email, options_).status().message(),
              HasSubstr("e-mail"));
  auto weak = r;
  weak.password = "12345";
  const Status weak_status = Register(*store_, clock_, weak, options_).status();
  EXPECT_EQ(weak_status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(weak_status.message(), HasSubstr("password"));
  auto no_event = r;
  no_event.event_key = "no-such-event";
  EXPECT_EQ(Register(*store_, clock_, no_event, options_).status().code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(Register(*store_, clock_, r, options_).ok());
  r.email = " ANNA@polimi.it";
  EXPECT_EQ(Register(*store_, clock_, r, options_).status().code(), StatusCode::kAlreadyExists);
}

TEST_F(AccountsTest, VerificationLinkExpires) {
  Registration r{.email = "anna@polimi.it", .name = "Anna", .password = std::string(kPassword)};
  ASSERT_TRUE(Register(*store_, clock_, r, options_).ok());
  const std::string token = LinkToken(LastMail(), "/verify");
  clock_.Advance(options_.verification_lifetime);
  EXPECT_EQ(Verify(*store_, clock_, token, options_).status().code(), StatusCode::kNotFound);
}

TEST_F(AccountsTest, InvitationByANonOrganizerIsRefused) {
  Membership participant{.event = event_.id, .role = Role::kParticipant, .organization = org_};
  Account("anna@polimi.it", "Anna Bianchi", {participant});
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Invite(*store_, clock_, s->actor, event_, "wang@scu.edu.cn", Role::kParticipant, org_,
                   InterpreterId(), options_)
                .code(),
            StatusCode::kPermissionDenied);
  auto outbox = store_->ListOutbox(10, false);
  ASSERT_TRUE(outbox.ok());
  EXPECT_TRUE(outbox->empty());
}

TEST_F(AccountsTest, AcceptedInvitationCreatesAValidatedMembership) {
  const Actor organizer = Organizer();
  ASSERT_TRUE(organizer.IsOrganizer(event_.id));
  ASSERT_TRUE(organizer.IsStaff(event_.id));
  const Status invited = Invite(*store_, clock_, organizer, event_, "Wang.Wei@scu.edu.cn",
                                Role::kParticipant, org_, InterpreterId(), options_);
  ASSERT_TRUE(invited.ok()) << invited.ToString();

  const OutboxMessage mail = LastMail();
  EXPECT_EQ(mail.to, "wang.wei@scu.edu.cn");
  EXPECT_EQ(mail.kind, "invitation");
  EXPECT_THAT(mail.subject, HasSubstr("China-Italy Science Week"));
  const std::string token = LinkToken(mail, "/invitation");
  ASSERT_EQ(token.size(), 43u) << mail.body;

  auto audit = store_->ListAudit(event_.id, 10, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().action, "invitation.create");
  EXPECT_EQ(audit->front().user, organizer.user.id);
  EXPECT_EQ(audit->front().target, "wang.wei@scu.edu.cn");

  // An e-mail confirmation page does not spend the invitation.
  EXPECT_EQ(Verify(*store_, clock_, token, options_).status().code(), StatusCode::kInvalidArgument);
  // Nor does a password that is too weak.
  EXPECT_EQ(AcceptInvitation(*store_, clock_, token, "王伟", "short", options_).status().code(),
            StatusCode::kInvalidArgument);

  auto user = AcceptInvitation(*store_, clock_, token, "王伟", kPassword, options_);
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_TRUE(user->verified);
  EXPECT_EQ(user->name, "王伟");
  EXPECT_EQ(AcceptInvitation(*store_, clock_, token, "王伟", kPassword, options_).status().code(),
            StatusCode::kNotFound);

  auto s = Login(*store_, clock_, "wang.wei@scu.edu.cn", kPassword, "10.0.0.9", options_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(s->actor.IsValidatedParticipant(event_.id));
  EXPECT_EQ(s->actor.OrganizationIn(event_.id), org_);
  EXPECT_FALSE(s->actor.IsStaff(event_.id));
}

TEST_F(AccountsTest, InvitationOfAnExistingAccountAddsTheRole) {
  const Actor organizer = Organizer();
  const User anna = Account("anna@polimi.it", "Anna Bianchi");
  ASSERT_TRUE(Invite(*store_, clock_, organizer, event_, "anna@polimi.it", Role::kSupport,
                     OrganizationId(), InterpreterId(), options_)
                  .ok());
  const std::string token = LinkToken(LastMail(), "/invitation");
  auto user = AcceptInvitation(*store_, clock_, token, "", "", options_);
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_EQ(user->id, anna.id);
  EXPECT_EQ(user->name, "Anna Bianchi");
  auto s = Login(*store_, clock_, "anna@polimi.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(s->actor.IsStaff(event_.id));
  EXPECT_FALSE(s->actor.IsOrganizer(event_.id));
}

TEST_F(AccountsTest, ChineseAndAccentedNamesSurvive) {
  Account("wang@scu.edu.cn", "王伟");
  Account("niccolo@unibo.it", "Niccolò Lürßen-Çelik");
  auto wang = Login(*store_, clock_, "wang@scu.edu.cn", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(wang.ok());
  EXPECT_EQ(Authenticate(*store_, clock_, wang->token)->user.name, "王伟");
  auto niccolo = Login(*store_, clock_, "niccolo@unibo.it", kPassword, "10.0.0.7", options_);
  ASSERT_TRUE(niccolo.ok());
  EXPECT_EQ(Authenticate(*store_, clock_, niccolo->token)->user.name, "Niccolò Lürßen-Çelik");

  Registration r{.email = "li.na@tju.edu.cn",
                 .name = "  李娜  ",
                 .password = "中意科技创新合作周会",
                 .locale = "zh"};
  auto li = Register(*store_, clock_, r, options_);
  ASSERT_TRUE(li.ok()) << li.status().ToString();
  EXPECT_EQ(li->name, "李娜");
  const OutboxMessage mail = LastMail();
  EXPECT_EQ(mail.subject, "请确认您的电子邮件地址");
  EXPECT_THAT(mail.body, HasSubstr("李娜"));
  ASSERT_TRUE(Verify(*store_, clock_, LinkToken(mail, "/verify"), options_).ok());
  EXPECT_TRUE(
      Login(*store_, clock_, "li.na@tju.edu.cn", "中意科技创新合作周会", "", options_).ok());
}

}  // namespace
}  // namespace ponte::service
