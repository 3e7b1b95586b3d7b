#include "text/wordnet_bridge.h"

#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "core/utf8.h"
#include "text/lexicon.h"

namespace ponte::text {
namespace {

struct Synset {
  std::array<std::vector<std::string>, kLanguageCount> lemmas;
};

// "patent_of_invention" -> "patent of invention".
std::string Spaces(std::string lemma) {
  for (char& c : lemma) {
    if (c == '_') c = ' ';
  }
  return lemma;
}

Status ReadOmw(const std::string& path, Language language, std::map<std::string, Synset>& out) {
  std::ifstream in(path);
  if (!in) return NotFoundError("wordnet file " + path + " not found");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string synset;
    std::string kind;
    if (!std::getline(fields, synset, '\t') || !std::getline(fields, kind, '\t')) continue;
    if (kind.size() < 6 || kind.compare(kind.size() - 6, 6, ":lemma") != 0) continue;
    if (synset.size() < 2 || synset.back() != 'n') continue;  // nouns only
    std::string lemma;
    std::getline(fields, lemma);
    if (!lemma.empty() && lemma.back() == '\r') lemma.pop_back();
    out[synset].lemmas[static_cast<std::size_t>(language)].push_back(Spaces(lemma));
  }
  return OkStatus();
}

// data.noun: "06501141 10 n 02 patent 1 patent_of_invention 0 003 @ ..."
Status ReadWordnetNouns(const std::string& path, std::map<std::string, Synset>& out) {
  std::ifstream in(path);
  if (!in) return NotFoundError("WordNet " + path + " not found (Debian package wordnet-base)");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    std::istringstream fields(line);
    std::string offset;
    std::string lex_file;
    std::string pos;
    std::string count_hex;
    fields >> offset >> lex_file >> pos >> count_hex;
    const auto it = out.find(offset + "-n");
    if (it == out.end()) continue;  // only synsets another language has
    const unsigned long count = std::stoul(count_hex, nullptr, 16);
    for (unsigned long i = 0; i < count; ++i) {
      std::string word;
      std::string lex_id;
      fields >> word >> lex_id;
      it->second.lemmas[static_cast<std::size_t>(Language::kEnglish)].push_back(Spaces(word));
    }
  }
  return OkStatus();
}

}  // namespace

Result<WordnetBridgeStats> BuildWordnetBridge(Analyzer& analyzer, const std::string& omw_dir,
                                              const std::string& wordnet_dir,
                                              const std::string& out_path) {
  std::map<std::string, Synset> synsets;
  PONTE_RETURN_IF_ERROR(ReadOmw(omw_dir + "/wn-data-cmn.tab", Language::kChinese, synsets));
  PONTE_RETURN_IF_ERROR(
      ReadOmw(omw_dir + "/wn-data-ita-multiwordnet.tab", Language::kItalian, synsets));
  PONTE_RETURN_IF_ERROR(
      ReadOmw(omw_dir + "/wn-data-ita-italwordnet.tab", Language::kItalian, synsets));
  PONTE_RETURN_IF_ERROR(ReadWordnetNouns(wordnet_dir + "/data.noun", synsets));

  std::ofstream out(out_path);
  if (!out) return InternalError("cannot write " + out_path);
  out << "# ponte WordNet bridge: noun synsets of WordNet 3.0 (Princeton) with Chinese Open "
         "Wordnet, MultiWordNet and ItalWordNet lemmas (via the Open Multilingual Wordnet); see "
         "their licences.\n";
  WordnetBridgeStats stats;
  for (const auto& [id, synset] : synsets) {
    const auto& zh = synset.lemmas[static_cast<std::size_t>(Language::kChinese)];
    const auto& it = synset.lemmas[static_cast<std::size_t>(Language::kItalian)];
    const auto& en = synset.lemmas[static_cast<std::size_t>(Language::kEnglish)];
    // A bridge needs Chinese and at least one Latin-script language.
    if (zh.empty() || (it.empty() && en.empty())) continue;
    std::set<std::string> keys;
    for (Language language : {Language::kEnglish, Language::kItalian, Language::kChinese}) {
      for (const std::string& lemma : synset.lemmas[static_cast<std::size_t>(language)]) {
        // Single Han characters and very short Latin words are too ambiguous.
        if (language == Language::kChinese ? lemma.size() <= 3 : lemma.size() < 3) continue;
        const AnalyzedText analyzed = analyzer.Analyze(lemma, language);
        if (analyzed.tokens.empty()) continue;
        for (const std::string& key : PhraseKeys(analyzed.tokens)) {
          // "it\x1fbrevett" -> "it:brevett", terms separated by spaces.
          std::string encoded;
          std::size_t start = 0;
          std::size_t sep = key.find('\x1f');
          encoded = key.substr(0, sep) + ":";
          start = sep + 1;
          bool first = true;
          while (true) {
            sep = key.find('\x1f', start);
            if (!first) encoded += ' ';
            encoded += key.substr(start, sep == std::string::npos ? sep : sep - start);
            first = false;
            if (sep == std::string::npos) break;
            start = sep + 1;
          }
          if (encoded.find(';') == std::string::npos && encoded.find('\t') == std::string::npos) {
            keys.insert(encoded);
          }
        }
      }
    }
    if (keys.empty()) continue;
    auto label = [](const std::vector<std::string>& lemmas) {
      return lemmas.empty() ? std::string() : lemmas.front();
    };
    out << id << '\t' << label(en) << '\t' << label(it) << '\t' << label(zh) << '\t';
    bool first = true;
    for (const std::string& key : keys) {
      if (!first) out << ';';
      out << key;
      first = false;
    }
    out << '\n';
    ++stats.synsets;
    stats.keys += keys.size();
  }
  if (!out.flush()) return InternalError("failed writing " + out_path);
  return stats;
}

}  // namespace ponte::text
