// Copyright 2026 The Jianbao Authors.

#include "search/query.h"

#include "search/tokenizer.h"

namespace jianbao::search {
namespace {

struct Lexeme {
  std::string text;
  bool quoted = false, negated = false;
};

// Returns the byte length of a separator at `i` (space, tab, U+3000), else 0.
size_t SpaceAt(std::string_view s, size_t i) {
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') return 1;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;  // ideographic space
  return 0;
}

// Returns the byte length of a double quote at `i` (" “ ”), else 0.
size_t QuoteAt(std::string_view s, size_t i) {
  if (s[i] == '"') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D") return 3;
  return 0;
}

std::vector<Lexeme> Lex(std::string_view s) {
  std::vector<Lexeme> out;
  size_t i = 0;
  while (i < s.size()) {
    if (size_t n = SpaceAt(s, i)) {
      i += n;
      continue;
    }
    Lexeme lx;
    if (s[i] == '-' && i + 1 < s.size() && !SpaceAt(s, i + 1)) {
      lx.negated = true;
      ++i;
    }
    if (size_t q = QuoteAt(s, i)) {
      i += q;
      size_t end = i;
      while (end < s.size() && !QuoteAt(s, end)) ++end;
      lx.text = std::string(s.substr(i, end - i));
      lx.quoted = true;
      i = end < s.size() ? end + QuoteAt(s, end) : end;
    } else {
      size_t end = i;
      while (end < s.size() && !SpaceAt(s, end) && !QuoteAt(s, end)) ++end;
      lx.text = std::string(s.substr(i, end - i));
      i = end;
    }
    out.push_back(std::move(lx));
  }
  return out;
}

}  // namespace

bool Term::PrefixAt(size_t i) const {
  if (i >= phrases.size() || phrases[i].empty()) return false;
  return (prefix && i + 1 == phrases.size()) || IsSingleCjk(phrases[i].back());
}

namespace {

std::string Fts5Term(const Term& t) {
  std::string out = "(";
  for (size_t p = 0; p < t.phrases.size(); ++p) {
    if (p) out += " AND ";
    out += '"';
    for (size_t k = 0; k < t.phrases[p].size(); ++k) {
      if (k) out += ' ';
      out += t.phrases[p][k];
    }
    out += '"';
    if (t.PrefixAt(p)) out += " *";
  }
  return out + ")";
}

std::string TsTerm(const Term& t, const std::string& weights) {
  std::string out = "(";
  for (size_t p = 0; p < t.phrases.size(); ++p) {
    if (p) out += " & ";
    out += "(";
    for (size_t k = 0; k < t.phrases[p].size(); ++k) {
      if (k) out += " <-> ";
      const bool prefix = t.PrefixAt(p) && k + 1 == t.phrases[p].size();
      out += TsQuote(t.phrases[p][k]);
      if (prefix || !weights.empty()) out += ":" + std::string(prefix ? "*" : "") + weights;
    }
    out += ")";
  }
  return out + ")";
}

}  // namespace

Result<Query> ParseQuery(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::Invalid("q", "required", "a search needs words");
  }
  if (text.size() > kMaxQueryBytes) {
    return Status::Invalid("q", "too_long", "the query is too long");
  }
  Query q;
  Clause clause;
  size_t terms = 0;
  bool negate_next = false;
  auto close_clause = [&]() -> Status {
    if (clause.must.empty() && clause.must_not.empty()) return Status::Ok();
    if (clause.must.empty()) {
      return Status::Invalid("q", "search_query_empty", "a query needs a word that is not negated");
    }
    q.any.push_back(std::move(clause));
    clause = Clause();
    return Status::Ok();
  };
  for (Lexeme& lx : Lex(text)) {
    if (!lx.quoted && !lx.negated) {
      if (lx.text == "OR" || lx.text == "|") {
        JB_RETURN_IF_ERROR(close_clause());
        continue;
      }
      if (lx.text == "AND") continue;
      if (lx.text == "NOT") {
        negate_next = true;
        continue;
      }
    }
    Term t;
    std::string body = lx.text;
    if (!lx.quoted && body.size() > 1 && body.back() == '*') {
      body.pop_back();
      t.prefix = EndsWithWord(body);
    }
    t.phrases = QueryPhrases(body);
    if (t.phrases.empty()) continue;
    if (++terms > kMaxQueryTerms) {
      return Status::Invalid("q", "search_query_too_complex", "too many words in the query");
    }
    (lx.negated || negate_next ? clause.must_not : clause.must).push_back(std::move(t));
    negate_next = false;
  }
  JB_RETURN_IF_ERROR(close_clause());
  if (q.any.empty()) {
    return Status::Invalid("q", "search_query_empty", "nothing in the query can be searched");
  }
  return q;
}

std::string ToFts5(const Query& q) {
  std::string out;
  for (size_t c = 0; c < q.any.size(); ++c) {
    const Clause& cl = q.any[c];
    std::string expr = "(";
    for (size_t m = 0; m < cl.must.size(); ++m) expr += (m ? " AND " : "") + Fts5Term(cl.must[m]);
    expr += ")";
    for (const Term& n : cl.must_not) expr = "(" + expr + " NOT " + Fts5Term(n) + ")";
    out += (c ? " OR " : "") + expr;
  }
  return out;
}

std::string ToTsquery(const Query& q, const std::string& weights) {
  std::string out;
  for (size_t c = 0; c < q.any.size(); ++c) {
    const Clause& cl = q.any[c];
    std::string expr = "(";
    for (size_t m = 0; m < cl.must.size(); ++m) {
      expr += (m ? " & " : "") + TsTerm(cl.must[m], weights);
    }
    for (const Term& n : cl.must_not) expr += " & !" + TsTerm(n, weights);
    out += (c ? " | " : "") + expr + ")";
  }
  return out;
}

std::string Fts5Quote(const std::string& token) {
  std::string out = "\"";
  for (char ch : token) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string TsQuote(const std::string& token) {
  std::string out = "'";
  for (char ch : token) {
    if (ch == '\'' || ch == '\\') out += ch == '\'' ? '\'' : '\\';
    out += ch;
  }
  return out + "'";
}

}  // namespace jianbao::search
