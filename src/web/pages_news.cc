// News on the portal: public pages anyone reads without an account (the
// programme's news, an event's news, one item with its images and captions,
// each linking its Atom/RSS feed), and the organizers' editor (texts in
// it/en/zh, date, event, images with captions, draft or published). Every
// decision is in service/news.h; bodies shown here are the sanitized HTML the
// service stored, and the pages add a Content-Security-Policy besides.
#include <algorithm>

#include "api/json.h"
#include "core/utf8.h"
#include "service/news.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::RequestContext;

constexpr int kFormShownAgain = 200;
constexpr std::array<const char*, 3> kLanguages{"it", "en", "zh"};
// Scripts only from this site (Alpine.js needs eval); nothing inline, no
// plugins, no framing. Defence in depth behind the sanitizer.
constexpr const char* kPageCsp =
    "script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'";

// A page in the layout, with the feeds of the page in <head>.
HttpResponse NewsPage(RequestContext& c, const Site& site, std::string_view page,
                      const std::string& title, Json data,
                      const std::optional<std::string>& feed_prefix, int status = 200) {
  Json layout = LayoutData(c, site);
  for (auto& [k, v] : layout.items()) {
    if (!data.contains(k)) data[k] = v;
  }
  const std::string locale = c.Locale();
  if (feed_prefix) {
    layout["feeds"] = Json::array({{{"type", "application/atom+xml"},
                                    {"title", "Atom"},
                                    {"href", *feed_prefix + "/news.atom?lang=" + locale}},
                                   {{"type", "application/rss+xml"},
                                    {"title", "RSS"},
                                    {"href", *feed_prefix + "/news.rss?lang=" + locale}}});
  }
  layout["title"] = title;
  layout["content"] = site.Render(page, data);
  HttpResponse out = HttpResponse::Html(status, site.Render("layout", layout));
  out.Set("Content-Language", locale == "zh" ? "zh-Hans" : locale);
  out.Set("Content-Security-Policy", kPageCsp);
  return out;
}

std::string DateText(const CivilDate& date, std::string_view locale) {
  return FormatDay(Instant(std::chrono::days(DaysFromCivil(date))) + std::chrono::hours(12), "UTC",
                   locale);
}

Json ImagesJson(const NewsItem& n, std::string_view locale) {
  Json out = Json::array();
  for (const NewsImage& image : n.images) {
    out.push_back({{"url", "/media/" + image.sha256},
                   {"caption", Localized(image.caption, locale)},
                   {"has_caption", !image.caption.empty()}});
  }
  return out;
}

// A card of a list.
Json Card(const NewsItem& n, const std::map<EventId, Event>& events, std::string_view locale) {
  Json card{{"key", n.key},
            {"title", Localized(n.title, locale)},
            {"summary", Localized(n.summary, locale)},
            {"has_summary", !n.summary.empty()},
            {"date", DateText(n.date, locale)},
            {"iso_date", FormatDate(n.date)},
            {"draft", n.status != NewsStatus::kPublished},
            {"event", false}};
  if (auto it = events.find(n.event); it != events.end()) {
    card["event"] = {{"key", it->second.key}, {"name", Localized(it->second.name, locale)}};
  }
  if (!n.images.empty()) card["thumbnail"] = "/media/" + n.images.front().sha256;
  return card;
}

Result<std::map<EventId, Event>> EventsById(Store& store) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  std::map<EventId, Event> out;
  for (Event& e : events) out.emplace(e.id, std::move(e));
  return out;
}

Result<HttpResponse> ListPage(RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  const service::Actor* actor = c.actor ? &*c.actor : nullptr;
  const EventId event = c.event ? c.event->id : EventId();
  PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> items,
                         service::ListVisibleNews(c.store, actor, event, false, 100));
  PONTE_ASSIGN_OR_RETURN(auto events, EventsById(c.store));
  Json cards = Json::array();
  for (const NewsItem& n : items) cards.push_back(Card(n, events, locale));
  const std::string prefix = c.event ? "/events/" + c.event->key : std::string();
  std::string title = site.T(locale, "news_title");
  if (c.event) title = c.event->name.Best(locale).first + " — " + title;
  return NewsPage(
      c, site, "news_list", title,
      {{"items", cards},
       {"heading", title},
       {"atom", prefix + "/news.atom?lang=" + locale},
       {"rss", prefix + "/news.rss?lang=" + locale},
       {"can_edit", actor != nullptr && service::CanEditNews(*actor, event)},
       {"manage", c.event ? "/manage/news?event=" + c.event->key : std::string("/manage/news")},
       {"programme", c.event ? Json(true) : Json(false)}},
      prefix);
}

// ---- the editor ------------------------------------------------------------------------

struct EditorState {
  NewsItem item;
  std::string event_key;
  std::string original_key;  // empty for a new item
  std::string error;
};

Json EditorData(RequestContext& c, const Site& site, const EditorState& s) {
  const std::string locale = c.Locale();
  Json texts = Json::array();
  for (const char* lang : kLanguages) {
    texts.push_back({{"lang", lang},
                     {"label", site.T(locale, std::string("language_") + lang)},
                     {"title", s.item.title.Get(lang)},
                     {"summary", s.item.summary.Get(lang)},
                     {"body", s.item.body.Get(lang)}});
  }
  Json events = Json::array();
  events.push_back({{"value", ""},
                    {"label", site.T(locale, "news_programme_wide")},
                    {"selected", s.event_key.empty()}});
  if (auto list = c.store.ListEvents(); list.ok()) {
    for (const Event& e : *list) {
      if (!service::CanEditNews(*c.actor, e.id)) continue;
      events.push_back({{"value", e.key},
                        {"label", e.name.Best(locale).first},
                        {"selected", e.key == s.event_key}});
    }
  }
  Json images = Json::array();
  for (std::size_t i = 0; i < s.item.images.size(); ++i) {
    Json captions = Json::array();
    for (const char* lang : kLanguages) {
      captions.push_back({{"lang", lang},
                          {"label", site.T(locale, std::string("language_") + lang)},
                          {"value", s.item.images[i].caption.Get(lang)}});
    }
    images.push_back({{"index", i},
                      {"sha256", s.item.images[i].sha256},
                      {"url", "/media/" + s.item.images[i].sha256},
                      {"captions", captions}});
  }
  const bool editing = !s.original_key.empty();
  return {
      {"texts", texts},
      {"events", events},
      {"images", images},
      {"key", s.item.key},
      {"date", FormatDate(s.item.date)},
      {"published", s.item.status == NewsStatus::kPublished},
      {"version", s.item.version},
      {"editing", editing},
      {"action", editing ? "/manage/news/" + s.original_key : std::string("/manage/news")},
      {"view", editing && s.item.status == NewsStatus::kPublished ? Json("/news/" + s.original_key)
                                                                  : Json(false)},
      {"error", s.error.empty() ? Json(false) : Json(s.error)},
      {"editor_js", site.AssetUrl("news.js", false)}};
}

HttpResponse Editor(RequestContext& c, const Site& site, const EditorState& s) {
  const std::string locale = c.Locale();
  return NewsPage(c, site, "news_edit",
                  site.T(locale, s.original_key.empty() ? "news_new" : "news_edit"),
                  EditorData(c, site, s), std::nullopt, s.error.empty() ? 200 : kFormShownAgain);
}

// The editor's form: texts per language, images with captions
// (image_<n>_sha256, image_<n>_caption_<lang>), event, date, status.
Result<EditorState> FromForm(RequestContext& c) {
  EditorState s;
  std::map<std::string, std::string> f;
  for (auto& [k, v] : api::ParseQuery(c.request.body)) f.emplace(k, v);
  auto field = [&](const std::string& name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  s.item.key = std::string(Trim(field("key")));
  s.event_key = field("event");
  for (const char* lang : kLanguages) {
    s.item.title.Set(lang, field(std::string("title_") + lang));
    s.item.summary.Set(lang, field(std::string("summary_") + lang));
    const std::string body = field(std::string("body_") + lang);
    if (!Trim(body).empty()) s.item.body.Set(lang, body);
  }
  for (int i = 0;; ++i) {
    const std::string prefix = "image_" + std::to_string(i) + "_";
    if (!f.contains(prefix + "sha256")) break;
    if (f.contains(prefix + "remove")) continue;
    NewsImage image;
    image.sha256 = field(prefix + "sha256");
    for (const char* lang : kLanguages) image.caption.Set(lang, field(prefix + "caption_" + lang));
    s.item.images.push_back(std::move(image));
  }
  s.item.status = field("status") == "published" ? NewsStatus::kPublished : NewsStatus::kDraft;
  s.item.version = std::atoi(field("version").c_str());
  auto date = ParseDate(field("date"));
  if (date.ok()) {
    s.item.date = *date;
  } else {
    const auto today = std::chrono::floor<std::chrono::days>(c.clock.Now());
    s.item.date = CivilFromDays(today.time_since_epoch().count());
  }
  if (!s.event_key.empty()) {
    auto event = c.store.GetEvent(s.event_key);
    if (!event.ok()) return InvalidArgumentError("event: no event '" + s.event_key + "'");
    s.item.event = event->id;
  }
  return s;
}

std::optional<HttpResponse> RequireEditor(RequestContext& c, const Site& site) {
  if (auto login = RequireSignIn(c)) return login;
  if (!service::CanEditNews(*c.actor, EventId())) {
    return ErrorPage(c, site, PermissionDeniedError("only organizers edit news"));
  }
  return std::nullopt;
}

}  // namespace

void AddNewsPages(api::App& app, const std::shared_ptr<const Site>& site) {
  api::Router& r = app.router();
  const OpenPages page(r);

  // The editor first: its paths are more specific than /news/{key}.
  page("GET", "/manage/news", "the organizers' news (drafts included)", "",
       [site](RequestContext& c) -> Result<HttpResponse> {
         if (auto stop = RequireEditor(c, *site)) return *stop;
         const std::string locale = c.Locale();
         PONTE_ASSIGN_OR_RETURN(auto events, EventsById(c.store));
         PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> items,
                                service::ListVisibleNews(c.store, &*c.actor, EventId(), true, 500));
         Json cards = Json::array();
         for (const NewsItem& n : items) {
           if (!service::CanEditNews(*c.actor, n.event)) continue;
           cards.push_back(Card(n, events, locale));
         }
         return NewsPage(c, *site, "news_manage", site->T(locale, "news_manage"),
                         {{"items", cards}, {"new_event", c.request.Query("event").value_or("")}},
                         std::nullopt);
       });
  page("GET", "/manage/news/new", "write a news item (?event=)", "",
       [site](RequestContext& c) -> Result<HttpResponse> {
         if (auto stop = RequireEditor(c, *site)) return *stop;
         EditorState s;
         s.event_key = c.request.Query("event").value_or("");
         const auto today = std::chrono::floor<std::chrono::days>(c.clock.Now());
         s.item.date = CivilFromDays(today.time_since_epoch().count());
         return Editor(c, *site, s);
       });
  page("GET", "/manage/news/{key}", "edit a news item", "",
       [site](RequestContext& c) -> Result<HttpResponse> {
         if (auto stop = RequireEditor(c, *site)) return *stop;
         auto item = service::ReadNews(c.store, &*c.actor, c.Param("key"));
         if (!item.ok()) return ErrorPage(c, *site, item.status());
         if (!service::CanEditNews(*c.actor, item->event)) {
           return ErrorPage(c, *site, PermissionDeniedError("only organizers edit news"));
         }
         EditorState s;
         s.item = *item;
         s.original_key = item->key;
         if (item->event.valid()) {
           PONTE_ASSIGN_OR_RETURN(auto events, EventsById(c.store));
           if (auto it = events.find(item->event); it != events.end()) s.event_key = it->second.key;
         }
         return Editor(c, *site, s);
       });
  page("POST", "/manage/news", "create a news item (form)",
       "key, event, date, status, title_*, summary_*, body_*, image_<n>_*",
       [site](RequestContext& c) -> Result<HttpResponse> {
         if (auto stop = RequireEditor(c, *site)) return *stop;
         auto state = FromForm(c);
         if (!state.ok()) return ErrorPage(c, *site, state.status());
         auto created = service::CreateNews(c.store, c.clock, *c.actor, state->item);
         if (!created.ok()) {
           state->error = StatusText(*site, c.Locale(), created.status());
           return Editor(c, *site, *state);
         }
         return HttpResponse::Redirect("/manage/news/" + created->key + "?saved=1");
       });
  page("POST", "/manage/news/{key}", "save a news item (form; the version read)",
       "as POST /manage/news, version", [site](RequestContext& c) -> Result<HttpResponse> {
         if (auto stop = RequireEditor(c, *site)) return *stop;
         auto state = FromForm(c);
         if (!state.ok()) return ErrorPage(c, *site, state.status());
         state->original_key = c.Param("key");
         if (FormField(c.request, "delete") == "1") {
           Status deleted = service::DeleteNews(c.store, c.clock, *c.actor, state->original_key,
                                                state->item.version);
           if (!deleted.ok()) {
             state->error = StatusText(*site, c.Locale(), deleted);
             return Editor(c, *site, *state);
           }
           return HttpResponse::Redirect("/manage/news");
         }
         auto saved = service::UpdateNews(c.store, c.clock, *c.actor, state->original_key,
                                          state->item, state->item.version);
         if (!saved.ok()) {
           state->error = StatusText(*site, c.Locale(), saved.status());
           return Editor(c, *site, *state);
         }
         return HttpResponse::Redirect("/manage/news/" + saved->key + "?saved=1");
       });

  page("GET", "/news", "the programme's news (public)", "",
       [site](RequestContext& c) -> Result<HttpResponse> { return ListPage(c, *site); });
  page("GET", "/events/{event}/news", "an event's news (public)", "",
       [site](RequestContext& c) -> Result<HttpResponse> { return ListPage(c, *site); });
  page("GET", "/news/{key}", "a news item (public)", "",
       [site](RequestContext& c) -> Result<HttpResponse> {
         const std::string locale = c.Locale();
         auto item = service::ReadNews(c.store, c.actor ? &*c.actor : nullptr, c.Param("key"));
         if (!item.ok()) return ErrorPage(c, *site, item.status());
         PONTE_ASSIGN_OR_RETURN(auto events, EventsById(c.store));
         Json data = Card(*item, events, locale);
         const auto [body, body_lang] = item->body.Best(locale);
         data["body"] = body;
         data["body_lang"] = std::string(body_lang);
         data["body_other"] = !body_lang.empty() && body_lang != locale;
         data["body_language"] = body_lang.empty()
                                     ? std::string()
                                     : site->T(locale, "language_" + std::string(body_lang));
         data["images"] = ImagesJson(*item, locale);
         data["can_edit"] = c.actor && service::CanEditNews(*c.actor, item->event);
         const std::string prefix =
             data["event"].is_object() ? "/events/" + data["event"]["key"].get<std::string>() : "";
         data["back"] = prefix + "/news";
         return NewsPage(c, *site, "news_item", item->title.Best(locale).first, data, prefix);
       });
}

}  // namespace ponte::web
