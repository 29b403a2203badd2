// Fingerprints that survive edits around a finding, and baselines of known
// findings built on them.

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "report/detail/report_detail.hpp"
#include "report/report.hpp"

namespace tollgate::report {
namespace {

using detail::json;

constexpr int kBaselineVersion = 1;

// 64-bit FNV-1a: small, and the same on every platform and compiler. Fed
// field by field, so no identity string is built for each finding.
class fnv1a {
 public:
  fnv1a& operator<<(std::string_view s) {
    for (unsigned char c : s) add(c);
    return *this;
  }
  fnv1a& operator<<(char c) {
    add(static_cast<unsigned char>(c));
    return *this;
  }
  std::uint64_t value() const { return h_; }

 private:
  void add(unsigned char c) {
    h_ ^= c;
    h_ *= 0x100000001b3ULL;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

// Runs of white space become one space and ASCII letters lowercase, so that
// re-wrapping a paragraph or changing case leaves the text the same.
void add_folded(fnv1a& h, std::string_view s) {
  bool started = false, space = false;
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = started;
      continue;
    }
    if (space) h << ' ';
    space = false;
    started = true;
    h << static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
}

std::string figure(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : "null"; }

// Fields are separated by a byte that never occurs in text.
constexpr char kSep = '\x1f';

// The hash of a finding's identity: its rule and document, then for each
// claim its document, metric, group, place, qualifier, figures and folded text.
std::uint64_t identity_hash(const rules::finding& f) {
  fnv1a h;
  h << "tollgate-finding-v1" << kSep << f.rule.str() << kSep << f.doc();
  for (const claims::claim* c : f.claims) {
    h << kSep << c->doc() << kSep << c->metric.str() << kSep << c->group.str() << kSep
      << (c->location ? c->location->str() : std::string()) << kSep << c->qualifier.str() << kSep
      << figure(c->value) << kSep << figure(c->lo) << kSep << figure(c->hi) << kSep;
    add_folded(h, c->wording().text);
  }
  return h.value();
}

}  // namespace

std::string fingerprint::str() const {
  return occurrence > 1 ? fmt::format("{:016x}-{}", hash, occurrence) : fmt::format("{:016x}", hash);
}

std::optional<fingerprint> fingerprint::parse(std::string_view written) {
  constexpr std::size_t kDigits = 16;
  if (written.size() < kDigits) return std::nullopt;
  fingerprint fp;
  for (const char c : written.substr(0, kDigits)) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    fp.hash = fp.hash << 4 | static_cast<std::uint64_t>(digit);
  }
  const std::string_view rest = written.substr(kDigits);
  if (rest.empty()) return fp;
  // "-N" with N from 2, written without leading zeros: as str() writes it.
  if (rest.size() < 2 || rest.size() > 11 || rest[0] != '-' || rest[1] == '0') return std::nullopt;
  std::uint64_t n = 0;
  for (const char c : rest.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (n < 2 || n > UINT32_MAX) return std::nullopt;
  fp.occurrence = static_cast<std::uint32_t>(n);
  return fp;
}

bool operator<(const fingerprint& a, const fingerprint& b) {
  if (a.hash != b.hash) return a.hash < b.hash;  // 16 hex digits order as the number
  if (a.occurrence == b.occurrence) return false;
  if (a.occurrence == 1 || b.occurrence == 1) return a.occurrence == 1;  // no suffix comes first
  return std::to_string(a.occurrence) < std::to_string(b.occurrence);
}

std::vector<fingerprint> fingerprints(const std::vector<rules::finding>& findings,
                                      const rules::batch& /*b: what the findings point into*/) {
  std::vector<fingerprint> out;
  out.reserve(findings.size());
  for (const auto& f : findings) out.push_back({identity_hash(f), 1});
  // Findings that share a hash are numbered in report order. Found through
  // positions sorted by hash (four bytes a finding), where a map of hashes
  // to counts took ten times that.
  std::vector<std::uint32_t> by_hash(out.size());
  for (std::uint32_t i = 0; i < by_hash.size(); ++i) by_hash[i] = i;
  std::sort(by_hash.begin(), by_hash.end(), [&](std::uint32_t a, std::uint32_t b) {
    return out[a].hash != out[b].hash ? out[a].hash < out[b].hash : a < b;
  });
  for (std::size_t k = 1; k < by_hash.size(); ++k) {
    const fingerprint& before = out[by_hash[k - 1]];
    fingerprint& fp = out[by_hash[k]];
    if (fp.hash == before.hash) fp.occurrence = before.occurrence + 1;
  }
  return out;
}

void write_baseline(std::ostream& out, const std::vector<rules::finding>& findings,
                    const std::vector<fingerprint>& fps) {
  // Sorted by fingerprint so that a re-recorded baseline diffs cleanly.
  std::vector<std::size_t> order(findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fps[a] < fps[b]; });
  // The layout of nlohmann's dump(2) of the whole document, written an
  // entry at a time: an archive's baseline does not fit in memory as one.
  out << "{\n  \"tollgate_baseline\": " << kBaselineVersion << ",\n  \"findings\": ";
  detail::write_array(out, order.size(), 2, [&](std::size_t k) {
    const auto& f = findings[order[k]];
    return json{{"fingerprint", fps[order[k]].str()},
                {"rule", f.rule},
                {"severity", core::severity_name(f.level)},
                {"doc", f.doc()},
                {"message", f.message.str()}};
  });
  out << "\n}\n";
}

namespace {

// Reads a baseline as nlohmann's parser meets its parts, keeping the
// fingerprints and checking the shape: {"tollgate_baseline": 1, "findings":
// [{"fingerprint": "...", ...}, ...]}. A value of a member the reader does
// not know is skipped whatever it holds.
class baseline_reader : public json::json_sax_t {
 public:
  explicit baseline_reader(baseline& into) : into_(into) {}
  std::string problem;  // the first thing wrong with the shape; empty when none
  bool has_version = false, has_findings = false;

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(json::number_integer_t v) override { return version(json(v)) && scalar(); }
  bool number_unsigned(json::number_unsigned_t v) override { return version(json(v)) && scalar(); }
  bool number_float(json::number_float_t v, const json::string_t&) override { return version(json(v)) && scalar(); }
  bool string(json::string_t& s) override {
    if (depth_ == 1 && key_ == "tollgate_baseline") return fail(wrong_version(json(s)));
    // Copied, not moved: the parser's string has the room of its longest
    // token, and a million fingerprints would each keep that much.
    if (depth_ == 3 && in_findings_ && key_ == "fingerprint") fingerprint_.assign(s.data(), s.size());
    return scalar();
  }
  bool binary(json::binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override {
    if (depth_ == 2 && in_findings_) {
      ++entry_;
      fingerprint_.clear();
    } else if (depth_ == 1 && key_ == "findings") {
      return fail("not a tollgate baseline: expected 'tollgate_baseline' and a 'findings' list");
    } else if (depth_ == 0) {
      root_ = true;
    }
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    if (depth_ == 2 && in_findings_) {
      if (fingerprint_.empty()) return fail(fmt::format("baseline entry {} has no 'fingerprint'", entry_));
      if (auto fp = fingerprint::parse(fingerprint_)) into_.fingerprints.push_back(*fp);
      else into_.foreign.push_back(fingerprint_);
    }
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 1 && key_ == "findings") {
      in_findings_ = has_findings = true;
    } else if (depth_ == 2 && in_findings_) {
      return fail(fmt::format("baseline entry {} has no 'fingerprint'", entry_ + 1));
    }
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    if (depth_ == 1) in_findings_ = false;
    return true;
  }
  bool key(json::string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    return fail(std::string("baseline is not valid JSON: ") + e.what());
  }
  bool root_is_object() const { return root_; }

 private:
  bool fail(std::string why) {
    if (problem.empty()) problem = std::move(why);
    return false;
  }
  // A value that is not an object or array: a finding must be an object.
  bool scalar() {
    if (depth_ == 2 && in_findings_) return fail(fmt::format("baseline entry {} has no 'fingerprint'", ++entry_));
    if (depth_ == 1 && key_ == "findings") {
      return fail("not a tollgate baseline: expected 'tollgate_baseline' and a 'findings' list");
    }
    return true;
  }
  bool version(const json& v) {
    if (depth_ != 1 || key_ != "tollgate_baseline") return true;
    has_version = true;
    return v == kBaselineVersion || fail(wrong_version(v));
  }
  static std::string wrong_version(const json& v) {
    return fmt::format("baseline version '{}' is not {}; record it again with --write-baseline", detail::dump(v),
                       kBaselineVersion);
  }

  baseline& into_;
  int depth_ = 0;
  bool root_ = false, in_findings_ = false;
  std::string key_;  // the last key read, at any depth
  std::string fingerprint_;  // of the entry being read
  std::size_t entry_ = 0;  // entries begun, from 1
};

}  // namespace

core::result<baseline> read_baseline(const std::string& file) {
  core::result<baseline> r;
  auto problem = [&](const std::string& why) {
    r.problems.push_back({file, 0, 0, core::severity::error, why, "baseline"});
    r.value = {};
    return r;
  };
  std::ifstream in(file, std::ios::binary);
  if (!in) return problem("cannot read baseline file");
  baseline_reader reader(r.value);
  const bool parsed = json::sax_parse(in, &reader);
  if (!reader.problem.empty()) return problem(reader.problem);
  if (!parsed || !reader.root_is_object() || !reader.has_version || !reader.has_findings) {
    return problem("not a tollgate baseline: expected 'tollgate_baseline' and a 'findings' list");
  }
  // Sorted for new_findings' binary search; an entry listed twice is one.
  auto& known = r.value.fingerprints;
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  auto& foreign = r.value.foreign;
  std::sort(foreign.begin(), foreign.end());
  foreign.erase(std::unique(foreign.begin(), foreign.end()), foreign.end());
  return r;
}

std::vector<std::size_t> new_findings(const baseline& known, const std::vector<fingerprint>& fps,
                                      baseline_outcome& outcome) {
  // Each known fingerprint with whether this run found it: no set of this
  // run's, which holds as many as the batch has findings.
  const std::vector<fingerprint>& sorted = known.fingerprints;
  std::vector<bool> seen(sorted.size(), false);
  std::vector<std::size_t> fresh;
  outcome = {};
  for (std::size_t i = 0; i < fps.size(); ++i) {
    const auto at = std::lower_bound(sorted.begin(), sorted.end(), fps[i]);
    if (at != sorted.end() && *at == fps[i]) {
      seen[static_cast<std::size_t>(at - sorted.begin())] = true;
      ++outcome.suppressed;
    } else {
      fresh.push_back(i);
    }
  }
  // A foreign fingerprint is never found again.
  outcome.disappeared = static_cast<std::size_t>(std::count(seen.begin(), seen.end(), false)) + known.foreign.size();
  return fresh;
}

}  // namespace tollgate::report
