// Copyright 2026 The Jianbao Authors.
//
// Announce: queues an event for every enabled robot of an organisation, in
// the caller's transaction. Publishing modules call it inside their Write,
// so the deliveries exist exactly when the publication does; the Worker
// sends them later, and a failing robot never blocks publishing.
//
//   db->Write([&](soci::session& s) {
//     … publish …
//     robots::Announce(s, org_id, {"bulletin.published", title, "2020年第3期",
//                                  "/bulletins/issues/7"});
//   });
//
// Thread safety: stateless; runs on the caller's session.

#ifndef JIANBAO_ROBOTS_ANNOUNCE_H_
#define JIANBAO_ROBOTS_ANNOUNCE_H_

#include <cstdint>
#include <string>

#include "robots/model.h"

namespace soci {
class session;
}

namespace jianbao::robots {

// Queues `event` for each enabled robot of organisation `org_id` (and of
// its parent when it is a secretariat, which acts for its association); returns
// how many deliveries were queued. Throws soci errors (the caller's
// transaction then rolls back, as for any other statement of it).
int Announce(soci::session& s, int64_t org_id, const Event& event);
// The same for the organisation with code `org_code` (0 when none has it).
int AnnounceByCode(soci::session& s, const std::string& org_code, const Event& event);

}  // namespace jianbao::robots

#endif  // JIANBAO_ROBOTS_ANNOUNCE_H_
