#include "rules/fixture.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

namespace tollgate::rules {
namespace fs = std::filesystem;
namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// One `%%` segment: "ruleid: a, b \"text\"".
void parse_segment(const std::string& seg, const std::string& path, const std::string& doc, int line, int column,
                   std::vector<annotation>& found, core::diagnostics& problems) {
  const auto colon = seg.find(':');
  const std::string kind = trim(seg.substr(0, colon == std::string::npos ? 0 : colon));
  if (colon == std::string::npos || (kind != "ruleid" && kind != "ok" && kind != "todo")) {
    problems.push_back({path, line, column, core::severity::error,
                        "annotation '%%" + seg + "' must be 'ruleid: ID', 'ok: ID' or 'todo: ID'", "fixture"});
    return;
  }
  std::string rest = seg.substr(colon + 1);
  std::string message_part;
  if (const auto q = rest.find('"'); q != std::string::npos) {
    const auto q2 = rest.rfind('"');
    if (q2 == q) {
      problems.push_back({path, line, column, core::severity::error, "unclosed quote in annotation", "fixture"});
      return;
    }
    message_part = rest.substr(q + 1, q2 - q - 1);
    rest = rest.substr(0, q);
  }
  std::stringstream ids(rest);
  bool any = false;
  for (std::string id; std::getline(ids, id, ',');) {
    id = trim(id);
    if (id.empty()) continue;
    found.push_back({doc, line, kind, id, message_part, column});
    any = true;
  }
  if (!any) problems.push_back({path, line, column, core::severity::error, "annotation names no rule id", "fixture"});
}

// A directory that is removed with its contents when it goes out of scope.
class scratch_dir {
 public:
  scratch_dir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      const fs::path p = fs::temp_directory_path() / ("tollgate-fixture-" + std::to_string(rd()));
      std::error_code ec;
      if (fs::create_directory(p, ec)) path_ = p;
    }
  }
  ~scratch_dir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::string blank_annotations(const std::string& text, const std::string& path, const std::string& doc,
                              std::vector<annotation>& found, core::diagnostics& problems) {
  std::string out = text;
  int line = 1;
  for (std::size_t start = 0; start < out.size();) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::size_t at = out.find("%%", start);
    if (at != std::string::npos && at < end) {
      std::string note = out.substr(at + 2, end - at - 2);
      if (!note.empty() && note.back() == '\r') note.pop_back();
      // Several annotations may share a line: "%% ruleid: a %% ok: b".
      std::size_t from = 0;
      while (from <= note.size()) {
        std::size_t next = note.find("%%", from);
        if (next == std::string::npos) next = note.size();
        parse_segment(note.substr(from, next - from), path, doc, line,
                      static_cast<int>(at - start + 1), found, problems);
        from = next + 2;
      }
      const std::size_t stop = end > at && text[end - 1] == '\r' ? end - 1 : end;  // keep a CRLF's CR
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(at), out.begin() + static_cast<std::ptrdiff_t>(stop), ' ');
    }
    start = end + 1;
    ++line;
  }
  return out;
}

std::string test_dir_of(const rule& r) {
  const fs::path dir = fs::path(r.file).parent_path() / (r.id + ".test");
  std::error_code ec;
  return fs::is_directory(dir, ec) ? dir.string() : std::string();
}

fixture_result run_fixture(const rule& r, const std::string& dir, const claims::lexicon& lex) {
  fixture_result res;
  res.rule = r.id;
  res.dir = dir;
  scratch_dir scratch;
  if (scratch.path().empty()) {
    res.problems.push_back({dir, 0, 0, core::severity::error, "cannot create a temporary directory", "fixture"});
    return res;
  }
  // Copy the batch with its annotations blanked; the ids stay the same
  // because ingest names documents by their path inside the folder given.
  std::vector<annotation> notes;
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const fs::path rel = fs::relative(f, dir);
    std::ifstream in(f, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string blanked = blank_annotations(buf.str(), f.string(), rel.generic_string(), notes, res.problems);
    fs::create_directories((scratch.path() / rel).parent_path(), ec);
    std::ofstream(scratch.path() / rel, std::ios::binary) << blanked;
  }

  batch b;
  ingest::summary totals;
  const std::vector<rule> only{r};
  ingest::read_batch(
      {scratch.path().string()}, {},
      [&](ingest::document&& doc) {
        b.add(doc, claims::extract(doc, lex), scan_document(only, doc));
      },
      res.problems, totals);
  for (auto& p : res.problems) {
    if (p.path.rfind(scratch.path().string(), 0) == 0) p.path = dir + p.path.substr(scratch.path().string().size());
  }
  const auto findings = run_rules(only, b, lex);

  using place = std::pair<std::string, int>;  // doc, line
  std::map<place, std::vector<const annotation*>> expected;
  std::set<place> near, todo;
  for (const auto& a : notes) {
    if (a.rule != r.id) continue;
    if (a.kind == "ruleid") {
      expected[{a.doc, a.line}].push_back(&a);
      ++res.expected;
    } else if (a.kind == "ok") {
      near.insert({a.doc, a.line});
      ++res.near_misses;
    } else {
      todo.insert({a.doc, a.line});
    }
  }
  std::map<place, std::vector<const finding*>> actual;
  for (const auto& f : findings) actual[{f.doc(), f.line()}].push_back(&f);

  auto where = [&](const place& p) { return (fs::path(dir) / p.first).string() + ":" + std::to_string(p.second); };
  for (const auto& [p, want] : expected) {
    const auto it = actual.find(p);
    if (it == actual.end()) {
      res.diff.push_back("- " + where(p) + ": expected a finding of [" + r.id + "], got none");
      continue;
    }
    for (const annotation* a : want) {
      if (a->message_part.empty()) continue;
      const bool said = std::any_of(it->second.begin(), it->second.end(), [&](const finding* f) {
        return f->message.str().find(a->message_part) != std::string::npos;
      });
      if (!said) {
        res.diff.push_back("- " + where(p) + ": expected a message with \"" + a->message_part + "\"");
        res.diff.push_back("+ " + where(p) + ": " + it->second.front()->message.str());
      }
    }
  }
  for (const auto& [p, got] : actual) {
    if (expected.count(p) || todo.count(p)) continue;
    for (const finding* f : got) {
      res.diff.push_back("+ " + where(p) + ":" + std::to_string(f->column()) + ": " +
                         (near.count(p) ? "near miss fired: " : "unexpected: ") + f->message.str());
    }
  }
  res.passed = res.diff.empty() && !core::has_errors(res.problems);
  return res;
}

}  // namespace tollgate::rules
