// Fingerprints that survive edits around a finding, and baselines of known
// findings built on them.

#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>

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
    h << kSep << c->doc.str() << kSep << c->metric.str() << kSep << c->group.str() << kSep
      << (c->location ? c->location->str() : std::string()) << kSep << c->qualifier.str() << kSep
      << figure(c->value) << kSep << figure(c->lo) << kSep << figure(c->hi) << kSep;
    add_folded(h, c->wording().text);
  }
  return h.value();
}

}  // namespace

std::vector<std::string> fingerprints(const std::vector<rules::finding>& findings,
                                      const rules::batch& /*b: what the findings point into*/) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  std::unordered_map<std::uint64_t, int> seen;  // findings so far with each hash
  for (const auto& f : findings) {
    const std::uint64_t hash = identity_hash(f);
    std::string fp = fmt::format("{:016x}", hash);
    const int n = ++seen[hash];
    if (n > 1) fp += fmt::format("-{}", n);
    out.push_back(std::move(fp));
  }
  return out;
}

void write_baseline(std::ostream& out, const std::vector<rules::finding>& findings,
                    const std::vector<std::string>& fps) {
  json j;
  j["tollgate_baseline"] = kBaselineVersion;
  j["findings"] = json::array();
  // Sorted by fingerprint so that a re-recorded baseline diffs cleanly.
  std::vector<std::size_t> order(findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return fps[a] < fps[b]; });
  for (std::size_t i : order) {
    const auto& f = findings[i];
    j["findings"].push_back({{"fingerprint", fps[i]},
                             {"rule", f.rule},
                             {"severity", core::severity_name(f.level)},
                             {"doc", f.doc()},
                             {"message", f.message.str()}});
  }
  out << detail::dump_pretty(j) << '\n';
}

core::result<baseline> read_baseline(const std::string& file) {
  core::result<baseline> r;
  auto problem = [&](const std::string& why) {
    r.problems.push_back({file, 0, 0, core::severity::error, why, "baseline"});
    r.value.entries.clear();
    return r;
  };
  std::ifstream in(file, std::ios::binary);
  if (!in) return problem("cannot read baseline file");
  std::ostringstream buf;
  buf << in.rdbuf();
  json j;
  try {
    j = json::parse(buf.str());
  } catch (const json::parse_error& e) {
    return problem(std::string("baseline is not valid JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("tollgate_baseline") || !j.contains("findings") ||
      !j["findings"].is_array()) {
    return problem("not a tollgate baseline: expected 'tollgate_baseline' and a 'findings' list");
  }
  if (j["tollgate_baseline"] != kBaselineVersion) {
    return problem(
        fmt::format("baseline version '{}' is not {}; record it again with --write-baseline",
                    detail::dump(j["tollgate_baseline"]), kBaselineVersion));
  }
  auto str = [](const json& o, const char* key) {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
  };
  std::size_t n = 0;
  for (const auto& e : j["findings"]) {
    ++n;
    if (!e.is_object() || str(e, "fingerprint").empty()) {
      return problem(fmt::format("baseline entry {} has no 'fingerprint'", n));
    }
    r.value.entries.push_back(
        {str(e, "fingerprint"), str(e, "rule"), str(e, "doc"), str(e, "message")});
  }
  return r;
}

std::vector<std::size_t> new_findings(const baseline& known, const std::vector<std::string>& fps,
                                      baseline_outcome& outcome) {
  std::set<std::string> known_fps;
  for (const auto& e : known.entries) known_fps.insert(e.fingerprint);
  std::set<std::string> found;
  std::vector<std::size_t> fresh;
  outcome = {};
  for (std::size_t i = 0; i < fps.size(); ++i) {
    found.insert(fps[i]);
    if (known_fps.count(fps[i]))
      ++outcome.suppressed;
    else
      fresh.push_back(i);
  }
  for (const auto& fp : known_fps) outcome.disappeared += found.count(fp) ? 0 : 1;
  return fresh;
}

}  // namespace tollgate::report
