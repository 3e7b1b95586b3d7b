// The SQLite backend, part 4: outcomes with their organizations and meetings,
// follow-up rounds, images and news.
#include <algorithm>
#include <unordered_map>

#include "store/outcome_columns.h"
#include "store/sqlite_store.h"

namespace ponte::store_internal {
namespace {

using sqlite::Statement;

constexpr std::string_view kOutcomeColumns =
    "SELECT id, key, event_id, request_id, kind, stage, title, date, end_date, value, currency, "
    "notes, review, review_note, reported_by, reported_for, reviewed_by, created_at, updated_at, "
    "version FROM outcomes ";

Outcome ReadOutcome(const Statement& s) {
  Outcome o;
  o.id = OutcomeId(s.Int(0));
  o.key = s.Text(1);
  o.event = EventId(s.IsNull(2) ? 0 : s.Int(2));
  o.request = MeetingRequestId(s.IsNull(3) ? 0 : s.Int(3));
  o.kind = ParseOutcomeKind(s.Text(4)).value_or(OutcomeKind::kOther);
  o.stage = ParseOutcomeStage(s.Text(5)).value_or(OutcomeStage::kContactKept);
  o.title = s.Text(6);
  o.date = ParseDate(s.Text(7)).value_or(CivilDate{});
  if (!s.IsNull(8)) o.end_date = ParseDate(s.Text(8)).value_or(CivilDate{});
  if (!s.IsNull(9)) o.value = s.Double(9);
  o.currency = s.Text(10);
  o.notes = s.Text(11);
  o.review = ParseOutcomeReview(s.Text(12)).value_or(OutcomeReview::kReported);
  o.review_note = s.Text(13);
  o.reported_by = UserId(s.IsNull(14) ? 0 : s.Int(14));
  o.reported_for = OrganizationId(s.IsNull(15) ? 0 : s.Int(15));
  o.reviewed_by = UserId(s.IsNull(16) ? 0 : s.Int(16));
  o.created_at = FromEpochSeconds(s.Int(17));
  o.updated_at = FromEpochSeconds(s.Int(18));
  o.version = static_cast<int>(s.Int(19));
  return o;
}

// Binds ?1..?17 in the column order of kOutcomeColumns after id.
void BindOutcome(Statement& s, const Outcome& o) {
  s.Bind(1, o.key).BindOptionalId(2, o.event.value()).BindOptionalId(3, o.request.value());
  s.Bind(4, ToCode(o.kind)).Bind(5, ToCode(o.stage)).Bind(6, o.title).Bind(7, FormatDate(o.date));
  if (o.end_date) {
    s.Bind(8, FormatDate(*o.end_date));
  } else {
    s.BindNull(8);
  }
  if (o.value) {
    s.Bind(9, *o.value);
  } else {
    s.BindNull(9);
  }
  s.Bind(10, o.currency).Bind(11, o.notes).Bind(12, ToCode(o.review)).Bind(13, o.review_note);
  s.BindOptionalId(14, o.reported_by.value()).BindOptionalId(15, o.reported_for.value());
  s.BindOptionalId(16, o.reviewed_by.value()).Bind(17, EpochSeconds(o.updated_at));
}

constexpr std::string_view kNewsColumns =
    "SELECT id, key, event_id, title, summary, body, date, status, images, author_id, "
    "created_at, updated_at, version FROM news ";

NewsItem ReadNews(const Statement& s) {
  NewsItem n;
  n.id = NewsId(s.Int(0));
  n.key = s.Text(1);
  n.event = EventId(s.IsNull(2) ? 0 : s.Int(2));
  n.title = LocalizedFromJson(s.Text(3));
  n.summary = LocalizedFromJson(s.Text(4));
  n.body = LocalizedFromJson(s.Text(5));
  n.date = ParseDate(s.Text(6)).value_or(CivilDate{});
  n.status = ParseNewsStatus(s.Text(7)).value_or(NewsStatus::kDraft);
  n.images = NewsImagesFromJson(s.Text(8));
  n.author = UserId(s.IsNull(9) ? 0 : s.Int(9));
  n.created_at = FromEpochSeconds(s.Int(10));
  n.updated_at = FromEpochSeconds(s.Int(11));
  n.version = static_cast<int>(s.Int(12));
  return n;
}

void BindNews(Statement& s, const NewsItem& n) {
  s.Bind(1, n.key).BindOptionalId(2, n.event.value()).Bind(3, ToJson(n.title));
  s.Bind(4, ToJson(n.summary)).Bind(5, ToJson(n.body)).Bind(6, FormatDate(n.date));
  s.Bind(7, ToCode(n.status)).Bind(8, NewsImagesToJson(n.images));
  s.BindOptionalId(9, n.author.value()).Bind(10, EpochSeconds(n.updated_at));
}

Image ReadImage(const Statement& s) {
  Image i;
  i.id = ImageId(s.Int(0));
  i.sha256 = s.Text(1);
  i.content_type = s.Text(2);
  i.bytes = s.Int(3);
  i.width = static_cast<int>(s.Int(4));
  i.height = static_cast<int>(s.Int(5));
  i.file_name = s.Text(6);
  i.uploaded_by = UserId(s.IsNull(7) ? 0 : s.Int(7));
  i.created_at = FromEpochSeconds(s.Int(8));
  return i;
}

constexpr std::string_view kImageColumns =
    "SELECT id, sha256, content_type, bytes, width, height, file_name, uploaded_by, created_at ";

}  // namespace

// ---- outcomes -------------------------------------------------------------------

Status SqliteStore::WriteOutcomeLinks(const Outcome& o) {
  PONTE_ASSIGN_OR_RETURN(Statement clear_orgs,
                         db_->Prepare("DELETE FROM outcome_organizations WHERE outcome_id = ?1"));
  PONTE_RETURN_IF_ERROR(clear_orgs.Bind(1, o.id.value()).Run());
  PONTE_ASSIGN_OR_RETURN(Statement clear_meetings,
                         db_->Prepare("DELETE FROM outcome_meetings WHERE outcome_id = ?1"));
  PONTE_RETURN_IF_ERROR(clear_meetings.Bind(1, o.id.value()).Run());
  PONTE_ASSIGN_OR_RETURN(
      Statement org,
      db_->Prepare("INSERT OR IGNORE INTO outcome_organizations(outcome_id, organization_id) "
                   "VALUES(?1, ?2)"));
  for (OrganizationId id : o.organizations) {
    auto done = org.Bind(1, o.id.value()).Bind(2, id.value()).Run();
    if (!done.ok())
      return NotFoundError("outcome '" + o.key + "': no organization " +
                           std::to_string(id.value()));
  }
  PONTE_ASSIGN_OR_RETURN(
      Statement meeting,
      db_->Prepare(
          "INSERT OR IGNORE INTO outcome_meetings(outcome_id, meeting_id) VALUES(?1, ?2)"));
  for (MeetingId id : o.meetings) {
    auto done = meeting.Bind(1, o.id.value()).Bind(2, id.value()).Run();
    if (!done.ok()) {
      return NotFoundError("outcome '" + o.key + "': no meeting " + std::to_string(id.value()));
    }
  }
  return OkStatus();
}

Status SqliteStore::CreateOutcome(Outcome& o) {
  PONTE_RETURN_IF_ERROR(CheckOutcome(o));
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(
          "INSERT INTO outcomes(key, event_id, request_id, kind, stage, title, date, "
          "end_date, value, currency, notes, review, review_note, reported_by, "
          "reported_for, reviewed_by, updated_at, created_at) VALUES(?1, ?2, ?3, ?4, "
          "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) RETURNING id"));
  BindOutcome(stmt, o);
  stmt.Bind(18, EpochSeconds(o.created_at));
  auto row = stmt.Step();
  if (!row.ok()) {
    if (row.status().code() == StatusCode::kAborted) return OutcomeConflict(o);
    return row.status();
  }
  o.id = OutcomeId(stmt.Int(0));
  o.version = 1;
  stmt.Reset();
  PONTE_RETURN_IF_ERROR(WriteOutcomeLinks(o));
  return tx.Commit();
}

Result<Outcome> SqliteStore::GetOutcome(OutcomeId id) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> found, QueryOutcomes("WHERE id = ?1", id.value()));
  if (found.empty()) return NotFoundError("no outcome " + std::to_string(id.value()));
  return std::move(found.front());
}

Status SqliteStore::UpdateOutcome(Outcome& o, int expected_version) {
  PONTE_RETURN_IF_ERROR(CheckOutcome(o));
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE outcomes SET key = ?1, event_id = ?2, request_id = ?3, kind = ?4, "
                   "stage = ?5, title = ?6, date = ?7, end_date = ?8, value = ?9, currency = "
                   "?10, notes = ?11, review = ?12, review_note = ?13, reported_by = ?14, "
                   "reported_for = ?15, reviewed_by = ?16, updated_at = ?17, version = version "
                   "+ 1 WHERE id = ?18 AND version = ?19 RETURNING version"));
  BindOutcome(stmt, o);
  stmt.Bind(18, o.id.value()).Bind(19, expected_version);
  auto row = stmt.Step();
  if (!row.ok()) {
    if (row.status().code() == StatusCode::kAborted) return OutcomeConflict(o);
    return row.status();
  }
  if (!*row) {
    stmt.Reset();
    PONTE_ASSIGN_OR_RETURN(Outcome now, GetOutcome(o.id));
    return StaleError("outcome", o.id.value(), expected_version, now.version);
  }
  o.version = static_cast<int>(stmt.Int(0));
  stmt.Reset();
  PONTE_RETURN_IF_ERROR(WriteOutcomeLinks(o));
  return tx.Commit();
}

Status SqliteStore::DeleteOutcome(OutcomeId id, int expected_version) {
  PONTE_ASSIGN_OR_RETURN(Outcome now, GetOutcome(id));
  if (now.version != expected_version) {
    return StaleError("outcome", id.value(), expected_version, now.version);
  }
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare("DELETE FROM outcomes WHERE id = ?1 AND version = ?2"));
  return stmt.Bind(1, id.value()).Bind(2, expected_version).Run();
}

Result<std::vector<Outcome>> SqliteStore::QueryOutcomes(std::string_view where, std::int64_t a,
                                                        std::int64_t b) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare(std::string(kOutcomeColumns) + std::string(where) +
                                      " ORDER BY date DESC, id DESC"));
  stmt.Bind(1, a).Bind(2, b);  // an index the SQL does not use is ignored
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> out,
                         Collect<Outcome>(stmt, [&] { return ReadOutcome(stmt); }));
  if (out.empty()) return out;
  // Links of the listed outcomes, in one pass each.
  std::unordered_map<std::int64_t, Outcome*> by_id;
  for (Outcome& o : out) by_id[o.id.value()] = &o;
  PONTE_ASSIGN_OR_RETURN(
      Statement orgs, db_->Prepare("SELECT outcome_id, organization_id FROM outcome_organizations "
                                   "ORDER BY outcome_id, organization_id"));
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool row, orgs.Step());
    if (!row) break;
    auto it = by_id.find(orgs.Int(0));
    if (it != by_id.end()) it->second->organizations.push_back(OrganizationId(orgs.Int(1)));
  }
  PONTE_ASSIGN_OR_RETURN(Statement meetings,
                         db_->Prepare("SELECT outcome_id, meeting_id FROM outcome_meetings ORDER "
                                      "BY outcome_id, meeting_id"));
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool row, meetings.Step());
    if (!row) break;
    auto it = by_id.find(meetings.Int(0));
    if (it != by_id.end()) it->second->meetings.push_back(MeetingId(meetings.Int(1)));
  }
  return out;
}

Result<std::vector<Outcome>> SqliteStore::ListOutcomes(const OutcomeFilter& filter) {
  std::string where = "WHERE (?1 = 0 OR event_id = ?1)";
  if (filter.organization.value() != 0) {
    where += " AND id IN (SELECT outcome_id FROM outcome_organizations WHERE organization_id = ?2)";
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> out,
                         QueryOutcomes(where, filter.event.value(), filter.organization.value()));
  if (filter.review) {
    std::erase_if(out, [&](const Outcome& o) { return o.review != *filter.review; });
  }
  return out;
}

// ---- follow-up rounds -----------------------------------------------------------

Result<bool> SqliteStore::ClaimFollowUp(const FollowUp& f, std::vector<OutboxMessage>& mails) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO follow_ups(event_id, organization_id, round, sent_at) VALUES(?1, "
                   "?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING round"));
  stmt.Bind(1, f.event.value()).Bind(2, f.organization.value()).Bind(3, f.round);
  stmt.Bind(4, EpochSeconds(f.sent_at));
  PONTE_ASSIGN_OR_RETURN(bool claimed, stmt.Step());
  stmt.Reset();
  if (!claimed) return false;  // the destructor rolls back (nothing was written)
  for (OutboxMessage& m : mails) PONTE_RETURN_IF_ERROR(EnqueueMessage(m));
  PONTE_RETURN_IF_ERROR(tx.Commit());
  return true;
}

Result<std::vector<FollowUp>> SqliteStore::ListFollowUps(EventId event) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare("SELECT event_id, organization_id, round, sent_at FROM "
                                      "follow_ups WHERE event_id = ?1 ORDER BY organization_id, "
                                      "round"));
  stmt.Bind(1, event.value());
  return Collect<FollowUp>(stmt, [&] {
    return FollowUp{EventId(stmt.Int(0)), OrganizationId(stmt.Int(1)),
                    static_cast<int>(stmt.Int(2)), FromEpochSeconds(stmt.Int(3))};
  });
}

// ---- images ---------------------------------------------------------------------

Status SqliteStore::PutImage(Image& image, std::string_view bytes) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO images(sha256, content_type, bytes, width, height, file_name, "
                   "uploaded_by, created_at, data) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                   "ON CONFLICT(sha256) DO NOTHING"));
  stmt.Bind(1, image.sha256).Bind(2, image.content_type);
  stmt.Bind(3, static_cast<std::int64_t>(bytes.size())).Bind(4, image.width).Bind(5, image.height);
  stmt.Bind(6, image.file_name).BindOptionalId(7, image.uploaded_by.value());
  stmt.Bind(8, EpochSeconds(image.created_at)).BindBlob(9, bytes);
  PONTE_RETURN_IF_ERROR(stmt.Run());
  PONTE_ASSIGN_OR_RETURN(image, GetImage(image.sha256, nullptr));
  return OkStatus();
}

Result<Image> SqliteStore::GetImage(std::string_view sha256, std::string* bytes) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt, db_->Prepare(std::string(kImageColumns) + (bytes != nullptr ? ", data" : "") +
                                   " FROM images WHERE sha256 = ?1"));
  stmt.Bind(1, sha256);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no image " + std::string(sha256));
  Image image = ReadImage(stmt);
  if (bytes != nullptr) *bytes = stmt.Text(9);
  return image;
}

Result<std::vector<Image>> SqliteStore::ListImages() {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare(std::string(kImageColumns) + " FROM images ORDER BY id"));
  return Collect<Image>(stmt, [&] { return ReadImage(stmt); });
}

// ---- news -----------------------------------------------------------------------

Status SqliteStore::CreateNews(NewsItem& n) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO news(key, event_id, title, summary, body, date, status, images, "
                   "author_id, updated_at, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                   "?9, ?10, ?11) RETURNING id"));
  BindNews(stmt, n);
  stmt.Bind(11, EpochSeconds(n.created_at));
  auto row = stmt.Step();
  if (!row.ok()) {
    if (row.status().code() == StatusCode::kAborted) return NewsConflict(n);
    return row.status();
  }
  n.id = NewsId(stmt.Int(0));
  n.version = 1;
  return OkStatus();
}

Result<NewsItem> SqliteStore::GetNews(std::string_view key) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare(std::string(kNewsColumns) + "WHERE key = ?1"));
  stmt.Bind(1, key);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no news item '" + std::string(key) + "'");
  return ReadNews(stmt);
}

Status SqliteStore::UpdateNews(NewsItem& n, int expected_version) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE news SET key = ?1, event_id = ?2, title = ?3, summary = ?4, body = ?5, "
                   "date = ?6, status = ?7, images = ?8, author_id = ?9, updated_at = ?10, "
                   "version = version + 1 WHERE id = ?11 AND version = ?12 RETURNING version"));
  BindNews(stmt, n);
  stmt.Bind(11, n.id.value()).Bind(12, expected_version);
  auto row = stmt.Step();
  if (!row.ok()) {
    if (row.status().code() == StatusCode::kAborted) return NewsConflict(n);
    return row.status();
  }
  if (!*row) {
    stmt.Reset();
    return NewsStale(n.id, expected_version);
  }
  n.version = static_cast<int>(stmt.Int(0));
  return OkStatus();
}

Status SqliteStore::DeleteNews(NewsId id, int expected_version) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt, db_->Prepare("DELETE FROM news WHERE id = ?1 AND version = ?2 RETURNING id"));
  stmt.Bind(1, id.value()).Bind(2, expected_version);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  stmt.Reset();
  if (!row) return NewsStale(id, expected_version);
  return OkStatus();
}

Status SqliteStore::NewsStale(NewsId id, int expected_version) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare("SELECT version FROM news WHERE id = ?1"));
  stmt.Bind(1, id.value());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no news item " + std::to_string(id.value()));
  return StaleError("news item", id.value(), expected_version, static_cast<int>(stmt.Int(0)));
}

Result<std::vector<NewsItem>> SqliteStore::ListNews(const NewsFilter& filter) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(std::string(kNewsColumns) +
                   "WHERE (?1 = 0 OR event_id = ?1) AND (?2 = 0 OR status = 'published') ORDER "
                   "BY date DESC, id DESC LIMIT ?3"));
  stmt.Bind(1, filter.event.value()).Bind(2, filter.published_only ? 1 : 0);
  stmt.Bind(3, std::max(filter.limit, 0));
  return Collect<NewsItem>(stmt, [&] { return ReadNews(stmt); });
}

}  // namespace ponte::store_internal
