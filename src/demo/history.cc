#include "demo/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/rng.h"
#include "core/time.h"
#include "demo/demo.h"
#include "model/validate.h"

namespace ponte::demo {
namespace {

// --- The shape of the two past editions --------------------------------------

struct SessionSpec {
  const char* key;
  const char* city;
  const char* venue;
  int day;  // 0 = the edition's first day
  int start_minute;
  int end_minute;
  int break_start;  // minutes after midnight; 0 = none
  int break_end;
  int tables;
};

struct EditionSpec {
  const char* key;
  const char* name_en;
  const char* name_it;
  const char* name_zh;
  const char* time_zone;
  CivilDate first_day;
  std::vector<std::pair<const char*, const char*>> venues;  // (city, name)
  std::vector<SessionSpec> sessions;
  int italian;  // participating organizations by country
  int chinese;
  double share_returning;  // of the previous edition's organizations
  double review_validated;
  double review_rejected;
};

constexpr int kSlotMinutes = 30;
constexpr int kInterpreters = 6;
constexpr double kShareCrossCountry = 0.85;
constexpr double kRequestsPerOrganization = 2.2;
constexpr int kPairsToMeetAgain = 14;

std::vector<EditionSpec> PastEditions() {
  return {
      {.key = kDemoEdition2024,
       .name_en = "China–Italy Science, Technology & Innovation Week 2024",
       .name_it = "Settimana Italia–Cina della Scienza, della Tecnologia e dell'Innovazione 2024",
       .name_zh = "2024中意科技创新合作周",
       .time_zone = "Asia/Shanghai",
       .first_day = {2024, 11, 18},
       .venues = {{"Beijing", "Zhongguancun Exhibition Center"},
                  {"Shanghai", "Shanghai Technology Exchange Center"}},
       .sessions = {{"bj24-am", "Beijing", "Zhongguancun Exhibition Center", 0, 9 * 60,
                     12 * 60 + 30, 10 * 60 + 30, 11 * 60, 32},
                    {"bj24-pm", "Beijing", "Zhongguancun Exhibition Center", 0, 14 * 60,
                     17 * 60 + 30, 0, 0, 28},
                    {"sh24-am", "Shanghai", "Shanghai Technology Exchange Center", 1, 9 * 60,
                     12 * 60, 0, 0, 26},
                    {"sh24-pm", "Shanghai", "Shanghai Technology Exchange Center", 1, 13 * 60 + 30,
                     17 * 60, 15 * 60, 15 * 60 + 30, 24}},
       .italian = 88,
       .chinese = 72,
       .share_returning = 0,
       .review_validated = 0.72,
       .review_rejected = 0.08},
      {.key = kDemoEdition2025,
       .name_en = "China–Italy Science, Technology & Innovation Week 2025",
       .name_it = "Settimana Italia–Cina della Scienza, della Tecnologia e dell'Innovazione 2025",
       .name_zh = "2025中意科技创新合作周",
       .time_zone = "Europe/Rome",
       .first_day = {2025, 11, 17},
       .venues = {{"Roma", "Auditorium del CNR, Piazzale Aldo Moro"},
                  {"Milano", "Museo Nazionale della Scienza e della Tecnologia"}},
       .sessions = {{"rm25-am", "Roma", "Auditorium del CNR, Piazzale Aldo Moro", 0, 9 * 60 + 30,
                     13 * 60, 11 * 60, 11 * 60 + 30, 30},
                    {"rm25-pm", "Roma", "Auditorium del CNR, Piazzale Aldo Moro", 0, 14 * 60 + 30,
                     17 * 60 + 30, 0, 0, 26},
                    {"mi25-am", "Milano", "Museo Nazionale della Scienza e della Tecnologia", 1,
                     9 * 60, 12 * 60 + 30, 10 * 60 + 30, 11 * 60, 30},
                    {"mi25-pm", "Milano", "Museo Nazionale della Scienza e della Tecnologia", 1,
                     14 * 60, 17 * 60, 0, 0, 24}},
       .italian = 96,
       .chinese = 76,
       .share_returning = 0.55,
       .review_validated = 0.58,
       .review_rejected = 0.1},
  };
}

// --- Outcome wording -----------------------------------------------------------

struct KindWords {
  OutcomeKind kind;
  const char* it;  // {} is the partner's name
  const char* en;
  const char* zh;
};

const std::vector<KindWords>& Words() {
  static const std::vector<KindWords> words{
      {OutcomeKind::kJointResearch, "Progetto di ricerca congiunto con {}",
       "Joint research project with {}", "与{}的联合研究项目"},
      {OutcomeKind::kTechnologyTransfer, "Licenza di brevetto e trasferimento tecnologico con {}",
       "Patent licence and technology transfer with {}", "与{}的专利许可与技术转移"},
      {OutcomeKind::kInvestment, "Investimento in joint venture con {}",
       "Joint-venture investment with {}", "与{}的合资投资"},
      {OutcomeKind::kCommercial, "Accordo di distribuzione con {}",
       "Distribution agreement with {}", "与{}的经销协议"},
      {OutcomeKind::kTrainingExchange, "Scambio di dottorandi e studenti con {}",
       "PhD and student exchange with {}", "与{}的博士生和学生交流"},
      {OutcomeKind::kItalianTeachingInChina, "Corsi di lingua italiana in Cina con {}",
       "Italian-language courses in China with {}", "与{}合作在华开设意大利语课程"},
      {OutcomeKind::kChineseTeachingInItaly, "Corsi di lingua cinese in Italia con {}",
       "Chinese-language courses in Italy with {}", "与{}合作在意开设中文课程"},
      {OutcomeKind::kMemorandum, "Memorandum d'intesa con {}",
       "Memorandum of understanding with {}", "与{}签署合作备忘录"},
      {OutcomeKind::kOther, "Partecipazione congiunta a una fiera con {}",
       "Joint trade-fair participation with {}", "与{}联合参展"},
  };
  return words;
}

const char* StageNote(OutcomeStage stage, std::string_view lang) {
  const bool zh = lang == "zh";
  const bool it = lang == "it";
  switch (stage) {
    case OutcomeStage::kNoContact:
      return zh ? "会后未再联系。" : it ? "Nessun contatto dopo l'incontro." : "No contact since.";
    case OutcomeStage::kContactKept:
      return zh   ? "保持邮件联系，交换了资料。"
             : it ? "Contatti via e-mail, scambio di materiali."
                  : "Kept in touch by e-mail, exchanged documents.";
    case OutcomeStage::kValuable:
      return zh   ? "对未来项目很有价值。"
             : it ? "Contatto prezioso per progetti futuri."
                  : "Valuable for future projects.";
    case OutcomeStage::kNegotiation:
      return zh   ? "已开始谈判，正在起草协议。"
             : it ? "Trattativa avviata, bozza di accordo in corso."
                  : "Negotiation started, draft agreement in progress.";
    case OutcomeStage::kAgreement:
      return zh ? "协议已签署。" : it ? "Accordo firmato." : "Agreement signed.";
  }
  return "";
}

bool IsAcademic(OrganizationType t) {
  return t == OrganizationType::kUniversity || t == OrganizationType::kResearch;
}
bool IsBusiness(OrganizationType t) {
  return t == OrganizationType::kCompany || t == OrganizationType::kStartup;
}

OutcomeKind ChooseKind(Rng& rng, const Organization& a, const Organization& b) {
  const double u = rng.UniformReal();
  if (IsAcademic(a.type) && IsAcademic(b.type)) {
    if (u < 0.36) return OutcomeKind::kJointResearch;
    if (u < 0.58) return OutcomeKind::kTrainingExchange;
    if (u < 0.70) return OutcomeKind::kMemorandum;
    if (u < 0.80) return OutcomeKind::kItalianTeachingInChina;
    if (u < 0.90) return OutcomeKind::kChineseTeachingInItaly;
    if (u < 0.96) return OutcomeKind::kTechnologyTransfer;
    return OutcomeKind::kOther;
  }
  if (IsBusiness(a.type) || IsBusiness(b.type)) {
    if (u < 0.34) return OutcomeKind::kCommercial;
    if (u < 0.58) return OutcomeKind::kTechnologyTransfer;
    if (u < 0.76) return OutcomeKind::kInvestment;
    if (u < 0.86) return OutcomeKind::kJointResearch;
    if (u < 0.93) return OutcomeKind::kMemorandum;
    return OutcomeKind::kOther;
  }
  if (u < 0.40) return OutcomeKind::kMemorandum;
  if (u < 0.58) return OutcomeKind::kInvestment;
  if (u < 0.72) return OutcomeKind::kTechnologyTransfer;
  if (u < 0.84) return OutcomeKind::kTrainingExchange;
  if (u < 0.92) return OutcomeKind::kCommercial;
  return OutcomeKind::kOther;
}

OutcomeStage ChooseStage(Rng& rng, bool from_meeting) {
  const double u = rng.UniformReal();
  // Expressions of interest that never met rarely get far.
  const double agreement = from_meeting ? 0.15 : 0.05;
  if (u < agreement) return OutcomeStage::kAgreement;
  if (u < agreement + 0.15) return OutcomeStage::kNegotiation;
  if (u < agreement + 0.40) return OutcomeStage::kValuable;
  if (u < agreement + 0.75) return OutcomeStage::kContactKept;
  return OutcomeStage::kNoContact;
}

bool HasValue(OutcomeKind kind) {
  return kind == OutcomeKind::kCommercial || kind == OutcomeKind::kInvestment ||
         kind == OutcomeKind::kTechnologyTransfer || kind == OutcomeKind::kJointResearch;
}

CivilDate AddDays(const CivilDate& date, std::int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

Instant NoonUtc(const CivilDate& date) {
  return Instant(std::chrono::days(DaysFromCivil(date))) + std::chrono::hours(12);
}

// --- Building one edition ------------------------------------------------------------

struct Edition {
  EditionSpec spec;
  Event event;
  std::vector<const Organization*> participants;
  EditionSummary summary;
  // (a, b) with a < b (organization ids) -> the held meeting's id.
  std::map<std::pair<std::int64_t, std::int64_t>, MeetingId> held;
};

std::pair<std::int64_t, std::int64_t> PairOf(OrganizationId a, OrganizationId b) {
  return std::minmax(a.value(), b.value());
}

class HistoryBuilder {
 public:
  HistoryBuilder(Store& store, std::uint64_t seed) : store_(store), rng_(seed) {}

  Result<DemoHistory> Build() {
    PONTE_ASSIGN_OR_RETURN(organizations_, store_.ListOrganizations());
    if (organizations_.empty()) {
      return FailedPreconditionError("demo history: import the demo registry first");
    }
    std::sort(organizations_.begin(), organizations_.end(),
              [](const Organization& x, const Organization& y) { return x.key < y.key; });
    for (const Organization& o : organizations_) by_id_[o.id.value()] = &o;
    for (const EditionSpec& spec : PastEditions()) {
      if (store_.GetEvent(spec.key).ok()) {
        return AlreadyExistsError("demo history: the database already has edition '" +
                                  std::string(spec.key) + "'");
      }
      Edition edition;
      edition.spec = spec;
      PONTE_RETURN_IF_ERROR(BuildEdition(edition));
      editions_.push_back(std::move(edition));
    }
    DemoHistory history;
    for (const Edition& e : editions_) history.editions.push_back(e.summary);
    std::set<std::int64_t> first;
    for (const Organization* o : editions_[0].participants) first.insert(o->id.value());
    for (const Organization* o : editions_[1].participants) {
      history.returning += first.contains(o->id.value()) ? 1 : 0;
    }
    for (const auto& [pair, id] : editions_[1].held) {
      history.pairs_met_again += editions_[0].held.contains(pair) ? 1 : 0;
    }
    PONTE_ASSIGN_OR_RETURN(history.news, AddNews());
    return history;
  }

 private:
  Status BuildEdition(Edition& edition) {
    const EditionSpec& spec = edition.spec;
    Dataset data;
    Event event;
    event.key = spec.key;
    event.name = {{"en", spec.name_en}, {"it", spec.name_it}, {"zh", spec.name_zh}};
    event.time_zone = spec.time_zone;
    event.start_date = spec.first_day;
    event.end_date = AddDays(spec.first_day, 1);
    event.themes = {"ai",        "manufacturing", "health",    "agrifood", "energy", "heritage",
                    "aerospace", "smartcity",     "materials", "ict",      "marine", "education"};
    for (const auto& [city, name] : spec.venues) {
      Venue v;
      v.key = fmt::format("{}-venue-{}", spec.key, event.venues.size() + 1);
      v.city = city;
      v.name = name;
      event.venues.push_back(v);
    }
    PONTE_RETURN_IF_ERROR(Validate(event));
    data.event = event;
    std::vector<Session> sessions;
    for (const SessionSpec& s : spec.sessions) {
      Session session;
      session.key = s.key;
      session.city = s.city;
      session.venue = s.venue;
      session.date = AddDays(spec.first_day, s.day);
      const CivilDate d = session.date;
      PONTE_ASSIGN_OR_RETURN(session.start, FromCivil({d.year, d.month, d.day, s.start_minute / 60,
                                                       s.start_minute % 60, 0},
                                                      spec.time_zone));
      PONTE_ASSIGN_OR_RETURN(
          session.end, FromCivil({d.year, d.month, d.day, s.end_minute / 60, s.end_minute % 60, 0},
                                 spec.time_zone));
      if (s.break_start > 0) {
        Interval pause;
        PONTE_ASSIGN_OR_RETURN(pause.start, FromCivil({d.year, d.month, d.day, s.break_start / 60,
                                                       s.break_start % 60, 0},
                                                      spec.time_zone));
        PONTE_ASSIGN_OR_RETURN(
            pause.end, FromCivil({d.year, d.month, d.day, s.break_end / 60, s.break_end % 60, 0},
                                 spec.time_zone));
        session.breaks.push_back(pause);
      }
      session.slot_length = Minutes(kSlotMinutes);
      session.tables = s.tables;
      PONTE_RETURN_IF_ERROR(Validate(session));
      sessions.push_back(session);
      data.sessions.push_back({session, {spec.key, 0}});
    }
    static constexpr const char* kInterpreterNames[] = {"Liu Yang (刘洋)",  "Marta Colombo",
                                                        "Sun Jing (孙静)",  "Alessandro Ferri",
                                                        "Zhang Lei (张磊)", "Elena Wu (吴艾琳)"};
    for (int i = 0; i < kInterpreters; ++i) {
      Interpreter interpreter;
      interpreter.key = fmt::format("{}-int-{:02}", spec.key, i + 1);
      interpreter.name = kInterpreterNames[i];
      interpreter.pairs = {{"it", "zh"}};
      if (i % 2 == 0) interpreter.pairs.push_back({"en", "zh"});
      data.interpreters.push_back({interpreter, {}, {spec.key, 0}});
    }

    ChooseParticipants(edition);
    std::vector<RequestRecord> requests = MakeRequests(edition);
    data.requests = requests;
    data.meetings = MakeTimetable(edition, sessions, requests);
    PONTE_RETURN_IF_ERROR(store_.Import(data, {}).status());
    PONTE_ASSIGN_OR_RETURN(edition.event, store_.GetEvent(spec.key));
    return AddOutcomes(edition);
  }

  // The returning share of the previous edition plus newcomers, by country.
  void ChooseParticipants(Edition& edition) {
    std::set<std::int64_t> chosen;
    int italian = 0;
    int chinese = 0;
    auto take = [&](const Organization* o) {
      if (chosen.contains(o->id.value())) return;
      int& n = o->country == "IT" ? italian : chinese;
      const int cap = o->country == "IT" ? edition.spec.italian : edition.spec.chinese;
      if (n >= cap || (o->country != "IT" && o->country != "CN")) return;
      ++n;
      chosen.insert(o->id.value());
      edition.participants.push_back(o);
    };
    if (!editions_.empty()) {
      for (const Organization* o : editions_.back().participants) {
        if (rng_.Bernoulli(edition.spec.share_returning)) take(o);
      }
    }
    std::vector<const Organization*> pool;
    for (const Organization& o : organizations_) pool.push_back(&o);
    rng_.Shuffle(pool);
    for (const Organization* o : pool) take(o);
  }

  std::vector<RequestRecord> MakeRequests(Edition& edition) {
    const EditionSpec& spec = edition.spec;
    std::vector<const Organization*> italian, chinese;
    for (const Organization* o : edition.participants) {
      (o->country == "IT" ? italian : chinese).push_back(o);
    }
    std::set<std::pair<std::int64_t, std::int64_t>> asked;
    std::vector<RequestRecord> out;
    auto add = [&](const Organization* from, const Organization* to, RequestStatus status) {
      if (from == to || !asked.insert(PairOf(from->id, to->id)).second) return;
      RequestRecord rec;
      MeetingRequest& r = rec.request;
      r.key = fmt::format("{}-req-{:04}", spec.key, out.size() + 1);
      r.preference = rng_.Bernoulli(0.25) ? Preference::kMust : Preference::kWant;
      r.status = status;
      r.message = from->country == "IT" ? "Vorremmo presentarvi le nostre attività e valutare una "
                                          "collaborazione."
                                        : "您好！希望与贵单位交流合作机会。";
      r.created_at = NoonUtc(AddDays(spec.first_day, -rng_.UniformInt(12, 45)));
      r.updated_at = r.created_at + std::chrono::hours(rng_.UniformInt(2, 120));
      rec.from_key = from->key;
      rec.to_key = to->key;
      rec.where = {spec.key, 0};
      out.push_back(std::move(rec));
    };
    // The pairs that met in the previous edition and asked to meet again.
    if (!editions_.empty()) {
      std::set<std::int64_t> here;
      for (const Organization* o : edition.participants) here.insert(o->id.value());
      int again = 0;
      for (const auto& [pair, id] : editions_.back().held) {
        if (again == kPairsToMeetAgain) break;
        if (!here.contains(pair.first) || !here.contains(pair.second)) continue;
        if (!rng_.Bernoulli(0.5)) continue;
        add(by_id_[pair.first], by_id_[pair.second], RequestStatus::kAccepted);
        ++again;
      }
    }
    const auto wanted = static_cast<std::size_t>(kRequestsPerOrganization *
                                                 static_cast<double>(edition.participants.size()));
    while (out.size() < wanted) {
      const Organization* from = rng_.Pick(edition.participants);
      const bool cross = rng_.Bernoulli(kShareCrossCountry);
      const auto& others = (from->country == "IT") == cross ? chinese : italian;
      const double u = rng_.UniformReal();
      const RequestStatus status = u < 0.63   ? RequestStatus::kAccepted
                                   : u < 0.82 ? RequestStatus::kDeclined
                                   : u < 0.93 ? RequestStatus::kExpired
                                              : RequestStatus::kCancelled;
      add(from, rng_.Pick(others), status);
    }
    return out;
  }

  // Places every accepted request in the first slot (from a random start)
  // where both sides and a table are free; an interpreter for some
  // Italian–Chinese meetings. Most were held; some missed or cancelled.
  std::vector<MeetingRecord> MakeTimetable(Edition& edition, const std::vector<Session>& sessions,
                                           const std::vector<RequestRecord>& requests) {
    struct Place {
      std::size_t session;
      int slot;
    };
    std::vector<Place> places;
    for (std::size_t s = 0; s < sessions.size(); ++s) {
      for (const Slot& slot : SlotsOf(sessions[s])) places.push_back({s, slot.index});
    }
    std::map<std::pair<std::size_t, int>, int> tables_used;
    std::map<std::pair<std::size_t, int>, int> interpreters_used;
    std::set<std::tuple<std::string, std::size_t, int>> busy;
    std::unordered_map<std::string, const Organization*> by_key;
    for (const Organization* o : edition.participants) by_key[o->key] = o;
    std::vector<MeetingRecord> out;
    EditionSummary& sum = edition.summary;
    sum.key = edition.spec.key;
    sum.organizations = static_cast<int>(edition.participants.size());
    sum.requests = static_cast<int>(requests.size());
    for (const RequestRecord& rec : requests) {
      if (rec.request.status != RequestStatus::kAccepted) continue;
      ++sum.accepted;
      const std::size_t offset = rng_.Index(places.size());
      for (std::size_t k = 0; k < places.size(); ++k) {
        const Place& p = places[(offset + k) % places.size()];
        const auto at = std::make_pair(p.session, p.slot);
        if (tables_used[at] >= sessions[p.session].tables ||
            busy.contains({rec.from_key, p.session, p.slot}) ||
            busy.contains({rec.to_key, p.session, p.slot})) {
          continue;
        }
        MeetingRecord m;
        m.request_key = rec.request.key;
        m.a_key = rec.from_key;
        m.b_key = rec.to_key;
        m.session_key = sessions[p.session].key;
        m.meeting.slot = p.slot;
        m.meeting.table = ++tables_used[at];
        const double u = rng_.UniformReal();
        m.meeting.status = u < 0.8    ? MeetingStatus::kHeld
                           : u < 0.89 ? MeetingStatus::kNoShow
                                      : MeetingStatus::kCancelled;
        const bool mixed = by_key[rec.from_key]->country != by_key[rec.to_key]->country;
        if (mixed && rng_.Bernoulli(0.4) && interpreters_used[at] < kInterpreters) {
          m.interpreter_key =
              fmt::format("{}-int-{:02}", edition.spec.key, ++interpreters_used[at]);
        }
        if (m.meeting.status != MeetingStatus::kCancelled) {
          busy.insert({rec.from_key, p.session, p.slot});
          busy.insert({rec.to_key, p.session, p.slot});
        }
        m.where = {edition.spec.key, 0};
        out.push_back(std::move(m));
        break;
      }
    }
    return out;
  }

  Status AddOutcomes(Edition& edition) {
    const EditionSpec& spec = edition.spec;
    EditionSummary& sum = edition.summary;
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store_.ListMeetings(edition.event.id));
    PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests,
                           store_.ListRequests(edition.event.id));
    std::sort(meetings.begin(), meetings.end(),
              [](const Meeting& x, const Meeting& y) { return x.id < y.id; });
    std::sort(requests.begin(), requests.end(),
              [](const MeetingRequest& x, const MeetingRequest& y) { return x.key < y.key; });
    std::set<std::int64_t> met;  // requests with a held meeting
    for (const Meeting& m : meetings) {
      ++sum.meetings;
      sum.held += m.status == MeetingStatus::kHeld ? 1 : 0;
      sum.no_shows += m.status == MeetingStatus::kNoShow ? 1 : 0;
      sum.cancelled += m.status == MeetingStatus::kCancelled ? 1 : 0;
      if (m.status == MeetingStatus::kHeld) {
        edition.held[PairOf(m.a, m.b)] = m.id;
        met.insert(m.request.value());
      }
    }
    const std::map<std::pair<std::int64_t, std::int64_t>, MeetingId>* before =
        editions_.empty() ? nullptr : &editions_.back().held;
    int n = 0;
    auto add = [&](OrganizationId a, OrganizationId b, std::vector<MeetingId> from_meetings,
                   MeetingRequestId request, std::optional<OutcomeStage> stage) -> Status {
      const Organization& oa = *by_id_[a.value()];
      const Organization& ob = *by_id_[b.value()];
      Outcome o;
      o.key = fmt::format("{}-out-{:03}", spec.key, ++n);
      o.event = edition.event.id;
      o.organizations = {std::min(a, b), std::max(a, b)};
      o.meetings = std::move(from_meetings);
      o.request = request;
      o.kind = ChooseKind(rng_, oa, ob);
      o.stage = stage ? *stage : ChooseStage(rng_, !o.meetings.empty());
      const Organization& reporter = rng_.Bernoulli(0.55) ? oa : ob;
      const Organization& partner = &reporter == &oa ? ob : oa;
      o.reported_for = reporter.id;
      const std::string lang = rng_.Bernoulli(0.2) ? "en" : reporter.country == "IT" ? "it" : "zh";
      const KindWords& words = *std::find_if(Words().begin(), Words().end(),
                                             [&](const KindWords& w) { return w.kind == o.kind; });
      const char* pattern = lang == "it" ? words.it : lang == "zh" ? words.zh : words.en;
      o.title = fmt::format(fmt::runtime(pattern), partner.name.Best(lang).first);
      o.notes = StageNote(o.stage, lang);
      const int ladder = static_cast<int>(o.stage);
      o.date = AddDays(edition.event.end_date, 20 + ladder * 45 + rng_.UniformInt(0, 60));
      if (o.stage == OutcomeStage::kAgreement &&
          (o.kind == OutcomeKind::kJointResearch || o.kind == OutcomeKind::kMemorandum ||
           o.kind == OutcomeKind::kTrainingExchange)) {
        o.end_date = AddDays(o.date, std::int64_t{365} * (2 + ladder % 2));
      }
      if (o.stage >= OutcomeStage::kNegotiation && HasValue(o.kind)) {
        const double thousands = static_cast<double>(rng_.UniformInt(40, 1800));
        if (reporter.country == "CN") {
          o.value = thousands * 7800;
          o.currency = "CNY";
        } else {
          o.value = thousands * 1000;
          o.currency = "EUR";
        }
      }
      const double u = rng_.UniformReal();
      o.review = u < spec.review_validated                          ? OutcomeReview::kValidated
                 : u < spec.review_validated + spec.review_rejected ? OutcomeReview::kRejected
                                                                    : OutcomeReview::kReported;
      if (o.review == OutcomeReview::kRejected) {
        o.review_note = reporter.country == "CN"
                            ? "与已验证的成果重复。"
                            : "Duplicato di un esito già validato per la stessa coppia.";
      }
      o.created_at = NoonUtc(o.date);
      o.updated_at = o.created_at;
      PONTE_RETURN_IF_ERROR(store_.CreateOutcome(o));
      ++sum.outcomes;
      sum.validated += o.review == OutcomeReview::kValidated ? 1 : 0;
      sum.agreements +=
          o.review == OutcomeReview::kValidated && o.stage == OutcomeStage::kAgreement ? 1 : 0;
      return OkStatus();
    };
    for (const Meeting& m : meetings) {
      if (m.status != MeetingStatus::kHeld || !rng_.Bernoulli(0.55)) continue;
      std::vector<MeetingId> from;
      std::optional<OutcomeStage> stage;
      // A pair that met again: both meetings, and it went further.
      if (before != nullptr) {
        auto it = before->find(PairOf(m.a, m.b));
        if (it != before->end()) {
          from.push_back(it->second);
          stage = rng_.Bernoulli(0.6) ? OutcomeStage::kAgreement : OutcomeStage::kNegotiation;
        }
      }
      from.push_back(m.id);
      PONTE_RETURN_IF_ERROR(add(m.a, m.b, std::move(from), m.request, stage));
    }
    // Expressions of interest: accepted or expired requests never met.
    int interest = 0;
    for (const MeetingRequest& r : requests) {
      if (interest == 16) break;
      if (met.contains(r.id.value())) continue;
      if (r.status != RequestStatus::kAccepted && r.status != RequestStatus::kExpired) continue;
      if (!rng_.Bernoulli(0.4)) continue;
      PONTE_RETURN_IF_ERROR(add(r.from, r.to, {}, r.id, std::nullopt));
      ++interest;
    }
    return OkStatus();
  }

  Result<int> AddNews() {
    struct Spec {
      const char* key;
      std::size_t edition;
      CivilDate date;
      LocalizedText title, summary, body;
    };
    const EditionSummary& s24 = editions_[0].summary;
    const EditionSummary& s25 = editions_[1].summary;
    std::vector<Spec> specs{
        {"icstiw-2024-bilancio",
         0,
         {2024, 12, 2},
         {{"it", "Pechino e Shanghai: il bilancio della Settimana 2024"},
          {"en", "Beijing and Shanghai: the 2024 Week in numbers"},
          {"zh", "北京与上海：2024年合作周成果回顾"}},
         {{"it", fmt::format("{} incontri bilaterali tra {} organizzazioni.", s24.held,
                             s24.organizations)},
          {"en", fmt::format("{} one-to-one meetings among {} organizations.", s24.held,
                             s24.organizations)},
          {"zh", fmt::format("{}家机构举行了{}场一对一洽谈。", s24.organizations, s24.held)}},
         {{"it", fmt::format("<p>La Settimana 2024 si è svolta a <strong>Pechino</strong> e "
                             "<strong>Shanghai</strong>: {} organizzazioni italiane e cinesi "
                             "hanno tenuto {} incontri bilaterali.</p><p>Le università hanno "
                             "avviato nuovi progetti di ricerca congiunti e scambi di "
                             "dottorandi.</p>",
                             s24.organizations, s24.held)},
          {"en", fmt::format("<p>The 2024 Week took place in <strong>Beijing</strong> and "
                             "<strong>Shanghai</strong>: {} Italian and Chinese organizations "
                             "held {} one-to-one meetings.</p><p>Universities started new joint "
                             "research projects and PhD exchanges.</p>",
                             s24.organizations, s24.held)},
          {"zh", fmt::format("<p>2024年合作周在<strong>北京</strong>和<strong>上海</strong>举行，"
                             "{}家中意机构举行了{}场一对一洽谈。</p><p>高校启动了新的联合研究项目"
                             "和博士生交流。</p>",
                             s24.organizations, s24.held)}}},
        {"icstiw-2025-roma-milano",
         1,
         {2025, 11, 28},
         {{"it", "Roma e Milano ospitano la Settimana 2025"},
          {"en", "Rome and Milan host the 2025 Week"},
          {"zh", "罗马和米兰举办2025年合作周"}},
         {{"it", fmt::format("{} incontri, {} organizzazioni.", s25.held, s25.organizations)},
          {"en", fmt::format("{} meetings, {} organizations.", s25.held, s25.organizations)},
          {"zh", fmt::format("{}家机构，{}场洽谈。", s25.organizations, s25.held)}},
         {{"it", fmt::format("<p>Dopo Pechino e Shanghai, la Settimana è tornata in Italia: a "
                             "<strong>Roma</strong> e <strong>Milano</strong> {} organizzazioni "
                             "hanno tenuto {} incontri.</p><p>Molte coppie si sono incontrate "
                             "per la seconda volta e hanno avviato trattative.</p>",
                             s25.organizations, s25.held)},
          {"en", fmt::format("<p>After Beijing and Shanghai, the Week came back to Italy: in "
                             "<strong>Rome</strong> and <strong>Milan</strong> {} organizations "
                             "held {} meetings.</p><p>Many pairs met for the second time and "
                             "started negotiations.</p>",
                             s25.organizations, s25.held)},
          {"zh", fmt::format("<p>继北京和上海之后，合作周回到意大利：在<strong>罗马</strong>和"
                             "<strong>米兰</strong>，{}家机构举行了{}场洽谈。</p><p>许多机构"
                             "再次会面并启动了谈判。</p>",
                             s25.organizations, s25.held)}}},
        {"icstiw-2026-iscrizioni",
         2,
         {2026, 9, 15},
         {{"it", "Settimana 2026 a Pechino e Chengdu: aperte le iscrizioni"},
          {"en", "2026 Week in Beijing and Chengdu: registration is open"},
          {"zh", "2026年合作周（北京、成都）开始报名"}},
         {{"it", "Registrate la vostra organizzazione e chiedete i vostri incontri."},
          {"en", "Register your organization and ask for your meetings."},
          {"zh", "请注册贵单位并申请洽谈。"}},
         {{"it",
           "<p>La Settimana 2026 si terrà a <strong>Pechino</strong> e "
           "<strong>Chengdu</strong> il 16 e 17 novembre.</p><p>Le iscrizioni sono "
           "aperte.</p>"},
          {"en",
           "<p>The 2026 Week takes place in <strong>Beijing</strong> and "
           "<strong>Chengdu</strong> on 16 and 17 November.</p><p>Registration is "
           "open.</p>"},
          {"zh",
           "<p>2026年合作周将于11月16日至17日在<strong>北京</strong>和<strong>成都"
           "</strong>举行。</p><p>现已开放报名。</p>"}}},
    };
    auto current = store_.GetEvent(kDemoEventKey);
    int added = 0;
    for (const Spec& s : specs) {
      NewsItem item;
      item.key = s.key;
      if (s.edition < editions_.size()) {
        item.event = editions_[s.edition].event.id;
      } else if (current.ok()) {
        item.event = current->id;
      }
      item.title = s.title;
      item.summary = s.summary;
      item.body = s.body;
      item.date = s.date;
      item.status = NewsStatus::kPublished;
      item.created_at = NoonUtc(s.date);
      item.updated_at = item.created_at;
      PONTE_RETURN_IF_ERROR(store_.CreateNews(item));
      ++added;
    }
    return added;
  }

  Store& store_;
  Rng rng_;
  std::vector<Organization> organizations_;
  std::unordered_map<std::int64_t, const Organization*> by_id_;
  std::vector<Edition> editions_;
};

}  // namespace

Result<DemoHistory> BuildDemoHistory(Store& store, std::uint64_t seed) {
  HistoryBuilder builder(store, seed);
  PONTE_ASSIGN_OR_RETURN(DemoHistory history, builder.Build());
  for (std::size_t i = 0; i < history.editions.size(); ++i) {
    const EditionSpec spec = PastEditions()[i];
    EditionSummary& e = history.editions[i];
    e.cities = fmt::format("{}, {}", spec.venues[0].first, spec.venues[1].first);
    e.dates = FormatDate(spec.first_day) + " → " + FormatDate(AddDays(spec.first_day, 1));
  }
  return history;
}

Status ShareStaffWithPastEditions(Store& store, EventId event) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event));
  for (const char* key : {kDemoEdition2024, kDemoEdition2025}) {
    PONTE_ASSIGN_OR_RETURN(Event past, store.GetEvent(key));
    for (Membership m : members) {
      if (m.role != Role::kOrganizer && m.role != Role::kSupport) continue;
      m.event = past.id;
      PONTE_RETURN_IF_ERROR(store.PutMembership(m));
    }
  }
  return OkStatus();
}

std::string FormatHistorySummary(const DemoHistory& history) {
  std::string out = "\nPast editions (follow-up history)\n";
  for (const EditionSummary& e : history.editions) {
    out += fmt::format(
        "  {:<12} {:<18} {}  {} organizations, {} requests ({} accepted), {} meetings "
        "({} held, {} no-show, {} cancelled), {} outcomes ({} validated, {} agreements)\n",
        e.key, e.cities, e.dates, e.organizations, e.requests, e.accepted, e.meetings, e.held,
        e.no_shows, e.cancelled, e.outcomes, e.validated, e.agreements);
  }
  out += fmt::format("  {} organizations came back in 2025, {} pairs met in both; {} news items\n",
                     history.returning, history.pairs_met_again, history.news);
  return out;
}

}  // namespace ponte::demo
