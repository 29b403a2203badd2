#pragma once

// A deque for the millions of records a batch keeps (claims, documents).

#include <boost/container/deque.hpp>
#include <boost/container/options.hpp>

namespace tollgate::core {

/// A deque in 64 KiB blocks. Like std::deque, growing it never moves what it
/// holds; unlike std::deque, whose blocks are 512 bytes (two claims each,
/// rounded up by the allocator), the blocks cost nothing worth counting.
template <typename T>
using block_deque =
    boost::container::deque<T, void, boost::container::deque_options_t<boost::container::block_bytes<64 * 1024>>>;

}  // namespace tollgate::core
