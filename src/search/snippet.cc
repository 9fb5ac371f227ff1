// Copyright 2026 The Jianbao Authors.

#include "search/snippet.h"

extern "C" {
#include <friso.h>
}
#include <unicode/utf8.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "search/tokenizer.h"

namespace jianbao::search {
namespace {

struct Slot {
  std::vector<const Token*> tokens;  // the tokens at one position
};

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Moves `i` back to the start of the code point it is in.
int Align(std::string_view text, int i) {
  while (i > 0 && i < static_cast<int>(text.size()) &&
         (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
    --i;
  }
  return std::clamp(i, 0, static_cast<int>(text.size()));
}

// Returns the byte offset `chars` code points after (or before, negative) `i`.
int StepChars(std::string_view text, int i, int chars) {
  const int n = static_cast<int>(text.size());
  for (; chars > 0 && i < n; --chars) U8_FWD_1(text.data(), i, n);
  for (; chars < 0 && i > 0; ++chars)
    U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, i);
  return i;
}

class Friso {
 public:
  static Friso& Get() {
    static Friso f;
    return f;
  }
  bool ok() const { return ok_; }

  // Returns the byte offsets where friso's words start and end in `text`.
  // The same short windows recur across documents and searches (a common
  // word in its usual company), so each thread remembers up to kRemembered
  // windows' answers (forgotten all at once when full): the re-ranking of a
  // 2-character search went from 4.9 to 3.9 ms of CPU (bench/search/README.md).
  // Friso is deterministic, so the answers are the same. The reference is
  // valid until the thread's next call.
  const std::set<int>& Boundaries(const std::string& text) const {
    constexpr size_t kRemembered = 2048;
    thread_local std::unordered_map<std::string, std::set<int>> memo;
    if (auto it = memo.find(text); it != memo.end()) return it->second;
    if (memo.size() >= kRemembered) memo.clear();
    std::set<int>& out = memo[text];
    // One task per thread, reused (friso_set_text resets it).
    struct Task {
      friso_task_t task = friso_new_task();
      ~Task() { friso_free_task(task); }
    };
    thread_local Task t;
    friso_set_text(t.task, const_cast<char*>(text.c_str()));
    while (config_->next_token(friso_, config_, t.task) != nullptr) {
      out.insert(t.task->token->offset);
      out.insert(t.task->token->offset + t.task->token->rlen);
    }
    return out;
  }

 private:
  Friso() {
    friso_ = friso_new();
    config_ = friso_new_config();
    ok_ = friso_init_from_ifile(friso_, config_, const_cast<char*>("/etc/friso/friso.ini")) == 1;
    if (ok_) {
      config_->add_syn = 0;  // words only, no synonyms
      config_->en_sseg = 0;  // no secondary segmentation inside long words
      config_->clr_stw = 0;
    }
  }
  friso_t friso_ = nullptr;
  friso_config_t config_ = nullptr;
  bool ok_ = false;
};

bool IsAsciiRange(std::string_view text, const Range& r) {
  for (int i = r.first; i < r.second; ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace

namespace {

// Appends the ranges where `q` matches in `line` (no line breaks inside), shifted by `base`.
void LineRanges(std::string_view line, int base, const Query& q, std::vector<Range>* out) {
  std::vector<Token> tokens = TokenizeAll(line);
  std::vector<Slot> slots;
  for (const Token& t : tokens) {
    if (static_cast<size_t>(t.position) >= slots.size()) slots.resize(t.position + 1);
    slots[t.position].tokens.push_back(&t);
  }
  for (const Clause& c : q.any) {
    for (const Term& term : c.must) {
      for (size_t p = 0; p < term.phrases.size(); ++p) {
        const std::vector<std::string>& phrase = term.phrases[p];
        const bool prefix = term.PrefixAt(p);
        const bool cjk_prefix = prefix && IsSingleCjk(phrase.back());
        for (size_t at = 0; at + phrase.size() <= slots.size(); ++at) {
          int start = -1, end = -1;
          bool all = true;
          for (size_t k = 0; k < phrase.size() && all; ++k) {
            const Token* hit = nullptr;
            for (const Token* t : slots[at + k].tokens) {
              const bool last = prefix && k + 1 == phrase.size();
              if (last ? StartsWith(t->text, phrase[k]) : t->text == phrase[k]) hit = t;
              if (hit) break;
            }
            if (!hit) all = false;
            if (hit && start < 0) start = hit->start;
            if (hit) end = hit->end;
            if (hit && cjk_prefix && k + 1 == phrase.size()) {
              // Only the character itself, not the bigram it starts.
              end = hit->start;
              U8_FWD_1(line.data(), end, static_cast<int32_t>(line.size()));
            }
          }
          if (all && start >= 0) out->emplace_back(base + start, base + end);
        }
      }
    }
  }
}

}  // namespace

std::vector<Range> MatchRanges(std::string_view text, const Query& q, size_t limit) {
  // Line by line (no phrase crosses a line break), so a text with many
  // matches is read only as far as the first `limit` of them.
  std::vector<Range> out;
  for (size_t at = 0; at < text.size() && out.size() < limit;) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::vector<Range> line;
    LineRanges(text.substr(at, nl - at), static_cast<int>(at), q, &line);
    std::sort(line.begin(), line.end());
    for (const Range& r : line) {
      if (!out.empty() && r.first <= out.back().second) {
        out.back().second = std::max(out.back().second, r.second);
      } else {
        out.push_back(r);
      }
    }
    at = nl + 1;
  }
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::string Snippet(std::string_view text, const std::vector<Range>& ranges, size_t max_chars) {
  const int n = static_cast<int>(text.size());
  int begin = 0;
  if (!ranges.empty()) begin = StepChars(text, Align(text, ranges[0].first), -20);
  const int end = StepChars(text, begin, static_cast<int>(max_chars));
  std::string out = begin > 0 ? "…" : "";
  int at = begin;
  for (const Range& r : ranges) {
    if (r.second <= at || r.first >= end) continue;
    const int s = std::max(r.first, at), e = std::min(r.second, end);
    out += text::EscapeXml(text.substr(at, s - at));
    out += "<mark>" + text::EscapeXml(text.substr(s, e - s)) + "</mark>";
    at = e;
  }
  out += text::EscapeXml(text.substr(at, end - at));
  if (end < n) out += "…";
  // Line breaks become spaces: a snippet is one line.
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

bool WordSegmenterAvailable() { return Friso::Get().ok(); }

double WordAlignedShare(std::string_view text, const std::vector<Range>& ranges) {
  const Friso& friso = Friso::Get();
  if (!friso.ok() || ranges.empty()) return 0;
  int aligned = 0, counted = 0;
  for (const Range& r : ranges) {
    if (counted == 4) break;
    ++counted;
    if (IsAsciiRange(text, r)) {
      ++aligned;
      continue;
    }
    const int from = StepChars(text, r.first, -6), to = StepChars(text, r.second, 6);
    const std::set<int>& b = friso.Boundaries(std::string(text.substr(from, to - from)));
    if (b.count(r.first - from) && b.count(r.second - from)) ++aligned;
  }
  return counted ? static_cast<double>(aligned) / counted : 0;
}

}  // namespace jianbao::search
