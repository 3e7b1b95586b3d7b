// Internal to io: the columns of each file kind, shared by the readers (to
// reject unknown columns) and the writers (to order them).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "io/import.h"

namespace ponte::io {

// Columns in writing order. A column ending in "_*" stands for one column per
// language (name_en, name_it, name_zh, ...).
std::span<const std::string_view> Columns(FileKind kind);
std::span<const std::string_view> RequiredColumns(FileKind kind);
bool IsKnownColumn(FileKind kind, std::string_view column);
// "key, name_<lang>, type, ..." for error messages.
std::string ExpectedColumns(FileKind kind);

}  // namespace ponte::io
