#include "demo/DemoIds.h"

#include "demo/DemoRandom.h"

#include <array>

namespace casedesk::demo {

namespace {
constexpr quint64 tagIndexMask = (quint64(1) << 40) - 1;
}

QUuid makeDemoId(qint64 ms, quint64 random, DemoIdKind kind, quint64 index, quint64 ordinal)
{
    const quint64 tag = ((ordinal & 0xF) << 44) | (static_cast<quint64>(kind) << 40) | (index & tagIndexMask);
    const quint64 randB = (((random >> 12) & 0x3FFF) << 48) | tag; // 62 bits
    const quint64 timestamp = static_cast<quint64>(ms) & 0xFFFF'FFFF'FFFFULL;
    std::array<char, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<char>((timestamp >> (8 * (5 - i))) & 0xFF);
    bytes[6] = static_cast<char>(0x70 | ((random >> 8) & 0x0F));
    bytes[7] = static_cast<char>(random & 0xFF);
    bytes[8] = static_cast<char>(0x80 | ((randB >> 56) & 0x3F));
    for (int i = 9; i < 16; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<char>((randB >> (8 * (15 - i))) & 0xFF);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

quint64 demoIdIndex(const QUuid &id)
{
    const QByteArray bytes = id.toRfc4122();
    quint64 tail = 0;
    for (int i = 11; i < 16; ++i)
        tail = (tail << 8) | static_cast<quint8>(bytes.at(i));
    return tail & tagIndexMask;
}

quint64 demoIdBits(const QUuid &id)
{
    const QByteArray bytes = id.toRfc4122();
    quint64 bits = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bits = DemoRandom::mix(bits ^ static_cast<quint8>(bytes.at(i)));
    return bits;
}

} // namespace casedesk::demo
