#include "core/yaml.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "core/text_position.hpp"

namespace tollgate::core {
namespace {

// Limits for YAML from untrusted hands (rules, lexicons, manifests):
// nothing tollgate reads nests deeper than a few levels, and aliases must
// not expand into a billion nodes for whoever walks the tree.
constexpr std::size_t kMaxDepth = 64;
constexpr std::uint64_t kMaxExpandedNodes = 1'000'000;

struct guard_error {
  YAML::Mark mark;
  std::string message;
};

// Walks the parser's events before the tree is built: counts the depth of
// nesting and the nodes each anchor stands for, so a deep or explosive file
// is refused with a position instead of exhausting the stack or memory.
class guard_handler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { leaf(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string&) override { leaf(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    const auto it = sizes_.find(a);
    add(it == sizes_.end() ? 1 : it->second, m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnMapEnd() override { close(); }

 private:
  struct frame {
    YAML::anchor_t anchor;
    std::uint64_t nodes;
  };
  void leaf(const YAML::Mark& m, YAML::anchor_t a) {
    if (a) sizes_[a] = 1;
    add(1, m);
  }
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    if (stack_.size() >= kMaxDepth) {
      throw guard_error{m, "nested more than " + std::to_string(kMaxDepth) + " levels deep"};
    }
    stack_.push_back({a, 1});
  }
  void close() {
    const frame f = stack_.back();
    stack_.pop_back();
    if (f.anchor) sizes_[f.anchor] = f.nodes;
    add(f.nodes, YAML::Mark::null_mark());
  }
  void add(std::uint64_t n, const YAML::Mark& m) {
    total_ = std::min(total_ + n, kMaxExpandedNodes + 1);
    if (!stack_.empty()) stack_.back().nodes = std::min(stack_.back().nodes + n, kMaxExpandedNodes + 1);
    if (total_ > kMaxExpandedNodes) {
      throw guard_error{m, "aliases expand to more than " + std::to_string(kMaxExpandedNodes) +
                               " nodes (an alias bomb?)"};
    }
  }

  std::vector<frame> stack_;
  std::unordered_map<YAML::anchor_t, std::uint64_t> sizes_;
  std::uint64_t total_ = 0;
};

// The first byte that is not UTF-8 text (a NUL, a control character other
// than tab and line ends, or a malformed sequence), or npos.
std::size_t first_binary_byte(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return i;
      ++i;
      continue;
    }
    const std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string::npos;
}

}  // namespace

result<YAML::Node> load_yaml_text(const std::string& text, const std::string& path,
                                  int line_offset) {
  result<YAML::Node> out;
  if (const std::size_t bad = first_binary_byte(text); bad != std::string::npos) {
    const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    const std::size_t nl = bad == 0 ? std::string::npos : text.rfind('\n', bad - 1);
    const std::size_t line_start = nl == std::string::npos ? 0 : nl + 1;
    const std::size_t col = count_code_points(std::string_view(text).substr(line_start, bad - line_start));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(text[bad]));
    out.problems.push_back({path, line + 1 + line_offset, static_cast<int>(col) + 1, severity::error,
                            std::string("not a YAML file: it holds binary bytes (") + hex + " is not UTF-8 text)", "yaml"});
    return out;
  }
  try {
    {
      std::istringstream in(text);
      YAML::Parser parser(in);
      guard_handler guard;
      parser.HandleNextDocument(guard);
    }
    out.value = YAML::Load(text);
  } catch (const guard_error& e) {
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1 + line_offset;
    const int col = e.mark.is_null() ? 0 : e.mark.column + 1;
    out.problems.push_back({path, line, col, severity::error, "refused YAML: " + e.message, "yaml"});
    out.value = YAML::Node();
  } catch (const YAML::DeepRecursion& e) {
    out.problems.push_back({path, e.mark.line + 1 + line_offset, e.mark.column + 1, severity::error,
                            "refused YAML: nested too deeply", "yaml"});
    out.value = YAML::Node();
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1 + line_offset;
    const int col = e.mark.is_null() ? 0 : e.mark.column + 1;
    out.problems.push_back({path, line, col, severity::error, "invalid YAML: " + e.msg, "yaml"});
    out.value = YAML::Node();
  }
  return out;
}

result<YAML::Node> load_yaml_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result<YAML::Node> out;
    out.problems.push_back({path, 0, 0, severity::error, "cannot read file", "io"});
    return out;
  }
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  if (size > max_bytes) {
    result<YAML::Node> out;
    out.problems.push_back({path, 0, 0, severity::error,
                            "file is too large for a YAML file (" + std::to_string(size) +
                                " bytes, limit " + std::to_string(max_bytes) + ")",
                            "yaml"});
    return out;
  }
  in.seekg(0);
  std::ostringstream buf;
  buf << in.rdbuf();
  return load_yaml_text(buf.str(), path);
}

diagnostic at_node(const std::string& path, const YAML::Node& node, std::string message,
                   severity level) {
  const YAML::Mark m = node.Mark();
  const bool known = !m.is_null() && m.line >= 0;
  return {path, known ? m.line + 1 : 0, known ? m.column + 1 : 0, level, std::move(message), "yaml"};
}

std::optional<std::string> key_name(const YAML::Node& key, const std::string& path, diagnostics& problems) {
  if (key.IsScalar()) return key.Scalar();
  problems.push_back(at_node(path, key, "a key must be a plain name, not a list or a map"));
  return std::nullopt;
}

std::string scalar_or_empty(const YAML::Node& node) {
  return node && node.IsScalar() ? node.Scalar() : std::string();
}

}  // namespace tollgate::core
