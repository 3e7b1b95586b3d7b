#include "model/regions.h"

#include <array>
#include <string>
#include <utility>

#include "core/utf8.h"

namespace ponte {
namespace {

struct Region {
  std::string_view it, en, zh;
};

// The 20 regions of Italy.
constexpr std::array<Region, 20> kItaly{{
    {"Abruzzo", "Abruzzo", "阿布鲁佐"},
    {"Basilicata", "Basilicata", "巴西利卡塔"},
    {"Calabria", "Calabria", "卡拉布里亚"},
    {"Campania", "Campania", "坎帕尼亚"},
    {"Emilia-Romagna", "Emilia-Romagna", "艾米利亚-罗马涅"},
    {"Friuli-Venezia Giulia", "Friuli Venezia Giulia", "弗留利-威尼斯朱利亚"},
    {"Lazio", "Lazio", "拉齐奥"},
    {"Liguria", "Liguria", "利古里亚"},
    {"Lombardia", "Lombardy", "伦巴第"},
    {"Marche", "Marche", "马尔凯"},
    {"Molise", "Molise", "莫利塞"},
    {"Piemonte", "Piedmont", "皮埃蒙特"},
    {"Puglia", "Apulia", "普利亚"},
    {"Sardegna", "Sardinia", "撒丁"},
    {"Sicilia", "Sicily", "西西里"},
    {"Toscana", "Tuscany", "托斯卡纳"},
    {"Trentino-Alto Adige", "Trentino-South Tyrol", "特伦蒂诺-上阿迪杰"},
    {"Umbria", "Umbria", "翁布里亚"},
    {"Valle d'Aosta", "Aosta Valley", "瓦莱达奥斯塔"},
    {"Veneto", "Veneto", "威尼托"},
}};

// The province-level divisions of the People's Republic of China.
constexpr std::array<Region, 33> kChina{{
    {"Pechino", "Beijing", "北京"},
    {"Tianjin", "Tianjin", "天津"},
    {"Shanghai", "Shanghai", "上海"},
    {"Chongqing", "Chongqing", "重庆"},
    {"Hebei", "Hebei", "河北"},
    {"Shanxi", "Shanxi", "山西"},
    {"Mongolia Interna", "Inner Mongolia", "内蒙古"},
    {"Liaoning", "Liaoning", "辽宁"},
    {"Jilin", "Jilin", "吉林"},
    {"Heilongjiang", "Heilongjiang", "黑龙江"},
    {"Jiangsu", "Jiangsu", "江苏"},
    {"Zhejiang", "Zhejiang", "浙江"},
    {"Anhui", "Anhui", "安徽"},
    {"Fujian", "Fujian", "福建"},
    {"Jiangxi", "Jiangxi", "江西"},
    {"Shandong", "Shandong", "山东"},
    {"Henan", "Henan", "河南"},
    {"Hubei", "Hubei", "湖北"},
    {"Hunan", "Hunan", "湖南"},
    {"Guangdong", "Guangdong", "广东"},
    {"Guangxi", "Guangxi", "广西"},
    {"Hainan", "Hainan", "海南"},
    {"Sichuan", "Sichuan", "四川"},
    {"Guizhou", "Guizhou", "贵州"},
    {"Yunnan", "Yunnan", "云南"},
    {"Tibet", "Tibet", "西藏"},
    {"Shaanxi", "Shaanxi", "陕西"},
    {"Gansu", "Gansu", "甘肃"},
    {"Qinghai", "Qinghai", "青海"},
    {"Ningxia", "Ningxia", "宁夏"},
    {"Xinjiang", "Xinjiang", "新疆"},
    {"Hong Kong", "Hong Kong", "香港"},
    {"Macao", "Macau", "澳门"},
}};

// "四川省" → "四川", "北京市" → "北京", "广西壮族自治区" is left alone
// (only the plain suffixes are dropped).
std::string_view WithoutChineseSuffix(std::string_view name) {
  for (std::string_view suffix : {"自治区", "省", "市"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

template <std::size_t N>
const Region* Find(const std::array<Region, N>& regions, std::string_view name) {
  const std::string lower = AsciiLower(name);
  const std::string_view zh = WithoutChineseSuffix(name);
  for (const Region& r : regions) {
    if (lower == AsciiLower(r.it) || lower == AsciiLower(r.en) || zh == r.zh) return &r;
  }
  return nullptr;
}

// The region named `region`, the country's own first; with whether it is Italian.
std::pair<const Region*, bool> Lookup(std::string_view country, std::string_view region) {
  region = Trim(region);
  if (region.empty()) return {nullptr, false};
  const bool china_first = country == "CN";
  for (const bool china : {china_first, !china_first}) {
    const Region* found = china ? Find(kChina, region) : Find(kItaly, region);
    if (found != nullptr) return {found, !china};
  }
  return {nullptr, false};
}

}  // namespace

std::string CanonicalRegion(std::string_view country, std::string_view region) {
  const auto [found, italian] = Lookup(country, region);
  if (found == nullptr) return std::string(Trim(region));
  return std::string(italian ? found->it : found->en);
}

std::optional<LocalizedText> RegionName(std::string_view country, std::string_view region) {
  const Region* found = Lookup(country, region).first;
  if (found == nullptr) return std::nullopt;
  LocalizedText out;
  out.Set("it", std::string(found->it));
  out.Set("en", std::string(found->en));
  out.Set("zh", std::string(found->zh));
  return out;
}

}  // namespace ponte
