// Internal to store: a thin RAII layer over the sqlite3 C API that reports
// Status values instead of result codes. Not part of the public interface.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ponte::sqlite {

class Statement;

class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  static Result<std::unique_ptr<Database>> Open(const std::string& path, int flags);
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  // True between BEGIN and COMMIT/ROLLBACK.
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
  Status Error(std::string_view what) const;
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& BindNull(int index);
  // Binds bytes as a BLOB (Text() reads them back).
  Statement& BindBlob(int index, std::string_view bytes);
  // Binds NULL when the id is 0.
  Statement& BindOptionalId(int index, std::int64_t id);

  // True while a row is available; errors become a Status.
  Result<bool> Step();
  // Runs to completion (INSERT/UPDATE/DELETE).
  Status Run();
  void Reset();

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string Text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace ponte::sqlite
