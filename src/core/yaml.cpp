#include "core/yaml.hpp"

#include <fstream>
#include <sstream>

namespace tollgate::core {

result<YAML::Node> load_yaml_text(const std::string& text, const std::string& path,
                                  int line_offset) {
  result<YAML::Node> out;
  if (text.find('\0') != std::string::npos) {
    out.problems.push_back({path, 0, 0, severity::error, "not a YAML file: it holds binary bytes", "yaml"});
    return out;
  }
  try {
    out.value = YAML::Load(text);
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
