// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits; ids sort by creation time.
#pragma once

#include <QUuid>

namespace casedesk {

class Clock;

// A new UUIDv7 at the clock's current time. Monotonic within one process: ids made in the same millisecond
// still sort in creation order (counter in rand_a, as RFC 9562 section 6.2 method 1 allows).
QUuid createUuidV7(const Clock &clock);
QUuid createUuidV7(); // with Clock::current()

// The millisecond timestamp of a v7 id, or -1 when the id is not a v7 UUID.
qint64 uuidV7Milliseconds(const QUuid &id);

// Compact text form used in JSON and the database: "0190f5c2-...". Null uuid gives an empty string.
QString uuidToString(const QUuid &id);
QUuid uuidFromString(const QString &text); // null for anything malformed

} // namespace casedesk
