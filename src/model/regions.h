// Names of the regions of Italy and the province-level divisions of China in
// Italian, English and Chinese, so that a report grouped by region reads in
// the reader's language whichever language the data was typed in.
//
//   RegionName("IT", "Lombardia")  -> {it: Lombardia, en: Lombardy, zh: 伦巴第}
//   RegionName("CN", "四川省")      -> {it: Sichuan, en: Sichuan, zh: 四川}
//   RegionName("CN", "Atlantis")   -> nullopt
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/localized_text.h"

namespace ponte {

// `region` matches any of the three names (ASCII case ignored; a Chinese
// name may carry 省, 市 or 自治区). The country's own regions are looked up
// first, then the other country's: an Italian consulate in Chongqing has
// region "Chongqing". nullopt when nothing matches.
std::optional<LocalizedText> RegionName(std::string_view country, std::string_view region);

// One spelling per region, for grouping and stable codes: the Italian name of
// an Italian region, the pinyin of a Chinese one ("Lombardy" and "伦巴第" →
// "Lombardia", "广东省" → "Guangdong"); an unknown region as typed, trimmed.
std::string CanonicalRegion(std::string_view country, std::string_view region);

}  // namespace ponte
