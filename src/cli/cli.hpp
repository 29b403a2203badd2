#pragma once

namespace tollgate::cli {

/// Runs the command line; returns the exit code (0 clean, 1 findings at or
/// above --fail-on, 2 usage, configuration or input error).
int run(int argc, char** argv);

}  // namespace tollgate::cli
