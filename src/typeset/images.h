// Copyright 2026 The Jianbao Authors.
//
// Images of section bodies: PNG or JPEG, given in Markdown as a relative path
// inside the folder (`img/a.png`) or as a base64 data URI
// (`data:image/png;base64,…`, `data:image/jpeg;base64,…`). Every writer loads
// them here, so every output accepts and refuses the same images.
//
// Decompression bombs: a 7.8 KB PNG can declare 8000 × 8000 pixels (256 MB
// decoded). So the declared size is checked before anything is decoded,
// pixels are capped per image and per document (ImageBudget), loading only
// validates (every row is decoded into one scratch row, nothing is kept), and
// pixels are decoded when a page is drawn, reduced to what the page needs
// (DecodeImage), and dropped after the page.
// Internal to src/typeset.

#ifndef JIANBAO_TYPESET_IMAGES_H_
#define JIANBAO_TYPESET_IMAGES_H_

#include <cairo.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "typeset/image_codec.h"

namespace jianbao::typeset {

// Limits on one image: its encoded bytes, its pixels a side and in all.
constexpr size_t kMaxImageBytes = 10 << 20;
constexpr int kMaxImageSide = 8000;
constexpr int64_t kMaxImagePixels = 48'000'000;  // 8000 × 6000, a 48-megapixel camera
// Limit on the declared pixels of all images of one document.
constexpr int64_t kMaxDocumentPixels = 200'000'000;

struct Image {
  enum class Type { kPng, kJpeg };
  Type type = Type::kPng;
  std::string bytes;  // the encoded file, as given
  int width = 0, height = 0;
  codec::Header header;

  const char* mime() const { return type == Type::kPng ? "image/png" : "image/jpeg"; }
  const char* extension() const { return type == Type::kPng ? "png" : "jpeg"; }
};

// The pixels the images of one document may declare together. One per render;
// not thread-safe.
class ImageBudget {
 public:
  explicit ImageBudget(int64_t max_pixels = kMaxDocumentPixels) : left_(max_pixels) {}
  // Takes `pixels` from the budget; kInvalidArgument "too_many_pixels" (no
  // field: the caller names the section) once the document's images
  // together declare more than the budget.
  Status Take(int64_t pixels);

 private:
  int64_t left_;
};

// Loads the image `src` of a Markdown image, checks its limits, takes its
// pixels from `budget` (none taken when null) and decodes it once to be sure
// it decodes, keeping no pixels. Returns kInvalidArgument without a field
// (the caller names the section) when the path is absolute, a URL or climbs
// out of `base_dir`, when the file cannot be read, when a data URI is
// malformed or not PNG/JPEG base64, when the data cannot be decoded, when
// the image is larger than kMaxImageBytes, kMaxImageSide pixels a side or
// kMaxImagePixels in all, is an interlaced PNG or progressive JPEG of more
// than codec::kMaxInterlacedPixels, or when the budget is spent. Messages
// never quote a data URI's payload.
Result<std::shared_ptr<const Image>> LoadImage(const std::string& base_dir, const std::string& src,
                                               ImageBudget* budget = nullptr);

// As LoadImage, for the encoded bytes of an image; `what` names it in
// messages ("'img/a.png'").
Result<std::shared_ptr<const Image>> LoadImageBytes(std::string bytes, const std::string& what,
                                                    ImageBudget* budget = nullptr);

// Returns the pixels of `image`, reduced by a whole factor to no less than
// `want_w` × `want_h` (its own size when that is smaller). The caller owns
// the surface; drop it as soon as it is drawn. kInvalidArgument as LoadImage
// when decoding fails (not expected after LoadImage succeeded).
Result<codec::Surface> DecodeImage(const Image& image, int want_w, int want_h);

// Returns the file path of image `src` (relative, inside `base_dir`), or
// kInvalidArgument for absolute paths, URLs and paths that climb out.
Result<std::string> ImagePath(const std::string& base_dir, const std::string& src);

// True when `src` is a data: URI (any media type).
bool IsDataUri(const std::string& src);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_IMAGES_H_
