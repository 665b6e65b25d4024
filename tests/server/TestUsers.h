// Users for tests of the HTTP API, made in-process the way "casedesk-server migrate / team add / user add /
// user disable" make them: the database migrated, one team "32.1", users of that team with one password.
#pragma once

#include <QString>
#include <QStringList>

namespace casedesk::test {

class TestUsers {
public:
    static QString password(); // every test user's

    explicit TestUsers(const QString &connectionString);

    // Migrates and adds the team and the users (clerks of 32.1); an empty string, or what went wrong.
    QString setUp(const QStringList &logins);
    QString add(const QString &login);
    QString disable(const QString &login);

private:
    QString m_connectionString;
};

} // namespace casedesk::test
