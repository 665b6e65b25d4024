// Deterministic UUIDv7 ids for demo entities: unique across kinds and indexes whatever the random bits,
// so client, server and benchmarks that generate the same seed agree on every id.
#pragma once

#include <QUuid>
#include <QtGlobal>

namespace casedesk::demo {

// What an id's last 48 bits say, so ids of different entities never collide (see makeDemoId).
enum class DemoIdKind : quint64 { Case = 0, Note = 1, Document = 2, Team = 3, User = 4 };

// A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10; 12 bits of rand_a and the top
// 14 bits of rand_b from `random`, the low 48 bits of rand_b a tag (ordinal 4 bits, kind 4 bits, index
// 40 bits) that makes ids unique across indexes whatever the random bits are.
QUuid makeDemoId(qint64 ms, quint64 random, DemoIdKind kind, quint64 index, quint64 ordinal = 0);

// The index bits of an id made by makeDemoId (for the notes and documents of a case).
quint64 demoIdIndex(const QUuid &id);

// All of an id's bits mixed into one number: a seed that belongs to this id.
quint64 demoIdBits(const QUuid &id);

} // namespace casedesk::demo
