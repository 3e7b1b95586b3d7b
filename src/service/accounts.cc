#include "service/accounts.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/utf8.h"

namespace ponte::service {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenHashBytes = 32;
constexpr std::size_t kMinPasswordCodePoints = 10;
constexpr std::size_t kMaxEmailBytes = 254;  // RFC 5321 path limit
constexpr std::size_t kMaxNameCodePoints = 200;
constexpr std::size_t kMaxLabelCodePoints = 100;
// A client address may fail this many times the per-e-mail limit: several
// people can sit behind one address (a university's NAT).
constexpr int kAddressFailureFactor = 4;
constexpr std::int64_t kSecondsPerMinute = 60;
constexpr std::int64_t kSecondsPerHour = 3600;

// libsodium must be initialised once before use; without it there is no
// randomness to make tokens from, which is fatal.
void InitSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();
  });
}

std::string NormalizeEmail(std::string_view email) { return AsciiLower(Trim(email)); }

Status CheckEmail(std::string_view email) {
  auto bad = [&](std::string_view why) {
    return InvalidArgumentError("e-mail: " + std::string(why) +
                                "; expected an address like name@example.org, got '" +
                                std::string(email) + "'");
  };
  if (email.empty()) return InvalidArgumentError("e-mail: required");
  if (email.size() > kMaxEmailBytes) return bad("longer than 254 characters");
  if (!IsValidUtf8(email)) return bad("not valid UTF-8");
  for (char c : email) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) return bad("spaces and control characters are not allowed");
  }
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return bad("it needs exactly one '@'");
  }
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (local.empty()) return bad("nothing before the '@'");
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return bad("the part after the '@' is not a domain name");
  }
  return OkStatus();
}

// Trimmed, valid UTF-8, not empty and not too long.
Result<std::string> CheckName(std::string_view name) {
  const std::string_view trimmed = Trim(name);
  if (trimmed.empty()) return InvalidArgumentError("name: required");
  if (!IsValidUtf8(trimmed)) return InvalidArgumentError("name: not valid UTF-8");
  if (CountCodePoints(trimmed) > kMaxNameCodePoints) {
    return InvalidArgumentError("name: at most 200 characters");
  }
  return std::string(trimmed);
}

Status CheckLocale(std::string_view locale) {
  if (locale == "it" || locale == "en" || locale == "zh") return OkStatus();
  return InvalidArgumentError("locale: expected it, en or zh, got '" + std::string(locale) + "'");
}

// The hash of an unknown password with the same cost as real ones, so that a
// sign-in with an unknown e-mail takes as long as one with a wrong password.
const std::string& DummyHash(const PasswordCost& cost) {
  static std::mutex mu;
  static std::map<std::pair<unsigned long long, std::size_t>, std::string>  // NOLINT
      by_cost;
  std::lock_guard<std::mutex> lock(mu);
  std::string& hash = by_cost[{cost.ops, cost.memory_bytes}];
  if (hash.empty()) {
    std::array<unsigned char, kTokenBytes> random{};
    randombytes_buf(random.data(), random.size());
    auto h = HashPassword(
        std::string_view(reinterpret_cast<const char*>(random.data()), random.size()), cost);
    // With a cost libsodium refuses, every Login fails in the same way anyway.
    hash = h.ok() ? std::move(*h) : std::string("-");
  }
  return hash;
}

// Secrets never leave the service: actors and returned users carry no hash.
User WithoutSecrets(User user) {
  user.password_hash.clear();
  return user;
}

Result<Actor> LoadActor(Store& store, User user, CredentialKind kind, std::string csrf_token) {
  Actor actor;
  PONTE_ASSIGN_OR_RETURN(actor.memberships, store.ListMemberships(user.id));
  actor.user = WithoutSecrets(std::move(user));
  actor.credential = kind;
  actor.csrf_token = std::move(csrf_token);
  return actor;
}

// The account a one-time token is for, or nullopt when there is none yet.
Result<std::optional<User>> FindTokenUser(Store& store, const OneTimeToken& token) {
  Result<User> user =
      token.user.valid() ? store.GetUser(token.user) : store.FindUserByEmail(token.email);
  if (user.ok()) return std::optional<User>(std::move(*user));
  if (user.status().code() == StatusCode::kNotFound) return std::optional<User>();
  return user.status();
}

// Takes a one-time token for `purpose`. A link of another kind is put back,
// so that following the wrong page does not spend it.
Result<OneTimeToken> ConsumeToken(Store& store, Instant now, std::string_view token,
                                  OneTimePurpose purpose) {
  if (token.empty()) return InvalidArgumentError("the link has no token; open it from the mail");
  PONTE_ASSIGN_OR_RETURN(OneTimeToken t, store.ConsumeOneTimeToken(HashToken(token), now));
  if (t.purpose != purpose) {
    PONTE_RETURN_IF_ERROR(store.PutOneTimeToken(t));
    return InvalidArgumentError(purpose == OneTimePurpose::kInvitation
                                    ? "this link is not an invitation"
                                    : "this link is not an e-mail confirmation");
  }
  return t;
}

std::string RoleName(std::string_view locale, Role role) {
  switch (role) {
    case Role::kOrganizer:
      return locale == "zh" ? "组织者" : locale == "it" ? "organizzatore" : "organizer";
    case Role::kSupport:
      return locale == "zh"   ? "支持办公室"
             : locale == "it" ? "ufficio di supporto"
                              : "support office";
    case Role::kParticipant:
      return locale == "zh" ? "参会者" : locale == "it" ? "partecipante" : "participant";
    case Role::kInterpreter:
      return locale == "zh" ? "口译员" : locale == "it" ? "interprete" : "interpreter";
  }
  return std::string(ToCode(role));
}

struct Mail {
  std::string subject;
  std::string body;
};

Mail VerificationMail(std::string_view locale, std::string_view name, std::string_view link,
                      Seconds lifetime) {
  const std::string hours = std::to_string(lifetime.count() / kSecondsPerHour);
  const std::string n(name);
  const std::string l(link);
  if (locale == "zh") {
    return {"请确认您的电子邮件地址",
            n + "，您好：\n\n请打开以下链接确认您的电子邮件地址：\n" + l + "\n\n该链接在 " + hours +
                " 小时内有效，只能使用一次。如果您没有注册，请忽略此邮件。\n"};
  }
  if (locale == "it") {
    return {"Conferma il tuo indirizzo e-mail",
            "Gentile " + n + ",\n\nper confermare il tuo indirizzo e-mail apri questo link:\n" + l +
                "\n\nIl link vale " + hours +
                " ore e si può usare una sola volta. Se non ti sei registrato, ignora questo "
                "messaggio.\n"};
  }
  return {"Confirm your e-mail address",
          "Dear " + n + ",\n\nto confirm your e-mail address, open this link:\n" + l +
              "\n\nThe link is valid for " + hours +
              " hours and works once. If you did not register, ignore this message.\n"};
}

Mail InvitationMail(std::string_view locale, std::string_view event_name, Role role,
                    std::string_view link, Seconds lifetime) {
  const std::string days = std::to_string(lifetime.count() / (24 * kSecondsPerHour));
  const std::string event(event_name);
  const std::string role_name = RoleName(locale, role);
  const std::string l(link);
  if (locale == "zh") {
    return {"邀请：" + event, "您好：\n\n您受邀以" + role_name + "身份参加“" + event +
                                  "”。请打开以下链接接受邀请：\n" + l + "\n\n该链接在 " + days +
                                  " 天内有效，只能使用一次。\n"};
  }
  if (locale == "it") {
    return {"Invito: " + event, "Buongiorno,\n\nsei invitato a " + event + " come " + role_name +
                                    ". Per accettare l'invito apri questo link:\n" + l +
                                    "\n\nIl link vale " + days +
                                    " giorni e si può usare una sola volta.\n"};
  }
  return {"Invitation: " + event, "Hello,\n\nyou are invited to " + event + " as " + role_name +
                                      ". To accept the invitation, open this link:\n" + l +
                                      "\n\nThe link is valid for " + days +
                                      " days and works once.\n"};
}

Status Enqueue(Store& store, Instant now, std::string to, Mail mail, std::string kind) {
  OutboxMessage message;
  message.created_at = now;
  message.to = std::move(to);
  message.subject = std::move(mail.subject);
  message.body = std::move(mail.body);
  message.kind = std::move(kind);
  return store.EnqueueMessage(message);
}

}  // namespace

// ---- passwords and tokens ------------------------------------------------------------

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost) {
  InitSodium();
  if (cost.ops < crypto_pwhash_OPSLIMIT_MIN || cost.memory_bytes < crypto_pwhash_MEMLIMIT_MIN) {
    return InvalidArgumentError("password cost below libsodium's minimum (1 pass, 8 KiB)");
  }
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.ops,
                            cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return ResourceExhaustedError("not enough memory to hash the password (" +
                                  std::to_string(cost.memory_bytes >> 20) + " MiB)");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  InitSodium();
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status CheckPasswordStrength(std::string_view password) {
  if (!IsValidUtf8(password)) return InvalidArgumentError("password: not valid UTF-8");
  const std::size_t length = CountCodePoints(password);
  if (length < kMinPasswordCodePoints) {
    return InvalidArgumentError("password: at least 10 characters, got " + std::to_string(length));
  }
  // One character repeated ("aaaaaaaaaa", "啊啊啊啊啊啊啊啊啊啊"): the first code
  // point's bytes tile the whole password.
  const auto lead = static_cast<unsigned char>(password.front());
  const std::size_t first = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  bool all_same = true;
  for (std::size_t i = 0; i < password.size(); i += first) {
    if (password.substr(i, first) != password.substr(0, first)) {
      all_same = false;
      break;
    }
  }
  if (all_same) {
    return InvalidArgumentError("password: the same character repeated; use different ones");
  }
  return OkStatus();
}

std::string NewToken() {
  InitSodium();
  std::array<unsigned char, kTokenBytes> random{};
  randombytes_buf(random.data(), random.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> out{};
  sodium_bin2base64(out.data(), out.size(), random.data(), random.size(), kVariant);
  return std::string(out.data());
}

std::string HashToken(std::string_view token) {
  InitSodium();
  std::array<unsigned char, kTokenHashBytes> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  std::array<char, kTokenHashBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return std::string(hex.data());
}

// ---- Actor ----------------------------------------------------------------------------

bool Actor::Has(EventId event, Role role) const {
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Membership& m) { return m.event == event && m.role == role; });
}

bool Actor::IsStaff(EventId event) const {
  return Has(event, Role::kOrganizer) || Has(event, Role::kSupport);
}

OrganizationId Actor::OrganizationIn(EventId event) const {
  for (const Membership& m : memberships) {
    if (m.event == event && m.role == Role::kParticipant && m.organization.valid()) {
      return m.organization;
    }
  }
  return OrganizationId();
}

InterpreterId Actor::InterpreterIn(EventId event) const {
  for (const Membership& m : memberships) {
    if (m.event == event && m.role == Role::kInterpreter && m.interpreter.valid()) {
      return m.interpreter;
    }
  }
  return InterpreterId();
}

bool Actor::IsValidatedParticipant(EventId event) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) {
    return m.event == event && m.role == Role::kParticipant && m.validated;
  });
}

// ---- sign-in ----------------------------------------------------------------------------

Result<SignIn> Login(Store& store, const Clock& clock, std::string_view email,
                     std::string_view password, std::string_view client_address,
                     const AccountOptions& options) {
  const Instant now = clock.Now();
  const std::string address = NormalizeEmail(email);
  const std::string email_key = "email:" + address;
  const std::string address_key = "ip:" + std::string(client_address);
  const Instant since = now - options.failure_window;

  // Throttling comes first, so that guessing costs nothing but a refusal.
  const std::int64_t window_minutes = std::max<std::int64_t>(
      1, (options.failure_window.count() + kSecondsPerMinute - 1) / kSecondsPerMinute);
  const Status too_many = ResourceExhaustedError("too many failed sign-ins; try again in " +
                                                 std::to_string(window_minutes) + " minutes");
  PONTE_ASSIGN_OR_RETURN(int email_failures, store.CountLoginFailures(email_key, since));
  if (email_failures >= options.max_failures) return too_many;
  if (!client_address.empty()) {
    PONTE_ASSIGN_OR_RETURN(int address_failures, store.CountLoginFailures(address_key, since));
    if (address_failures >= options.max_failures * kAddressFailureFactor) return too_many;
  }

  Result<User> found = store.FindUserByEmail(address);
  if (!found.ok() && found.status().code() != StatusCode::kNotFound) return found.status();
  bool password_ok = false;
  if (found.ok() && !found->password_hash.empty()) {
    password_ok = VerifyPassword(password, found->password_hash);
  } else {
    // As slow as a real check, so that the answer time does not tell which
    // addresses have accounts.
    (void)VerifyPassword(password, DummyHash(options.cost));
  }
  if (!password_ok) {
    PONTE_RETURN_IF_ERROR(store.RecordLoginFailure(email_key, now));
    if (!client_address.empty()) PONTE_RETURN_IF_ERROR(store.RecordLoginFailure(address_key, now));
    return UnauthenticatedError("wrong e-mail or password");
  }
  User user = std::move(*found);
  if (user.disabled) {
    return PermissionDeniedError("this account is disabled; ask the event's organizers");
  }
  if (!user.verified) {
    return PermissionDeniedError(
        "confirm your e-mail address first: open the link in the mail sent to " + user.email);
  }

  SignIn sign_in;
  sign_in.token = NewToken();
  sign_in.csrf_token = NewToken();
  Credential credential;
  credential.token_hash = HashToken(sign_in.token);
  credential.user = user.id;
  credential.kind = CredentialKind::kSession;
  credential.csrf_token = sign_in.csrf_token;
  credential.created_at = now;
  credential.expires_at = now + options.session_lifetime;
  PONTE_RETURN_IF_ERROR(store.CreateCredential(credential));
  sign_in.expires_at = credential.expires_at;
  PONTE_ASSIGN_OR_RETURN(sign_in.actor, LoadActor(store, std::move(user), CredentialKind::kSession,
                                                  sign_in.csrf_token));
  return sign_in;
}

Status Logout(Store& store, std::string_view token) {
  if (token.empty()) return OkStatus();
  return store.DeleteCredential(HashToken(token));
}

Result<Actor> Authenticate(Store& store, const Clock& clock, std::string_view token) {
  if (token.empty()) return UnauthenticatedError("sign in first");
  Result<Credential> credential = store.FindCredential(HashToken(token), clock.Now());
  if (!credential.ok()) {
    if (credential.status().code() == StatusCode::kNotFound) {
      return UnauthenticatedError("the session or token is unknown or has expired; sign in again");
    }
    return credential.status();
  }
  Result<User> user = store.GetUser(credential->user);
  if (!user.ok()) {
    if (user.status().code() == StatusCode::kNotFound) {
      return UnauthenticatedError("the account of this session no longer exists");
    }
    return user.status();
  }
  if (user->disabled) return UnauthenticatedError("this account is disabled");
  std::string csrf =
      credential->kind == CredentialKind::kSession ? credential->csrf_token : std::string();
  return LoadActor(store, std::move(*user), credential->kind, std::move(csrf));
}

Result<std::string> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                CredentialKind kind, std::string_view label,
                                const AccountOptions& options) {
  if (kind != CredentialKind::kApiToken && kind != CredentialKind::kCalendarFeed) {
    return InvalidArgumentError(
        "kind: expected api_token or calendar_feed; sessions come from "
        "signing in");
  }
  if (!actor.user.id.valid()) return UnauthenticatedError("sign in first");
  const std::string_view trimmed = Trim(label);
  if (!IsValidUtf8(trimmed)) return InvalidArgumentError("label: not valid UTF-8");
  if (CountCodePoints(trimmed) > kMaxLabelCodePoints) {
    return InvalidArgumentError("label: at most 100 characters");
  }
  const Instant now = clock.Now();
  std::string token = NewToken();
  Credential credential;
  credential.token_hash = HashToken(token);
  credential.user = actor.user.id;
  credential.kind = kind;
  credential.label = std::string(trimmed);
  credential.created_at = now;
  credential.expires_at = now + options.api_token_lifetime;
  PONTE_RETURN_IF_ERROR(store.CreateCredential(credential));
  return token;
}

// ---- accounts ---------------------------------------------------------------------------

Result<User> Register(Store& store, const Clock& clock, const Registration& registration,
                      const AccountOptions& options) {
  const Instant now = clock.Now();
  User user;
  user.email = NormalizeEmail(registration.email);
  PONTE_RETURN_IF_ERROR(CheckEmail(user.email));
  PONTE_ASSIGN_OR_RETURN(user.name, CheckName(registration.name));
  user.locale = registration.locale.empty() ? "en" : registration.locale;
  PONTE_RETURN_IF_ERROR(CheckLocale(user.locale));
  PONTE_RETURN_IF_ERROR(CheckPasswordStrength(registration.password));
  std::optional<Event> event;
  if (!registration.event_key.empty()) {
    Result<Event> e = store.GetEvent(registration.event_key);
    if (!e.ok()) {
      if (e.status().code() == StatusCode::kNotFound) {
        return InvalidArgumentError("event: no event '" + registration.event_key + "'");
      }
      return e.status();
    }
    event = std::move(*e);
  }
  if (registration.organization.valid()) {
    if (!event) return InvalidArgumentError("organization: given without an event to join");
    Result<Organization> org = store.GetOrganization(registration.organization);
    if (!org.ok()) {
      if (org.status().code() == StatusCode::kNotFound) {
        return InvalidArgumentError("organization: no organization " +
                                    std::to_string(registration.organization.value()));
      }
      return org.status();
    }
  }
  PONTE_ASSIGN_OR_RETURN(user.password_hash, HashPassword(registration.password, options.cost));
  user.verified = false;
  user.created_at = now;
  PONTE_RETURN_IF_ERROR(store.CreateUser(user));
  if (event) {
    Membership membership;
    membership.user = user.id;
    membership.event = event->id;
    membership.role = Role::kParticipant;
    membership.organization = registration.organization;
    membership.validated = false;
    PONTE_RETURN_IF_ERROR(store.PutMembership(membership));
  }

  const std::string token = NewToken();
  OneTimeToken verify;
  verify.token_hash = HashToken(token);
  verify.purpose = OneTimePurpose::kVerifyEmail;
  verify.email = user.email;
  verify.user = user.id;
  verify.expires_at = now + options.verification_lifetime;
  PONTE_RETURN_IF_ERROR(store.PutOneTimeToken(verify));
  const std::string link = options.base_url + "/verify?token=" + token;
  PONTE_RETURN_IF_ERROR(Enqueue(
      store, now, user.email,
      VerificationMail(user.locale, user.name, link, options.verification_lifetime), "verify"));
  return WithoutSecrets(std::move(user));
}

Result<User> Verify(Store& store, const Clock& clock, std::string_view token,
                    const AccountOptions& /*options*/) {
  PONTE_ASSIGN_OR_RETURN(OneTimeToken t,
                         ConsumeToken(store, clock.Now(), token, OneTimePurpose::kVerifyEmail));
  PONTE_ASSIGN_OR_RETURN(std::optional<User> user, FindTokenUser(store, t));
  if (!user) return NotFoundError("the account of this link no longer exists");
  if (!user->verified) {
    user->verified = true;
    PONTE_RETURN_IF_ERROR(store.UpdateUser(*user));
  }
  return WithoutSecrets(std::move(*user));
}

Status Invite(Store& store, const Clock& clock, const Actor& organizer, const Event& event,
              std::string_view email, Role role, OrganizationId organization,
              InterpreterId interpreter, const AccountOptions& options) {
  if (!organizer.IsOrganizer(event.id)) {
    return PermissionDeniedError("only an organizer of " + event.key + " may invite people");
  }
  const std::string address = NormalizeEmail(email);
  PONTE_RETURN_IF_ERROR(CheckEmail(address));
  if (role == Role::kParticipant && !organization.valid()) {
    return InvalidArgumentError("organization: a participant acts for an organization; choose one");
  }
  if (role == Role::kInterpreter && !interpreter.valid()) {
    return InvalidArgumentError("interpreter: choose the interpreter record of the invitee");
  }
  const Instant now = clock.Now();
  Result<User> existing = store.FindUserByEmail(address);
  if (!existing.ok() && existing.status().code() != StatusCode::kNotFound) {
    return existing.status();
  }

  const std::string token = NewToken();
  OneTimeToken invitation;
  invitation.token_hash = HashToken(token);
  invitation.purpose = OneTimePurpose::kInvitation;
  invitation.email = address;
  if (existing.ok()) invitation.user = existing->id;
  invitation.event = event.id;
  invitation.role = role;
  invitation.organization = organization;
  invitation.interpreter = interpreter;
  invitation.expires_at = now + options.invitation_lifetime;
  PONTE_RETURN_IF_ERROR(store.PutOneTimeToken(invitation));

  // The invitee's language when they have an account, else the organizer's.
  const std::string locale = existing.ok() ? existing->locale : organizer.user.locale;
  const std::string event_name =
      event.name.all().empty() ? event.key : event.name.Best(locale).first;
  const std::string link = options.base_url + "/invitation?token=" + token;
  PONTE_RETURN_IF_ERROR(Enqueue(
      store, now, address,
      InvitationMail(locale, event_name, role, link, options.invitation_lifetime), "invitation"));

  AuditEntry audit;
  audit.at = now;
  audit.user = organizer.user.id;
  audit.event = event.id;
  audit.action = "invitation.create";
  audit.target = address;
  nlohmann::json details = {{"role", ToCode(role)}};
  if (organization.valid()) details["organization"] = organization.value();
  if (interpreter.valid()) details["interpreter"] = interpreter.value();
  audit.details = details.dump();
  return store.AppendAudit(audit);
}

Result<User> AcceptInvitation(Store& store, const Clock& clock, std::string_view token,
                              std::string_view name, std::string_view password,
                              const AccountOptions& options) {
  const Instant now = clock.Now();
  PONTE_ASSIGN_OR_RETURN(OneTimeToken t,
                         ConsumeToken(store, now, token, OneTimePurpose::kInvitation));
  // A mistake in the form must not spend the invitation: put it back.
  auto give_back = [&](Status error) -> Status {
    Status put = store.PutOneTimeToken(t);
    return put.ok() ? error : put;
  };
  PONTE_ASSIGN_OR_RETURN(std::optional<User> existing, FindTokenUser(store, t));
  User user;
  if (existing) {
    user = std::move(*existing);
    // Following the link proves the address; a password is set only if the
    // account had none.
    bool changed = !user.verified;
    user.verified = true;
    if (user.password_hash.empty() && !password.empty()) {
      if (Status s = CheckPasswordStrength(password); !s.ok()) return give_back(s);
      PONTE_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password, options.cost));
      changed = true;
    }
    if (changed) PONTE_RETURN_IF_ERROR(store.UpdateUser(user));
  } else {
    Result<std::string> checked_name = CheckName(name);
    if (!checked_name.ok()) return give_back(checked_name.status());
    if (Status s = CheckPasswordStrength(password); !s.ok()) return give_back(s);
    user.email = t.email;
    user.name = std::move(*checked_name);
    PONTE_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password, options.cost));
    user.verified = true;
    user.created_at = now;
    PONTE_RETURN_IF_ERROR(store.CreateUser(user));
  }
  if (t.event.valid()) {
    Membership membership;
    membership.user = user.id;
    membership.event = t.event;
    membership.role = t.role;
    membership.organization = t.organization;
    membership.interpreter = t.interpreter;
    // Invitations come from organizers: the invitee needs no further check.
    membership.validated = true;
    PONTE_RETURN_IF_ERROR(store.PutMembership(membership));
  }
  return WithoutSecrets(std::move(user));
}

Result<User> CreateAccount(Store& store, const Clock& clock, User user, std::string_view password,
                           const std::vector<Membership>& memberships,
                           const AccountOptions& options) {
  user.email = NormalizeEmail(user.email);
  PONTE_RETURN_IF_ERROR(CheckEmail(user.email));
  PONTE_ASSIGN_OR_RETURN(user.name, CheckName(user.name));
  if (user.locale.empty()) user.locale = "en";
  PONTE_RETURN_IF_ERROR(CheckLocale(user.locale));
  PONTE_RETURN_IF_ERROR(CheckPasswordStrength(password));
  PONTE_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password, options.cost));
  user.verified = true;
  user.created_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.CreateUser(user));
  for (Membership membership : memberships) {
    membership.user = user.id;
    PONTE_RETURN_IF_ERROR(store.PutMembership(membership));
  }
  return WithoutSecrets(std::move(user));
}

}  // namespace ponte::service
