// Typed reads of a request's JSON fields that remember the first problem, so a handler reads all its fields
// and then answers 400 invalid_field once, naming the field and the type it wanted.
#pragma once

#include "server/ApiError.h"

#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace casedesk::server {

class JsonFields {
public:
    explicit JsonFields(QJsonObject object);

    // A required string of 1 to maxLength characters.
    QString text(const QString &name, qsizetype maxLength);
    // A required UUID in its text form.
    QUuid uuid(const QString &name);

    bool ok() const { return !m_error.has_value(); }
    const ApiError &error() const { return *m_error; } // only when !ok()

private:
    void fail(const QString &name, const QString &expected);

    QJsonObject m_object;
    std::optional<ApiError> m_error;
};

} // namespace casedesk::server
