// Copyright 2026 The Jianbao Authors.

#include "search/tokenizer.h"

#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <mutex>
#include <unordered_map>

namespace jianbao::search {
namespace {

bool IsHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool IsCjk(char32_t c) {
  return IsHan(c) || (c >= 0x3005 && c <= 0x3007) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x3100 && c <= 0x312F) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0x31A0 && c <= 0x31FF) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0xAC00 && c <= 0xD7AF);
}

bool IsGap(char32_t c) {
  return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == '\n' || c == 0x2029;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return u_isalnum(static_cast<UChar32>(c)) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buf, static_cast<size_t>(n));
}

// The folding tables, built once: the t2s character map from OpenCC and the
// NFKC-casefold image of every BMP code point that changes.
class Folder {
 public:
  static const Folder& Get() {
    static const Folder folder;
    return folder;
  }

  // Appends the folded code points of `c` to `out`.
  void Fold(char32_t c, std::u32string* out) const {
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
      return;
    }
    if (IsHan(c) && !(c >= 0xF900 && c <= 0xFAFF)) {
      out->push_back(Simplify(c));
      return;
    }
    if (c <= 0xFFFF) {
      auto it = nfkc_.find(c);
      if (it == nfkc_.end()) {
        out->push_back(c);
      } else {
        for (char32_t d : it->second) out->push_back(IsHan(d) ? Simplify(d) : d);
      }
      return;
    }
    for (char32_t d : Normalize(c)) out->push_back(IsHan(d) ? Simplify(d) : d);
  }

 private:
  Folder() {
    for (char32_t c = 0x80; c <= 0xFFFF; ++c) {
      if ((c >= 0xD800 && c <= 0xDFFF) || (IsHan(c) && !(c >= 0xF900 && c <= 0xFAFF))) continue;
      std::u32string n = Normalize(c);
      if (n.size() != 1 || n[0] != c) nfkc_.emplace(c, std::move(n));
    }
    BuildT2s();
  }

  char32_t Simplify(char32_t c) const {
    auto it = t2s_.find(c);
    return it == t2s_.end() ? c : it->second;
  }

  static std::u32string Normalize(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    std::u32string out;
    if (U_FAILURE(status)) return std::u32string(1, c);
    icu::UnicodeString src(static_cast<UChar32>(c));
    icu::UnicodeString dst = nfkc->normalize(src, status);
    if (U_FAILURE(status)) return std::u32string(1, c);
    for (int32_t i = 0; i < dst.length();) {
      UChar32 d = dst.char32At(i);
      out.push_back(static_cast<char32_t>(d));
      i += U16_LENGTH(d);
    }
    return out;
  }

  // Converts every Han character, one per line, through OpenCC's t2s
  // configuration and keeps those that change into one other character.
  void BuildT2s() {
    opencc_t cc = opencc_open("t2s.json");
    if (cc == reinterpret_cast<opencc_t>(-1)) return;
    std::string in;
    std::vector<char32_t> order;
    auto add = [&](char32_t a, char32_t b) {
      for (char32_t c = a; c <= b; ++c) {
        AppendUtf8(c, &in);
        in.push_back('\n');
        order.push_back(c);
      }
    };
    add(0x3400, 0x4DBF);
    add(0x4E00, 0x9FFF);
    add(0x20000, 0x2A6DF);
    char* out = opencc_convert_utf8(cc, in.data(), in.size());
    if (out) {
      std::string_view text(out);
      size_t line = 0, pos = 0;
      while (pos < text.size() && line < order.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view cell = text.substr(pos, nl - pos);
        int32_t i = 0;
        UChar32 c = 0;
        U8_NEXT(cell.data(), i, static_cast<int32_t>(cell.size()), c);
        if (c > 0 && static_cast<size_t>(i) == cell.size() &&
            static_cast<char32_t>(c) != order[line]) {
          t2s_.emplace(order[line], static_cast<char32_t>(c));
        }
        ++line;
        pos = nl + 1;
      }
      opencc_convert_utf8_free(out);
    }
    opencc_close(cc);
  }

  std::unordered_map<char32_t, std::u32string> nfkc_;
  std::unordered_map<char32_t, char32_t> t2s_;
};

// A folded code point and the byte range of the source code point it came from.
struct Unit {
  char32_t c;
  int start, end;
};

class Emitter {
 public:
  explicit Emitter(const std::function<void(const Token&)>& emit) : emit_(emit) {}

  void Feed(const Unit& u) {
    if (IsCjk(u.c)) {
      if (!word_.empty()) FlushWord();
      cjk_.push_back(u);
    } else if (IsWordChar(u.c)) {
      if (!cjk_.empty()) FlushCjk();
      word_.push_back(u);
    } else {
      Flush();
      if (IsGap(u.c) && emitted_) gap_pending_ = true;
    }
  }

  void Flush() {
    FlushCjk();
    FlushWord();
  }

 private:
  void Emit(std::string text, bool colocated, int start, int end) {
    if (!colocated) {
      if (gap_pending_) {
        token_.text = kGapToken;
        token_.position = next_position_++;
        token_.colocated = false;
        token_.start = token_.end = start;
        emit_(token_);
        gap_pending_ = false;
      }
      position_ = next_position_++;
    }
    token_.text = std::move(text);
    token_.position = position_;
    token_.colocated = colocated;
    token_.start = start;
    token_.end = end;
    emit_(token_);
    emitted_ = true;
  }

  void FlushCjk() {
    if (cjk_.empty()) return;
    if (cjk_.size() == 1) {
      std::string one;
      AppendUtf8(cjk_[0].c, &one);
      Emit(std::move(one), false, cjk_[0].start, cjk_[0].end);
    }
    for (size_t k = 0; k + 1 < cjk_.size(); ++k) {
      std::string first, second;
      AppendUtf8(cjk_[k].c, &first);
      AppendUtf8(cjk_[k + 1].c, &second);
      Emit(first + second, false, cjk_[k].start, cjk_[k + 1].end);
      if (k + 2 == cjk_.size()) Emit(std::move(second), true, cjk_[k + 1].start, cjk_[k + 1].end);
    }
    cjk_.clear();
  }

  void FlushWord() {
    if (word_.empty()) return;
    std::string text;
    for (const Unit& u : word_) {
      std::string one;
      AppendUtf8(u.c, &one);
      if (text.size() + one.size() > kMaxWordBytes) break;
      text += one;
    }
    Emit(std::move(text), false, word_.front().start, word_.back().end);
    word_.clear();
  }

  const std::function<void(const Token&)>& emit_;
  std::vector<Unit> cjk_, word_;
  Token token_;
  int position_ = 0, next_position_ = 0;
  bool emitted_ = false, gap_pending_ = false;
};

}  // namespace

void Tokenize(std::string_view text, const std::function<void(const Token&)>& emit) {
  const Folder& folder = Folder::Get();
  Emitter emitter(emit);
  std::u32string folded;
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) {
      emitter.Flush();
      continue;
    }
    folded.clear();
    folder.Fold(static_cast<char32_t>(c), &folded);
    for (char32_t d : folded) emitter.Feed(Unit{d, start, i});
  }
  emitter.Flush();
}

std::vector<Token> TokenizeAll(std::string_view text) {
  std::vector<Token> out;
  Tokenize(text, [&](const Token& t) { out.push_back(t); });
  return out;
}

std::string Fold(std::string_view text) {
  const Folder& folder = Folder::Get();
  std::string out;
  std::u32string folded;
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    folded.clear();
    folder.Fold(static_cast<char32_t>(c), &folded);
    for (char32_t d : folded) AppendUtf8(d, &out);
  }
  return out;
}

std::vector<std::vector<std::string>> QueryPhrases(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  bool new_phrase = true;
  Tokenize(text, [&](const Token& t) {
    if (t.text == kGapToken) {
      new_phrase = true;
      return;
    }
    if (t.colocated) return;
    if (new_phrase) out.emplace_back();
    new_phrase = false;
    out.back().push_back(t.text);
  });
  return out;
}

bool IsSingleCjk(const std::string& token) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(token.data(), i, static_cast<int32_t>(token.size()), c);
  return c > 0 && static_cast<size_t>(i) == token.size() && IsCjk(static_cast<char32_t>(c));
}

bool EndsWithWord(std::string_view text) {
  bool word = false;
  Tokenize(text, [&](const Token& t) {
    if (t.colocated || t.text == kGapToken) return;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(t.text.data(), i, static_cast<int32_t>(t.text.size()), c);
    word = !IsCjk(static_cast<char32_t>(c));
  });
  return word;
}

}  // namespace jianbao::search
