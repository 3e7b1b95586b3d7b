// Chinese word segmentation: cppjieba's dictionary + HMM method (the default,
// chosen by measured quality, see docs/matching.md) and ICU's dictionary word
// break iterator (the measured alternative).
//
//   PONTE_ASSIGN_OR_RETURN(auto seg, ChineseSegmenter::Create(SegmenterKind::kJieba, dict_dir));
//   seg->AddWord("联合实验室");                 // keep a glossary term whole
//   std::vector<std::string> words = seg->Cut("建设联合实验室");  // {"建设", "联合实验室"}
//
// Create() fails with kNotFound when the jieba dictionaries are missing.
// Cut() is const and thread-safe; AddWord() must not run concurrently with Cut().
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ponte::text {

enum class SegmenterKind { kJieba, kIcu };

class ChineseSegmenter {
 public:
  virtual ~ChineseSegmenter() = default;

  // `jieba_dict_dir` holds jieba.dict.utf8 and hmm_model.utf8; empty means the
  // build default (node_modules/nodejieba/submodules/cppjieba/dict). Unused by kIcu.
  static Result<std::unique_ptr<ChineseSegmenter>> Create(SegmenterKind kind,
                                                          std::string jieba_dict_dir = "");
  // The build's default jieba dictionary folder.
  static std::string DefaultJiebaDictDir();

  // Splits a run of (Simplified) Chinese text into words; punctuation and
  // spaces are dropped.
  virtual std::vector<std::string> Cut(std::string_view text) const = 0;
  // Adds a word the segmenter must keep whole (no-op for ICU).
  virtual void AddWord(std::string_view word) = 0;
};

}  // namespace ponte::text
