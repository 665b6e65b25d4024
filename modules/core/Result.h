// One result type across modules: a value or an Error, in the style of std::expected (C++23).
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace casedesk {

enum class ErrorCode {
    Invalid,             // input is malformed or breaks a rule
    NotFound,            // the thing does not exist (or is outside the caller's scope)
    Conflict,            // someone else changed it first
    Corrupt,             // stored data is damaged or not ours
    WrongKey,            // encrypted data could not be opened with the key given
    NewerSchema,         // written by a newer version of CaseDesk
    KeychainUnavailable, // no OS keychain reachable
    Io,                  // file system or device failure
    Database,            // unexpected database failure
    Cancelled,           // the user cancelled
    Internal,            // a bug: should never happen
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message; // translated, for the user: says what happened and what to do
    QString detail;  // technical detail for the log; never shown as the only text

    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    const T &operator*() const & { return std::get<0>(m_data); }

    // The error; on success an empty Error, so diagnostics that format it eagerly never throw.
    const Error &error() const
    {
        static const Error none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace casedesk
