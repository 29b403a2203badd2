#pragma once

// yaml-cpp with our diagnostics: every YAML file (rules, lexicons, manifests,
// front matter) is read through here, so its errors carry file:line:col.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "core/diagnostic.hpp"

namespace tollgate::core {

/// Loads one YAML file. On failure the node is null and the diagnostic says
/// where and why (yaml-cpp marks count from 0; ours from 1). Files over
/// `max_bytes` or holding NUL bytes are refused before parsing.
result<YAML::Node> load_yaml_file(const std::string& path, std::size_t max_bytes = 8u << 20);

/// Parses YAML held in memory; `path` and `line_offset` place its errors.
result<YAML::Node> load_yaml_text(const std::string& text, const std::string& path,
                                  int line_offset = 0);

/// A diagnostic at a node's position.
diagnostic at_node(const std::string& path, const YAML::Node& node, std::string message,
                   severity level = severity::error);

/// The name of a mapping key; when the key is a list or a map, records an
/// error at it and returns nullopt.
std::optional<std::string> key_name(const YAML::Node& key, const std::string& path, diagnostics& problems);

/// The node's scalar, or empty when it is not a scalar.
std::string scalar_or_empty(const YAML::Node& node);

}  // namespace tollgate::core
