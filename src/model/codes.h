// Country and language codes accepted by ponte.
//
//   IsCountryCode("IT")  -> true   (ISO 3166-1 alpha-2, upper case)
//   IsLanguageCode("zh") -> true   (ISO 639-1, lower case)
#pragma once

#include <string_view>

namespace ponte {

bool IsCountryCode(std::string_view code);
bool IsLanguageCode(std::string_view code);

}  // namespace ponte
