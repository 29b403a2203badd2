#include "rules/config.hpp"

#include <filesystem>

#include "core/yaml.hpp"

namespace tollgate::rules {
namespace fs = std::filesystem;
namespace {

// A list of paths (a single path is a list of one), resolved against `base`.
std::vector<std::string> paths(const YAML::Node& n, const fs::path& base, const std::string& file,
                               const std::string& key, bool dirs, core::diagnostics& problems) {
  std::vector<std::string> out;
  std::vector<YAML::Node> items;
  if (n.IsScalar()) items.push_back(n);
  else if (n.IsSequence()) for (const auto& item : n) items.push_back(item);
  else if (!n.IsNull()) problems.push_back(core::at_node(file, n, "'" + key + "' takes a path or a list of paths"));
  for (const auto& item : items) {
    if (!item.IsScalar()) {
      problems.push_back(core::at_node(file, item, "'" + key + "' takes paths, not nested lists or maps"));
      continue;
    }
    const fs::path p = fs::path(item.Scalar()).is_absolute() ? fs::path(item.Scalar()) : base / item.Scalar();
    std::error_code ec;
    const bool ok = dirs ? fs::is_directory(p, ec) : fs::is_regular_file(p, ec);
    if (!ok) {
      problems.push_back(core::at_node(file, item, std::string(dirs ? "directory" : "file") + " '" + item.Scalar() +
                                                       "' not found (looked for " + p.lexically_normal().string() + ")"));
      continue;
    }
    out.push_back(p.lexically_normal().string());
  }
  return out;
}

// `id: value` pairs of a mapping, keyed by rule id.
std::map<std::string, YAML::Node> by_id(const YAML::Node& n, const std::string& file, const std::string& key,
                                        core::diagnostics& problems) {
  std::map<std::string, YAML::Node> out;
  if (n.IsNull()) return out;
  if (!n.IsMap()) {
    problems.push_back(core::at_node(file, n, "'" + key + "' must be a mapping of rule id to " +
                                                  (key == "with" ? "parameters" : "severity")));
    return out;
  }
  for (const auto& kv : n) {
    const auto id = core::key_name(kv.first, file, problems);
    if (id) out[*id] = kv.second;
  }
  return out;
}

}  // namespace

core::result<config> load_config(const std::string& path) {
  core::result<config> out;
  out.value.file = path;
  out.value.overrides.file = path;
  auto loaded = core::load_yaml_file(path);
  out.problems = loaded.problems;
  if (!loaded.problems.empty()) return out;
  const YAML::Node& root = loaded.value;
  if (root.IsNull()) return out;  // an empty file changes nothing
  if (!root.IsMap()) {
    out.problems.push_back(core::at_node(path, root, "tollgate.yaml must be a mapping with keys like 'rules' and 'disable'"));
    return out;
  }
  const fs::path base = fs::path(path).parent_path();
  auto& problems = out.problems;
  static const std::vector<std::string> keys = {"rules", "builtin", "disable", "severity", "with", "lexicon"};
  for (const auto& kv : root) {
    const auto name = core::key_name(kv.first, path, problems);
    if (!name) continue;
    const std::string& key = *name;
    const YAML::Node& v = kv.second;
    if (key == "rules") {
      out.value.rule_dirs = paths(v, base, path, key, true, problems);
    } else if (key == "lexicon") {
      out.value.lexicon_files = paths(v, base, path, key, false, problems);
    } else if (key == "builtin") {
      const std::string b = core::scalar_or_empty(v);
      if (b == "true" || b == "false") out.value.builtin = b == "true";
      else problems.push_back(core::at_node(path, v, "'builtin' must be true or false, not '" + b + "'"));
    } else if (key == "disable") {
      std::vector<YAML::Node> items;
      if (v.IsScalar()) items.push_back(v);
      else if (v.IsSequence()) for (const auto& item : v) items.push_back(item);
      else if (!v.IsNull()) problems.push_back(core::at_node(path, v, "'disable' takes a rule id or a list of rule ids"));
      for (const auto& item : items) {
        if (item.IsScalar()) out.value.overrides.disabled[item.Scalar()] = item;
        else problems.push_back(core::at_node(path, item, "'disable' takes rule ids, not nested lists or maps"));
      }
    } else if (key == "severity") {
      for (auto& [id, node] : by_id(v, path, key, problems)) {
        core::severity level;
        const std::string sev = core::scalar_or_empty(node);
        if (!core::parse_severity(sev, level)) {
          const std::string best = nearest(sev, {"error", "warning", "info"});
          problems.push_back(core::at_node(path, node, "unknown severity '" + sev + "' for rule '" + id + "'; " +
                                                           (best.empty() ? "expected error, warning or info"
                                                                         : "did you mean '" + best + "'?")));
          continue;
        }
        out.value.overrides.severity[id] = node;
      }
    } else if (key == "with") {
      for (auto& [id, node] : by_id(v, path, key, problems)) {
        if (!node.IsMap()) {
          problems.push_back(core::at_node(path, node, "parameters for rule '" + id + "' must be a mapping"));
          continue;
        }
        out.value.overrides.with[id] = node;
      }
    } else {
      const std::string best = nearest(key, keys);
      problems.push_back(core::at_node(path, kv.first, "unknown key '" + key + "'" +
                                                           (best.empty() ? "; expected one of rules, builtin, disable, severity, with, lexicon"
                                                                         : "; did you mean '" + best + "'?")));
    }
  }
  return out;
}

}  // namespace tollgate::rules
