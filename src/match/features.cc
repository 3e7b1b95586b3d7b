#include "match/features.h"

#include <algorithm>
#include <fstream>
#include <optional>

#include "core/utf8.h"

namespace ponte::match {
namespace {

// Field weights (term-frequency multipliers): what a profile says it offers
// or seeks counts fully; "about" and keywords describe the organization and
// count half on the offer side; when "seek" is empty they also stand in as
// the query, so a profile that only describes itself still gets partners.
constexpr float kMainField = 1.0F;
constexpr float kDescriptionField = 0.5F;
constexpr float kNameField = 0.25F;
constexpr float kThemeField = 1.0F;

std::size_t Bit(text::Language language) { return static_cast<std::size_t>(language); }

}  // namespace

Result<std::shared_ptr<const TextModel>> TextModel::Load(const TextModelOptions& options) {
  auto model = std::make_shared<TextModel>();
  text::AnalyzerOptions analyzer_options;
  analyzer_options.data_dir = options.data_dir;
  analyzer_options.segmenter = options.segmenter;
  analyzer_options.jieba_dict_dir = options.jieba_dict_dir;
  auto analyzer = text::Analyzer::Create(analyzer_options);
  if (!analyzer.ok()) return analyzer.status();
  model->analyzer_ = std::move(*analyzer);
  text::LexiconOptions lexicon_options;
  lexicon_options.data_dir = options.data_dir;
  lexicon_options.wordnet_index = options.wordnet_index;
  auto lexicon = text::Lexicon::Load(*model->analyzer_, lexicon_options);
  if (!lexicon.ok()) return lexicon.status();
  model->lexicon_ = std::move(*lexicon);
  for (std::size_t i = 0; i < model->lexicon_->size(); ++i) {
    const auto& entry = model->lexicon_->GetConcept(static_cast<text::ConceptId>(i));
    if (entry.source == text::ConceptSource::kCooperationType) {
      model->cooperation_types_.push_back(entry.key.substr(2));
    }
  }
  return std::shared_ptr<const TextModel>(std::move(model));
}

int TextModel::CooperationTypeIndex(std::string_view code) const {
  for (std::size_t i = 0; i < cooperation_types_.size() && i < 32; ++i) {
    if (cooperation_types_[i] == code) return static_cast<int>(i);
  }
  return -1;
}

FeatureExtractor::FeatureExtractor(std::shared_ptr<const TextModel> model)
    : model_(std::move(model)), analyzer_(model_->ForkAnalyzer()) {}

void FeatureExtractor::AddText(std::string_view input, float weight,
                               std::initializer_list<Side> sides, RawFeatures& out,
                               std::array<int, text::kLanguageCount>& written) {
  if (Trim(input).empty()) return;
  const text::AnalyzedText analyzed = analyzer_->Analyze(input);
  written[Bit(analyzed.language)] += static_cast<int>(analyzed.tokens.size()) + 1;
  const text::Lexicon& lexicon = model_->lexicon();
  std::vector<bool> covered(analyzed.tokens.size(), false);
  for (const text::ConceptMatch& m : lexicon.Match(analyzed.tokens)) {
    for (std::uint32_t t = m.first_token; t < m.first_token + m.token_count; ++t) covered[t] = true;
    const text::Concept& entry = lexicon.GetConcept(m.concept_id);
    for (Side side : sides) {
      RawFeature f;
      f.is_concept = true;
      f.concept_id = m.concept_id;
      f.weight = weight * m.weight;
      out.sides[static_cast<std::size_t>(side)].push_back(std::move(f));
      for (const std::string& coop : entry.cooperation_types) {
        const int index = model_->CooperationTypeIndex(coop);
        if (index < 0) continue;
        const std::uint32_t bit = 1U << static_cast<unsigned>(index);
        (side == Side::kOffer ? out.offer_cooperation : out.seek_cooperation) |= bit;
      }
    }
    for (const std::string& theme : entry.themes) out.themes.push_back(theme);
  }
  for (std::size_t t = 0; t < analyzed.tokens.size(); ++t) {
    if (covered[t]) continue;
    const text::Token& token = analyzed.tokens[t];
    for (Side side : sides) {
      RawFeature f;
      f.term = std::string(text::LanguageCode(token.language)) + '\x1f' + token.term;
      f.surface = token.surface;
      f.weight = weight;
      out.sides[static_cast<std::size_t>(side)].push_back(std::move(f));
    }
  }
}

RawFeatures FeatureExtractor::Extract(const Profile& profile) {
  RawFeatures out;
  std::array<int, text::kLanguageCount> written{};
  const bool has_seek = !Trim(profile.seek).empty();
  AddText(profile.offer, kMainField, {Side::kOffer}, out, written);
  AddText(profile.seek, kMainField, {Side::kSeek}, out, written);
  if (has_seek) {
    AddText(profile.about, kDescriptionField, {Side::kOffer}, out, written);
  } else {
    AddText(profile.about, kDescriptionField, {Side::kOffer, Side::kSeek}, out, written);
  }
  for (const std::string& keyword : profile.keywords) {
    AddText(keyword, kDescriptionField, {Side::kOffer, Side::kSeek}, out, written);
  }
  AddText(profile.name, kNameField, {Side::kOffer}, out, written);

  // Themes: a taxonomy code becomes its theme concept; anything else is text.
  const text::Lexicon& lexicon = model_->lexicon();
  for (const std::string& theme : profile.themes) {
    const std::string code(Trim(theme));
    if (auto id = lexicon.Find("t:" + code)) {
      for (Side side : {Side::kOffer, Side::kSeek}) {
        RawFeature f;
        f.is_concept = true;
        f.concept_id = *id;
        f.weight = kThemeField;
        out.sides[static_cast<std::size_t>(side)].push_back(std::move(f));
      }
      out.themes.push_back(code);
    } else {
      AddText(code, kThemeField, {Side::kOffer, Side::kSeek}, out, written);
    }
  }
  // Parents of themes ("ai" for "ai.vision") count for overlap too.
  const std::size_t direct = out.themes.size();
  for (std::size_t i = 0; i < direct; ++i) {
    const std::size_t dot = out.themes[i].find('.');
    if (dot != std::string::npos) out.themes.push_back(out.themes[i].substr(0, dot));
  }
  std::sort(out.themes.begin(), out.themes.end());
  out.themes.erase(std::unique(out.themes.begin(), out.themes.end()), out.themes.end());

  // Languages: declared ones, plus those the profile is written in.
  for (const std::string& code : profile.languages) {
    if (auto language = text::ParseLanguage(code)) {
      out.language_mask = static_cast<std::uint8_t>(out.language_mask | (1U << Bit(*language)));
    }
  }
  int best = 0;
  for (text::Language language :
       {text::Language::kItalian, text::Language::kEnglish, text::Language::kChinese}) {
    if (written[Bit(language)] > 0) {
      out.language_mask = static_cast<std::uint8_t>(out.language_mask | (1U << Bit(language)));
    }
    if (written[Bit(language)] > best) {
      best = written[Bit(language)];
      out.reader_language = language;
    }
  }
  // The reader's language for explanations: the one most of the profile is
  // written in, unless the profile declares languages that exclude it (then
  // the first declared one).
  std::uint8_t declared = 0;
  std::optional<text::Language> first_declared;
  for (const std::string& code : profile.languages) {
    if (auto language = text::ParseLanguage(code)) {
      declared = static_cast<std::uint8_t>(declared | (1U << Bit(*language)));
      if (!first_declared) first_declared = *language;
    }
  }
  if (first_declared && (best == 0 || (declared & (1U << Bit(out.reader_language))) == 0)) {
    out.reader_language = *first_declared;
  }
  return out;
}

}  // namespace ponte::match
