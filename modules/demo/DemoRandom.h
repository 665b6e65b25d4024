// The demo generator's small, fast, reproducible PRNG (SplitMix64). Not for anything secret: it only has
// to give the same sequence for the same seed on every platform, which QRandomGenerator does not promise.
#pragma once

#include <QList>
#include <QtGlobal>

namespace casedesk::demo {

class DemoRandom {
public:
    explicit DemoRandom(quint64 seed) : m_state(seed) {}

    // SplitMix64's output function: a good 64-bit mixer on its own, used to derive independent seeds.
    static constexpr quint64 mix(quint64 z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return mix(m_state);
    }

    // Uniform in [0, bound) for bound <= 2^32 (multiply-shift; the bias is far below what demo data shows).
    quint32 below(quint32 bound) { return static_cast<quint32>(((next() >> 32) * bound) >> 32); }
    int between(int low, int high) { return low + static_cast<int>(below(static_cast<quint32>(high - low + 1))); }
    bool percent(int chance) { return below(100) < static_cast<quint32>(chance); }

    template <typename T> const T &pick(const QList<T> &list)
    {
        return list.at(below(static_cast<quint32>(list.size())));
    }

private:
    quint64 m_state;
};

} // namespace casedesk::demo
