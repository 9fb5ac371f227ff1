#include <cstddef>
#include <cstdint>
#include <string_view>

#include "epidemic/importer.h"

// Feeds arbitrary bytes to the CSV importer; it must return a value or a Status, never crash.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto exists = [](std::string_view code) { return code == "420100"; };
  auto batch = jianbao::epidemic::ParseImport(in, exists);
  (void)batch;
  return 0;
}
