#include "ingest/ingest.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ext/stdio_filebuf.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <sstream>
#include <tuple>

#include "core/io_buffer.hpp"
#include "core/yaml.hpp"

namespace tollgate::ingest {
namespace fs = std::filesystem;

location_parts split_location(const document& doc) {
  const std::string_view location = doc.location;
  const std::size_t n = doc.id.size();
  if (location.size() > n + 1 && location.ends_with(doc.id) && location[location.size() - n - 1] == '#') {
    return {location.substr(0, location.size() - n - 1), true};
  }
  return {location, false};
}

const char* date_origin_name(date_origin o) {
  switch (o) {
    case date_origin::manifest: return "manifest";
    case date_origin::metadata: return "metadata";
    case date_origin::dateline: return "dateline";
    case date_origin::url: return "url";
    case date_origin::none: return "none";
  }
  return "none";
}

namespace {

struct batch_reader {
  const options& opts;
  const std::function<void(document&&)>& sink;
  core::diagnostics& problems;
  summary& totals;
  std::size_t next_index = 0;

  // A file a directory walk passes over on purpose: noted in the summary, not
  // an error.
  void pass_over(const std::string& path, const std::string& reason) {
    totals.skipped.push_back({path, reason});
  }

  // Files in a batch folder that are not articles: the manifest itself,
  // READMEs, and when a manifest is given, files it does not list.
  bool passed_over_in_walk(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::string stem = file.stem().string();
    if (ext == ".yaml" || ext == ".yml" || ext == ".csv" || ext == ".json") {
      pass_over(file.string(), "not an article (" + ext.substr(1) + " file)");
      return true;
    }
    for (const char* doc : {"README", "LICENSE", "CHANGELOG", "COPYING"}) {
      if (stem.rfind(doc, 0) == 0) {
        pass_over(file.string(), "documentation, not an article");
        return true;
      }
    }
    if (opts.metadata && !opts.metadata->by_path.empty() && ext != ".jsonl" && ext != ".ndjson" &&
        !opts.metadata->find(file.string(), "")) {
      pass_over(file.string(), "not listed in the manifest");
      return true;
    }
    return false;
  }

  void skip(const std::string& path, int line, int column, const std::string& reason) {
    problems.push_back({path, line, column, core::severity::error, reason, "input"});
    totals.skipped.push_back({line > 0 ? path + ":" + std::to_string(line) : path, reason});
  }

  // Metadata precedence: manifest, then the document's own, then its text.
  // Every source of the date is weighed; the most explicit wins and the
  // others that disagree with it are reported where they are.
  void emit(document doc, const std::string& file_path) {
    // Claims keep 32-bit offsets into their document's text.
    if (doc.text.size() > std::numeric_limits<std::uint32_t>::max()) {
      skip(doc.location, 1, 1, "document text over 4 GiB; split it into smaller documents");
      return;
    }
    const manifest_entry* m = opts.metadata ? opts.metadata->find(file_path, doc.id) : nullptr;
    if (m) {
      if (m->source) doc.source = *m->source;
      if (m->url) doc.url = *m->url;
      if (m->published) {
        doc.published = m->published;
        doc.published_from = date_origin::manifest;
        doc.published_by = "manifest";
      } else if (m->published_null) {
        doc.published.reset();
        doc.published_from = date_origin::none;
        doc.published_by.clear();
      }
    }
    if (!(m && m->published_null)) weigh_dates(doc);
    doc.index = next_index++;
    ++totals.documents;
    sink(std::move(doc));
  }

  void warn(const document& doc, int line, int column, std::string message) {
    problems.push_back({doc.location, line, column, core::severity::warning, std::move(message), "date"});
  }

  void weigh_dates(document& doc) {
    struct candidate {
      core::date date;
      int rank;
      std::string what;
      int line, column;
      bool updated;
      date_origin origin;
      std::string written;
    };
    std::vector<candidate> all;
    if (doc.published) {
      all.push_back({*doc.published, doc.published_from == date_origin::manifest ? -2 : -1, doc.published_by, 0, 0,
                     false, doc.published_from, doc.published->iso()});
    }
    const text_dates found = scan_text_dates(doc.text);
    for (const auto& p : found.problems) warn(doc, p.line, p.column, p.message);
    std::vector<const date_source*> partial;
    for (const auto& s : found.sources) {
      if (s.partial()) {
        partial.push_back(&s);
      } else {
        all.push_back({s.date, s.rank, s.what, s.line, s.column, s.updated, s.origin, s.date.iso()});
      }
    }
    auto best = [&]() -> const candidate* {
      const candidate* b = nullptr;
      for (const auto& c : all) {
        if (!b || c.rank < b->rank) b = &c;
      }
      return b;
    };
    // A wire dateline gives a day without its year: the year is the one that
    // puts the day nearest the date another source gives.
    for (const date_source* s : partial) {
      const candidate* other = best();
      if (!other) {
        warn(doc, s->line, s->column,
             "dateline '" + s->written + "' gives no year and nothing else dates the document; it is left undated");
        continue;
      }
      std::optional<core::date> pick;
      for (int y = other->date.year() - 1; y <= other->date.year() + 1; ++y) {
        if (!core::date::valid(y, s->month, s->day)) continue;
        const core::date d = core::date::from_ymd(y, s->month, s->day);
        if (!pick || std::labs(d - other->date) < std::labs(*pick - other->date)) pick = d;
      }
      if (pick) all.push_back({*pick, s->rank, s->what, s->line, s->column, false, s->origin, s->written});
    }
    const candidate* winner = best();
    if (!winner) return;
    doc.published = winner->date;
    doc.published_from = winner->origin;
    doc.published_by = winner->what;
    // Reported in the order they stand in the document.
    std::vector<const candidate*> order;
    for (const auto& c : all) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const candidate* a, const candidate* b) {
      return std::tie(a->line, a->column) < std::tie(b->line, b->column);
    });
    for (const candidate* cp : order) {
      const candidate& c = *cp;
      if (&c == winner || c.date == winner->date) continue;
      if (c.updated && c.date > winner->date) continue;  // an update comes after publication
      warn(doc, c.line, c.column,
           c.what + " gives '" + c.written + "'" + (c.written == c.date.iso() ? "" : " (" + c.date.iso() + ")") +
               " but the " + winner->what + " gives " +
               winner->date.iso() + "; the " + winner->what + " is used");
    }
  }

  void set_published(document& doc, const std::string& value, const std::string& where, int line,
                     const std::string& what) {
    if (value.empty()) return;
    if (auto d = core::date::parse_iso(value)) {
      doc.published = d;
      doc.published_from = date_origin::metadata;
      doc.published_by = what;
    } else {
      problems.push_back({where, line, 0, core::severity::warning,
                          "published date '" + value + "' is not YYYY-MM-DD; the date is looked for in the text",
                          "input"});
    }
  }

  // One article per line, parsed with simdjson; a malformed line is reported
  // (nlohmann, on that line only, gives the byte where it breaks) and skipped.
  // Input with no record at all is skipped as `empty`.
  void read_jsonl(std::istream& in, const std::string& path, const std::string& id_prefix, const char* empty) {
    const std::size_t documents_before = totals.documents;
    const std::size_t skipped_before = totals.skipped.size();
    simdjson::dom::parser parser;
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::size_t length = line.size();
      line.resize(length + simdjson::SIMDJSON_PADDING);
      simdjson::dom::element record;
      const auto error = parser.parse(line.data(), length, false).get(record);
      line.resize(length);
      if (error) {
        skip(path, line_no, malformed_column(line), std::string("malformed JSON line: ") + simdjson::error_message(error));
        continue;
      }
      std::string_view text;
      if (!record.is_object() || record["text"].get_string().get(text)) {
        skip(path, line_no, 1, "JSONL record needs a string field 'text'");
        continue;
      }
      auto str = [&](const char* key) {
        std::string_view v;
        return record[key].get_string().get(v) ? std::string() : std::string(v);
      };
      document doc;
      doc.id = str("id");
      if (doc.id.empty()) doc.id = id_prefix + ":" + std::to_string(line_no);
      doc.location = path + "#" + doc.id;
      doc.record_line = line_no;
      doc.source = str("source");
      doc.url = str("url");
      doc.title = str("title");
      doc.text = std::string(text);
      set_published(doc, str("published"), path, line_no, "JSONL 'published' field");
      emit(std::move(doc), "");
    }
    if (totals.documents == documents_before && totals.skipped.size() == skipped_before) skip(path, 0, 0, empty);
  }

  // The 1-based column where a malformed JSON line breaks (simdjson says what
  // is wrong but not where).
  static int malformed_column(const std::string& line) {
    try {
      [[maybe_unused]] const auto parsed = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      return static_cast<int>(e.byte);
    }
    return 1;
  }

  // YAML front matter: replaced by spaces so that lines and offsets in the
  // rest of the file stay those of the file.
  void read_front_matter(document& doc, const std::string& path) {
    if (doc.text.rfind("---\n", 0) != 0 && doc.text.rfind("---\r\n", 0) != 0) return;
    const std::size_t close = doc.text.find("\n---", 3);
    if (close == std::string::npos) {
      problems.push_back({path, 1, 1, core::severity::warning, "front matter is not closed by '---'; read as text", "input"});
      return;
    }
    std::size_t end = doc.text.find('\n', close + 1);
    if (end == std::string::npos) end = doc.text.size();
    const std::string yaml = doc.text.substr(4, close - 3);
    auto loaded = core::load_yaml_text(yaml, path, 1);
    problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
    if (loaded.value && loaded.value.IsMap()) {
      auto get = [&](const char* key) { return core::scalar_or_empty(loaded.value[key]); };
      doc.title = get("title");
      doc.source = get("source");
      doc.url = get("url");
      set_published(doc, !get("published").empty() ? get("published") : get("date"), path, 0, "front matter");
    }
    for (std::size_t i = 0; i < end; ++i) {
      if (doc.text[i] != '\n') doc.text[i] = ' ';
    }
  }

  void read_file(const fs::path& file, const std::string& id) {
    const std::string path = file.string();
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    std::vector<char> buffer;
    std::ifstream in;
    core::open_buffered(in, buffer, file, std::ios::in | std::ios::binary);
    if (!in) {
      skip(path, 0, 0, "cannot read file");
      return;
    }
    if (ext == ".jsonl" || ext == ".ndjson") {
      read_jsonl(in, path, id, "empty file: no JSONL records");
      return;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    document doc;
    doc.text = buf.str();
    doc.id = id;
    doc.location = path;
    if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      skip(path, 0, 0, "empty file");
      return;
    }
    if (doc.text.find('\0') != std::string::npos) {
      skip(path, 0, 0, "not text: the file holds binary data");
      return;
    }
    if (ext == ".md" || ext == ".markdown") read_front_matter(doc, path);
    if (ext == ".html" || ext == ".htm") {
      html_page page = read_html(doc.text);
      doc.text = std::move(page.text);
      doc.title = page.title;
      doc.source = page.site_name;
      if (!page.published.empty()) set_published(doc, page.published.substr(0, 10), path, 0, page.published_by);
    }
    emit(std::move(doc), path);
  }

  void read_input(const std::string& input) {
    if (input == "-") {
      // Not std::cin: tied to C's stdin, it takes a byte at a time, which made
      // a piped batch read 2.7 times slower than the same batch as a file.
      // This reads the descriptor in large blocks and leaves it open.
      __gnu_cxx::stdio_filebuf<char> stdin_buffer(stdin, std::ios::in, core::kIoBufferBytes);
      std::istream in(&stdin_buffer);
      if (opts.stdin_format == "jsonl") {
        read_jsonl(in, "<stdin>", "stdin", "empty input: no JSONL records");
      } else {
        document doc;
        std::ostringstream buf;
        buf << in.rdbuf();
        doc.text = buf.str();
        doc.id = "stdin";
        doc.location = "<stdin>";
        emit(std::move(doc), "");
      }
      return;
    }
    std::error_code ec;
    const fs::path p(input);
    if (!fs::exists(p, ec)) {
      skip(input, 0, 0, "no such file or directory");
      return;
    }
    if (!fs::is_directory(p, ec)) {
      read_file(p, input);
      return;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(it->path());
    }
    if (ec) skip(input, 0, 0, "cannot walk directory: " + ec.message());
    std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
      return a.lexically_relative(p).generic_string() < b.lexically_relative(p).generic_string();
    });
    for (const auto& f : files) {
      if (!passed_over_in_walk(f)) read_file(f, f.lexically_relative(p).generic_string());
    }
  }
};

}  // namespace

void read_batch(const std::vector<std::string>& inputs, const options& opts,
                const std::function<void(document&&)>& sink, core::diagnostics& problems,
                summary& totals) {
  batch_reader reader{opts, sink, problems, totals};
  for (const auto& input : inputs) reader.read_input(input);
}

}  // namespace tollgate::ingest
