#include "ingest/ingest.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/yaml.hpp"

namespace tollgate::ingest {
namespace fs = std::filesystem;

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
  void emit(document doc, const std::string& file_path) {
    const manifest_entry* m = opts.metadata ? opts.metadata->find(file_path, doc.id) : nullptr;
    if (m) {
      if (m->source) doc.source = *m->source;
      if (m->url) doc.url = *m->url;
      if (m->published) {
        doc.published = m->published;
        doc.published_from = date_origin::manifest;
      } else if (m->published_null) {
        doc.published.reset();
        doc.published_from = date_origin::none;
      }
    }
    if (!doc.published && !(m && m->published_null)) {
      if (auto d = date_from_text(doc.text)) {
        doc.published = d->date;
        doc.published_from = d->origin;
      }
    }
    doc.index = next_index++;
    ++totals.documents;
    sink(std::move(doc));
  }

  void set_published(document& doc, const std::string& value, const std::string& where, int line) {
    if (value.empty()) return;
    if (auto d = core::date::parse_iso(value)) {
      doc.published = d;
      doc.published_from = date_origin::metadata;
    } else {
      problems.push_back({where, line, 0, core::severity::warning,
                          "published date '" + value + "' is not YYYY-MM-DD; the date is looked for in the text",
                          "input"});
    }
  }

  void read_jsonl(std::istream& in, const std::string& path, const std::string& id_prefix) {
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        skip(path, line_no, static_cast<int>(e.byte), "malformed JSON line: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
        continue;
      }
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        skip(path, line_no, 1, "JSONL record needs a string field 'text'");
        continue;
      }
      auto str = [&](const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
      };
      document doc;
      doc.id = str("id");
      if (doc.id.empty()) doc.id = id_prefix + ":" + std::to_string(line_no);
      doc.location = path + "#" + doc.id;
      doc.record_line = line_no;
      doc.source = str("source");
      doc.url = str("url");
      doc.title = str("title");
      doc.text = j["text"].get<std::string>();
      set_published(doc, str("published"), path, line_no);
      emit(std::move(doc), "");
    }
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
      set_published(doc, !get("published").empty() ? get("published") : get("date"), path, 0);
    }
    for (std::size_t i = 0; i < end; ++i) {
      if (doc.text[i] != '\n') doc.text[i] = ' ';
    }
  }

  void read_file(const fs::path& file, const std::string& id) {
    const std::string path = file.string();
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      skip(path, 0, 0, "cannot read file");
      return;
    }
    if (ext == ".jsonl" || ext == ".ndjson") {
      const std::size_t documents_before = totals.documents;
      const std::size_t skipped_before = totals.skipped.size();
      read_jsonl(in, path, id);
      if (totals.documents == documents_before && totals.skipped.size() == skipped_before) {
        skip(path, 0, 0, "empty file: no JSONL records");
      }
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
      if (!page.published.empty()) set_published(doc, page.published.substr(0, 10), path, 0);
    }
    emit(std::move(doc), path);
  }

  void read_input(const std::string& input) {
    if (input == "-") {
      if (opts.stdin_format == "jsonl") {
        read_jsonl(std::cin, "<stdin>", "stdin");
      } else {
        document doc;
        std::ostringstream buf;
        buf << std::cin.rdbuf();
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
