#include <algorithm>
#include <filesystem>
#include <set>

#include "claims/claims.hpp"
#include "core/yaml.hpp"
#include "text/text.hpp"

namespace tollgate::claims {
namespace {

phrase split_words(const std::string& text) {
  phrase out;
  const auto tokens = text::tokenize(text, {0, text.size()});
  for (const auto& t : tokens) out.push_back(t.lower);
  return out;
}

// Reads a list of phrases; anything else is a diagnostic at the node.
std::vector<std::string> read_list(const YAML::Node& node, const std::string& file,
                                   const std::string& what, core::diagnostics& problems) {
  std::vector<std::string> out;
  if (!node) return out;
  if (!node.IsSequence()) {
    problems.push_back(core::at_node(file, node, "'" + what + "' must be a list of phrases"));
    return out;
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      problems.push_back(core::at_node(file, item, "expected a phrase in '" + what + "'"));
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

// The last content word of a phrase stands for it in the sentence prefilter:
// "lost their lives" -> "lives", "rounded up" -> "rounded".
std::string key_word(const std::string& phrase) {
  const auto words = split_words(phrase);
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (it->size() >= 4 && *it != "their" && *it != "from" && *it != "into" && *it != "with") return *it;
  }
  return words.empty() ? std::string() : words.back();
}

void add_trigger(lexicon& lex, const std::string& word) {
  if (word.size() < 3 || word.size() > 24 || word[0] < 'a' || word[0] > 'z') return;
  lex.trigger_words.add(word);
}

void fill(phrase_set& set, const std::vector<std::string>& items) {
  for (const auto& s : items) set.add(s);
}

void load_qualifiers(const YAML::Node& root, const std::string& file,
                     std::vector<parse::qualifier_entry>& qualifiers,
                     std::vector<parse::vague_entry>& vague, core::diagnostics& problems) {
  for (const auto& q : root["qualifiers"]) {
    parse::qualifier_entry e;
    e.name = core::scalar_or_empty(q["name"]);
    if (e.name.empty()) problems.push_back(core::at_node(file, q, "qualifier needs a 'name'"));
    e.phrases = read_list(q["phrases"], file, "phrases", problems);
    e.after = read_list(q["after"], file, "after", problems);
    for (auto [key, bound] : {std::pair{"lo", &e.lo}, {"hi", &e.hi}}) {
      const YAML::Node b = q[key];
      const std::string text = !b || b.IsNull() ? "null" : core::scalar_or_empty(b);
      auto parsed = parse::bound_rule::parse(text);
      if (!parsed) {
        problems.push_back(core::at_node(file, b ? b : q,
                                         std::string("cannot read bound '") + text + "' in '" +
                                             key + "'; expected e.g. 'value + 1' or 'floor(0.9 * value)'"));
        continue;
      }
      *bound = *parsed;
    }
    qualifiers.push_back(std::move(e));
  }
  for (const auto& v : root["vague"]) {
    parse::vague_entry e;
    e.phrase = core::scalar_or_empty(v["phrase"]);
    try {
      e.lo = v["lo"].as<double>();
      if (v["hi"] && !v["hi"].IsNull()) e.hi = v["hi"].as<double>();
    } catch (const YAML::Exception&) {
      problems.push_back(core::at_node(file, v, "vague entry needs a numeric 'lo' (and optional 'hi')"));
      continue;
    }
    if (e.phrase.empty()) {
      problems.push_back(core::at_node(file, v, "vague entry needs a 'phrase'"));
      continue;
    }
    vague.push_back(std::move(e));
  }
}

}  // namespace

void phrase_set::add(const std::string& text) {
  phrase p = split_words(text);
  if (p.empty()) return;
  first_shapes_.add(p.front());
  auto& list = by_first_[p.front()];
  if (std::find(list.begin(), list.end(), p) != list.end()) return;
  list.push_back(std::move(p));
  std::sort(list.begin(), list.end(),
            [](const phrase& a, const phrase& b) { return a.size() > b.size(); });
}

std::size_t phrase_set::longest_at(const std::vector<std::string_view>& words, std::size_t i) const {
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return 0;
  for (const auto& p : it->second) {
    if (i + p.size() > words.size()) continue;
    if (std::equal(p.begin(), p.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
      return p.size();
    }
  }
  return 0;
}

bool phrase_set::listed(const std::vector<std::string_view>& words, std::size_t i, std::size_t n) const {
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const phrase& p) {
    return p.size() == n && std::equal(p.begin(), p.end(), words.begin() + static_cast<std::ptrdiff_t>(i));
  });
}

bool lexicon::within(const std::string& group, const std::string& ancestor) const {
  std::string g = group;
  for (int depth = 0; depth < 32 && !g.empty(); ++depth) {
    if (g == ancestor) return true;
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const group_entry& e) { return e.name == g; });
    if (it == groups.end()) return false;
    g = it->parent;
  }
  return false;
}

core::result<std::shared_ptr<const lexicon>> load_lexicon(const std::string& dir,
                                                          const std::vector<std::string>& extra_files) {
  core::result<std::shared_ptr<const lexicon>> out;
  auto& problems = out.problems;
  auto lex = std::make_shared<lexicon>();
  std::vector<parse::qualifier_entry> qualifiers;
  std::vector<parse::vague_entry> vague;
  std::vector<std::string> zero;

  std::vector<std::string> files;
  for (const char* name : {"qualifiers.yaml", "metrics.yaml", "groups.yaml", "places.yaml"}) {
    const auto path = (std::filesystem::path(dir) / name).string();
    if (!std::filesystem::exists(path)) {
      problems.push_back({path, 0, 0, core::severity::error, "lexicon file is missing", "lexicon"});
      continue;
    }
    files.push_back(path);
  }
  files.insert(files.end(), extra_files.begin(), extra_files.end());

  for (const auto& file : files) {
    auto loaded = core::load_yaml_file(file);
    problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
    const YAML::Node& root = loaded.value;
    if (!root || !root.IsMap()) {
      if (loaded.problems.empty()) {
        problems.push_back({file, 1, 1, core::severity::error, "a lexicon file must be a YAML mapping", "lexicon"});
      }
      continue;
    }
    static const std::set<std::string> known = {"qualifiers", "vague", "metrics", "auxiliaries",
                                                "toll_links", "breakdown", "incident", "revision", "increment",
                                                "groups", "everyone", "things", "places",
                                                "life_verbs", "undoing", "zero", "attacks", "attack_metrics",
                                                "wider_event", "war_words", "comparing", "attack_times"};
    for (const auto& kv : root) {
      const auto key = core::key_name(kv.first, file, problems);
      if (key && !known.count(*key)) {
        problems.push_back(core::at_node(file, kv.first, "unknown lexicon key '" + *key + "'"));
      }
    }
    load_qualifiers(root, file, qualifiers, vague, problems);
    for (auto& z : read_list(root["zero"], file, "zero", problems)) zero.push_back(std::move(z));
    for (const auto& m : root["metrics"]) {
      const auto key = core::key_name(m.first, file, problems);
      if (!key || !m.second.IsMap()) {
        if (key) problems.push_back(core::at_node(file, m.second, "metric '" + *key + "' needs after/before/toll/counted lists"));
        continue;
      }
      const std::string& name = *key;
      auto it = std::find_if(lex->metrics.begin(), lex->metrics.end(),
                             [&](const metric_words& w) { return w.name == name; });
      if (it == lex->metrics.end()) {
        lex->metrics.push_back({});
        it = std::prev(lex->metrics.end());
        it->name = name;
      }
      for (const char* list : {"after", "before", "toll", "counted", "before_people"}) {
        const auto words = read_list(m.second[list], file, list, problems);
        const std::string name = list;
        phrase_set& set = name == "after"    ? it->after
                          : name == "before" ? it->before
                          : name == "toll"   ? it->toll
                          : name == "counted" ? it->counted
                                              : it->before_people;
        fill(set, words);
        for (const auto& w : words) add_trigger(*lex, key_word(w));
      }
    }
    fill(lex->auxiliaries, read_list(root["auxiliaries"], file, "auxiliaries", problems));
    fill(lex->toll_links, read_list(root["toll_links"], file, "toll_links", problems));
    fill(lex->breakdown, read_list(root["breakdown"], file, "breakdown", problems));
    fill(lex->incident, read_list(root["incident"], file, "incident", problems));
    fill(lex->attacks, read_list(root["attacks"], file, "attacks", problems));
    fill(lex->wider_event, read_list(root["wider_event"], file, "wider_event", problems));
    fill(lex->comparing, read_list(root["comparing"], file, "comparing", problems));
    fill(lex->attack_times, read_list(root["attack_times"], file, "attack_times", problems));
    for (const auto& w : read_list(root["war_words"], file, "war_words", problems)) {
      lex->war_words.add(text::normalize_word(w));
    }
    for (auto& m : read_list(root["attack_metrics"], file, "attack_metrics", problems)) {
      lex->attack_metrics.push_back(std::move(m));
    }
    fill(lex->revision, read_list(root["revision"], file, "revision", problems));
    fill(lex->increment, read_list(root["increment"], file, "increment", problems));
    fill(lex->life_verbs, read_list(root["life_verbs"], file, "life_verbs", problems));
    fill(lex->undoing, read_list(root["undoing"], file, "undoing", problems));
    fill(lex->everyone, read_list(root["everyone"], file, "everyone", problems));
    fill(lex->things, read_list(root["things"], file, "things", problems));
    for (const auto& g : root["groups"]) {
      const auto key = core::key_name(g.first, file, problems);
      if (!key || !g.second.IsMap()) {
        if (key) problems.push_back(core::at_node(file, g.second, "group '" + *key + "' needs 'parent' and 'words'"));
        continue;
      }
      group_entry e;
      e.name = *key;
      e.parent = core::scalar_or_empty(g.second["parent"]);
      if (e.parent == "null" || e.parent == "~") e.parent.clear();
      for (const auto& w : read_list(g.second["words"], file, "words", problems)) {
        lex->all_group_words.add(w);
        lex->group_by_phrase[text::normalize_word(w)] = e.name;
      }
      lex->groups.push_back(std::move(e));
    }
    for (const auto& p : read_list(root["places"], file, "places", problems)) {
      lex->places.add(p);
      lex->place_by_phrase[text::normalize_word(p)] = p;
    }
  }
  for (const auto& g : lex->groups) {
    if (!g.parent.empty() && std::none_of(lex->groups.begin(), lex->groups.end(),
                                          [&](const group_entry& e) { return e.name == g.parent; })) {
      problems.push_back({dir, 0, 0, core::severity::error,
                          "group '" + g.name + "' names unknown parent '" + g.parent + "'", "lexicon"});
    }
  }
  lex->quantities = std::make_unique<parse::quantity_lexicon>(std::move(qualifiers), std::move(vague),
                                                                std::move(zero));
  out.value = std::move(lex);
  return out;
}

}  // namespace tollgate::claims
