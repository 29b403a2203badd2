#include "report/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <span>

#include "core/text_position.hpp"
#include "report/detail/report_detail.hpp"

namespace tollgate::report {
namespace detail {

json number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 9e15) return static_cast<long long>(std::llround(v));
  return v;
}

namespace {
// `Optional` is a std::optional or a core::compact_optional.
template <typename Optional, typename F>
json optional(const Optional& v, F f) {
  return v ? json(f(*v)) : json(nullptr);
}
}  // namespace

json claim_object(const claims::claim& c) {
  auto str = [](const std::string& s) { return s; };
  auto num = [](double d) { return number(d); };
  auto day = [](const core::date& d) { return d.iso(); };
  json j;
  j["id"] = c.id();
  j["doc"] = c.doc();
  j["source"] = c.source().empty() ? json(nullptr) : json(c.source());
  j["published"] = optional(c.published(), day);
  const claims::claim_wording wording = c.wording();
  j["line"] = c.line;
  j["column"] = wording.column;
  j["offset"] = c.offset;
  j["length"] = wording.text.size();
  j["text"] = wording.text;
  j["metric"] = c.metric;
  j["group"] = c.group;
  j["location"] = optional(c.location, str);
  j["value"] = optional(c.value, num);
  j["lo"] = number(c.lo);
  j["hi"] = optional(c.hi, num);
  j["qualifier"] = c.qualifier;
  j["vague"] = c.vague;
  j["as_of"] = optional(c.as_of, day);
  j["as_of_basis"] = wording.as_of_basis.empty() ? json(nullptr) : json(wording.as_of_basis);
  j["cumulative"] = c.cumulative;
  j["attribution"] = optional(c.attribution, str);
  j["part_of"] = optional(c.part_of(), str);
  j["revision"] = c.revision;
  return j;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
std::string dump_pretty(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

const document_place& place_at(const lint_report& r, std::size_t index) {
  static const document_place unknown{};
  return index < r.places.size() ? r.places[index] : unknown;
}

}  // namespace detail

namespace {

using detail::json;
using detail::claim_object;
using detail::dump;
using detail::number;

// Pads to a width counted in code points, so UTF-8 names line up.
std::string pad(const std::string& s, std::size_t width) {
  const std::size_t n = core::count_code_points(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

std::string signed_count(double v) {
  if (v == 0) return "±0";
  return (v > 0 ? "+" : "-") + rules::format_count(std::fabs(v));
}

}  // namespace

// `extract` writes one of these per claim, millions on a large batch, so the
// line is written directly rather than built as a JSON object first. The
// field order and escaping match claim_object (a test compares the two).
namespace {

// True when none of the eight bytes at `p` needs a look of its own: all are
// printable ASCII other than the quote and the backslash.
bool eight_plain_bytes(const char* p) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t high = ones * 0x80;
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  // The high bit of a byte below 0x80 is set in (b - c) when b < c.
  auto has_byte_below = [&](std::uint64_t c) { return ((x - ones * c) & ~x & high) != 0; };
  auto has_byte = [&](std::uint64_t c) {
    const std::uint64_t y = x ^ (ones * c);
    return ((y - ones) & ~y & high) != 0;
  };
  return (x & high) == 0 && !has_byte_below(0x20) && !has_byte('"') && !has_byte('\\');
}

// Bytes copied into a JSON string as they are: printable ASCII but the quote
// and the backslash.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> plain{};
  for (int b = 0x20; b < 0x80; ++b) plain[static_cast<std::size_t>(b)] = b != '"' && b != '\\';
  return plain;
}();

// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong
// forms, surrogates or code points past U+10FFFF, which nlohmann replaces)
// at `i`, led by a byte of 0x80 or more; 0 when there is none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto ch = static_cast<unsigned char>(s[i]);
  const std::size_t n = ch >= 0xC2 && ch <= 0xDF ? 2 : ch >= 0xE0 && ch <= 0xEF ? 3 : ch >= 0xF0 && ch <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  const auto second = static_cast<unsigned char>(s[i + 1]);
  const unsigned char low = ch == 0xE0 ? 0xA0 : ch == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = ch == 0xED ? 0x9F : ch == 0xF4 ? 0x8F : 0xBF;
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// One claim's line, written through a cursor into a buffer kept per thread,
// which only grows: each piece makes room for its longest form once, not a
// string append (a capacity check and a call) per byte run. The line is
// copied to the end of `out` when it is finished.
class line_writer {
 public:
  explicit line_writer(std::string& out)
      : out_(out), room_(buffer()), begin_(room_.data()), at_(begin_), end_(begin_ + room_.size()) {}

  template <std::size_t N>
  void raw(const char (&piece)[N]) {
    make_room(N);
    std::memcpy(at_, piece, N - 1);
    at_ += N - 1;
  }
  void raw(std::string_view piece) {
    make_room(piece.size());
    std::memcpy(at_, piece.data(), piece.size());
    at_ += piece.size();
  }
  void null() { raw("null"); }
  void boolean(bool b) {
    if (b) raw("true");
    else raw("false");
  }
  // `s` as a JSON string; false when it is not valid UTF-8 (nlohmann
  // replaces the bad bytes, and the caller takes its path).
  bool str(std::string_view s) { return str(s, {}); }
  // `a` and `b` as one JSON string ("doc" and "#3").
  bool str(std::string_view a, std::string_view b) {
    make_room(6 * (a.size() + b.size()) + 2);  // every byte a \u escape at most
    *at_++ = '"';
    const bool valid = escape(a) && escape(b);
    *at_++ = '"';
    return valid;
  }
  void num(double v) {
    make_room(kNumberRoom);
    // A whole number, the common case, is written without rounding it first.
    if (v > -9e15 && v < 9e15 && static_cast<double>(static_cast<long long>(v)) == v) {
      at_ = std::to_chars(at_, at_ + kNumberRoom, static_cast<long long>(v)).ptr;
    } else if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 9e15) {
      at_ = std::to_chars(at_, at_ + kNumberRoom, static_cast<long long>(std::llround(v))).ptr;
    } else {
      const std::string written = number(v).dump();
      raw(std::string_view(written).substr(0, kNumberRoom));
    }
  }
  void day(const core::date& d) { str(d.iso()); }
  // Adds the line to `out`.
  void finish() { out_.append(begin_, static_cast<std::size_t>(at_ - begin_)); }

 private:
  static constexpr std::size_t kNumberRoom = 32;  // a double's longest JSON form and more
  static std::string& buffer() {
    thread_local std::string room(1024, '\0');
    return room;
  }
  void make_room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - at_) < n) grow(n);
  }
  void grow(std::size_t n) {
    const std::size_t at = static_cast<std::size_t>(at_ - begin_);
    room_.resize(std::max(2 * room_.size(), at + n));
    begin_ = room_.data();
    at_ = begin_ + at;
    end_ = begin_ + room_.size();
  }

  // The bytes of `s`, escaped; false when `s` is not valid UTF-8. Plain
  // bytes are copied as they are met, eight at a time where all eight are.
  bool escape(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (i + 8 <= s.size() && eight_plain_bytes(s.data() + i)) {
        std::memcpy(at_, s.data() + i, 8);
        at_ += 8;
        i += 8;
        continue;
      }
      const auto ch = static_cast<unsigned char>(s[i]);
      if (kPlainByte[ch]) {
        *at_++ = s[i++];
        continue;
      }
      if (ch >= 0x80) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) return false;
        for (std::size_t k = 0; k < n; ++k) *at_++ = s[i + k];
        i += n;
        continue;
      }
      ++i;
      switch (ch) {
        case '"': raw("\\\""); break;
        case '\\': raw("\\\\"); break;
        case '\n': raw("\\n"); break;
        case '\r': raw("\\r"); break;
        case '\t': raw("\\t"); break;
        case '\b': raw("\\b"); break;
        case '\f': raw("\\f"); break;
        default: {
          constexpr char hex[] = "0123456789abcdef";
          raw("\\u00");
          *at_++ = hex[ch >> 4];
          *at_++ = hex[ch & 0xF];
        }
      }
    }
    return true;
  }

  std::string& out_;
  std::string& room_;
  char* begin_;
  char* at_;
  char* end_;
};

}  // namespace

std::string claim_json(const claims::claim& c) {
  std::string out;
  append_claim_json(out, c);
  return out;
}

void append_claim_json(std::string& out, const claims::claim& c) {
  const claims::claim_wording wording = c.wording();
  const std::string& text = wording.text;
  const std::string& doc = c.doc();
  const std::string& source = c.source().str();
  const std::string_view location = c.location ? std::string_view(c.location->str()) : std::string_view();
  const std::string_view attribution = c.attribution ? std::string_view(c.attribution->str()) : std::string_view();
  // "#3": the claim's number, and its whole's, after the document id.
  auto numbered = [](char* buffer, std::uint32_t n) {
    buffer[0] = '#';
    return std::string_view(buffer, static_cast<std::size_t>(std::to_chars(buffer + 1, buffer + 16, n).ptr - buffer));
  };
  char number[16], whole[16];
  const std::string_view claim_number = numbered(number, c.number);
  const std::string_view whole_number = numbered(whole, c.part_of_number);
  line_writer line(out);
  // Invalid UTF-8 would make this line disagree with nlohmann's
  // replacement; such rare claims take that path.
  bool valid = true;
  auto str = [&](std::string_view v, std::string_view more = {}) { valid = line.str(v, more) && valid; };
  line.raw(R"({"id":)"); str(doc, claim_number);
  line.raw(R"(,"doc":)"); str(doc);
  line.raw(R"(,"source":)"); if (source.empty()) line.null(); else str(source);
  line.raw(R"(,"published":)"); if (auto p = c.published()) line.day(*p); else line.null();
  line.raw(R"(,"line":)"); line.num(c.line);
  line.raw(R"(,"column":)"); line.num(wording.column);
  line.raw(R"(,"offset":)"); line.num(static_cast<double>(c.offset));
  line.raw(R"(,"length":)"); line.num(static_cast<double>(text.size()));
  line.raw(R"(,"text":)"); str(text);
  line.raw(R"(,"metric":)"); str(c.metric.str());
  line.raw(R"(,"group":)"); str(c.group.str());
  line.raw(R"(,"location":)"); if (c.location) str(location); else line.null();
  line.raw(R"(,"value":)"); if (c.value) line.num(*c.value); else line.null();
  line.raw(R"(,"lo":)"); line.num(c.lo);
  line.raw(R"(,"hi":)"); if (c.hi) line.num(*c.hi); else line.null();
  line.raw(R"(,"qualifier":)"); str(c.qualifier.str());
  line.raw(R"(,"vague":)"); line.boolean(c.vague);
  line.raw(R"(,"as_of":)"); if (c.as_of) line.day(*c.as_of); else line.null();
  line.raw(R"(,"as_of_basis":)"); if (wording.as_of_basis.empty()) line.null(); else str(wording.as_of_basis.str());
  line.raw(R"(,"cumulative":)"); line.boolean(c.cumulative);
  line.raw(R"(,"attribution":)"); if (c.attribution) str(attribution); else line.null();
  line.raw(R"(,"part_of":)"); if (c.part_of_number) str(doc, whole_number); else line.null();
  line.raw(R"(,"revision":)"); line.boolean(c.revision);
  line.raw("}");
  if (valid) line.finish();
  else out += dump(claim_object(c));
}

std::string claim_json_reference(const claims::claim& c) { return dump(claim_object(c)); }

void write_findings_text(std::ostream& out, const std::vector<rules::finding>& findings, bool color) {
  for (const auto& f : findings) {
    const auto window = f.window();
    core::diagnostic d{f.location(), f.line(), window.at, f.level, f.message.str(), f.rule};
    out << core::render(d, window.text, color, window.column);
  }
}

run_summary summarize(const rules::batch& b, const ingest::summary& inputs,
                      const std::vector<rules::finding>& findings) {
  run_summary s;
  s.documents = inputs.documents;
  s.claims = b.claims.size();
  for (const auto& d : b.documents) s.undated += d.published() ? 0 : 1;
  s.skipped = inputs.skipped;
  for (const auto& f : findings) {
    if (f.level == core::severity::error) ++s.errors;
    else if (f.level == core::severity::warning) ++s.warnings;
    else ++s.infos;
  }
  return s;
}

std::string summary_line(const run_summary& s, bool with_findings) {
  auto plural = [](std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string line = plural(s.documents, "document", "documents") + ", " + plural(s.claims, "claim", "claims");
  if (s.undated) line += fmt::format(" ({} undated)", plural(s.undated, "document", "documents"));
  if (with_findings) {
    const std::size_t total = s.errors + s.warnings + s.infos;
    line += ", " + plural(total, "finding", "findings");
    if (total) {
      line += fmt::format(" ({}, {}, {})", plural(s.errors, "error", "errors"),
                          plural(s.warnings, "warning", "warnings"), plural(s.infos, "info", "infos"));
    }
  }
  if (!s.skipped.empty()) {
    line += "; " + fmt::format("{} skipped", s.skipped.size());
    for (const auto& k : s.skipped) line += fmt::format("\n  {}: {}", k.path, k.reason);
  }
  return line;
}

document_place place_of(const ingest::document& doc) {
  document_place p;
  if (doc.location.rfind("<stdin>", 0) == 0) {
    p.file_lines = doc.record_line == 0;
    return p;
  }
  if (doc.record_line > 0) {
    // "path#id": the id is the document's own, so cut exactly that off.
    p.file = doc.location.substr(0, doc.location.size() - std::min(doc.location.size(), doc.id.size() + 1));
    p.record_line = doc.record_line;
    p.file_lines = false;
    return p;
  }
  p.file = doc.location;
  std::string ext = std::filesystem::path(doc.location).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  p.file_lines = ext != ".html" && ext != ".htm";
  return p;
}

file_position position_in_file(const document_place& place, int line, int column) {
  file_position p{place.file, 0, 0};
  if (place.file.empty()) return p;
  if (place.record_line > 0) {
    p.line = place.record_line;
  } else if (place.file_lines) {
    p.line = line;
    p.column = column;
  }
  return p;
}

namespace detail {

void write_indented(std::ostream& out, const json& j, std::size_t indent) {
  const std::string text = dump_pretty(j);
  const std::string margin(indent, ' ');
  // Line breaks inside strings are escaped, so every '\n' starts a line.
  std::size_t from = 0;
  for (std::size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1) {
    out.write(text.data() + from, static_cast<std::streamsize>(at + 1 - from));
    out << margin;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

void write_array(std::ostream& out, std::size_t n, std::size_t indent,
                 const std::function<json(std::size_t)>& item) {
  if (n == 0) {
    out << "[]";
    return;
  }
  const std::string margin(indent + 2, ' ');
  out << "[\n";
  for (std::size_t i = 0; i < n; ++i) {
    out << margin;
    write_indented(out, item(i), indent + 2);
    out << (i + 1 < n ? ",\n" : "\n");
  }
  out << std::string(indent, ' ') << ']';
}

}  // namespace detail

// A large batch has hundreds of thousands of findings: each is written as it
// is made, never as part of one document held in memory. The layout is the
// one nlohmann's dump(2) gives.
void write_findings_json(std::ostream& out, const lint_report& r) {
  out << "{\n  \"findings\": ";
  detail::write_array(out, r.findings.size(), 2, [&](std::size_t i) {
    const auto& f = r.findings[i];
    // The claims first: a finding's column is its first claim's, read with
    // that claim's wording here, once.
    int column = f.claims.empty() ? f.column() : 0;
    json involved = json::array();
    for (const auto* c : f.claims) {
      claims::claim_wording w = c->wording();
      if (involved.empty()) column = w.column;
      const auto at = position_in_file(detail::place_at(r, c->doc_index()), c->line, w.column);
      involved.push_back({{"claim", c->id()},
                          {"path", c->location_label()},
                          {"line", c->line},
                          {"column", w.column},
                          {"file", at.file.empty() ? json(nullptr) : json(at.file)},
                          {"file_line", at.line ? json(at.line) : json(nullptr)},
                          {"text", std::move(w.text)}});
    }
    json o;
    o["rule"] = f.rule;
    o["severity"] = core::severity_name(f.level);
    o["message"] = f.message.str();
    o["doc"] = f.doc();
    o["path"] = f.location();
    o["line"] = f.line();
    o["column"] = column;
    o["claims"] = f.claim_ids();
    const std::string series = f.series();
    o["series"] = series.empty() ? json(nullptr) : json(series);
    o["fingerprint"] = i < r.fingerprints.size() ? json(r.fingerprints[i].str()) : json(nullptr);
    o["involves"] = std::move(involved);
    return o;
  });
  const auto& s = r.summary;
  json sum;
  sum["documents"] = s.documents;
  sum["claims"] = s.claims;
  sum["undated"] = s.undated;
  sum["skipped"] = json::array();
  for (const auto& k : s.skipped) sum["skipped"].push_back({{"path", k.path}, {"reason", k.reason}});
  sum["findings"] = {{"error", s.errors}, {"warning", s.warnings}, {"info", s.infos}};
  sum["baseline"] = r.baseline ? json{{"suppressed", r.baseline->suppressed}, {"disappeared", r.baseline->disappeared}}
                               : json(nullptr);
  out << ",\n  \"summary\": ";
  detail::write_indented(out, sum, 2);
  out << "\n}\n";
}

// A timeline has a row a claim: the rows are made twice, once for the
// columns' widths and once to print, rather than held.
void write_trace_table(std::ostream& out, const std::vector<trace::timeline>& timelines) {
  const std::vector<std::string> head = {"as of", "figure", "group", "location", "source", "where", "change"};
  auto row_of = [](const trace::point& p) {
    const auto& c = *p.claim;
    std::string change = c.vague ? "vague" : "first";
    if (p.change) change = signed_count(*p.change) + " since " + p.previous_date->iso();
    else if (p.event_from && !c.vague) change = "first of an event from " + p.event_from->iso();
    // The place of the series: named in the sentence, or (*) the story's.
    std::string place = c.location.value_or(c.story_place().empty() ? "-" : c.story_place() + "*");
    return std::vector<std::string>{c.as_of->iso(), rules::figure_as_written(c), c.group, place,
                                    c.source().empty() ? "-" : c.source(),
                                    fmt::format("{}:{}", c.location_label(), c.line), change};
  };
  bool first = true;
  for (const auto& t : timelines) {
    if (!first) out << '\n';
    first = false;
    out << t.metric << '\n';
    std::vector<std::size_t> width(head.size());
    for (std::size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
    bool story_places = false;
    for (const auto& p : t.points) {
      const auto r = row_of(p);
      for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], core::count_code_points(r[i]));
      story_places = story_places || (!p.claim->location && !p.claim->story_place().empty());
    }
    auto emit = [&](const std::vector<std::string>& r) {
      std::string line = " ";
      for (std::size_t i = 0; i < r.size(); ++i) line += " " + (i + 1 == r.size() ? r[i] : pad(r[i], width[i]));
      out << line << '\n';
    };
    emit(head);
    for (const auto& p : t.points) emit(row_of(p));
    if (story_places) out << "  * the story's place: the figure's own sentence names none\n";
    for (const auto& f : t.fits) {
      out << fmt::format("  growth {}: {:+.1f}% a day over {} figures (fit R² {:.2f})\n", f.series(),
                         100.0 * f.daily_growth, f.points, f.r2);
    }
  }
}

// The series of every timeline, each with its points, written a point at a
// time in the layout dump_pretty gives the whole array: a large batch's
// points do not fit in memory as one document.
void write_trace_json(std::ostream& out, const std::vector<trace::timeline>& timelines) {
  bool any = false;
  for (const auto& t : timelines) {
    // The series in the order their first point comes, with their points;
    // a series' later events (trace::point::event_from) each an object of
    // their own, after it. Grouped by series key, not by event: a batch of
    // many stories in few places has many events.
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::size_t>> points;
    for (std::size_t i = 0; i < t.points.size(); ++i) {
      auto [at, added] = points.try_emplace(t.points[i].claim->series());
      if (added) order.push_back(at->first);
      at->second.push_back(i);
    }
    std::map<std::string, const trace::growth_fit*> growth;
    for (const auto& f : t.fits) growth.emplace(f.series(), &f);
    // One series' (or event's) points as an object.
    auto write_series = [&](std::span<const std::size_t> mine) {
      const std::string key = trace::series_of(t.points[mine.front()]);
      out << (any ? ",\n  {\n" : "[\n  {\n");
      any = true;
      const auto& c = *t.points[mine.front()].claim;
      auto member = [&](const char* name, const json& value) {
        out << "    \"" << name << "\": ";
        detail::write_indented(out, value, 4);
        out << ",\n";
      };
      member("series", key);
      member("metric", c.metric.str());
      member("group", c.group.str());
      member("location", c.location ? json(c.location->str()) : json(nullptr));
      out << "    \"points\": ";
      detail::write_array(out, mine.size(), 4, [&](std::size_t k) {
        const trace::point& p = t.points[mine[k]];
        json pt = claim_object(*p.claim);
        pt["change"] = p.change ? number(*p.change) : json(nullptr);
        return pt;
      });
      if (const auto g = growth.find(key); g != growth.end()) {
        out << ",\n    \"growth\": ";
        const trace::growth_fit& f = *g->second;
        detail::write_indented(out, json{{"daily", f.daily_growth}, {"r2", f.r2}, {"points", f.points}}, 4);
      }
      out << "\n  }";
    };
    for (const auto& key : order) {
      const std::span<const std::size_t> all = points[key];
      // Its events in turn: the points that share an event_from, which only grows.
      for (std::size_t from = 0; from < all.size();) {
        std::size_t to = from;
        while (to < all.size() && t.points[all[to]].event_from == t.points[all[from]].event_from) ++to;
        write_series(all.subspan(from, to - from));
        from = to;
      }
    }
  }
  out << (any ? "\n]\n" : "[]\n");
}

}  // namespace tollgate::report
