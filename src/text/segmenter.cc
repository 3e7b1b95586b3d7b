#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cppjieba/DictTrie.hpp>
#include <cppjieba/HMMModel.hpp>
#include <cppjieba/MixSegment.hpp>
#include <filesystem>
#include <limonp/Logging.hpp>
#include <mutex>

namespace ponte::text {
namespace {

bool IsWordLike(const std::string& word) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (u_isalnum(c)) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

class JiebaSegmenter final : public ChineseSegmenter {
 public:
  JiebaSegmenter(const std::string& dict, const std::string& model)
      : trie_(dict, "", cppjieba::DictTrie::WordWeightMax), model_(model), mix_(&trie_, &model_) {}

  std::vector<std::string> Cut(std::string_view text) const override {
    std::vector<std::string> words;
    mix_.Cut(std::string(text), words, /*hmm=*/true);
    std::vector<std::string> out;
    out.reserve(words.size());
    for (auto& w : words) {
      if (IsWordLike(w)) out.push_back(std::move(w));
    }
    return out;
  }

  void AddWord(std::string_view word) override { trie_.InsertUserWord(std::string(word)); }

 private:
  cppjieba::DictTrie trie_;
  cppjieba::HMMModel model_;
  cppjieba::MixSegment mix_;
};

class IcuSegmenter final : public ChineseSegmenter {
 public:
  explicit IcuSegmenter(std::unique_ptr<icu::BreakIterator> prototype)
      : prototype_(std::move(prototype)) {}

  std::vector<std::string> Cut(std::string_view text) const override {
    std::unique_ptr<icu::BreakIterator> it;
    {
      // clone() of a shared prototype is cheap and keeps Cut() thread-safe.
      std::lock_guard<std::mutex> lock(mutex_);
      it.reset(prototype_->clone());
    }
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    it->setText(u);
    std::vector<std::string> out;
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      std::string word;
      u.tempSubStringBetween(start, end).toUTF8String(word);
      if (IsWordLike(word)) out.push_back(std::move(word));
    }
    return out;
  }

  void AddWord(std::string_view /*word*/) override {}

 private:
  mutable std::mutex mutex_;
  std::unique_ptr<icu::BreakIterator> prototype_;
};

}  // namespace

std::string ChineseSegmenter::DefaultJiebaDictDir() {
#ifdef PONTE_JIEBA_DICT_DIR
  return PONTE_JIEBA_DICT_DIR;
#else
  return "node_modules/nodejieba/submodules/cppjieba/dict";
#endif
}

Result<std::unique_ptr<ChineseSegmenter>> ChineseSegmenter::Create(SegmenterKind kind,
                                                                   std::string jieba_dict_dir) {
  if (kind == SegmenterKind::kIcu) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status) || !it) {
      return InternalError(std::string("ICU word break iterator: ") + u_errorName(status));
    }
    return std::unique_ptr<ChineseSegmenter>(new IcuSegmenter(std::move(it)));
  }
  if (jieba_dict_dir.empty()) jieba_dict_dir = DefaultJiebaDictDir();
  const std::filesystem::path dir(jieba_dict_dir);
  const auto dict = dir / "jieba.dict.utf8";
  const auto model = dir / "hmm_model.utf8";
  // cppjieba aborts on a missing file, so check first.
  for (const auto& file : {dict, model}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      return NotFoundError("Chinese segmenter dictionary " + file.string() +
                           " not found (run `npm ci --ignore-scripts` at the repository root)");
    }
  }
  return std::unique_ptr<ChineseSegmenter>(new JiebaSegmenter(dict.string(), model.string()));
}

}  // namespace ponte::text
