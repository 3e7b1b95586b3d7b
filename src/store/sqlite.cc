#include "store/sqlite.h"

#include <memory>

namespace ponte::sqlite {

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, int flags) {
  auto db = std::make_unique<Database>();
  const int rc = sqlite3_open_v2(path.c_str(), &db->db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db->db_ != nullptr ? sqlite3_errmsg(db->db_) : sqlite3_errstr(rc);
    if (rc == SQLITE_CANTOPEN)
      return NotFoundError("cannot open database '" + path + "': " + message);
    return UnavailableError("cannot open database '" + path + "': " + message);
  }
  sqlite3_busy_timeout(db->db_, 5000);
  sqlite3_extended_result_codes(db->db_, 1);
  return db;
}

Status Database::Error(std::string_view what) const {
  const int code = sqlite3_errcode(db_);
  std::string message = std::string(what) + ": " + sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return AbortedError(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return UnavailableError(message);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return FailedPreconditionError(message);
    case SQLITE_READONLY:
      return PermissionDeniedError(message);
    default:
      return InternalError(message);
  }
}

Status Database::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return Error("SQL failed");
  }
  return OkStatus();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return Error("preparing SQL");
  }
  return Statement(db_, stmt);
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}
Statement& Statement::BindOptionalId(int index, std::int64_t id) {
  return id == 0 ? BindNull(index) : Bind(index, id);
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int code = rc & 0xff;
  std::string message = sqlite3_errmsg(db_);
  if (code == SQLITE_CONSTRAINT) return AbortedError("constraint violated: " + message);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    return UnavailableError("database busy: " + message);
  if (code == SQLITE_READONLY) return PermissionDeniedError("database is read-only: " + message);
  return InternalError("SQL step failed: " + message);
}

Status Statement::Run() {
  PONTE_ASSIGN_OR_RETURN(bool row, Step());
  (void)row;
  Reset();
  return OkStatus();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

}  // namespace ponte::sqlite
