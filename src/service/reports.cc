#include "service/reports.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/csv.h"
#include "core/time.h"
#include "model/regions.h"
#include "service/workflow.h"

namespace ponte::service {
namespace {

// it, en, zh
LocalizedText L(const char* it, const char* en, const char* zh) {
  return {{"it", it}, {"en", en}, {"zh", zh}};
}

LocalizedText Same(const std::string& text) { return {{"it", text}, {"en", text}, {"zh", text}}; }

LocalizedText TypeLabel(OrganizationType t) {
  switch (t) {
    case OrganizationType::kUniversity:
      return L("Università", "University", "大学");
    case OrganizationType::kResearch:
      return L("Centro di ricerca", "Research centre", "科研机构");
    case OrganizationType::kCompany:
      return L("Impresa", "Company", "企业");
    case OrganizationType::kStartup:
      return L("Start-up", "Start-up", "初创企业");
    case OrganizationType::kDistrict:
      return L("Distretto industriale", "Industrial district", "产业园区");
    case OrganizationType::kSciencePark:
      return L("Parco scientifico", "Science park", "科技园");
    case OrganizationType::kGovernment:
      return L("Ente pubblico", "Public body", "政府机构");
    case OrganizationType::kAssociation:
      return L("Associazione", "Association", "协会");
    case OrganizationType::kOther:
      return L("Altro", "Other", "其他");
  }
  return {};
}

LocalizedText StageLabel(OutcomeStage s) {
  switch (s) {
    case OutcomeStage::kNoContact:
      return L("Nessun contatto successivo", "No further contact", "无后续联系");
    case OutcomeStage::kContactKept:
      return L("Contatto mantenuto, conoscenze acquisite", "Contact kept, knowledge gained",
               "保持联系，获得知识");
    case OutcomeStage::kValuable:
      return L("Utile per progetti futuri", "Valuable for future projects", "对未来项目有价值");
    case OutcomeStage::kNegotiation:
      return L("Trattativa avviata", "Negotiation started", "已开始谈判");
    case OutcomeStage::kAgreement:
      return L("Accordo raggiunto", "Agreement reached", "已达成协议");
  }
  return {};
}

LocalizedText KindLabel(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::kJointResearch:
      return L("Progetto di ricerca congiunto", "Joint research project", "联合研究项目");
    case OutcomeKind::kTechnologyTransfer:
      return L("Trasferimento tecnologico / licenza", "Technology transfer / licence",
               "技术转移／许可");
    case OutcomeKind::kInvestment:
      return L("Investimento", "Investment", "投资");
    case OutcomeKind::kCommercial:
      return L("Accordo commerciale", "Commercial agreement", "商业协议");
    case OutcomeKind::kTrainingExchange:
      return L("Formazione post-laurea e scambio di studenti",
               "Postgraduate training and student exchange", "研究生培养与学生交流");
    case OutcomeKind::kItalianTeachingInChina:
      return L("Insegnamento dell'italiano in Cina", "Italian-language teaching in China",
               "在华意大利语教学");
    case OutcomeKind::kChineseTeachingInItaly:
      return L("Insegnamento del cinese in Italia", "Chinese-language teaching in Italy",
               "在意中文教学");
    case OutcomeKind::kMemorandum:
      return L("Memorandum d'intesa", "Memorandum of understanding", "合作备忘录");
    case OutcomeKind::kOther:
      return L("Altro", "Other", "其他");
  }
  return {};
}

LocalizedText MeetingStatusLabel(MeetingStatus s) {
  switch (s) {
    case MeetingStatus::kScheduled:
      return L("In programma (esito non registrato)", "Scheduled (not recorded)",
               "已安排（未记录）");
    case MeetingStatus::kHeld:
      return L("Svolti", "Held", "已举行");
    case MeetingStatus::kNoShow:
      return L("Assenze", "No-show", "缺席");
    case MeetingStatus::kCancelled:
      return L("Annullati", "Cancelled", "已取消");
  }
  return {};
}

LocalizedText RequestStatusLabel(RequestStatus s) {
  switch (s) {
    case RequestStatus::kPending:
      return L("In attesa", "Pending", "待回复");
    case RequestStatus::kAccepted:
      return L("Accettate", "Accepted", "已接受");
    case RequestStatus::kDeclined:
      return L("Rifiutate", "Declined", "已拒绝");
    case RequestStatus::kCancelled:
      return L("Ritirate", "Withdrawn", "已撤回");
    case RequestStatus::kExpired:
      return L("Scadute", "Expired", "已过期");
  }
  return {};
}

LocalizedText CountryLabel(const std::string& code) {
  return {{"it", CountryName(code, "it")},
          {"en", CountryName(code, "en")},
          {"zh", CountryName(code, "zh")}};
}

LocalizedText ThemeLabel(const Taxonomy& taxonomy, const std::string& code) {
  const Theme* theme = taxonomy.Find(code);
  if (theme == nullptr) return Same(code);
  LocalizedText out;
  for (const char* lang : {"it", "en", "zh"}) out.Set(lang, theme->label.Best(lang).first);
  return out;
}

double Ratio(int part, int whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

ReportColumn Count(std::string key, LocalizedText label) {
  return {std::move(key), std::move(label), ReportUnit::kCount};
}
ReportColumn Share(std::string key, LocalizedText label) {
  return {std::move(key), std::move(label), ReportUnit::kShare};
}

// A one-column count table from code -> (label, n), largest first.
ReportTable Ranked(std::string key, LocalizedText title, LocalizedText label_header,
                   ReportColumn column, const std::map<std::string, int>& counts,
                   const std::function<LocalizedText(const std::string&)>& label) {
  ReportTable t;
  t.key = std::move(key);
  t.title = std::move(title);
  t.label_header = std::move(label_header);
  t.columns = {std::move(column)};
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (const auto& [code, n] : sorted) t.rows.push_back({code, label(code), {double(n)}, {}});
  return t;
}

bool Counts(const Outcome& o, const ReportOptions& options) {
  return o.review == OutcomeReview::kValidated ||
         (options.include_reported && o.review == OutcomeReview::kReported);
}

LocalizedText OutcomeNote(const ReportOptions& options) {
  return options.include_reported
             ? L("Esiti convalidati e in attesa di convalida (esclusi i respinti).",
                 "Validated outcomes and those awaiting validation (rejected ones excluded).",
                 "已验证及待验证的成果（不含被驳回的）。")
             : L("Solo esiti convalidati dall'ufficio di supporto.",
                 "Validated outcomes only (checked by the support office).",
                 "仅计入支持办公室已验证的成果。");
}

// Everything one edition's report reads, loaded once.
struct EditionData {
  Event event;
  std::vector<Session> sessions;
  std::vector<Interpreter> interpreters;
  std::vector<MeetingRequest> requests;
  std::vector<Meeting> meetings;
  std::vector<Outcome> outcomes;  // counted ones only
  std::set<std::int64_t> participants;
};

Result<EditionData> LoadEdition(Store& store, const Event& event, const ReportOptions& options) {
  EditionData d;
  d.event = event;
  PONTE_ASSIGN_OR_RETURN(d.sessions, store.ListSessions(event.id));
  std::sort(d.sessions.begin(), d.sessions.end(),
            [](const Session& x, const Session& y) { return x.start < y.start; });
  PONTE_ASSIGN_OR_RETURN(d.interpreters, store.ListInterpreters(event.id));
  PONTE_ASSIGN_OR_RETURN(d.requests, store.ListRequests(event.id));
  PONTE_ASSIGN_OR_RETURN(d.meetings, store.ListMeetings(event.id));
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> outcomes, store.ListOutcomes({.event = event.id}));
  for (Outcome& o : outcomes) {
    if (Counts(o, options)) d.outcomes.push_back(std::move(o));
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, EventOrganizations(store, event));
  for (const Organization& o : orgs) d.participants.insert(o.id.value());
  for (const Meeting& m : d.meetings) {
    d.participants.insert(m.a.value());
    d.participants.insert(m.b.value());
  }
  return d;
}

struct Registry {
  std::unordered_map<std::int64_t, Organization> organizations;
  std::unordered_map<std::int64_t, std::set<std::string>> themes;  // root themes
};

Result<Registry> LoadRegistry(Store& store, const Taxonomy& taxonomy) {
  Registry r;
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  for (Organization& o : orgs) r.organizations[o.id.value()] = std::move(o);
  PONTE_ASSIGN_OR_RETURN(std::vector<Profile> profiles, store.ListProfiles());
  for (const Profile& p : profiles) {
    for (const std::string& t : p.themes) {
      const std::string root = taxonomy.Root(t);
      r.themes[p.organization.value()].insert(root.empty() ? t : root);
    }
  }
  return r;
}

std::string RegionCode(const Organization& o) {
  return o.region.empty() ? o.country : o.country + ":" + CanonicalRegion(o.country, o.region);
}

LocalizedText RegionLabel(const std::string& code) {
  const auto colon = code.find(':');
  if (colon == std::string::npos) return CountryLabel(code);
  const std::string country = code.substr(0, colon);
  const std::string region = code.substr(colon + 1);
  // Known regions of Italy and China in the reader's language, others as typed.
  const std::optional<LocalizedText> named = RegionName(country, region);
  LocalizedText out;
  for (const char* lang : {"it", "en", "zh"}) {
    const std::string name = named ? std::string(named->Best(lang).first) : region;
    out.Set(lang, name + " (" + CountryName(country, lang) + ")");
  }
  return out;
}

bool IsStaffOfAny(const Actor& actor) {
  return std::any_of(actor.memberships.begin(), actor.memberships.end(), [](const Membership& m) {
    return m.role == Role::kOrganizer || m.role == Role::kSupport;
  });
}

// Best stage reached by a counted outcome for each meeting of `d`.
std::unordered_map<std::int64_t, OutcomeStage> BestStageOfMeetings(
    const std::vector<Outcome>& outcomes) {
  std::unordered_map<std::int64_t, OutcomeStage> best;
  for (const Outcome& o : outcomes) {
    for (MeetingId m : o.meetings) {
      auto [it, inserted] = best.emplace(m.value(), o.stage);
      if (!inserted) it->second = std::max(it->second, o.stage);
    }
  }
  return best;
}

// --- The event report -------------------------------------------------------------

Result<Report> BuildEventReport(Store& store, const Event& event, const Taxonomy& taxonomy,
                                const ReportOptions& options) {
  PONTE_ASSIGN_OR_RETURN(Registry reg, LoadRegistry(store, taxonomy));
  PONTE_ASSIGN_OR_RETURN(EditionData d, LoadEdition(store, event, options));
  Report report;
  report.scope = event.key;
  report.title = event.name;
  report.include_reported = options.include_reported;
  const LocalizedText participants_label = L("Partecipanti", "Participants", "参会机构");
  const LocalizedText outcomes_label = L("Esiti", "Outcomes", "成果");

  std::map<std::string, int> by_country, by_type_code, by_theme;
  std::map<OrganizationType, int> by_type;
  for (std::int64_t id : d.participants) {
    auto it = reg.organizations.find(id);
    if (it == reg.organizations.end()) continue;
    ++by_country[it->second.country];
    ++by_type[it->second.type];
    for (const std::string& t : reg.themes[id]) ++by_theme[t];
  }
  std::map<RequestStatus, int> requests;
  for (const MeetingRequest& r : d.requests) ++requests[r.status];
  const int accepted = requests[RequestStatus::kAccepted];
  const int answered =
      accepted + requests[RequestStatus::kDeclined] + requests[RequestStatus::kExpired];
  std::map<MeetingStatus, int> meetings;
  for (const Meeting& m : d.meetings) ++meetings[m.status];
  const int held = meetings[MeetingStatus::kHeld];
  const auto best = BestStageOfMeetings(d.outcomes);
  int to_negotiation = 0;
  int to_agreement = 0;
  int with_outcome = 0;
  for (const Meeting& m : d.meetings) {
    if (m.status != MeetingStatus::kHeld) continue;
    auto it = best.find(m.id.value());
    if (it == best.end()) continue;
    ++with_outcome;
    to_negotiation += it->second >= OutcomeStage::kNegotiation ? 1 : 0;
    to_agreement += it->second == OutcomeStage::kAgreement ? 1 : 0;
  }
  std::map<OutcomeStage, int> by_stage;
  std::map<OutcomeKind, int> by_kind;
  std::map<std::string, int> outcome_theme, outcome_region;
  for (const Outcome& o : d.outcomes) {
    ++by_stage[o.stage];
    ++by_kind[o.kind];
    std::set<std::string> themes, regions;
    for (OrganizationId org : o.organizations) {
      const auto& t = reg.themes[org.value()];
      themes.insert(t.begin(), t.end());
      auto it = reg.organizations.find(org.value());
      if (it != reg.organizations.end()) regions.insert(RegionCode(it->second));
    }
    for (const std::string& t : themes) ++outcome_theme[t];
    for (const std::string& r : regions) ++outcome_region[r];
  }

  // Interpreters and tables, slot by slot.
  std::map<std::pair<std::int64_t, int>, int> tables_used, interpreted;
  for (const Meeting& m : d.meetings) {
    if (m.status == MeetingStatus::kCancelled) continue;
    ++tables_used[{m.session.value(), m.slot}];
    if (m.interpreter.valid()) ++interpreted[{m.session.value(), m.slot}];
  }
  ReportTable interpreters;
  interpreters.key = "interpreter_utilisation";
  interpreters.title = L("Utilizzo degli interpreti", "Interpreter utilisation", "口译员使用率");
  interpreters.note =
      L("Incontri con interprete / turni di interprete disponibili (interpreti × "
        "fasce orarie della sessione).",
        "Meetings with an interpreter / interpreter-slots available (interpreters "
        "× the session's slots).",
        "有口译的洽谈数／可用口译时段（口译员数×该场次时段数）。");
  interpreters.label_header = L("Sessione", "Session", "场次");
  interpreters.columns = {
      Count("interpreted",
            L("Incontri con interprete", "Meetings with an interpreter", "有口译的洽谈")),
      Count("available", L("Turni disponibili", "Interpreter-slots available", "可用口译时段")),
      Share("utilisation", L("Utilizzo", "Utilisation", "使用率"))};
  ReportTable tables;
  tables.key = "tables_per_slot";
  tables.title = L("Tavoli occupati per fascia oraria", "Tables used per slot", "各时段使用的桌数");
  tables.chart = "line";
  tables.label_header = L("Fascia oraria", "Slot", "时段");
  tables.columns = {Count("used", L("Tavoli occupati", "Tables used", "已用桌数")),
                    Count("available", L("Tavoli disponibili", "Tables available", "可用桌数"))};
  int total_interpreted = 0;
  int total_available = 0;
  for (const Session& s : d.sessions) {
    const std::vector<Slot> slots = SlotsOf(s);
    int available_interpreters = 0;
    for (const Interpreter& i : d.interpreters) {
      const bool here = i.sessions.empty() ||
                        std::find(i.sessions.begin(), i.sessions.end(), s.id) != i.sessions.end();
      available_interpreters += here ? 1 : 0;
    }
    int session_interpreted = 0;
    for (const Slot& slot : slots) {
      session_interpreted += interpreted[{s.id.value(), slot.index}];
      std::string when = FormatDate(s.date);
      if (auto civil = ToCivil(slot.start, event.time_zone); civil.ok()) {
        when += " " + FormatClock(Minutes(civil->hour * 60 + civil->minute));
      }
      tables.rows.push_back({fmt::format("{}#{}", s.key, slot.index),
                             Same(when + " " + s.city),
                             {double(tables_used[{s.id.value(), slot.index}]), double(s.tables)},
                             {}});
    }
    const int available = available_interpreters * static_cast<int>(slots.size());
    total_interpreted += session_interpreted;
    total_available += available;
    interpreters.rows.push_back(
        {s.key,
         Same(FormatDate(s.date) + " " + s.city + " (" + s.key + ")"),
         {double(session_interpreted), double(available), Ratio(session_interpreted, available)},
         {}});
  }
  interpreters.rows.push_back({"total",
                               L("Totale", "Total", "合计"),
                               {double(total_interpreted), double(total_available),
                                Ratio(total_interpreted, total_available)},
                               {}});

  // Key figures first: the title page of the printed report shows them.
  ReportTable key;
  key.key = "key_figures";
  key.title = L("Cifre chiave", "Key figures", "关键数据");
  key.note = OutcomeNote(options);
  key.chart = "";
  key.label_header = L("Indicatore", "Indicator", "指标");
  key.columns = {Count("value", L("Valore", "Value", "数值"))};
  auto figure = [&](const char* code, LocalizedText label, double value,
                    ReportUnit unit = ReportUnit::kCount) {
    key.rows.push_back({code, std::move(label), {value}, unit});
  };
  figure("participants", participants_label, double(d.participants.size()));
  figure("countries", L("Paesi", "Countries", "国家"), double(by_country.size()));
  figure("requests", L("Richieste di incontro inviate", "Meeting requests sent", "发出的洽谈申请"),
         double(d.requests.size()));
  figure("requests_accepted", L("Richieste accettate", "Requests accepted", "已接受的申请"),
         double(accepted));
  figure("acceptance_rate", L("Tasso di accettazione", "Acceptance rate", "接受率"),
         Ratio(accepted, answered), ReportUnit::kShare);
  figure("meetings_scheduled", L("Incontri in calendario", "Meetings scheduled", "已安排的洽谈"),
         double(d.meetings.size() - static_cast<std::size_t>(meetings[MeetingStatus::kCancelled])));
  figure("meetings_held", L("Incontri svolti", "Meetings held", "已举行的洽谈"), double(held));
  figure("no_shows", L("Assenze", "No-shows", "缺席"), double(meetings[MeetingStatus::kNoShow]));
  figure("meetings_cancelled", L("Incontri annullati", "Meetings cancelled", "已取消的洽谈"),
         double(meetings[MeetingStatus::kCancelled]));
  figure("outcomes", outcomes_label, double(d.outcomes.size()));
  figure("agreements", L("Accordi raggiunti", "Agreements reached", "达成的协议"),
         double(by_stage[OutcomeStage::kAgreement]));
  figure("conversion_negotiation",
         L("Incontri svolti → trattativa o accordo", "Held meetings → negotiation or better",
           "已举行洽谈→谈判及以上"),
         Ratio(to_negotiation, held), ReportUnit::kShare);
  figure("conversion_agreement",
         L("Incontri svolti → accordo", "Held meetings → agreement", "已举行洽谈→协议"),
         Ratio(to_agreement, held), ReportUnit::kShare);
  figure("interpreter_utilisation",
         L("Utilizzo degli interpreti", "Interpreter utilisation", "口译员使用率"),
         Ratio(total_interpreted, total_available), ReportUnit::kShare);
  report.tables.push_back(std::move(key));

  auto country = [](const std::string& c) { return CountryLabel(c); };
  auto theme = [&](const std::string& c) { return ThemeLabel(taxonomy, c); };
  report.tables.push_back(
      Ranked("participants_by_country",
             L("Partecipanti per paese", "Participants by country", "按国家划分的参会机构"),
             L("Paese", "Country", "国家"), Count("participants", participants_label), by_country,
             country));
  {
    ReportTable t;
    t.key = "participants_by_type";
    t.title = L("Partecipanti per tipo di organizzazione", "Participants by organization type",
                "按机构类型划分的参会机构");
    t.label_header = L("Tipo", "Type", "类型");
    t.columns = {Count("participants", participants_label)};
    for (OrganizationType type : AllOrganizationTypes()) {
      t.rows.push_back({std::string(ToCode(type)), TypeLabel(type), {double(by_type[type])}, {}});
    }
    report.tables.push_back(std::move(t));
  }
  report.tables.push_back(Ranked(
      "participants_by_theme",
      L("Partecipanti per tema", "Participants by theme", "按主题划分的参会机构"),
      L("Tema", "Theme", "主题"), Count("participants", participants_label), by_theme, theme));
  {
    ReportTable t;
    t.key = "requests_by_status";
    t.title = L("Richieste di incontro", "Meeting requests", "洽谈申请");
    t.note = L("Tasso di accettazione: accettate / (accettate + rifiutate + scadute).",
               "Acceptance rate: accepted / (accepted + declined + expired).",
               "接受率：已接受／（已接受＋已拒绝＋已过期）。");
    t.chart = "doughnut";
    t.label_header = L("Stato", "Status", "状态");
    t.columns = {Count("requests", L("Richieste", "Requests", "申请"))};
    for (RequestStatus s :
         {RequestStatus::kAccepted, RequestStatus::kDeclined, RequestStatus::kExpired,
          RequestStatus::kCancelled, RequestStatus::kPending}) {
      t.rows.push_back({std::string(ToCode(s)), RequestStatusLabel(s), {double(requests[s])}, {}});
    }
    report.tables.push_back(std::move(t));
  }
  {
    ReportTable t;
    t.key = "meetings_by_status";
    t.title = L("Incontri", "Meetings", "洽谈");
    t.chart = "doughnut";
    t.label_header = L("Stato", "Status", "状态");
    t.columns = {Count("meetings", L("Incontri", "Meetings", "洽谈"))};
    for (MeetingStatus s : {MeetingStatus::kHeld, MeetingStatus::kNoShow, MeetingStatus::kCancelled,
                            MeetingStatus::kScheduled}) {
      t.rows.push_back({std::string(ToCode(s)), MeetingStatusLabel(s), {double(meetings[s])}, {}});
    }
    report.tables.push_back(std::move(t));
  }
  {
    ReportTable t;
    t.key = "outcomes_by_stage";
    t.title = L("Esiti per fase", "Outcomes by stage", "按阶段划分的成果");
    t.note = OutcomeNote(options);
    t.label_header = L("Fase", "Stage", "阶段");
    t.columns = {Count("outcomes", outcomes_label)};
    for (OutcomeStage s : AllOutcomeStages()) {
      t.rows.push_back({std::string(ToCode(s)), StageLabel(s), {double(by_stage[s])}, {}});
    }
    report.tables.push_back(std::move(t));
  }
  {
    ReportTable t;
    t.key = "outcomes_by_kind";
    t.title = L("Esiti per tipo", "Outcomes by kind", "按类型划分的成果");
    t.note = OutcomeNote(options);
    t.label_header = L("Tipo", "Kind", "类型");
    t.columns = {Count("outcomes", outcomes_label)};
    for (OutcomeKind k : AllOutcomeKinds()) {
      t.rows.push_back({std::string(ToCode(k)), KindLabel(k), {double(by_kind[k])}, {}});
    }
    report.tables.push_back(std::move(t));
  }
  {
    ReportTable t =
        Ranked("outcomes_by_theme", L("Esiti per tema", "Outcomes by theme", "按主题划分的成果"),
               L("Tema", "Theme", "主题"), Count("outcomes", outcomes_label), outcome_theme, theme);
    t.note = L("Un esito conta per ogni tema delle organizzazioni coinvolte.",
               "An outcome counts once for each theme of the organizations involved.",
               "一项成果按所涉机构的每个主题各计一次。");
    report.tables.push_back(std::move(t));
  }
  {
    ReportTable t = Ranked("outcomes_by_region",
                           L("Esiti per regione", "Outcomes by region", "按地区划分的成果"),
                           L("Regione", "Region", "地区"), Count("outcomes", outcomes_label),
                           outcome_region, RegionLabel);
    t.note = L("Un esito conta per ogni regione delle organizzazioni coinvolte.",
               "An outcome counts once for each region of the organizations involved.",
               "一项成果按所涉机构的每个地区各计一次。");
    report.tables.push_back(std::move(t));
  }
  {
    ReportTable t;
    t.key = "conversion";
    t.title = L("Dagli incontri agli accordi", "From meetings to agreements", "从洽谈到协议");
    t.note =
        L("Quota degli incontri svolti che hanno portato a un esito (fase migliore raggiunta).",
          "Share of held meetings that led to an outcome (best stage reached).",
          "已举行洽谈中产生成果的比例（按达到的最高阶段）。");
    t.label_header = L("Incontri svolti", "Held meetings", "已举行的洽谈");
    t.columns = {Count("meetings", L("Incontri", "Meetings", "洽谈")),
                 Share("share", L("Quota degli incontri svolti", "Share of held meetings",
                                  "占已举行洽谈的比例"))};
    t.rows = {{"held", L("Svolti", "Held", "已举行"), {double(held), Ratio(held, held)}, {}},
              {"with_outcome",
               L("Con un esito", "With an outcome", "有成果"),
               {double(with_outcome), Ratio(with_outcome, held)},
               {}},
              {"negotiation_or_better",
               L("Trattativa o accordo", "Negotiation or better", "谈判及以上"),
               {double(to_negotiation), Ratio(to_negotiation, held)},
               {}},
              {"agreement",
               L("Accordo raggiunto", "Agreement reached", "已达成协议"),
               {double(to_agreement), Ratio(to_agreement, held)},
               {}}};
    report.tables.push_back(std::move(t));
  }
  report.tables.push_back(std::move(interpreters));
  {
    ReportTable t;
    t.key = "interpreter_load";
    t.title = L("Incontri per interprete", "Meetings per interpreter", "各口译员的洽谈数");
    t.label_header = L("Interprete", "Interpreter", "口译员");
    t.columns = {Count("meetings", L("Incontri", "Meetings", "洽谈"))};
    for (const Interpreter& i : d.interpreters) {
      int n = 0;
      for (const Meeting& m : d.meetings) {
        n += m.interpreter == i.id && m.status != MeetingStatus::kCancelled ? 1 : 0;
      }
      std::string pairs;
      for (const LanguagePair& p : i.pairs) pairs += (pairs.empty() ? "" : ", ") + p.a + "–" + p.b;
      t.rows.push_back({i.key, Same(i.name + " (" + pairs + ")"), {double(n)}, {}});
    }
    report.tables.push_back(std::move(t));
  }
  report.tables.push_back(std::move(tables));
  return report;
}

// --- The programme report ------------------------------------------------------------

Result<Report> BuildProgrammeReport(Store& store, const Taxonomy& taxonomy,
                                    const ReportOptions& options) {
  PONTE_ASSIGN_OR_RETURN(Registry reg, LoadRegistry(store, taxonomy));
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return std::tie(x.start_date, x.key) < std::tie(y.start_date, y.key);
  });
  std::vector<EditionData> editions;
  std::vector<Outcome> all_outcomes;
  for (const Event& e : events) {
    PONTE_ASSIGN_OR_RETURN(EditionData d, LoadEdition(store, e, options));
    all_outcomes.insert(all_outcomes.end(), d.outcomes.begin(), d.outcomes.end());
    editions.push_back(std::move(d));
  }
  const auto best = BestStageOfMeetings(all_outcomes);
  Report report;
  report.scope = "programme";
  report.title =
      L("Il programma: tutte le edizioni", "The programme: every edition", "项目：历届合作周");
  report.include_reported = options.include_reported;

  ReportTable per_edition;
  per_edition.key = "editions";
  per_edition.title = L("Edizioni", "Editions", "历届");
  per_edition.note = OutcomeNote(options);
  per_edition.label_header = L("Edizione", "Edition", "届次");
  per_edition.columns = {
      Count("participants", L("Partecipanti", "Participants", "参会机构")),
      Count("returning", L("Organizzazioni tornate", "Returning organizations", "再次参会的机构")),
      Count("meetings_held", L("Incontri svolti", "Meetings held", "已举行的洽谈")),
      Count("met_again", L("Coppie che si sono riviste", "Pairs that met again", "再次会面的配对")),
      Count("outcomes", L("Esiti", "Outcomes", "成果")),
      Count("agreements", L("Accordi", "Agreements", "协议")),
      Count("meetings_to_agreement", L("Incontri che hanno portato a un accordo",
                                       "Meetings that led to agreements", "促成协议的洽谈")),
      Share("acceptance_rate", L("Tasso di accettazione", "Acceptance rate", "接受率"))};
  ReportTable by_stage;
  by_stage.key = "outcomes_by_stage_and_edition";
  by_stage.title =
      L("Esiti per fase e per edizione", "Outcomes by stage and edition", "按阶段和届次划分的成果");
  by_stage.note = OutcomeNote(options);
  by_stage.label_header = L("Fase", "Stage", "阶段");
  ReportTable by_kind;
  by_kind.key = "outcomes_by_kind_and_edition";
  by_kind.title =
      L("Esiti per tipo e per edizione", "Outcomes by kind and edition", "按类型和届次划分的成果");
  by_kind.note = OutcomeNote(options);
  by_kind.label_header = L("Tipo", "Kind", "类型");
  for (OutcomeStage s : AllOutcomeStages()) {
    by_stage.rows.push_back({std::string(ToCode(s)), StageLabel(s), {}, {}});
  }
  for (OutcomeKind k : AllOutcomeKinds()) {
    by_kind.rows.push_back({std::string(ToCode(k)), KindLabel(k), {}, {}});
  }

  struct CityCounts {
    std::set<std::string> editions;
    std::set<std::int64_t> participants;
    int held = 0;
    std::set<std::int64_t> outcomes;
  };
  std::map<std::string, CityCounts> cities;
  std::map<std::int64_t, int> editions_of_org;
  // (a, b) -> editions with a held meeting, outcomes, agreements
  struct PairCounts {
    int editions = 0;
    int outcomes = 0;
    int agreements = 0;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, PairCounts> pairs;
  std::set<std::int64_t> seen_orgs;
  for (const EditionData& d : editions) {
    std::unordered_map<std::int64_t, const Session*> session;
    for (const Session& s : d.sessions) session[s.id.value()] = &s;
    int returning = 0;
    for (std::int64_t o : d.participants) {
      returning += seen_orgs.contains(o) ? 1 : 0;
      ++editions_of_org[o];
    }
    int held = 0;
    int met_again = 0;
    int to_agreement = 0;
    std::set<std::pair<std::int64_t, std::int64_t>> held_pairs;
    std::unordered_map<std::int64_t, std::string> city_of_meeting;
    for (const Meeting& m : d.meetings) {
      auto s = session.find(m.session.value());
      const std::string city = s == session.end() ? std::string() : s->second->city;
      if (!city.empty()) cities[city].editions.insert(d.event.key);
      if (m.status != MeetingStatus::kHeld) continue;
      ++held;
      city_of_meeting[m.id.value()] = city;
      if (!city.empty()) {
        CityCounts& c = cities[city];
        ++c.held;
        c.participants.insert(m.a.value());
        c.participants.insert(m.b.value());
      }
      const std::pair<std::int64_t, std::int64_t> pair = std::minmax(m.a.value(), m.b.value());
      if (!held_pairs.insert(pair).second) continue;
      PairCounts& p = pairs[pair];
      met_again += p.editions > 0 ? 1 : 0;
      ++p.editions;
      auto b = best.find(m.id.value());
      to_agreement += b != best.end() && b->second == OutcomeStage::kAgreement ? 1 : 0;
    }
    std::map<OutcomeStage, int> stages;
    std::map<OutcomeKind, int> kinds;
    int agreements = 0;
    for (const Outcome& o : d.outcomes) {
      ++stages[o.stage];
      ++kinds[o.kind];
      agreements += o.stage == OutcomeStage::kAgreement ? 1 : 0;
      for (MeetingId m : o.meetings) {
        auto c = city_of_meeting.find(m.value());
        if (c != city_of_meeting.end() && !c->second.empty()) {
          cities[c->second].outcomes.insert(o.id.value());
        }
      }
      if (o.organizations.size() == 2) {
        auto p = pairs.find({o.organizations[0].value(), o.organizations[1].value()});
        if (p != pairs.end()) {
          ++p->second.outcomes;
          p->second.agreements += o.stage == OutcomeStage::kAgreement ? 1 : 0;
        }
      }
    }
    std::map<RequestStatus, int> requests;
    for (const MeetingRequest& r : d.requests) ++requests[r.status];
    const int accepted = requests[RequestStatus::kAccepted];
    const int answered =
        accepted + requests[RequestStatus::kDeclined] + requests[RequestStatus::kExpired];
    per_edition.rows.push_back({d.event.key,
                                d.event.name,
                                {double(d.participants.size()), double(returning), double(held),
                                 double(met_again), double(d.outcomes.size()), double(agreements),
                                 double(to_agreement), Ratio(accepted, answered)},
                                {}});
    const std::string year =
        d.event.start_date.year > 1970 ? std::to_string(d.event.start_date.year) : d.event.key;
    by_stage.columns.push_back(Count(d.event.key, Same(year)));
    by_kind.columns.push_back(Count(d.event.key, Same(year)));
    for (ReportRow& row : by_stage.rows) {
      row.values.push_back(double(stages[*ParseOutcomeStage(row.code)]));
    }
    for (ReportRow& row : by_kind.rows) {
      row.values.push_back(double(kinds[*ParseOutcomeKind(row.code)]));
    }
    seen_orgs.insert(d.participants.begin(), d.participants.end());
  }
  report.tables.push_back(std::move(per_edition));

  ReportTable city_table;
  city_table.key = "cities";
  city_table.title = L("Per città", "By city", "按城市");
  city_table.note =
      L("Partecipanti: organizzazioni con un incontro svolto in città. Esiti: "
        "quelli nati da un incontro svolto lì.",
        "Participants: organizations with a meeting held in the city. Outcomes: "
        "those that grew from a meeting held there.",
        "参会机构：在该城市举行过洽谈的机构。成果：源自在该城市举行的洽谈。");
  city_table.label_header = L("Città", "City", "城市");
  city_table.columns = {
      Count("editions", L("Edizioni", "Editions", "届次")),
      Count("participants", L("Partecipanti", "Participants", "参会机构")),
      Count("meetings_held", L("Incontri svolti", "Meetings held", "已举行的洽谈")),
      Count("outcomes", L("Esiti", "Outcomes", "成果"))};
  for (const auto& [city, c] : cities) {
    city_table.rows.push_back({city,
                               Same(city),
                               {double(c.editions.size()), double(c.participants.size()),
                                double(c.held), double(c.outcomes.size())},
                               {}});
  }
  report.tables.push_back(std::move(city_table));
  report.tables.push_back(std::move(by_stage));
  report.tables.push_back(std::move(by_kind));

  ReportTable returning;
  returning.key = "returning_organizations";
  returning.title = L("Organizzazioni per numero di edizioni", "Organizations by editions attended",
                      "按参会届数划分的机构");
  returning.chart = "doughnut";
  returning.label_header = L("Edizioni frequentate", "Editions attended", "参会届数");
  returning.columns = {Count("organizations", L("Organizzazioni", "Organizations", "机构"))};
  std::map<int, int> by_count;
  for (const auto& [org, n] : editions_of_org) ++by_count[n];
  for (const auto& [n, orgs] : by_count) {
    returning.rows.push_back({std::to_string(n),
                              L(n == 1 ? "1 edizione" : fmt::format("{} edizioni", n).c_str(),
                                n == 1 ? "1 edition" : fmt::format("{} editions", n).c_str(),
                                fmt::format("{}届", n).c_str()),
                              {double(orgs)},
                              {}});
  }
  report.tables.push_back(std::move(returning));

  ReportTable again;
  again.key = "pairs_met_again";
  again.title = L("Coppie che si sono riviste", "Pairs that met again", "再次会面的配对");
  again.note = L("Coppie con un incontro svolto in più di un'edizione.",
                 "Pairs with a meeting held in more than one edition.",
                 "在不止一届中举行过洽谈的机构配对。");
  again.chart = "";
  again.label_header = L("Coppia", "Pair", "配对");
  again.columns = {Count("editions", L("Edizioni", "Editions", "届次")),
                   Count("outcomes", L("Esiti", "Outcomes", "成果")),
                   Count("agreements", L("Accordi", "Agreements", "协议"))};
  std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, PairCounts>> repeated;
  for (const auto& [pair, c] : pairs) {
    if (c.editions > 1) repeated.push_back({pair, c});
  }
  std::stable_sort(repeated.begin(), repeated.end(), [](const auto& x, const auto& y) {
    return std::tie(x.second.editions, x.second.agreements, x.second.outcomes) >
           std::tie(y.second.editions, y.second.agreements, y.second.outcomes);
  });
  for (const auto& [pair, c] : repeated) {
    const Organization& a = reg.organizations[pair.first];
    const Organization& b = reg.organizations[pair.second];
    LocalizedText label;
    for (const char* lang : {"it", "en", "zh"}) {
      label.Set(lang, a.name.Best(lang).first + " ↔ " + b.name.Best(lang).first);
    }
    again.rows.push_back({a.key + "+" + b.key,
                          label,
                          {double(c.editions), double(c.outcomes), double(c.agreements)},
                          {}});
  }
  report.tables.push_back(std::move(again));
  return report;
}

}  // namespace

ReportUnit ReportTable::UnitOf(const ReportRow& row, std::size_t column) const {
  if (row.unit) return *row.unit;
  return column < columns.size() ? columns[column].unit : ReportUnit::kCount;
}

const ReportTable* Report::Find(std::string_view key) const {
  for (const ReportTable& t : tables) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

Result<Report> EventReport(Store& store, const Actor& actor, const Event& event,
                           const Taxonomy& taxonomy, const ReportOptions& options) {
  if (!actor.IsStaff(event.id)) {
    return PermissionDeniedError(
        "the report of an edition is for its organizers and support "
        "office");
  }
  return BuildEventReport(store, event, taxonomy, options);
}

Result<Report> ProgrammeReport(Store& store, const Actor& actor, const Taxonomy& taxonomy,
                               const ReportOptions& options) {
  if (!IsStaffOfAny(actor)) {
    return PermissionDeniedError("the programme report is for organizers and support offices");
  }
  return BuildProgrammeReport(store, taxonomy, options);
}

std::string CountryName(std::string_view code, std::string_view lang) {
  const std::string region(code);
  const std::string language(lang);
  icu::Locale place("", region.c_str());
  icu::UnicodeString name;
  place.getDisplayCountry(icu::Locale(language.c_str()), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? region : out;
}

std::string ReportValueText(double value, ReportUnit unit) {
  if (unit == ReportUnit::kShare) return fmt::format("{:.4f}", value);
  return fmt::format("{:.0f}", value);
}

std::string ReportTableCsv(const ReportTable& table, std::string_view lang) {
  std::vector<std::string> header{"code", table.label_header.Best(lang).first};
  for (const ReportColumn& c : table.columns) header.push_back(c.label.Best(lang).first);
  std::string out = FormatCsvRow(header);
  for (const ReportRow& row : table.rows) {
    std::vector<std::string> cells{row.code, row.label.Best(lang).first};
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      cells.push_back(ReportValueText(row.values[i], table.UnitOf(row, i)));
    }
    out += FormatCsvRow(cells);
  }
  return out;
}

}  // namespace ponte::service
