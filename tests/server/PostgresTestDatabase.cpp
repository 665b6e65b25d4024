#include "PostgresTestDatabase.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace casedesk::test {

namespace {

const char clusterUser[] = "casedesk"; // the superuser pg-cluster.sh creates

} // namespace

PostgresTestDatabase::PostgresTestDatabase()
{
    m_socketDirectory = qEnvironmentVariable("CASEDESK_TEST_PG_DIR");
    if (m_socketDirectory.isEmpty()) {
        m_error = QStringLiteral("CASEDESK_TEST_PG_DIR is not set: run the server tests through ctest, which starts "
                                 "a PostgreSQL cluster (ctest -R server/), or start one with "
                                 "tests/server/pg-cluster.sh start DIR and set CASEDESK_TEST_PG_DIR=DIR");
        return;
    }
    // The test's name makes a leftover database recognisable; the random part keeps parallel runs apart.
    QString prefix = QCoreApplication::applicationName().toLower();
    prefix.remove(QRegularExpression(QStringLiteral("[^a-z0-9_]")));
    m_name = QStringLiteral("%1_%2")
                 .arg(prefix.left(40))
                 .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    execAsAdmin(QStringLiteral("CREATE DATABASE %1").arg(m_name));
}

PostgresTestDatabase::~PostgresTestDatabase()
{
    if (isValid())
        execAsAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
}

QString PostgresTestDatabase::connectionString() const
{
    return connectionString(m_name);
}

QString PostgresTestDatabase::connectionString(const QString &databaseName) const
{
    return QStringLiteral("host=%1 dbname=%2 user=%3").arg(m_socketDirectory, databaseName, QLatin1String(clusterUser));
}

bool PostgresTestDatabase::execAsAdmin(const QString &statement)
{
    const QString connectionName = QStringLiteral("postgres-test-admin-") + m_name;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        admin.setHostName(m_socketDirectory);
        admin.setDatabaseName(QStringLiteral("postgres"));
        admin.setUserName(QLatin1String(clusterUser));
        if (!admin.open()) {
            m_error = QStringLiteral("cannot connect to the test cluster in %1: %2 (did server/pg_start run?)")
                          .arg(m_socketDirectory, admin.lastError().text());
        } else {
            QSqlQuery query(admin);
            if (!query.exec(statement))
                m_error = statement + QStringLiteral(": ") + query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return isValid();
}

} // namespace casedesk::test
