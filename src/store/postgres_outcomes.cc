// The PostgreSQL backend, part 4: outcomes with their organizations and
// meetings, follow-up rounds, images and news (see sqlite_outcomes.cc).
#include <algorithm>
#include <unordered_map>

#include "store/columns.h"
#include "store/outcome_columns.h"
#include "store/postgres_store.h"

namespace pqxx {

// NULL for nullopt (libpqxx 6 has no traits for std::optional).
template <>
struct string_traits<std::optional<std::string>> {
  static constexpr const char* name() noexcept { return "std::optional<std::string>"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const std::optional<std::string>& v) { return !v.has_value(); }
  static std::optional<std::string> null() { return std::nullopt; }
  static void from_string(const char text[], std::optional<std::string>& v) { v = text; }
  static std::string to_string(const std::optional<std::string>& v) { return *v; }
};

}  // namespace pqxx

namespace ponte::store_internal {
namespace {

const std::string kOutcomeColumns =
    "SELECT id, key, event_id, request_id, kind, stage, title, date, end_date, value, currency, "
    "notes, review, review_note, reported_by, reported_for, reviewed_by, created_at, updated_at, "
    "version FROM outcomes ";

Outcome ReadOutcome(const pqxx::row& r) {
  Outcome o;
  o.id = OutcomeId(Int(r[0]));
  o.key = Text(r[1]);
  o.event = EventId(IdOrZero(r[2]));
  o.request = MeetingRequestId(IdOrZero(r[3]));
  o.kind = ParseOutcomeKind(Text(r[4])).value_or(OutcomeKind::kOther);
  o.stage = ParseOutcomeStage(Text(r[5])).value_or(OutcomeStage::kContactKept);
  o.title = Text(r[6]);
  o.date = ParseDate(Text(r[7])).value_or(CivilDate{});
  if (!r[8].is_null()) o.end_date = ParseDate(Text(r[8])).value_or(CivilDate{});
  if (!r[9].is_null()) o.value = r[9].as<double>();
  o.currency = Text(r[10]);
  o.notes = Text(r[11]);
  o.review = ParseOutcomeReview(Text(r[12])).value_or(OutcomeReview::kReported);
  o.review_note = Text(r[13]);
  o.reported_by = UserId(IdOrZero(r[14]));
  o.reported_for = OrganizationId(IdOrZero(r[15]));
  o.reviewed_by = UserId(IdOrZero(r[16]));
  o.created_at = FromEpochSeconds(Int(r[17]));
  o.updated_at = FromEpochSeconds(Int(r[18]));
  o.version = static_cast<int>(Int(r[19]));
  return o;
}

std::optional<std::string> OptionalDate(const std::optional<CivilDate>& d) {
  return d ? std::optional<std::string>(FormatDate(*d)) : std::nullopt;
}

const std::string kNewsColumns =
    "SELECT id, key, event_id, title, summary, body, date, status, images, author_id, "
    "created_at, updated_at, version FROM news ";

NewsItem ReadNews(const pqxx::row& r) {
  NewsItem n;
  n.id = NewsId(Int(r[0]));
  n.key = Text(r[1]);
  n.event = EventId(IdOrZero(r[2]));
  n.title = LocalizedFromJson(Text(r[3]));
  n.summary = LocalizedFromJson(Text(r[4]));
  n.body = LocalizedFromJson(Text(r[5]));
  n.date = ParseDate(Text(r[6])).value_or(CivilDate{});
  n.status = ParseNewsStatus(Text(r[7])).value_or(NewsStatus::kDraft);
  n.images = NewsImagesFromJson(Text(r[8]));
  n.author = UserId(IdOrZero(r[9]));
  n.created_at = FromEpochSeconds(Int(r[10]));
  n.updated_at = FromEpochSeconds(Int(r[11]));
  n.version = static_cast<int>(Int(r[12]));
  return n;
}

const std::string kImageColumns =
    "SELECT id, sha256, content_type, bytes, width, height, file_name, uploaded_by, created_at";

Image ReadImage(const pqxx::row& r) {
  Image i;
  i.id = ImageId(Int(r[0]));
  i.sha256 = Text(r[1]);
  i.content_type = Text(r[2]);
  i.bytes = Int(r[3]);
  i.width = static_cast<int>(Int(r[4]));
  i.height = static_cast<int>(Int(r[5]));
  i.file_name = Text(r[6]);
  i.uploaded_by = UserId(IdOrZero(r[7]));
  i.created_at = FromEpochSeconds(Int(r[8]));
  return i;
}

void WriteLinks(pqxx::transaction_base& tx, const Outcome& o) {
  tx.exec_params("DELETE FROM outcome_organizations WHERE outcome_id = $1", o.id.value());
  tx.exec_params("DELETE FROM outcome_meetings WHERE outcome_id = $1", o.id.value());
  for (OrganizationId id : o.organizations) {
    tx.exec_params(
        "INSERT INTO outcome_organizations(outcome_id, organization_id) VALUES($1, $2) ON "
        "CONFLICT DO NOTHING",
        o.id.value(), id.value());
  }
  for (MeetingId id : o.meetings) {
    tx.exec_params(
        "INSERT INTO outcome_meetings(outcome_id, meeting_id) VALUES($1, $2) ON CONFLICT DO "
        "NOTHING",
        o.id.value(), id.value());
  }
}

std::vector<Outcome> WithLinks(pqxx::transaction_base& tx, std::vector<Outcome> out) {
  if (out.empty()) return out;
  std::unordered_map<std::int64_t, Outcome*> by_id;
  std::string ids = "{";
  for (Outcome& o : out) {
    by_id[o.id.value()] = &o;
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(o.id.value());
  }
  ids += '}';
  for (const auto& r : tx.exec_params("SELECT outcome_id, organization_id FROM "
                                      "outcome_organizations WHERE outcome_id = ANY($1::bigint[]) "
                                      "ORDER BY outcome_id, organization_id",
                                      ids)) {
    by_id[Int(r[0])]->organizations.push_back(OrganizationId(Int(r[1])));
  }
  for (const auto& r : tx.exec_params("SELECT outcome_id, meeting_id FROM outcome_meetings WHERE "
                                      "outcome_id = ANY($1::bigint[]) ORDER BY outcome_id, "
                                      "meeting_id",
                                      ids)) {
    by_id[Int(r[0])]->meetings.push_back(MeetingId(Int(r[1])));
  }
  return out;
}

}  // namespace

// ---- outcomes -------------------------------------------------------------------

Status PostgresStore::CreateOutcome(Outcome& o) {
  PONTE_RETURN_IF_ERROR(CheckOutcome(o));
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    try {
      const pqxx::row row = tx.exec_params1(
          "INSERT INTO outcomes(key, event_id, request_id, kind, stage, title, date, end_date, "
          "value, currency, notes, review, review_note, reported_by, reported_for, reviewed_by, "
          "updated_at, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
          "$14, $15, $16, $17, $18) RETURNING id",
          o.key, OptionalId(o.event.value()), OptionalId(o.request.value()),
          std::string(ToCode(o.kind)), std::string(ToCode(o.stage)), o.title, FormatDate(o.date),
          OptionalDate(o.end_date), o.value, o.currency, o.notes, std::string(ToCode(o.review)),
          o.review_note, OptionalId(o.reported_by.value()), OptionalId(o.reported_for.value()),
          OptionalId(o.reviewed_by.value()), EpochSeconds(o.updated_at),
          EpochSeconds(o.created_at));
      o.id = OutcomeId(Int(row[0]));
      WriteLinks(tx, o);
    } catch (const pqxx::integrity_constraint_violation&) {
      return OutcomeConflict(o);
    }
    tx.commit();
    o.version = 1;
    return OkStatus();
  });
}

Result<Outcome> PostgresStore::GetOutcome(OutcomeId id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Outcome> {
    std::vector<Outcome> found;
    for (const auto& r : tx.exec_params(kOutcomeColumns + "WHERE id = $1", id.value())) {
      found.push_back(ReadOutcome(r));
    }
    if (found.empty()) return NotFoundError("no outcome " + std::to_string(id.value()));
    return std::move(WithLinks(tx, std::move(found)).front());
  });
}

Status PostgresStore::UpdateOutcome(Outcome& o, int expected_version) {
  PONTE_RETURN_IF_ERROR(CheckOutcome(o));
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    pqxx::result rows;
    try {
      rows = tx.exec_params(
          "UPDATE outcomes SET key = $1, event_id = $2, request_id = $3, kind = $4, stage = $5, "
          "title = $6, date = $7, end_date = $8, value = $9, currency = $10, notes = $11, review "
          "= $12, review_note = $13, reported_by = $14, reported_for = $15, reviewed_by = $16, "
          "updated_at = $17, version = version + 1 WHERE id = $18 AND version = $19 RETURNING "
          "version",
          o.key, OptionalId(o.event.value()), OptionalId(o.request.value()),
          std::string(ToCode(o.kind)), std::string(ToCode(o.stage)), o.title, FormatDate(o.date),
          OptionalDate(o.end_date), o.value, o.currency, o.notes, std::string(ToCode(o.review)),
          o.review_note, OptionalId(o.reported_by.value()), OptionalId(o.reported_for.value()),
          OptionalId(o.reviewed_by.value()), EpochSeconds(o.updated_at), o.id.value(),
          expected_version);
      if (!rows.empty()) WriteLinks(tx, o);
    } catch (const pqxx::integrity_constraint_violation&) {
      return OutcomeConflict(o);
    }
    if (rows.empty()) {
      return MissedVersion(tx, "outcomes", "outcome", o.id.value(), expected_version);
    }
    tx.commit();
    o.version = static_cast<int>(Int(rows[0][0]));
    return OkStatus();
  });
}

Status PostgresStore::DeleteOutcome(OutcomeId id, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    PONTE_RETURN_IF_ERROR(DeleteVersioned(tx, "outcomes", "outcome", id.value(), expected_version));
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<Outcome>> PostgresStore::ListOutcomes(const OutcomeFilter& filter) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<Outcome>> {
    std::vector<Outcome> out;
    const std::string review = filter.review ? std::string(ToCode(*filter.review)) : "";
    for (const auto& r : tx.exec_params(
             kOutcomeColumns +
                 "WHERE ($1 = 0 OR event_id = $1) AND ($2 = 0 OR id IN (SELECT outcome_id FROM "
                 "outcome_organizations WHERE organization_id = $2)) AND ($3 = '' OR review = $3) "
                 "ORDER BY date DESC, id DESC",
             filter.event.value(), filter.organization.value(), review)) {
      out.push_back(ReadOutcome(r));
    }
    return WithLinks(tx, std::move(out));
  });
}

// ---- follow-up rounds -----------------------------------------------------------

Result<bool> PostgresStore::ClaimFollowUp(const FollowUp& f, std::vector<OutboxMessage>& mails) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<bool> {
    const pqxx::result rows = tx.exec_params(
        "INSERT INTO follow_ups(event_id, organization_id, round, sent_at) VALUES($1, $2, $3, $4) "
        "ON CONFLICT DO NOTHING RETURNING round",
        f.event.value(), f.organization.value(), f.round, EpochSeconds(f.sent_at));
    if (rows.empty()) return false;  // not committed: nothing was written
    for (OutboxMessage& m : mails) {
      const pqxx::row row = tx.exec_params1(
          "INSERT INTO outbox(created_at, recipient, subject, body, kind) VALUES($1, $2, $3, $4, "
          "$5) RETURNING id",
          EpochSeconds(m.created_at), m.to, m.subject, m.body, m.kind);
      m.id = Int(row[0]);
    }
    tx.commit();
    return true;
  });
}

Result<std::vector<FollowUp>> PostgresStore::ListFollowUps(EventId event) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<FollowUp>> {
    std::vector<FollowUp> out;
    for (const auto& r : tx.exec_params(
             "SELECT event_id, organization_id, round, sent_at FROM follow_ups WHERE event_id = $1 "
             "ORDER BY organization_id, round",
             event.value())) {
      out.push_back(FollowUp{EventId(Int(r[0])), OrganizationId(Int(r[1])),
                             static_cast<int>(Int(r[2])), FromEpochSeconds(Int(r[3]))});
    }
    return out;
  });
}

// ---- images ---------------------------------------------------------------------

Status PostgresStore::PutImage(Image& image, std::string_view bytes) {
  PONTE_RETURN_IF_ERROR(RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::binarystring data(bytes.data(), bytes.size());
    tx.exec_params(
        "INSERT INTO images(sha256, content_type, bytes, width, height, file_name, uploaded_by, "
        "created_at, data) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT(sha256) DO "
        "NOTHING",
        image.sha256, image.content_type, static_cast<std::int64_t>(bytes.size()), image.width,
        image.height, image.file_name, OptionalId(image.uploaded_by.value()),
        EpochSeconds(image.created_at), data);
    tx.commit();
    return OkStatus();
  }));
  PONTE_ASSIGN_OR_RETURN(image, GetImage(image.sha256, nullptr));
  return OkStatus();
}

Result<Image> PostgresStore::GetImage(std::string_view sha256, std::string* bytes) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Image> {
    const pqxx::result rows = tx.exec_params(
        kImageColumns + (bytes != nullptr ? ", data" : "") + " FROM images WHERE sha256 = $1",
        std::string(sha256));
    if (rows.empty()) return NotFoundError("no image " + std::string(sha256));
    if (bytes != nullptr) *bytes = pqxx::binarystring(rows[0][9]).str();
    return ReadImage(rows[0]);
  });
}

Result<std::vector<Image>> PostgresStore::ListImages() {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<std::vector<Image>> {
    std::vector<Image> out;
    for (const auto& r : tx.exec(kImageColumns + " FROM images ORDER BY id")) {
      out.push_back(ReadImage(r));
    }
    return out;
  });
}

// ---- news -----------------------------------------------------------------------

Status PostgresStore::CreateNews(NewsItem& n) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    try {
      const pqxx::row row = tx.exec_params1(
          "INSERT INTO news(key, event_id, title, summary, body, date, status, images, "
          "author_id, updated_at, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
          "$11) RETURNING id",
          n.key, OptionalId(n.event.value()), ToJson(n.title), ToJson(n.summary), ToJson(n.body),
          FormatDate(n.date), std::string(ToCode(n.status)), NewsImagesToJson(n.images),
          OptionalId(n.author.value()), EpochSeconds(n.updated_at), EpochSeconds(n.created_at));
      n.id = NewsId(Int(row[0]));
    } catch (const pqxx::integrity_constraint_violation&) {
      return NewsConflict(n);
    }
    tx.commit();
    n.version = 1;
    return OkStatus();
  });
}

Result<NewsItem> PostgresStore::GetNews(std::string_view key) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<NewsItem> {
    const pqxx::result rows = tx.exec_params(kNewsColumns + "WHERE key = $1", std::string(key));
    if (rows.empty()) return NotFoundError("no news item '" + std::string(key) + "'");
    return ReadNews(rows[0]);
  });
}

Status PostgresStore::UpdateNews(NewsItem& n, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    pqxx::result rows;
    try {
      rows = tx.exec_params(
          "UPDATE news SET key = $1, event_id = $2, title = $3, summary = $4, body = $5, date = "
          "$6, status = $7, images = $8, author_id = $9, updated_at = $10, version = version + 1 "
          "WHERE id = $11 AND version = $12 RETURNING version",
          n.key, OptionalId(n.event.value()), ToJson(n.title), ToJson(n.summary), ToJson(n.body),
          FormatDate(n.date), std::string(ToCode(n.status)), NewsImagesToJson(n.images),
          OptionalId(n.author.value()), EpochSeconds(n.updated_at), n.id.value(), expected_version);
    } catch (const pqxx::integrity_constraint_violation&) {
      return NewsConflict(n);
    }
    if (rows.empty()) {
      return MissedVersion(tx, "news", "news item", n.id.value(), expected_version);
    }
    tx.commit();
    n.version = static_cast<int>(Int(rows[0][0]));
    return OkStatus();
  });
}

Status PostgresStore::DeleteNews(NewsId id, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    PONTE_RETURN_IF_ERROR(DeleteVersioned(tx, "news", "news item", id.value(), expected_version));
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<NewsItem>> PostgresStore::ListNews(const NewsFilter& filter) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<NewsItem>> {
        std::vector<NewsItem> out;
        for (const auto& r : tx.exec_params(
                 kNewsColumns + "WHERE ($1 = 0 OR event_id = $1) AND ($2 = 0 OR status = "
                                "'published') ORDER BY date DESC, id DESC LIMIT $3",
                 filter.event.value(), filter.published_only ? 1 : 0, std::max(filter.limit, 0))) {
          out.push_back(ReadNews(r));
        }
        return out;
      });
}

}  // namespace ponte::store_internal
