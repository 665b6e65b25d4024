#include "core/Uuid.h"

#include "core/Clock.h"

#include <QMutex>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace casedesk {

namespace {

QMutex generatorMutex;
qint64 lastMilliseconds = -1;
quint16 lastCounter = 0;

constexpr qint64 maxTimestamp = (qint64(1) << 48) - 1;
// A clock that steps back by at most this much (NTP slew) keeps the ids monotonic by staying on the last
// timestamp; a larger jump is a deliberate reset (or a test's clock) and is followed.
constexpr qint64 maxBackwardStepMs = 10'000;

// Counter start: random, but with the top bit clear so at least 2048 ids fit into one millisecond.
quint16 freshCounter()
{
    return static_cast<quint16>(QRandomGenerator::system()->generate() & 0x7FF);
}

} // namespace

QUuid createUuidV7(const Clock &clock)
{
    const qint64 now = std::clamp<qint64>(clock.now().toMSecsSinceEpoch(), 0, maxTimestamp);
    qint64 milliseconds = 0;
    quint16 counter = 0;
    {
        const QMutexLocker lock(&generatorMutex);
        if (now > lastMilliseconds || lastMilliseconds - now > maxBackwardStepMs) {
            lastMilliseconds = now;
            lastCounter = freshCounter();
        } else if (lastCounter < 0xFFF) {
            ++lastCounter;
        } else {
            // Counter exhausted within one millisecond: borrow the next one (RFC 9562, section 6.2).
            lastMilliseconds = std::min(lastMilliseconds + 1, maxTimestamp);
            lastCounter = freshCounter();
        }
        milliseconds = lastMilliseconds;
        counter = lastCounter;
    }

    const quint64 random = QRandomGenerator::system()->generate64();
    std::array<char, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<char>((milliseconds >> (8 * (5 - i))) & 0xFF);
    bytes[6] = static_cast<char>(0x70 | (counter >> 8)); // version 7, rand_a high bits
    bytes[7] = static_cast<char>(counter & 0xFF);
    bytes[8] = static_cast<char>(0x80 | ((random >> 56) & 0x3F)); // variant 10
    for (int i = 9; i < 16; ++i)
        bytes[i] = static_cast<char>((random >> (8 * (i - 9))) & 0xFF);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

QUuid createUuidV7()
{
    return createUuidV7(Clock::current());
}

qint64 uuidV7Milliseconds(const QUuid &id)
{
    const bool version7 = (id.data3 >> 12) == 7;
    const bool variant10 = (id.data4[0] & 0xC0) == 0x80;
    if (!version7 || !variant10)
        return -1;
    return (qint64(id.data1) << 16) | id.data2;
}

QString uuidToString(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

QUuid uuidFromString(const QString &text)
{
    // Strictly 8-4-4-4-12 hex digits, optionally in braces; QUuid alone is lenient about what surrounds them.
    QStringView digits(text);
    if (digits.size() == 38 && digits.front() == u'{' && digits.back() == u'}')
        digits = digits.sliced(1, 36);
    if (digits.size() != 36)
        return {};
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const char16_t c = digits[i].unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (dash ? c != u'-' : !hex)
            return {};
    }
    return QUuid::fromString(digits);
}

} // namespace casedesk
