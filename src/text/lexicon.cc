#include "text/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace ponte::text {
namespace {

constexpr char kKeySeparator = '\x1f';
constexpr std::size_t kMaxPhraseTokens = 8;

std::string StemKey(const std::vector<Token>& tokens, std::size_t first, std::size_t count) {
  std::string key(LanguageCode(tokens[first].language));
  for (std::size_t i = first; i < first + count; ++i) {
    key.push_back(kKeySeparator);
    key += tokens[i].term;
  }
  return key;
}

// Latin surface form, so an English loanword inside Italian text ("spin-off",
// "big data") still matches though it was stemmed as Italian.
std::string SurfaceKey(const std::vector<Token>& tokens, std::size_t first, std::size_t count) {
  std::string key = "~";
  for (std::size_t i = first; i < first + count; ++i) {
    key.push_back(kKeySeparator);
    key += tokens[i].surface;
  }
  return key;
}

// Splits a taxonomy label into its parts ("Robotics and automation" -> both
// words as separate phrases too).
std::vector<std::string> LabelParts(std::string_view label) {
  std::vector<std::string> parts{std::string(label)};
  for (std::string_view conj : {" and ", " e ", "与", "和", ", "}) {
    const std::size_t at = label.find(conj);
    if (at != std::string_view::npos) {
      parts.emplace_back(label.substr(0, at));
      parts.emplace_back(label.substr(at + conj.size()));
    }
  }
  return parts;
}

}  // namespace

std::vector<std::string> PhraseKeys(const std::vector<Token>& tokens) {
  std::vector<std::string> keys;
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return keys;
  keys.push_back(StemKey(tokens, 0, tokens.size()));
  if (tokens.front().language != Language::kChinese) {
    keys.push_back(SurfaceKey(tokens, 0, tokens.size()));
  }
  return keys;
}

ConceptId Lexicon::AddConcept(Concept entry) {
  const auto it = by_key_.find(entry.key);
  if (it != by_key_.end()) return it->second;
  const auto id = static_cast<ConceptId>(concepts_.size());
  by_key_.emplace(entry.key, id);
  concepts_.push_back(std::move(entry));
  return id;
}

void Lexicon::AddTerm(Analyzer& analyzer, ConceptId id, Language language, std::string_view term,
                      float weight) {
  if (Trim(term).empty()) return;
  if (language == Language::kChinese) analyzer.AddChineseWord(term);
  const AnalyzedText analyzed = analyzer.Analyze(term, language);
  std::vector<Token> tokens = analyzed.tokens;
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return;
  const auto length = static_cast<std::uint8_t>(tokens.size());
  for (const std::string& key : PhraseKeys(tokens)) {
    auto& senses = phrases_[key];
    if (std::none_of(senses.begin(), senses.end(),
                     [&](const Sense& s) { return s.concept_id == id; })) {
      senses.push_back({id, weight});
    }
  }
  // First-token keys bound the phrase lengths Match() tries.
  std::vector<Token> first(tokens.begin(), tokens.begin() + 1);
  for (const std::string& key : PhraseKeys(first)) {
    auto& max_len = max_len_[key];
    max_len = std::max(max_len, length);
  }
}

Status Lexicon::LoadGlossary(Analyzer& analyzer, const std::string& file) {
  std::ifstream in(file);
  if (!in) return NotFoundError("glossary " + file + " not found");
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty() || line.front() == '#') continue;
    const std::vector<std::string> fields = Split(line, '\t');
    // id, tags, en, it, zh
    constexpr std::size_t kFields = 5;
    if (fields.size() != kFields) {
      return InvalidArgumentError(file + ":" + std::to_string(line_number) + ": expected " +
                                  std::to_string(kFields) + " tab-separated fields, got " +
                                  std::to_string(fields.size()));
    }
    if (line_number == 1 && fields[0] == "id") continue;  // header
    Concept entry;
    entry.key = "g:" + fields[0];
    entry.source = ConceptSource::kGlossary;
    std::istringstream tags(fields[1]);
    for (std::string tag; tags >> tag;) {
      if (tag.rfind("coop:", 0) == 0) {
        entry.cooperation_types.push_back(tag.substr(5));
      } else {
        entry.themes.push_back(tag);
      }
    }
    const std::array<std::pair<Language, const std::string*>, 3> columns = {
        std::pair{Language::kEnglish, &fields[2]}, std::pair{Language::kItalian, &fields[3]},
        std::pair{Language::kChinese, &fields[4]}};
    for (const auto& [language, column] : columns) {
      const std::vector<std::string> terms = Split(*column, '|');
      entry.labels[static_cast<std::size_t>(language)] = std::string(Trim(terms.front()));
    }
    const ConceptId id = AddConcept(entry);
    for (const auto& [language, column] : columns) {
      for (const std::string& term : Split(*column, '|'))
        AddTerm(analyzer, id, language, Trim(term), 1.0F);
    }
  }
  return OkStatus();
}

Status Lexicon::LoadTaxonomy(Analyzer& analyzer, const std::string& file, ConceptSource source,
                             std::string_view prefix) {
  std::ifstream in(file);
  if (!in) return NotFoundError("taxonomy " + file + " not found");
  std::string line;
  std::getline(in, line);  // header: code,[parent,]en,it,zh
  const std::vector<std::string> header = Split(Trim(line), ',');
  const std::size_t first_label = header.size() - 3;
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty()) continue;
    const std::vector<std::string> fields = Split(trimmed, ',');
    if (fields.size() != header.size()) {
      return InvalidArgumentError(file + ":" + std::to_string(line_number) + ": expected " +
                                  std::to_string(header.size()) + " comma-separated fields");
    }
    Concept entry;
    entry.key = std::string(prefix) + fields[0];
    entry.source = source;
    if (source == ConceptSource::kTheme) entry.themes.push_back(fields[0]);
    if (source == ConceptSource::kCooperationType) entry.cooperation_types.push_back(fields[0]);
    const std::array<Language, 3> languages = {Language::kEnglish, Language::kItalian,
                                               Language::kChinese};
    for (std::size_t l = 0; l < languages.size(); ++l) {
      entry.labels[static_cast<std::size_t>(languages[l])] = fields[first_label + l];
    }
    const ConceptId id = AddConcept(entry);
    for (std::size_t l = 0; l < languages.size(); ++l) {
      for (const std::string& part : LabelParts(fields[first_label + l])) {
        AddTerm(analyzer, id, languages[l], part, 1.0F);
      }
    }
  }
  return OkStatus();
}

Status Lexicon::LoadWordnetIndex(const std::string& file) {
  std::ifstream in(file);
  if (!in) return NotFoundError("WordNet bridge index " + file + " not found");
  // synset \t en label \t it label \t zh label \t key ; key ; ...
  // where a key is "<lang>:<term> <term>..." ("~:" for Latin surface forms).
  std::string line;
  int line_number = 0;
  std::unordered_map<std::string, std::vector<ConceptId>> senses;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string> fields = Split(line, '\t');
    constexpr std::size_t kFields = 5;
    if (fields.size() != kFields) {
      return InvalidArgumentError(file + ":" + std::to_string(line_number) +
                                  ": expected 5 tab-separated fields");
    }
    Concept entry;
    entry.key = "wn:" + fields[0];
    entry.source = ConceptSource::kWordnet;
    entry.labels[static_cast<std::size_t>(Language::kEnglish)] = fields[1];
    entry.labels[static_cast<std::size_t>(Language::kItalian)] = fields[2];
    entry.labels[static_cast<std::size_t>(Language::kChinese)] = fields[3];
    const ConceptId id = AddConcept(std::move(entry));
    for (const std::string& encoded : Split(fields[4], ';')) {
      const std::size_t colon = encoded.find(':');
      if (colon == std::string::npos) continue;
      std::string key = encoded.substr(0, colon);
      std::size_t words = 0;
      std::string first_key = key;
      for (const std::string& word : Split(std::string_view(encoded).substr(colon + 1), ' ')) {
        if (word.empty()) continue;
        key.push_back(kKeySeparator);
        key += word;
        if (words == 0) first_key = key;
        ++words;
      }
      if (words == 0) continue;
      senses[key].push_back(id);
      auto& max_len = max_len_[first_key];
      max_len = std::max(max_len, static_cast<std::uint8_t>(std::min(words, kMaxPhraseTokens)));
    }
  }
  // The glossary and taxonomy win over WordNet; an ambiguous WordNet term
  // spreads its weight over its synsets, and very ambiguous terms are dropped.
  constexpr std::size_t kMaxSenses = 4;
  for (auto& [key, ids] : senses) {
    if (phrases_.count(key) != 0 || ids.size() > kMaxSenses) continue;
    auto& out = phrases_[key];
    for (ConceptId id : ids) out.push_back({id, 1.0F / static_cast<float>(ids.size())});
  }
  return OkStatus();
}

Result<std::unique_ptr<Lexicon>> Lexicon::Load(Analyzer& analyzer, const LexiconOptions& options) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  const std::string dir = options.data_dir;
  PONTE_RETURN_IF_ERROR(lexicon->LoadGlossary(analyzer, dir + "/text/glossary.tsv"));
  PONTE_RETURN_IF_ERROR(
      lexicon->LoadTaxonomy(analyzer, dir + "/taxonomy/themes.csv", ConceptSource::kTheme, "t:"));
  PONTE_RETURN_IF_ERROR(lexicon->LoadTaxonomy(analyzer, dir + "/taxonomy/cooperation_types.csv",
                                              ConceptSource::kCooperationType, "k:"));
  if (!options.wordnet_index.empty()) {
    PONTE_RETURN_IF_ERROR(lexicon->LoadWordnetIndex(options.wordnet_index));
  }
  return lexicon;
}

std::vector<ConceptMatch> Lexicon::Match(const std::vector<Token>& tokens) const {
  std::vector<ConceptMatch> matches;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t longest = 0;
    for (const std::string& key :
         {StemKey(tokens, i, 1),
          tokens[i].language == Language::kChinese ? std::string() : SurfaceKey(tokens, i, 1)}) {
      if (key.empty()) continue;
      const auto it = max_len_.find(key);
      if (it != max_len_.end()) longest = std::max<std::size_t>(longest, it->second);
    }
    longest = std::min(longest, tokens.size() - i);
    std::size_t matched = 0;
    for (std::size_t len = longest; len >= 1 && matched == 0; --len) {
      // A phrase stays within one language (a Latin word between Han runs ends it).
      bool same_language = true;
      for (std::size_t j = i + 1; j < i + len; ++j) {
        same_language = same_language && (tokens[j].language == Language::kChinese) ==
                                             (tokens[i].language == Language::kChinese);
      }
      if (!same_language) continue;
      for (const std::string& key :
           {StemKey(tokens, i, len), tokens[i].language == Language::kChinese
                                         ? std::string()
                                         : SurfaceKey(tokens, i, len)}) {
        if (key.empty()) continue;
        const auto it = phrases_.find(key);
        if (it == phrases_.end()) continue;
        for (const Sense& sense : it->second) {
          matches.push_back({sense.concept_id, static_cast<std::uint32_t>(i),
                             static_cast<std::uint32_t>(len), sense.weight});
        }
        matched = len;
        break;
      }
    }
    i += matched == 0 ? 1 : matched;
  }
  return matches;
}

std::string_view Lexicon::Label(ConceptId id, Language reader) const {
  const Concept& c = GetConcept(id);
  for (Language language : {reader, Language::kEnglish, Language::kItalian, Language::kChinese}) {
    const std::string& label = c.labels[static_cast<std::size_t>(language)];
    if (!label.empty()) return label;
  }
  return c.key;
}

std::optional<ConceptId> Lexicon::Find(std::string_view key) const {
  const auto it = by_key_.find(std::string(key));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

}  // namespace ponte::text
