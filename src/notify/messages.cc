// Copyright 2026 The Jianbao Authors.

#include "notify/handlers.h"

namespace jianbao::notify {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "notify",
      {
          {"notification_not_found", "通知不存在", "no such notification"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::notify
