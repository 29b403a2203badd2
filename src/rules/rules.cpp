#include "rules/rules.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <atomic>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <thread>
#include <set>
#include <unordered_map>

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
  const std::string best = nearest(key, valid);
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

std::optional<rule> read_rule(const YAML::Node& root, const std::string& file, core::diagnostics& problems,
                              const rule_overrides* overrides) {
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
  const YAML::Node* with_override = nullptr;
  if (overrides) {
    const std::string at = overrides->file + ":";
    if (auto it = overrides->severity.find(r.id); it != overrides->severity.end()) {
      const std::string sev = core::scalar_or_empty(it->second);
      if (core::parse_severity(sev, r.level)) {
        r.overridden.push_back("severity " + sev + " from " + at + std::to_string(it->second.Mark().line + 1));
      }
    }
    if (auto it = overrides->with.find(r.id); it != overrides->with.end()) {
      with_override = &it->second;
      r.overridden.push_back("parameters from " + at + std::to_string(it->second.Mark().line + 1));
    }
  }
  const YAML::Node with = root["with"];
  if (with && !with.IsMap() && !with.IsNull()) {
    problems.push_back(core::at_node(file, with, "'with' must be a mapping of parameters"));
  }
  if (root["check"]) {
    const auto& kinds = builtin_kinds();
    param_reader params(with && with.IsMap() ? &with : nullptr, file, &problems, with_override,
                        overrides ? overrides->file : std::string());
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
  if (!sources.empty() && !contains(sources, c.source())) return false;
  if (!qualifiers.empty() && !contains(qualifiers, c.qualifier)) return false;
  if (cumulative && *cumulative != c.cumulative) return false;
  return true;
}

param_reader::param_reader(const YAML::Node* with, std::string file, core::diagnostics* problems,
                           const YAML::Node* overrides, std::string overrides_file)
    : with_(with),
      file_(std::move(file)),
      problems_(problems),
      overrides_(overrides),
      overrides_file_(std::move(overrides_file)) {}

std::pair<YAML::Node, const std::string*> param_reader::find(const std::string& key) const {
  // Only scalar keys count; a non-scalar key is reported by finish().
  auto lookup = [&](const YAML::Node* map) -> YAML::Node {
    if (!map || !map->IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    for (const auto& kv : *map) {
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
  };
  if (YAML::Node n = lookup(overrides_); n.IsDefined()) return {n, &overrides_file_};
  return {lookup(with_), &file_};
}

double param_reader::get_number(const std::string& key, double fallback, const std::string& about,
                                std::optional<double> min, std::optional<double> max) {
  std::string range;
  if (min && max) range = "between " + format_count(*min) + " and " + format_count(*max);
  else if (min) range = "at least " + format_count(*min);
  else if (max) range = "at most " + format_count(*max);
  params_.push_back({key, range.empty() ? "number" : "number, " + range, format_count(fallback), about, {}});
  const auto [n, file] = find(key);
  if (!n.IsDefined()) return fallback;
  double v = fallback;
  try {
    if (!n.IsScalar()) throw YAML::Exception(n.Mark(), "not a scalar");
    v = n.as<double>();
  } catch (const YAML::Exception&) {
    problems_->push_back(core::at_node(*file, n, "parameter '" + key + "' must be a number, not '" + core::scalar_or_empty(n) + "'"));
    return fallback;
  }
  if (!std::isfinite(v) || (min && v < *min) || (max && v > *max)) {
    problems_->push_back(core::at_node(*file, n, "parameter '" + key + "' must be a number " + range +
                                                     ", not '" + n.Scalar() + "'"));
    return fallback;
  }
  params_.back().value = format_count(v);
  return v;
}

bool param_reader::get_bool(const std::string& key, bool fallback, const std::string& about) {
  params_.push_back({key, "true or false", fallback ? "true" : "false", about, {}});
  const auto [n, file] = find(key);
  if (!n.IsDefined()) return fallback;
  const std::string v = core::scalar_or_empty(n);
  if (v != "true" && v != "false") {
    problems_->push_back(core::at_node(*file, n, "parameter '" + key + "' must be true or false, not '" + v + "'"));
    return fallback;
  }
  params_.back().value = v;
  return v == "true";
}

std::string param_reader::get_string(const std::string& key, const std::string& fallback, const std::string& about) {
  params_.push_back({key, "string", fallback, about, {}});
  const auto [n, file] = find(key);
  if (!n.IsDefined()) return fallback;
  if (!n.IsScalar()) {
    problems_->push_back(core::at_node(*file, n, "parameter '" + key + "' must be a single value"));
    return fallback;
  }
  params_.back().value = n.Scalar();
  return n.Scalar();
}

std::vector<std::string> param_reader::get_list(const std::string& key, const std::string& about) {
  params_.push_back({key, "list of phrases", "[]", about, {}});
  const auto [n, file] = find(key);
  if (!n.IsDefined() || n.IsNull()) return {};
  const std::size_t before = problems_->size();
  auto out = string_list(n, *file, key, *problems_);
  if (problems_->size() != before) return {};
  params_.back().value = std::to_string(out.size()) + " phrases";
  return out;
}

std::vector<std::pair<std::string, std::string>> param_reader::get_map(const std::string& key,
                                                                       const std::string& about) {
  params_.push_back({key, "mapping of phrase to replacement", "{}", about, {}});
  const auto [n, file] = find(key);
  if (!n.IsDefined() || n.IsNull()) return {};
  std::vector<std::pair<std::string, std::string>> out;
  if (!n.IsMap()) {
    problems_->push_back(core::at_node(*file, n, "parameter '" + key + "' must be a mapping like { martyred: killed }"));
    return out;
  }
  for (const auto& kv : n) {
    const auto name = core::key_name(kv.first, *file, *problems_);
    if (!name) continue;
    if (!kv.second.IsScalar()) {
      problems_->push_back(core::at_node(*file, kv.second, "the replacement for '" + *name + "' must be a single phrase"));
      continue;
    }
    out.emplace_back(*name, kv.second.Scalar());
  }
  params_.back().value = std::to_string(out.size()) + " phrases";
  return out;
}

void param_reader::fail(const std::string& key, const std::string& message) {
  const auto [n, file] = find(key);
  if (n.IsDefined()) problems_->push_back(core::at_node(*file, n, message));
  else if (with_) problems_->push_back(core::at_node(file_, *with_, message));
  else problems_->push_back({file_, 1, 1, core::severity::error, message, "rule"});
}

void param_reader::report_unknown(const YAML::Node& map, const std::string& file) {
  std::vector<std::string> names;
  for (const auto& p : params_) names.push_back(p.name);
  for (const auto& kv : map) {
    const auto key = core::key_name(kv.first, file, *problems_);
    if (key && !contains(names, *key)) {
      problems_->push_back(core::at_node(file, kv.first, names.empty()
                                                             ? "unknown parameter '" + *key + "'; this kind takes no parameters"
                                                             : unknown_key_message("parameter", *key, names)));
    }
  }
}

void param_reader::finish() {
  if (with_ && with_->IsMap()) report_unknown(*with_, file_);
  if (overrides_ && overrides_->IsMap()) report_unknown(*overrides_, overrides_file_);
}

void check_kind::scan(const rule&, const ingest::document&, std::vector<finding>&) const {}

std::shared_ptr<const check_kind> registry::make(const std::string& name, param_reader& p) const {
  auto it = makers_.find(name);
  return it == makers_.end() ? nullptr : it->second(p);
}

std::vector<std::string> registry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : makers_) out.push_back(name);
  return out;
}

std::string nearest(const std::string& key, const std::vector<std::string>& valid) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& v : valid) {
    const std::size_t d = edit_distance(key, v);
    if (d < best_d) {
      best_d = d;
      best = v;
    }
  }
  return best;
}

core::result<std::vector<rule>> load_rules(const std::vector<std::string>& dirs, const rule_overrides* overrides) {
  core::result<std::vector<rule>> out;
  std::map<std::string, std::string> seen;  // id -> file:line
  std::set<std::string> attempted;         // ids of files that failed to load, too
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
      const YAML::Node& root = loaded.value;
      if (root.IsMap() && root["id"] && root["id"].IsScalar()) attempted.insert(root["id"].Scalar());
      auto r = read_rule(root, file, out.problems, overrides);
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
  if (overrides) {
    std::vector<std::string> ids;
    for (const auto& [id, _] : seen) ids.push_back(id);
    for (const auto* table : {&overrides->disabled, &overrides->severity, &overrides->with}) {
      for (const auto& [id, node] : *table) {
        // A rule whose file has problems of its own is not reported again.
        if (attempted.count(id)) continue;
        out.problems.push_back(core::at_node(overrides->file, node, unknown_key_message("rule id", id, ids)));
      }
    }
    std::erase_if(out.value, [&](const rule& r) { return overrides->disabled.count(r.id) > 0; });
  }
  return out;
}

void batch::add(const ingest::document& doc, std::vector<claims::claim>&& found,
                std::vector<finding>&& found_in_text) {
  for (finding& f : found_in_text) f.message.spill();
  scanned.insert(scanned.end(), std::make_move_iterator(found_in_text.begin()),
                 std::make_move_iterator(found_in_text.end()));
  // The record the document's claims share, or one of its own when it has none.
  document_info info{found.empty() ? claims::document_ref(claims::document_facts(doc))
                                   : found.front().document_record(),
                     static_cast<std::uint32_t>(found.size()), {}};
  if (!doc.published) {
    info.first_line = core::stored_text(std::string_view(doc.text).substr(0, doc.text.find('\n')));
    info.first_line.spill();
  }
  documents.push_back(std::move(info));
  for (claims::claim& c : found) {
    c.spill_text();
    add_series_key(c);
    claims.push_back(std::move(c));
  }
}

batch::series_parts batch::series_parts_of(const claims::claim& c) {
  return {c.metric.number(), c.group.number(), c.location ? c.location->number() : c.story_place().number(),
          c.counted_since.number(), c.location.has_value()};
}

std::size_t batch::slot_for(const std::vector<series_slot>& slots, const series_parts& p) {
  std::uint64_t h = p.located;
  for (const std::uint32_t n : {p.metric, p.group, p.place, p.since}) h = (h ^ n) * 0x9E3779B97F4A7C15ull;
  const std::size_t mask = slots.size() - 1;
  std::size_t at = static_cast<std::size_t>(h ^ (h >> 29)) & mask;
  while (!slots[at].key.empty() && !(slots[at].parts == p)) at = (at + 1) & mask;
  return at;
}

void batch::add_series_key(const claims::claim& c) {
  if (2 * (series_key_count_ + 1) > series_keys_.size()) {
    std::vector<series_slot> old(std::max<std::size_t>(1024, 2 * series_keys_.size()));
    old.swap(series_keys_);
    for (const series_slot& s : old) {
      if (!s.key.empty()) series_keys_[slot_for(series_keys_, s.parts)] = s;
    }
  }
  const series_parts parts = series_parts_of(c);
  series_slot& slot = series_keys_[slot_for(series_keys_, parts)];
  if (slot.key.empty()) {
    slot = {parts, core::symbol(c.series())};
    ++series_key_count_;
  }
}

core::symbol batch::series_key(const claims::claim& c) const {
  if (series_keys_.empty()) return core::symbol(c.series());
  const series_slot& slot = series_keys_[slot_for(series_keys_, series_parts_of(c))];
  return slot.key.empty() ? core::symbol(c.series()) : slot.key;
}

std::vector<finding> scan_document(const std::vector<rule>& rules, const ingest::document& doc) {
  std::vector<finding> out;
  for (const auto& r : rules) r.kind->scan(r, doc, out);
  return out;
}

check_input::check_input(const batch& batch, const claims::lexicon& lexicon) : b(batch), lex(lexicon) {
  // Claims share few keys: each distinct key gets a number in order of
  // first appearance, then the numbers are ranked by key.
  std::unordered_map<std::uint32_t, std::uint32_t> number;  // by the key's symbol number
  std::vector<core::symbol> keys;
  // The rank of each claim's key, by position; dropped once the claims are in series.
  std::vector<std::uint32_t> rank;
  rank.reserve(b.claims.size());
  for (const auto& c : b.claims) {
    const core::symbol key = b.series_key(c);
    auto [at, added] = number.try_emplace(key.number(), static_cast<std::uint32_t>(keys.size()));
    if (added) keys.push_back(key);
    rank.push_back(at->second);
  }
  std::vector<std::uint32_t> by_key(keys.size());
  for (std::uint32_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
  std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t x, std::uint32_t y) { return keys[x] < keys[y]; });
  std::vector<std::uint32_t> rank_of(keys.size());
  keys_by_rank_.reserve(keys.size());
  for (std::uint32_t r = 0; r < by_key.size(); ++r) {
    rank_of[by_key[r]] = r;
    keys_by_rank_.push_back(keys[by_key[r]]);
  }
  for (auto& r : rank) r = rank_of[r];

  // The order every rule's series follow, sorted once: by series, dated
  // claims by as_of and then the undated, batch order within a day. A rule
  // selects a subset, which keeps this order, so no rule sorts. Claims are
  // put in series by counting (four bytes a claim), then each series is
  // sorted by day, stably.
  series_start_.assign(keys_by_rank_.size() + 1, 0);
  for (const std::uint32_t r : rank) ++series_start_[r + 1];
  for (std::size_t k = 1; k < series_start_.size(); ++k) series_start_[k] += series_start_[k - 1];
  series_order_.resize(rank.size());
  {
    std::vector<std::uint32_t> fill(series_start_.begin(), series_start_.end() - 1);
    for (std::uint32_t i = 0; i < rank.size(); ++i) series_order_[fill[rank[i]]++] = i;
  }
  for (std::size_t k = 0; k + 1 < series_start_.size(); ++k) {
    const auto first = series_order_.begin() + static_cast<std::ptrdiff_t>(series_start_[k]);
    const auto last = series_order_.begin() + static_cast<std::ptrdiff_t>(series_start_[k + 1]);
    std::stable_sort(first, last, [&](std::uint32_t x, std::uint32_t y) {
      const auto& a = b.claims[x].as_of;
      const auto& c = b.claims[y].as_of;
      if (!a || !c) return a.has_value() && !c.has_value();
      return *a < *c;
    });
  }
  split_at_onsets();
}

// A part of a total of its own group ("80 of the 521 injured were in
// critical condition", "up to 90 of them seriously") counts a subset of what
// the series counts: it is not one of the series' figures. A document's
// claims lie together in the batch, numbered from 1, so its total is found
// by the difference of their numbers.
bool check_input::subset_of_its_total(std::size_t i) const {
  const claims::claim& c = b.claims[i];
  if (c.part_of_number == 0 || c.part_of_number >= c.number || c.number - c.part_of_number > i) return false;
  const claims::claim& total = b.claims[i - (c.number - c.part_of_number)];
  // A batch built another way (in tests) need not keep them together.
  if (total.doc_index() != c.doc_index() || total.number != c.part_of_number) return false;
  return total.group == c.group;
}

// A story that reports its event on a day (claim_document::onset) is of
// another event than its series' figures reported before that day: two
// wildfires in one town a month apart, a storm and then a train crash. Each
// series is cut where such a day passes the figures before it, and the
// parts are series of their own under the same key; later figures with no
// day of their own go with the latest event.
void check_input::split_at_onsets() {
  std::vector<core::symbol> keys;
  std::vector<std::uint32_t> starts;
  keys.reserve(keys_by_rank_.size());
  starts.reserve(series_start_.size());
  for (std::size_t k = 0; k + 1 < series_start_.size(); ++k) {
    const std::uint32_t end = series_start_[k + 1];
    std::uint32_t part = series_start_[k];  // the first claim of the current event
    keys.push_back(keys_by_rank_[k]);
    starts.push_back(part);
    for (std::uint32_t i = part; i < end; ++i) {
      const claims::claim& c = b.claims[series_order_[i]];
      if (!c.as_of) break;  // the undated come last
      const auto onset = c.story_onset();
      if (!onset || *c.as_of < *onset || !(*b.claims[series_order_[part]].as_of < *onset)) continue;
      // The event begins with the first figure of its day or later.
      const auto first = std::partition_point(series_order_.begin() + part, series_order_.begin() + i,
                                              [&](std::uint32_t x) { return *b.claims[x].as_of < *onset; });
      part = static_cast<std::uint32_t>(first - series_order_.begin());
      keys.push_back(keys_by_rank_[k]);
      starts.push_back(part);
    }
  }
  starts.push_back(series_start_.back());
  keys_by_rank_ = std::move(keys);
  series_start_ = std::move(starts);
}

series_list check_input::series(const rule& r, bool dated_only) const {
  // The claims the rule selects, in batch order, which reads the claims in
  // the order they lie in memory; then laid out in the series order.
  std::vector<bool> selected(b.claims.size());
  std::size_t total = 0;
  std::size_t i = 0;
  for (const auto& c : b.claims) {
    const bool in = (c.as_of || !dated_only) && !subset_of_its_total(i) && r.where.matches(c, lex);
    selected[i++] = in;
    total += in;
  }
  series_list out;
  out.claims_ = &b.claims;
  out.points_.reserve(total);
  // Counted first, so that the list of series is allocated once, to size.
  std::size_t series = 0;
  for (std::size_t rank = 0; rank + 1 < series_start_.size(); ++rank) {
    for (std::size_t k = series_start_[rank]; k < series_start_[rank + 1]; ++k) {
      if (selected[series_order_[k]]) {
        ++series;
        break;
      }
    }
  }
  out.series_.reserve(series);
  for (std::size_t rank = 0; rank + 1 < series_start_.size(); ++rank) {
    const auto first = static_cast<std::uint32_t>(out.points_.size());
    for (std::size_t k = series_start_[rank]; k < series_start_[rank + 1]; ++k) {
      if (selected[series_order_[k]]) out.points_.push_back(series_order_[k]);
    }
    const auto size = static_cast<std::uint32_t>(out.points_.size() - first);
    if (size > 0) out.series_.push_back({keys_by_rank_[rank], first, size});
  }
  return out;
}

namespace {
const std::string& none() {
  static const std::string empty;
  return empty;
}
}  // namespace

const claims::claim* claim_refs::more_marker() {
  static const char marker = 0;
  return reinterpret_cast<const claims::claim*>(&marker);
}

claim_refs::claim_refs(const claim_refs& other) : inline_(other.inline_) {
  if (other.more()) inline_[0] = reinterpret_cast<const claims::claim*>(new heap_list(*other.list()));
}

claim_refs& claim_refs::operator=(const claim_refs& other) {
  if (this != &other) *this = claim_refs(other);
  return *this;
}

void claim_refs::release() {
  if (more()) delete list();
  inline_ = {};
}

void claim_refs::push_back(const claims::claim* c) {
  if (!more() && inline_[1] == nullptr) {
    inline_[inline_[0] == nullptr ? 0 : 1] = c;
    return;
  }
  if (!more()) {
    auto* all = new heap_list(inline_.begin(), inline_.end());
    inline_ = {reinterpret_cast<const claims::claim*>(all), more_marker()};
  }
  list()->push_back(c);
}

finding::finding(const finding& other)
    : message(other.message),
      claims(other.claims),
      text(other.text ? std::make_unique<const text_place>(*other.text) : nullptr),
      rule(other.rule),
      level(other.level),
      doc_index(other.doc_index),
      offset(other.offset) {}

finding& finding::operator=(const finding& other) {
  if (this != &other) *this = finding(other);
  return *this;
}

const std::string& finding::doc() const {
  return !claims.empty() ? claims.front()->doc() : text ? text->doc : none();
}

std::string finding::location() const {
  return !claims.empty() ? claims.front()->location_label() : text ? text->location : none();
}

int finding::line() const { return !claims.empty() ? claims.front()->line : text ? text->line : 0; }

int finding::column() const {
  return !claims.empty() ? claims.front()->wording().column : text ? text->column : 0;
}

finding::line_window finding::window() const {
  if (!claims.empty()) {
    claims::claim_wording w = claims.front()->wording();
    return {std::move(w.line_text), w.line_text_column, w.column};
  }
  return text ? line_window{text->line_text.str(), text->line_text_column, text->column} : line_window{};
}

std::string finding::series() const { return claims.empty() ? std::string() : claims.front()->series(); }

std::vector<std::string> finding::claim_ids() const {
  std::vector<std::string> ids;
  ids.reserve(claims.size());
  for (const claims::claim* c : claims) ids.push_back(c->id());
  return ids;
}

finding finding_at(const rule& r, const claims::claim& c, std::string message) {
  finding f;
  f.rule = r.id;
  f.level = r.level;
  f.message = core::stored_text(message);
  f.claims.push_back(&c);
  f.doc_index = c.doc_index();
  f.offset = c.offset;
  return f;
}

namespace {

// Sorts findings by document, position and rule, keeping the order of
// equal ones. Sorted through positions, then moved into place:
// std::stable_sort on the findings themselves would take a buffer half as
// large as they are.
void sort_findings(std::vector<finding>& found) {
  std::vector<std::uint32_t> order(found.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const finding& a = found[x];
    const finding& c = found[y];
    return std::tie(a.doc_index, a.offset, a.rule) < std::tie(c.doc_index, c.offset, c.rule);
  });
  // Position i gets the finding at order[i]; each cycle of the permutation
  // moves through one spare finding.
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    finding spare = std::move(found[i]);
    std::uint32_t at = i;
    while (order[at] != i) {
      const std::uint32_t from = order[at];
      found[at] = std::move(found[from]);
      order[at] = at;
      at = from;
    }
    found[at] = std::move(spare);
    order[at] = at;
  }
}

}  // namespace

std::vector<finding> run_rules(const std::vector<rule>& rules, const batch& b, const claims::lexicon& lex,
                               unsigned jobs, std::size_t batch_size) {
  std::vector<finding> out;
  // Room for about a finding per claim up front: pages not written to cost no
  // memory, and growing a large vector would hold the old and new copies.
  out.reserve(b.scanned.size() + b.claims.size());
  out = b.scanned;
  const check_input in(b, lex);
  // Rules are independent and run on `jobs` threads; each rule's findings
  // join `out` when it is done. The order they join in does not matter: the
  // sort below orders by rule id too, and keeps each rule's own order.
  std::mutex joining;
  std::atomic<std::size_t> next{0};
  // Each batch of a rule's findings is put in batch order before its
  // messages are spilled, so that reports, which go through the findings in
  // batch order, read the messages in a few runs front to back; a batch is
  // large so that the runs are few.
  auto hand_on = [&](std::vector<finding>&& found) {
    sort_findings(found);
    for (finding& f : found) f.message.spill();
    std::lock_guard<std::mutex> hold(joining);
    std::move(found.begin(), found.end(), std::back_inserter(out));
  };
  auto work = [&] {
    for (std::size_t i = next++; i < rules.size(); i = next++) {
      finding_sink found(hand_on, std::max<std::size_t>(batch_size, 1));
      rules[i].kind->run(rules[i], in, found);
      found.flush();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min<std::size_t>(std::max(jobs, 1u), rules.size()); ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  sort_findings(out);
  return out;
}

}  // namespace tollgate::rules
