#pragma once
// Reading a small file that someone else may have put there (a USB stick, a configuration
// folder): only a regular file, never through a symbolic link, never a FIFO or a device that
// could block or feed without end, and never more than `maxBytes`.
#include <cstddef>
#include <string>

#include "common/error.hpp"

namespace dc::files {

Expected<std::string> readRegularFile(const std::string& path, size_t maxBytes);

}  // namespace dc::files
