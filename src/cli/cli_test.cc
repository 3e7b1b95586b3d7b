// End-to-end tests of the `ponte` binary: exit codes, messages, and that a
// failed import leaves the database byte-for-byte unchanged. Cases under
// testdata/import_errors/<case>/ hold the files to import and expected.txt
// (line 1: exit code, line 2: a substring of the error message).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kTestData = fs::path(PONTE_SOURCE_DIR) / "src/cli/testdata";

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

RunResult RunPonte(const std::string& args) {
  const std::string command = std::string(PONTE_BINARY) + " " + args + " 2>&1";
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ponte_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A database holding the valid organizations and people.
  void InitWithValidData() {
    ASSERT_EQ(RunPonte("init --db " + db_).exit_code, 0);
    const RunResult r =
        RunPonte("import --db " + db_ + " " + (kTestData / "valid/organizations.csv").string() +
                 " " + (kTestData / "valid/people.csv").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliTest, VersionAndHelp) {
  EXPECT_THAT(RunPonte("--version").output, HasSubstr("ponte "));
  for (const char* cmd : {"init", "import", "export", "demo"}) {
    const RunResult r = RunPonte(std::string(cmd) + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.output, HasSubstr("--")) << cmd;
  }
  EXPECT_EQ(RunPonte("no-such-command").exit_code, 1);
  EXPECT_EQ(RunPonte("import").exit_code, 1);  // missing --db and files
}

TEST_F(CliTest, MissingDatabaseIsNotFound) {
  const RunResult r = RunPonte("import --db " + (dir_ / "none.db").string() + " " +
                               (kTestData / "valid/organizations.csv").string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.output, HasSubstr("ponte init"));
}

TEST_F(CliTest, MalformedImportsFailPreciselyAndChangeNothing) {
  InitWithValidData();
  const std::string before = ReadBytes(db_);
  ASSERT_FALSE(before.empty());
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(kTestData / "import_errors")) {
    SCOPED_TRACE(entry.path().filename().string());
    std::ifstream expected_file(entry.path() / "expected.txt");
    int expected_code = 0;
    std::string expected_message;
    expected_file >> expected_code;
    expected_file.ignore();
    std::getline(expected_file, expected_message);
    std::string files;
    for (const char* name : {"organizations.csv", "people.csv", "sessions.csv"}) {
      if (fs::exists(entry.path() / name)) files += " " + (entry.path() / name).string();
    }
    for (const char* mode : {"", " --dry-run"}) {
      const RunResult r = RunPonte("import --db " + db_ + mode + files);
      EXPECT_EQ(r.exit_code, expected_code) << r.output;
      EXPECT_THAT(r.output, HasSubstr(expected_message));
      EXPECT_EQ(ReadBytes(db_), before) << "the database changed";
    }
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST_F(CliTest, DryRunValidatesWithoutWriting) {
  InitWithValidData();
  const std::string before = ReadBytes(db_);
  const fs::path extra = dir_ / "organizations.csv";
  std::ofstream(extra) << "key,name_zh,type,country\ncn-bit,北京理工大学,university,CN\n";
  const RunResult r = RunPonte("import --dry-run --db " + db_ + " " + extra.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("dry run"));
  EXPECT_EQ(ReadBytes(db_), before);
}

TEST_F(CliTest, CsvRoundTripThroughTheStoreKeepsEveryByte) {
  InitWithValidData();
  const fs::path out = dir_ / "export";
  const RunResult r = RunPonte("export --db " + db_ + " --dir " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // Same records, same columns, same text: the export equals the input
  // modulo line endings (exports use CRLF as RFC 4180 says).
  for (const char* name : {"organizations.csv", "people.csv"}) {
    std::string input = ReadBytes(kTestData / "valid" / name);
    std::string exported = ReadBytes(out / name);
    std::string crlf;
    for (char ch : input) {
      if (ch == '\n') crlf += '\r';
      crlf += ch;
    }
    EXPECT_EQ(exported, crlf) << name;
  }
  // And re-importing the export into a fresh database gives the same export.
  const std::string db2 = (dir_ / "second.db").string();
  ASSERT_EQ(RunPonte("init --db " + db2).exit_code, 0);
  ASSERT_EQ(RunPonte("import --db " + db2 + " " + (out / "organizations.csv").string() + " " +
                     (out / "people.csv").string())
                .exit_code,
            0);
  const fs::path out2 = dir_ / "export2";
  ASSERT_EQ(RunPonte("export --db " + db2 + " --dir " + out2.string()).exit_code, 0);
  EXPECT_EQ(ReadBytes(out2 / "organizations.csv"), ReadBytes(out / "organizations.csv"));
  EXPECT_EQ(ReadBytes(out2 / "people.csv"), ReadBytes(out / "people.csv"));
}

TEST_F(CliTest, JsonLinesExportReimports) {
  InitWithValidData();
  const fs::path jsonl = dir_ / "people.jsonl";
  ASSERT_EQ(RunPonte("export --db " + db_ + " --kind people --format jsonl --out " + jsonl.string())
                .exit_code,
            0);
  EXPECT_THAT(ReadBytes(jsonl), HasSubstr("\"given_name\":\"晓明\""));
  const RunResult r = RunPonte("import --db " + db_ + " " + jsonl.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("2 updated"));
}

// Reads one member of a ZIP archive (as XLSX files are), inflating it with zlib.
std::string ZipMember(const std::string& zip, const std::string& name) {
  std::size_t pos = 0;
  while (pos + 30 <= zip.size() && std::memcmp(zip.data() + pos, "PK\x03\x04", 4) == 0) {
    auto u16 = [&](std::size_t at) {
      return static_cast<std::size_t>(static_cast<unsigned char>(zip[at])) |
             static_cast<std::size_t>(static_cast<unsigned char>(zip[at + 1])) << 8;
    };
    auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    const std::size_t method = u16(pos + 8);
    std::size_t compressed = u32(pos + 18);
    const std::size_t uncompressed = u32(pos + 22);
    const std::size_t name_len = u16(pos + 26);
    const std::size_t extra_len = u16(pos + 28);
    const std::string member = zip.substr(pos + 30, name_len);
    const std::size_t data = pos + 30 + name_len + extra_len;
    if ((u16(pos + 6) & 0x8) != 0 && compressed == 0) return "";  // streamed: unsupported
    if (member == name) {
      if (method == 0) return zip.substr(data, compressed);
      std::string out(uncompressed, '\0');
      z_stream stream{};
      inflateInit2(&stream, -MAX_WBITS);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      stream.avail_in = static_cast<uInt>(compressed);
      stream.next_out = reinterpret_cast<Bytef*>(out.data());
      stream.avail_out = static_cast<uInt>(out.size());
      inflate(&stream, Z_FINISH);
      inflateEnd(&stream);
      return out;
    }
    pos = data + compressed;
  }
  return "";
}

TEST_F(CliTest, XlsxExportKeepsChineseAndItalianText) {
  InitWithValidData();
  const fs::path xlsx = dir_ / "registry.xlsx";
  const RunResult r = RunPonte("export --db " + db_ + " --xlsx " + xlsx.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string zip = ReadBytes(xlsx);
  const std::string strings = ZipMember(zip, "xl/sharedStrings.xml");
  ASSERT_FALSE(strings.empty()) << "no shared strings in the workbook";
  for (const char* text : {"Alma Mater Studiorum – Università di Bologna", "博洛尼亚大学",
                           "天府新区 \"科创\"中心", "Niccolò", "国际合作处处长", "四川省"}) {
    EXPECT_THAT(strings, HasSubstr(text));
  }
  EXPECT_THAT(ZipMember(zip, "xl/workbook.xml"), HasSubstr("name=\"organizations\""));
}

TEST_F(CliTest, DemoBuildsAndSummarizes) {
  const RunResult r = RunPonte("demo --no-serve --schedule-seconds 2 --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("中意科技创新合作周"));
  EXPECT_THAT(r.output, HasSubstr("Organizations: "));
  EXPECT_THAT(r.output, HasSubstr("Matchmaking: top 10 partners"));
  EXPECT_THAT(r.output, HasSubstr("Offre ciò che cercate"));  // an explanation in Italian
  EXPECT_THAT(r.output, HasSubstr("提供您所寻求的"));         // and one in Chinese
  EXPECT_THAT(r.output, HasSubstr("60 meetings proposed from the strongest mutual"));
  EXPECT_THAT(r.output, HasSubstr("Timetable: "));
  EXPECT_THAT(r.output, HasSubstr("Chengdu"));
  // Recommendations for the event straight from the store: one JSON line per
  // organization with a profile.
  const RunResult recs = RunPonte("recommend --db " + db_ + " --event icstiw-2026 --top 3");
  ASSERT_EQ(recs.exit_code, 0) << recs.output.substr(0, 500);
  EXPECT_GE(std::count(recs.output.begin(), recs.output.end(), '\n'), 400);
  EXPECT_THAT(recs.output, HasSubstr("{\"id\":\"it-polimi\",\"matches\":[{\"id\":"));
  // The event's timetable straight from the store, in the store's keys.
  const fs::path timetable = dir_ / "timetable.json";
  const RunResult sched = RunPonte(
      "schedule --db " + db_ + " --event icstiw-2026 --time-limit 1 --out " + timetable.string());
  ASSERT_EQ(sched.exit_code, 0) << sched.output;
  const std::string json = ReadBytes(timetable);
  EXPECT_THAT(json, HasSubstr("\"published\": false"));
  EXPECT_THAT(json, HasSubstr("\"session\": \"cd-pm\""));
  EXPECT_THAT(json, HasSubstr("\"interpreter\": "));
  EXPECT_EQ(RunPonte("schedule --db " + db_ + " --event nope").exit_code, 3);
  EXPECT_EQ(RunPonte("schedule --time-limit 1").exit_code, 1);  // no input: usage
  // The demo's roadshow is in the store and can be planned again from there.
  const RunResult tour =
      RunPonte("plan-tour --db " + db_ + " --roadshow roadshow-2026 --time-limit 1 --ics " +
               (dir_ / "roadshow.ics").string());
  ASSERT_EQ(tour.exit_code, 0) << tour.output.substr(0, 500);
  EXPECT_THAT(tour.output, HasSubstr("Chongqing"));
  EXPECT_THAT(ReadBytes(dir_ / "roadshow.ics"), HasSubstr("BEGIN:VCALENDAR"));
  EXPECT_EQ(RunPonte("plan-tour --db " + db_ + " --roadshow nope").exit_code, 3);
  // Refreshing an existing demo database works too.
  EXPECT_EQ(RunPonte("demo --no-serve --schedule-seconds 2 --db " + db_).exit_code, 0);
}

}  // namespace
