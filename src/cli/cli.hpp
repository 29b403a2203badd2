#pragma once

#include <functional>

namespace tollgate::cli {

/// What the program around the command line does at points of a run: the
/// allocator is the program's, not the library's.
struct hooks {
  /// When `lint` has extracted the whole batch, before the rules run.
  std::function<void()> after_extraction;
};

/// Runs the command line; returns the exit code (0 clean, 1 findings at or
/// above --fail-on, 2 usage, configuration or input error).
int run(int argc, char** argv, const hooks& at = {});

}  // namespace tollgate::cli
