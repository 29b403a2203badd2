#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/yaml.hpp"
#include "ingest/ingest.hpp"

namespace tollgate::ingest {
namespace fs = std::filesystem;
namespace {

std::string canonical_key(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return (ec ? p : c).lexically_normal().string();
}

// Reads one field of an entry, recording a problem when it is not a scalar.
std::optional<std::string> field(const YAML::Node& entry, const char* key, const std::string& file,
                                 core::diagnostics& problems) {
  const YAML::Node n = entry[key];
  if (!n || n.IsNull()) return std::nullopt;
  if (!n.IsScalar()) {
    problems.push_back(core::at_node(file, n, std::string("'") + key + "' must be a single value"));
    return std::nullopt;
  }
  return n.Scalar();
}

void add_entry(manifest& m, const fs::path& base, const std::optional<std::string>& path,
               const std::optional<std::string>& id, manifest_entry e) {
  if (path) m.by_path[canonical_key(base / *path)] = e;
  if (id) m.by_id[*id] = e;
}

core::result<manifest> load_csv(const std::string& file) {
  core::result<manifest> out;
  std::ifstream in(file);
  std::string line;
  const fs::path base = fs::path(file).parent_path();
  int line_no = 0;
  std::vector<std::string> header;
  auto split = [](const std::string& s) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : s) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) cells.push_back(std::exchange(cell, {}));
      else if (c != '\r') cell += c;
    }
    cells.push_back(cell);
    return cells;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto cells = split(line);
    if (header.empty()) {
      header = cells;
      continue;
    }
    std::optional<std::string> path, id;
    manifest_entry e;
    for (std::size_t i = 0; i < cells.size() && i < header.size(); ++i) {
      const auto& key = header[i];
      const auto& v = cells[i];
      if (key == "path" && !v.empty()) path = v;
      else if (key == "id" && !v.empty()) id = v;
      else if (key == "source" && !v.empty()) e.source = v;
      else if (key == "url" && !v.empty()) e.url = v;
      else if (key == "published") {
        if (v.empty() || v == "null") e.published_null = true;
        else if (auto d = core::date::parse_iso(v)) e.published = d;
        else out.problems.push_back({file, line_no, 0, core::severity::error,
                                     "'" + v + "' is not a date; expected YYYY-MM-DD", "manifest"});
      }
    }
    add_entry(out.value, base, path, id, e);
  }
  return out;
}

}  // namespace

const manifest_entry* manifest::find(const std::string& path, const std::string& id) const {
  if (!path.empty()) {
    auto it = by_path.find(canonical_key(path));
    if (it != by_path.end()) return &it->second;
  }
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &it->second;
}

core::result<manifest> load_manifest(const std::string& file) {
  if (fs::path(file).extension() == ".csv") return load_csv(file);
  core::result<manifest> out;
  auto loaded = core::load_yaml_file(file);
  out.problems = loaded.problems;
  const YAML::Node root = loaded.value;
  if (!root) return out;
  const YAML::Node docs = root.IsMap() ? root["documents"] : YAML::Node();
  if (!docs || !docs.IsSequence()) {
    out.problems.push_back(core::at_node(file, root, "expected a 'documents' list of {path, source, published, url}"));
    return out;
  }
  const fs::path base = fs::path(file).parent_path();
  for (const auto& entry : docs) {
    if (!entry.IsMap()) {
      out.problems.push_back(core::at_node(file, entry, "expected a mapping with 'path' or 'id'"));
      continue;
    }
    for (const auto& kv : entry) {
      const auto name = core::key_name(kv.first, file, out.problems);
      if (!name) continue;
      const std::string& key = *name;
      if (key != "path" && key != "id" && key != "source" && key != "published" && key != "url") {
        out.problems.push_back(core::at_node(file, kv.first,
                                             "unknown key '" + key + "'; expected path, id, source, published or url"));
      }
    }
    const auto path = field(entry, "path", file, out.problems);
    const auto id = field(entry, "id", file, out.problems);
    if (!path && !id) {
      out.problems.push_back(core::at_node(file, entry, "entry needs a 'path' or an 'id'"));
      continue;
    }
    manifest_entry e;
    e.source = field(entry, "source", file, out.problems);
    e.url = field(entry, "url", file, out.problems);
    const YAML::Node published = entry["published"];
    if (!published) {
      // No date here: the document's own metadata or text may give one.
    } else if (published.IsNull()) {
      e.published_null = true;  // the manifest says the date is unknown
    } else if (auto d = core::date::parse_iso(core::scalar_or_empty(published))) {
      e.published = d;
    } else {
      out.problems.push_back(core::at_node(file, published,
                                           "'" + core::scalar_or_empty(published) +
                                               "' is not a date; expected YYYY-MM-DD"));
    }
    add_entry(out.value, base, path, id, e);
  }
  return out;
}

}  // namespace tollgate::ingest
