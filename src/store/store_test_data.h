// Test-only: the small event that store_test.cc and store_suite_test.cc
// import, read from CSV text the way `ponte import` reads files.
//
//   Dataset data = store_test::SmallEvent(taxonomy);
//   ASSERT_TRUE(store->Import(data, {}).ok());
#pragma once

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

#include "io/import.h"

namespace ponte::store_test {

// Parses `text` (the file `name`) of the given kind into `data` and returns
// it; a parse error fails the calling test.
inline Dataset ReadInto(const Taxonomy& taxonomy, io::FileKind kind, std::string_view text,
                        std::string_view name, Dataset data = {}) {
  io::ReadOptions options{.taxonomy = &taxonomy, .time_zone = "Asia/Shanghai"};
  Status s = io::ReadText(kind, text, name, options, data);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return data;
}

// Event "icstiw-2026" (Asia/Shanghai, 2026-11-16 to 17): three organizations
// (it-unibo, cn-scu, cn-tf), one session with two tables (bj-am), two people
// (p-rossi, p-wang) and a request (r1, it-unibo to cn-scu).
inline Dataset SmallEvent(const Taxonomy& taxonomy) {
  Dataset data;
  Event e;
  e.key = "icstiw-2026";
  e.name.Set("it", "Settimana Italia–Cina della scienza, tecnologia e innovazione");
  e.name.Set("zh", "中意科技创新合作周");
  e.time_zone = "Asia/Shanghai";
  e.start_date = {2026, 11, 16};
  e.end_date = {2026, 11, 17};
  data.event = e;
  data = ReadInto(taxonomy, io::FileKind::kOrganizations,
                  "key,name_it,name_zh,type,country,city\n"
                  "it-unibo,Università di Bologna,博洛尼亚大学,university,IT,Bologna\n"
                  "cn-scu,,四川大学,university,CN,成都\n"
                  "cn-tf,,天府新区,district,CN,成都\n",
                  "organizations.csv", std::move(data));
  data = ReadInto(taxonomy, io::FileKind::kSessions,
                  "key,city,date,start,end,slot_minutes,tables\n"
                  "bj-am,Beijing,2026-11-16,09:00,12:00,30,2\n",
                  "sessions.csv", std::move(data));
  data = ReadInto(taxonomy, io::FileKind::kPeople,
                  "key,organization,given_name,family_name,languages,sessions\n"
                  "p-rossi,it-unibo,Niccolò,Rossi,it;en,bj-am\n"
                  "p-wang,cn-scu,伟,王,zh,\n",
                  "people.csv", std::move(data));
  data = ReadInto(taxonomy, io::FileKind::kRequests,
                  "key,from,to,preference,status,message\n"
                  "r1,it-unibo,cn-scu,must,accepted,Restauro e beni culturali — 文物保护\n",
                  "requests.csv", std::move(data));
  return data;
}

}  // namespace ponte::store_test
