#include "cli/cli.hpp"

#ifdef TOLLGATE_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
  tollgate::cli::hooks at;
#ifdef TOLLGATE_MIMALLOC
  // Once `lint` has its claims, give freed pages back to the system at once
  // rather than 25 ms later: the rules free as they go (a rule's series, its
  // messages once spilled), and with the delay the freed pages stayed in the
  // peak (about 20 MB of 395 on a 1 GB batch). Extraction keeps the delay,
  // which saves it 5% of its time.
  at.after_extraction = [] { mi_option_set(mi_option_decommit_delay, 0); };
#endif
  return tollgate::cli::run(argc, argv, at);
}
