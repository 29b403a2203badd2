// The formats CI systems read: SARIF 2.1.0 (code scanning), JUnit XML (GitLab,
// Jenkins), GitHub Actions workflow commands, and CSV for spreadsheets.

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text_position.hpp"
#include "report/detail/report_detail.hpp"
#include "report/report.hpp"

namespace tollgate::report {
namespace {

namespace fs = std::filesystem;
using detail::json;

const char* sarif_level(core::severity s) {
  switch (s) {
    case core::severity::error:
      return "error";
    case core::severity::warning:
      return "warning";
    case core::severity::info:
      return "note";
  }
  return "warning";
}

// RFC 3986: a path made a URI reference. Unreserved characters and '/' stay;
// everything else, ':' included (a relative reference's first segment must
// not hold one), is percent-encoded byte by byte.
std::string uri_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

json artifact_location(const std::string& file) {
  const fs::path p(file);
  if (p.is_absolute())
    return {{"uri", "file://" + uri_path(p.lexically_normal().generic_string())}};
  return {{"uri", uri_path(p.lexically_normal().generic_string())}, {"uriBaseId", "SRCROOT"}};
}

// "exceeds-total" -> "ExceedsTotal", the shape SARIF viewers expect of a name.
std::string pascal_case(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// YAML folded text keeps no line breaks that matter; fold them to spaces.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : trim(s)) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string first_sentence(const std::string& s) {
  const auto end = s.find(". ");
  return end == std::string::npos ? s : s.substr(0, end + 1);
}

// The region a claim covers in its file, with its text as the snippet; only
// the line for a JSONL record; nothing for HTML, whose lines are not the file's.
// `wording` is c.wording(), which a caller may need too.
std::optional<json> claim_region(const document_place& place, const claims::claim& c,
                                 const claims::claim_wording& wording) {
  const file_position at = position_in_file(place, c.line, wording.column);
  if (at.line == 0) return std::nullopt;
  if (at.column == 0) return json{{"startLine", at.line}};
  int end_line = c.line;
  int end_column = wording.column;
  const std::string& text = wording.text;
  const auto last_break = text.rfind('\n');
  if (last_break == std::string::npos) {
    end_column += static_cast<int>(core::count_code_points(text));
  } else {
    end_line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    end_column = 1 + static_cast<int>(core::count_code_points(std::string_view(text).substr(last_break + 1)));
  }
  return json{{"startLine", at.line},
              {"startColumn", at.column},
              {"endLine", end_line},
              {"endColumn", end_column},
              {"snippet", {{"text", text}}}};
}

// A finding with no claim (a document-level one): its line, to its end.
std::optional<json> finding_region(const document_place& place, const rules::finding& f) {
  const rules::finding::line_window window = f.window();
  const file_position at = position_in_file(place, f.line(), window.at);
  if (at.line == 0) return std::nullopt;
  json region{{"startLine", at.line}};
  if (at.column > 0) {
    region["startColumn"] = at.column;
    // The snippet is the region's text: from the column to the end of the line.
    const std::string& line = window.text;
    std::string_view rest = line;
    for (int col = 1; col < at.column && !rest.empty(); ++col) {
      std::size_t n = 1;
      while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;
      rest.remove_prefix(n);
    }
    region["snippet"]["text"] = std::string(rest);
  }
  return region;
}

json physical_location(const document_place& place, const std::optional<json>& region) {
  json p;
  p["artifactLocation"] = artifact_location(place.file);
  if (region) p["region"] = *region;
  return p;
}

std::string describe_claim(const claims::claim& c, const claims::claim_wording& wording) {
  std::string s = "'" + wording.text + "'";
  std::vector<std::string> about;
  if (!c.source().empty()) about.push_back(c.source());
  if (c.as_of) about.push_back(c.as_of->iso());
  if (!about.empty()) s += " (" + fmt::format("{}", fmt::join(about, ", ")) + ")";
  return s;
}

std::string current_directory_uri() {
  std::error_code ec;
  std::string cwd = fs::current_path(ec).generic_string();
  if (ec || cwd.empty()) cwd = "/";
  if (cwd.back() != '/') cwd += '/';
  return "file://" + uri_path(cwd);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one UTF-8 code point at s[i]; advances i. Invalid sequences
// (overlong, surrogates, truncated) give U+FFFD and advance one byte.
char32_t next_code_point(const std::string& s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0)
    len = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0)
    len = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0)
    len = 4, cp = b0 & 0x07, min = 0x10000;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

std::string junit_attr(const std::string& s) { return xml_escape(s, true); }

}  // namespace

std::string xml_escape(const std::string& s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
    if (!allowed) cp = 0xFFFD;
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      // In attributes, line breaks and tabs would be normalised to spaces by
      // the parser; character references keep them.
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        append_utf8(out, cp);
    }
  }
  return out;
}

std::string github_escape_data(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string github_escape_property(const std::string& s) {
  std::string out;
  for (char c : github_escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_findings_sarif(std::ostream& out, const lint_report& r) {
  json driver;
  driver["name"] = "tollgate";
  driver["version"] = TOLLGATE_VERSION;
  driver["semanticVersion"] = TOLLGATE_VERSION;
  driver["rules"] = json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const auto& rule : r.rules) {
    rule_index.emplace(rule.id, rule_index.size());
    const std::string summary = rule.kind ? rule.kind->summary() : rule.check;
    const std::string full = rule.description.empty() ? summary : one_line(rule.description);
    json d;
    d["id"] = rule.id;
    // A name that differs from the id only in case says nothing more (the
    // validator's SARIF1001): leave it out.
    const std::string name = pascal_case(rule.id);
    if (!std::equal(name.begin(), name.end(), rule.id.begin(), rule.id.end(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      d["name"] = name;
    }
    d["shortDescription"] = {{"text", rule.description.empty() ? summary : first_sentence(full)}};
    d["fullDescription"] = {{"text", full}};
    if (!rule.link.empty()) d["helpUri"] = rule.link;
    d["help"] = {{"text", full + " (check kind '" + rule.check + "')"}};
    d["defaultConfiguration"] = {{"level", sarif_level(rule.level)}};
    d["properties"] = {{"check", rule.check},
                       {"tags", json::array({"casualty-figures", rule.check})}};
    driver["rules"].push_back(std::move(d));
  }

  auto result = [&](std::size_t i) {
    const auto& f = r.findings[i];
    const auto& involved = f.claims;
    json res;
    res["ruleId"] = f.rule;
    if (auto it = rule_index.find(f.rule); it != rule_index.end()) res["ruleIndex"] = it->second;
    res["level"] = sarif_level(f.level);
    res["message"] = {{"text", f.message.str()}};
    const document_place& place = detail::place_at(r, f.doc_index);
    // The place of the finding is its first claim's, read once for the region and the column.
    const std::optional<claims::claim_wording> first =
        involved.empty() ? std::nullopt : std::optional(involved.front()->wording());
    if (!place.file.empty()) {
      const auto region = first ? claim_region(place, *involved.front(), *first) : finding_region(place, f);
      json loc;
      loc["physicalLocation"] = physical_location(place, region);
      if (place.record_line > 0)
        loc["logicalLocations"] = json::array({{{"name", f.doc()}, {"kind", "object"}}});
      res["locations"] = json::array({std::move(loc)});
    }
    json related = json::array();
    for (std::size_t k = 1; k < involved.size(); ++k) {
      const claims::claim& c = *involved[k];
      const document_place& cp = detail::place_at(r, c.doc_index());
      if (cp.file.empty()) continue;
      const claims::claim_wording wording = c.wording();
      related.push_back(
          {{"id", static_cast<int>(k)},
           {"physicalLocation", physical_location(cp, claim_region(cp, c, wording))},
           {"message",
            {{"text", "related claim " + describe_claim(c, wording) + " at " + c.location_label() + ":" +
                          std::to_string(c.line) + ":" + std::to_string(wording.column)}}}});
    }
    if (!related.empty()) res["relatedLocations"] = std::move(related);
    if (i < r.fingerprints.size())
      res["partialFingerprints"] = {{"tollgateFinding/v1", r.fingerprints[i].str()}};
    if (r.baseline) res["baselineState"] = "new";
    json props;
    props["doc"] = f.doc();
    props["path"] = f.location();
    props["textLine"] = f.line();
    props["textColumn"] = first ? first->column : f.column();
    props["claims"] = f.claim_ids();
    if (const std::string series = f.series(); !series.empty()) props["series"] = series;
    res["properties"] = std::move(props);
    return res;
  };

  json notifications = json::array();
  for (const auto& d : r.problems) {
    json n;
    n["level"] = sarif_level(d.level);
    n["message"] = {{"text", d.message}};
    if (!d.id.empty()) n["descriptor"] = {{"id", d.id}};
    if (!d.path.empty() && d.path.front() != '<') {
      json region;
      if (d.line > 0) region["startLine"] = d.line;
      if (d.line > 0 && d.column > 0) region["startColumn"] = d.column;
      n["locations"] = json::array(
          {{{"physicalLocation",
             physical_location({d.path, 0, true},
                               region.empty() ? std::nullopt : std::optional<json>(region))}}});
    }
    notifications.push_back(std::move(n));
  }
  json invocation{{"executionSuccessful", !core::has_errors(r.problems)}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["invocations"] = json::array({std::move(invocation)});
  run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", current_directory_uri()}}}};
  // Our columns count code points, as the text output's carets do.
  run["columnKind"] = "unicodeCodePoints";

  // The log as dump(2) lays it out, with the results (last in the run)
  // written one at a time: a large batch has hundreds of thousands.
  out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
         "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n";
  for (auto it = run.begin(); it != run.end(); ++it) {
    out << "      " << detail::dump(it.key()) << ": ";
    detail::write_indented(out, it.value(), 6);
    out << ",\n";
  }
  out << "      \"results\": ";
  detail::write_array(out, r.findings.size(), 6, result);
  out << "\n    }\n  ]\n}\n";
}

void write_findings_junit(std::ostream& out, const lint_report& r) {
  // The findings of each document, by rule; found in `by_doc` (findings in
  // document order) rather than copied, since a batch has many.
  std::vector<const rules::finding*> by_doc;
  by_doc.reserve(r.findings.size());
  for (const auto& f : r.findings) by_doc.push_back(&f);
  std::stable_sort(by_doc.begin(), by_doc.end(),
                   [](const rules::finding* a, const rules::finding* b) { return a->doc_index < b->doc_index; });
  auto found_in = [&](std::size_t doc_index) {
    std::map<std::string, std::vector<const rules::finding*>> found;
    auto it = std::lower_bound(by_doc.begin(), by_doc.end(), doc_index,
                               [](const rules::finding* f, std::size_t i) { return f->doc_index < i; });
    for (; it != by_doc.end() && (*it)->doc_index == doc_index; ++it) found[(*it)->rule].push_back(*it);
    return found;
  };

  std::vector<std::string> rule_ids;
  for (const auto& rule : r.rules) rule_ids.push_back(rule.id);
  // Each document's test cases: every rule, then rules not loaded that have
  // findings there.
  auto cases_of = [&](const std::map<std::string, std::vector<const rules::finding*>>& found) {
    auto ids = rule_ids;
    for (const auto& [id, _] : found) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  };

  // The header carries the totals: count first, then write suite by suite.
  std::size_t total_tests = r.summary.skipped.size(), total_failures = 0;
  for (const auto& d : r.batch.documents) {
    const auto found = found_in(d.index());
    total_tests += cases_of(found).size();
    total_failures += found.size();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"tollgate\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"0\">\n",
      total_tests, total_failures, r.summary.skipped.size());

  for (const auto& d : r.batch.documents) {
    const auto found = found_in(d.index());
    const auto ids = cases_of(found);
    const std::string file = detail::place_at(r, d.index()).file;
    std::string cases;
    for (const auto& id : ids) {
      cases += "    <testcase name=\"" + junit_attr(id) + "\" classname=\"" +
               junit_attr(d.location()) + "\"";
      if (!file.empty()) cases += " file=\"" + junit_attr(file) + "\"";
      cases += " time=\"0\"";
      auto it = found.find(id);
      if (it == found.end()) {
        cases += "/>\n";
        continue;
      }
      core::severity worst = core::severity::info;
      std::string messages, text;
      for (const auto* f : it->second) {
        worst = std::min(worst, f->level);
        const std::string message = f->message.str();
        messages += (messages.empty() ? "" : "; ") + message;
        const auto window = f->window();
        text += core::render({f->location(), f->line(), window.at, f->level, message, f->rule}, window.text, false,
                             window.column);
      }
      if (it->second.size() > 1)
        messages = fmt::format("{} findings: {}", it->second.size(), messages);
      cases += ">\n      <failure message=\"" + junit_attr(messages) + "\" type=\"" +
               core::severity_name(worst) + "\">" + xml_escape(text, false) +
               "</failure>\n    </testcase>\n";
    }
    out << fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n",
        junit_attr(d.location()), ids.size(), found.size());
    out << cases << "  </testsuite>\n";
  }
  // Inputs that could not be read are errors of their own suite, so that a
  // report never looks clean because an article was not checked.
  for (const auto& k : r.summary.skipped) {
    out << fmt::format(
        "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" "
        "time=\"0\">\n"
        "    <testcase name=\"read\" classname=\"{0}\" time=\"0\">\n"
        "      <error message=\"{1}\" type=\"input\">{2}</error>\n"
        "    </testcase>\n"
        "  </testsuite>\n",
        junit_attr(k.path), junit_attr(k.reason), xml_escape(k.path + ": " + k.reason, false));
  }
  out << "</testsuites>\n";
}

void write_findings_github(std::ostream& out, const lint_report& r) {
  for (const auto& f : r.findings) {
    const char* command = f.level == core::severity::error     ? "error"
                          : f.level == core::severity::warning ? "warning"
                                                               : "notice";
    const document_place& place = detail::place_at(r, f.doc_index);
    const int line = f.line(), column = f.column();
    const file_position at = position_in_file(place, line, column);
    std::vector<std::string> props;
    if (!at.file.empty()) props.push_back("file=" + github_escape_property(at.file));
    if (at.line > 0) props.push_back(fmt::format("line={}", at.line));
    if (at.column > 0) props.push_back(fmt::format("col={}", at.column));
    props.push_back("title=" + github_escape_property("tollgate " + f.rule));
    std::string message = f.message.str();
    // Lines of a JSONL record's text or of an HTML page's text are not the
    // file's: say where in the document the finding is.
    if (at.column == 0) message += fmt::format(" (at {}:{}:{})", f.location(), line, column);
    out << "::" << command << ' ' << fmt::format("{}", fmt::join(props, ","))
        << "::" << github_escape_data(message) << '\n';
  }
}

// The header is the claim JSON's keys, so the two can never disagree.
std::string claims_csv_header() {
  std::string header;
  const json object = detail::claim_object(claims::claim{});
  for (auto it = object.cbegin(); it != object.cend(); ++it) header += (header.empty() ? "" : ",") + it.key();
  return header;
}

std::string claim_csv(const claims::claim& c) {
  std::string row;
  bool first = true;
  const json object = detail::claim_object(c);
  for (auto it = object.cbegin(); it != object.cend(); ++it) {
    const json& v = *it;
    if (!first) row += ',';
    first = false;
    if (v.is_null()) continue;
    row += csv_field(v.is_string() ? v.get<std::string>() : detail::dump(v));
  }
  return row;
}

void write_trace_csv(std::ostream& out, const std::vector<trace::timeline>& timelines) {
  out << "series,metric,group,location,as_of,figure,value,lo,hi,qualifier,source,doc,line,column,"
         "change,"
         "previous_as_of\n";
  auto num = [](const std::optional<double>& v) {
    return v ? detail::dump(detail::number(*v)) : std::string();
  };
  for (const auto& t : timelines) {
    for (const auto& p : t.points) {
      const auto& c = *p.claim;
      const std::vector<std::string> row = {trace::series_of(p),
                                            c.metric,
                                            c.group,
                                            c.location.value_or(""),
                                            c.as_of ? c.as_of->iso() : "",
                                            rules::figure_as_written(c),
                                            num(c.value),
                                            num(c.lo),
                                            num(c.hi),
                                            c.qualifier,
                                            c.source(),
                                            c.doc(),
                                            std::to_string(c.line),
                                            std::to_string(c.wording().column),
                                            num(p.change),
                                            p.previous_date ? p.previous_date->iso() : ""};
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + csv_field(row[i]);
      out << line << '\n';
    }
  }
}

}  // namespace tollgate::report
