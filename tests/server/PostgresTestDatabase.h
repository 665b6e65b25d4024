// A database of its own for one test in the throwaway PostgreSQL cluster that the CTest fixture "postgres"
// starts (tests/server/pg-cluster.sh; CASEDESK_TEST_PG_DIR names its socket directory). Created under a
// unique name and dropped again, so tests run in parallel on one cluster.
#pragma once

#include <QString>

namespace casedesk::test {

class PostgresTestDatabase {
public:
    PostgresTestDatabase();  // creates the database; check isValid()
    ~PostgresTestDatabase(); // drops it, ending connections still open to it
    PostgresTestDatabase(const PostgresTestDatabase &) = delete;
    PostgresTestDatabase &operator=(const PostgresTestDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; } // what went wrong and what to do
    QString name() const { return m_name; }
    QString socketDirectory() const { return m_socketDirectory; }
    // "host=SOCKETDIR dbname=NAME user=casedesk", as CASEDESK_DB takes it.
    QString connectionString() const;
    // The same for another database of the cluster (which need not exist).
    QString connectionString(const QString &databaseName) const;

private:
    bool execAsAdmin(const QString &statement);

    QString m_socketDirectory;
    QString m_name;
    QString m_error;
};

} // namespace casedesk::test
