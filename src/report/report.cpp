#include "report/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/text_position.hpp"
#include "report/detail/report_detail.hpp"

namespace tollgate::report {
namespace detail {

json number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 9e15) return static_cast<long long>(std::llround(v));
  return v;
}

namespace {
template <typename T, typename F>
json optional(const std::optional<T>& v, F f) {
  return v ? json(f(*v)) : json(nullptr);
}
}  // namespace

json claim_object(const claims::claim& c) {
  auto str = [](const std::string& s) { return s; };
  auto num = [](double d) { return number(d); };
  auto day = [](const core::date& d) { return d.iso(); };
  json j;
  j["id"] = c.id;
  j["doc"] = c.doc;
  j["source"] = c.source.empty() ? json(nullptr) : json(c.source);
  j["published"] = optional(c.published, day);
  j["line"] = c.line;
  j["column"] = c.column;
  j["offset"] = c.offset;
  j["length"] = c.length;
  j["text"] = c.text;
  j["metric"] = c.metric;
  j["group"] = c.group;
  j["location"] = optional(c.location, str);
  j["value"] = optional(c.value, num);
  j["lo"] = number(c.lo);
  j["hi"] = optional(c.hi, num);
  j["qualifier"] = c.qualifier;
  j["vague"] = c.vague;
  j["as_of"] = optional(c.as_of, day);
  j["cumulative"] = c.cumulative;
  j["attribution"] = optional(c.attribution, str);
  j["part_of"] = optional(c.part_of, str);
  j["revision"] = c.revision;
  return j;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
std::string dump_pretty(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

claim_index::claim_index(const rules::batch& b) {
  by_id_.reserve(b.claims.size());
  for (const auto& c : b.claims) by_id_.emplace(c.id, &c);
}

const claims::claim* claim_index::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<const claims::claim*> claim_index::involved(const rules::finding& f) const {
  std::vector<const claims::claim*> out;
  for (const auto& id : f.claims) {
    if (const auto* c = find(id)) out.push_back(c);
  }
  return out;
}

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

std::string claim_json(const claims::claim& c) { return dump(claim_object(c)); }

void write_findings_text(std::ostream& out, const std::vector<rules::finding>& findings, bool color) {
  for (const auto& f : findings) {
    core::diagnostic d{f.location, f.line, f.column, f.level, f.message, f.rule};
    out << core::render(d, f.line_text, color);
  }
}

run_summary summarize(const rules::batch& b, const ingest::summary& inputs,
                      const std::vector<rules::finding>& findings) {
  run_summary s;
  s.documents = inputs.documents;
  s.claims = b.claims.size();
  for (const auto& d : b.documents) s.undated += d.published ? 0 : 1;
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

void write_findings_json(std::ostream& out, const lint_report& r) {
  const detail::claim_index index(r.batch);
  json j;
  j["findings"] = json::array();
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    json o;
    o["rule"] = f.rule;
    o["severity"] = core::severity_name(f.level);
    o["message"] = f.message;
    o["doc"] = f.doc;
    o["path"] = f.location;
    o["line"] = f.line;
    o["column"] = f.column;
    o["claims"] = f.claims;
    o["series"] = f.series.empty() ? json(nullptr) : json(f.series);
    o["fingerprint"] = i < r.fingerprints.size() ? json(r.fingerprints[i]) : json(nullptr);
    json involved = json::array();
    for (const auto* c : index.involved(f)) {
      const auto at = position_in_file(detail::place_at(r, c->doc_index), c->line, c->column);
      involved.push_back({{"claim", c->id},
                          {"path", c->location_label},
                          {"line", c->line},
                          {"column", c->column},
                          {"file", at.file.empty() ? json(nullptr) : json(at.file)},
                          {"file_line", at.line ? json(at.line) : json(nullptr)},
                          {"text", c->text}});
    }
    o["involves"] = std::move(involved);
    j["findings"].push_back(std::move(o));
  }
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
  j["summary"] = std::move(sum);
  out << detail::dump_pretty(j) << '\n';
}

void write_trace_table(std::ostream& out, const std::vector<trace::timeline>& timelines) {
  bool first = true;
  for (const auto& t : timelines) {
    if (!first) out << '\n';
    first = false;
    out << t.metric << '\n';
    const std::vector<std::string> head = {"as of", "figure", "group", "location", "source", "where", "change"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : t.points) {
      const auto& c = *p.claim;
      std::string change = c.vague ? "vague" : "first";
      if (p.change) change = signed_count(*p.change) + " since " + p.previous_date->iso();
      rows.push_back({c.as_of->iso(), rules::figure_as_written(c), c.group, c.location.value_or("-"),
                      c.source.empty() ? "-" : c.source, fmt::format("{}:{}", c.location_label, c.line), change});
    }
    std::vector<std::size_t> width(head.size());
    for (std::size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], core::count_code_points(r[i]));
    }
    auto emit = [&](const std::vector<std::string>& r) {
      std::string line = " ";
      for (std::size_t i = 0; i < r.size(); ++i) line += " " + (i + 1 == r.size() ? r[i] : pad(r[i], width[i]));
      out << line << '\n';
    };
    emit(head);
    for (const auto& r : rows) emit(r);
  }
}

void write_trace_json(std::ostream& out, const std::vector<trace::timeline>& timelines) {
  json all = json::array();
  for (const auto& t : timelines) {
    std::map<std::string, json> series;
    std::vector<std::string> order;
    for (const auto& p : t.points) {
      const auto& c = *p.claim;
      const std::string key = c.series();
      if (!series.count(key)) {
        order.push_back(key);
        series[key] = {{"series", key}, {"metric", c.metric}, {"group", c.group},
                       {"location", c.location ? json(*c.location) : json(nullptr)}, {"points", json::array()}};
      }
      json pt = claim_object(c);
      pt["change"] = p.change ? number(*p.change) : json(nullptr);
      series[key]["points"].push_back(std::move(pt));
    }
    for (const auto& k : order) all.push_back(std::move(series[k]));
  }
  out << detail::dump_pretty(all) << '\n';
}

}  // namespace tollgate::report
