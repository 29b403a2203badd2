#include "rules/rules.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/yaml.hpp"

namespace tollgate::rules {
namespace fs = std::filesystem;
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// "unknown key 'tolerence'; did you mean 'tolerance'?"
std::string unknown_key_message(const std::string& what, const std::string& key,
                                const std::vector<std::string>& valid) {
  std::string msg = "unknown " + what + " '" + key + "'";
  std::string best;
  std::size_t best_d = 3;
  for (const auto& v : valid) {
    const std::size_t d = edit_distance(key, v);
    if (d < best_d) {
      best_d = d;
      best = v;
    }
  }
  if (!best.empty()) return msg + "; did you mean '" + best + "'?";
  std::string list;
  for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
  return msg + "; expected one of " + list;
}

std::vector<std::string> string_list(const YAML::Node& n, const std::string& file, const std::string& key,
                                     core::diagnostics& problems) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
  } else if (n.IsSequence()) {
    for (const auto& item : n) {
      if (item.IsScalar()) out.push_back(item.Scalar());
      else problems.push_back(core::at_node(file, item, "'" + key + "' takes names, not nested lists or maps"));
    }
  } else {
    problems.push_back(core::at_node(file, n, "'" + key + "' takes a name or a list of names"));
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

where_filter read_where(const YAML::Node& n, const std::string& file, core::diagnostics& problems) {
  where_filter w;
  if (!n.IsMap()) {
    problems.push_back(core::at_node(file, n, "'where' must be a mapping of claim fields"));
    return w;
  }
  static const std::vector<std::string> keys = {"metric", "group", "location", "source",
                                                "qualifier", "cumulative"};
  for (const auto& kv : n) {
    const auto name = core::key_name(kv.first, file, problems);
    if (!name) continue;
    const std::string& key = *name;
    if (key == "metric") w.metrics = string_list(kv.second, file, key, problems);
    else if (key == "group") w.groups = string_list(kv.second, file, key, problems);
    else if (key == "location") w.locations = string_list(kv.second, file, key, problems);
    else if (key == "source") w.sources = string_list(kv.second, file, key, problems);
    else if (key == "qualifier") w.qualifiers = string_list(kv.second, file, key, problems);
    else if (key == "cumulative") {
      const std::string v = core::scalar_or_empty(kv.second);
      if (v == "true") w.cumulative = true;
      else if (v == "false") w.cumulative = false;
      else problems.push_back(core::at_node(file, kv.second, "'cumulative' must be true or false, not '" + v + "'"));
    } else {
      problems.push_back(core::at_node(file, kv.first, unknown_key_message("key", key, keys) + " in 'where'"));
    }
  }
  return w;
}

bool is_kebab_id(const std::string& id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

std::optional<rule> read_rule(const YAML::Node& root, const std::string& file, core::diagnostics& problems) {
  const std::size_t problems_before = problems.size();
  if (!root.IsMap()) {
    problems.push_back(core::at_node(file, root, "a rule file must be a YAML mapping with 'id' and 'check'"));
    return std::nullopt;
  }
  static const std::vector<std::string> keys = {"id", "check", "severity", "where", "with",
                                                "message", "link", "description"};
  for (const auto& kv : root) {
    const auto name = core::key_name(kv.first, file, problems);
    if (!name) continue;
    const std::string& key = *name;
    if (!contains(keys, key)) problems.push_back(core::at_node(file, kv.first, unknown_key_message("key", key, keys)));
    else if (key != "where" && key != "with" && !kv.second.IsScalar()) {
      problems.push_back(core::at_node(file, kv.second, "'" + key + "' must be a single value"));
    }
  }
  rule r;
  r.file = file;
  r.line = root.Mark().line + 1;
  for (const char* required : {"id", "check"}) {
    if (!root[required]) {
      problems.push_back({file, 1, 1, core::severity::error, std::string("missing required key '") + required + "'", "rule"});
    }
  }
  r.id = core::scalar_or_empty(root["id"]);
  if (root["id"] && !is_kebab_id(r.id)) {
    problems.push_back(core::at_node(file, root["id"], "rule id '" + r.id + "' must be kebab-case, like 'toll-decrease'"));
  }
  r.check = core::scalar_or_empty(root["check"]);
  r.message = core::scalar_or_empty(root["message"]);
  r.link = core::scalar_or_empty(root["link"]);
  r.description = core::scalar_or_empty(root["description"]);
  if (root["severity"]) {
    const std::string sev = core::scalar_or_empty(root["severity"]);
    if (!core::parse_severity(sev, r.level)) {
      problems.push_back(core::at_node(file, root["severity"], unknown_key_message("severity", sev, {"error", "warning", "info"})));
    }
  }
  if (root["where"]) r.where = read_where(root["where"], file, problems);
  const YAML::Node with = root["with"];
  if (with && !with.IsMap() && !with.IsNull()) {
    problems.push_back(core::at_node(file, with, "'with' must be a mapping of parameters"));
  }
  if (root["check"]) {
    const auto& kinds = builtin_kinds();
    param_reader params(with && with.IsMap() ? &with : nullptr, file, &problems);
    r.kind = kinds.make(r.check, params);
    if (!r.kind) {
      problems.push_back(core::at_node(file, root["check"], unknown_key_message("check kind", r.check, kinds.names())));
    } else {
      params.finish();
      r.params = params.params();
      if (r.message.empty()) r.message = r.kind->default_message();
      std::vector<std::string> allowed = r.kind->extra_placeholders();
      for (const auto& prefix : r.kind->claim_prefixes()) {
        for (const auto& f : claim_field_names()) allowed.push_back(prefix + f);
      }
      allowed.push_back("rule");
      for (const auto& [name, at] : placeholders_in(r.message)) {
        if (contains(allowed, name)) continue;
        problems.push_back(core::at_node(file, root["message"] ? root["message"] : root,
                                         unknown_key_message("placeholder", name, allowed)));
      }
    }
  }
  if (problems.size() != problems_before) return std::nullopt;
  return r;
}

}  // namespace

bool where_filter::matches(const claims::claim& c, const claims::lexicon& lex) const {
  if (!metrics.empty() && !contains(metrics, c.metric)) return false;
  if (!groups.empty() &&
      std::none_of(groups.begin(), groups.end(), [&](const std::string& g) { return lex.within(c.group, g); })) {
    return false;
  }
  if (!locations.empty() && (!c.location || !contains(locations, *c.location))) return false;
  if (!sources.empty() && !contains(sources, c.source)) return false;
  if (!qualifiers.empty() && !contains(qualifiers, c.qualifier)) return false;
  if (cumulative && *cumulative != c.cumulative) return false;
  return true;
}

param_reader::param_reader(const YAML::Node* with, std::string file, core::diagnostics* problems)
    : with_(with), file_(std::move(file)), problems_(problems) {}

double param_reader::get_number(const std::string& key, double fallback, const std::string& about) {
  params_.push_back({key, "number", format_count(fallback), about});
  if (!with_ || !(*with_)[key]) return fallback;
  const YAML::Node n = (*with_)[key];
  try {
    return n.as<double>();
  } catch (const YAML::Exception&) {
    problems_->push_back(core::at_node(file_, n, "parameter '" + key + "' must be a number, not '" + core::scalar_or_empty(n) + "'"));
    return fallback;
  }
}

std::string param_reader::get_string(const std::string& key, const std::string& fallback, const std::string& about) {
  params_.push_back({key, "string", fallback, about});
  if (!with_ || !(*with_)[key]) return fallback;
  const YAML::Node n = (*with_)[key];
  if (!n.IsScalar()) {
    problems_->push_back(core::at_node(file_, n, "parameter '" + key + "' must be a single value"));
    return fallback;
  }
  return n.Scalar();
}

void param_reader::finish() {
  if (!with_) return;
  std::vector<std::string> names;
  for (const auto& p : params_) names.push_back(p.name);
  for (const auto& kv : *with_) {
    const auto key = core::key_name(kv.first, file_, *problems_);
    if (key && !contains(names, *key)) {
      problems_->push_back(core::at_node(file_, kv.first, names.empty()
                                                              ? "unknown parameter '" + *key + "'; this kind takes no parameters"
                                                              : unknown_key_message("parameter", *key, names)));
    }
  }
}

std::shared_ptr<const check_kind> registry::make(const std::string& name, param_reader& p) const {
  auto it = makers_.find(name);
  return it == makers_.end() ? nullptr : it->second(p);
}

std::vector<std::string> registry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : makers_) out.push_back(name);
  return out;
}

core::result<std::vector<rule>> load_rules(const std::vector<std::string>& dirs) {
  core::result<std::vector<rule>> out;
  std::map<std::string, std::string> seen;  // id -> file:line
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      out.problems.push_back({dir, 0, 0, core::severity::error, "rule directory not found", "rule"});
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string file = f.string();
      auto loaded = core::load_yaml_file(file);
      out.problems.insert(out.problems.end(), loaded.problems.begin(), loaded.problems.end());
      if (!loaded.problems.empty()) continue;
      auto r = read_rule(loaded.value, file, out.problems);
      if (!r) continue;
      const std::string here = file + ":" + std::to_string(r->line);
      if (auto it = seen.find(r->id); it != seen.end()) {
        out.problems.push_back(core::at_node(file, loaded.value["id"], "duplicate rule id '" + r->id + "', first defined at " + it->second));
        continue;
      }
      seen[r->id] = here;
      out.value.push_back(std::move(*r));
    }
  }
  return out;
}

finding finding_at(const rule& r, const claims::claim& c, std::string message) {
  finding f;
  f.rule = r.id;
  f.level = r.level;
  f.message = std::move(message);
  f.doc = c.doc;
  f.location = c.location_label;
  f.line = c.line;
  f.column = c.column;
  f.line_text = c.line_text;
  f.claims = {c.id};
  f.series = c.series();
  f.doc_index = c.doc_index;
  f.offset = c.offset;
  return f;
}

std::vector<finding> run_rules(const std::vector<rule>& rules, const batch& b, const claims::lexicon& lex) {
  std::vector<finding> out;
  for (const auto& r : rules) r.kind->run(r, b, lex, out);
  std::stable_sort(out.begin(), out.end(), [](const finding& a, const finding& c) {
    return std::tie(a.doc_index, a.offset, a.rule) < std::tie(c.doc_index, c.offset, c.rule);
  });
  return out;
}

}  // namespace tollgate::rules
