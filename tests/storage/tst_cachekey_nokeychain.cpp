// A bare desktop session without any Secret Service: the keychain path must say so (KeychainUnavailable),
// quickly and without a crash, and must never fall back to keeping the key in a plaintext file.
#include "storage/CacheKey.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;
using namespace casedesk::storage;

class TestCacheKeyNoKeychain : public QObject {
    Q_OBJECT

public:
    explicit TestCacheKeyNoKeychain(const QString &home) : m_home(home) {}

private slots:
    void readReportsUnavailable_data();
    void readReportsUnavailable();
    void removeReportsUnavailable();
    void nothingWrittenInPlaintext();

private:
    QString m_home;
};

void TestCacheKeyNoKeychain::readReportsUnavailable_data()
{
    QTest::addColumn<bool>("createIfMissing");
    QTest::newRow("read") << false;
    QTest::newRow("read or create") << true;
}

void TestCacheKeyNoKeychain::readReportsUnavailable()
{
    QFETCH(bool, createIfMissing);
    QElapsedTimer timer;
    timer.start();
    auto key = CacheKey::fromKeychain(QStringLiteral("tst-nokeychain"), createIfMissing);
    qInfo() << "the keychain answered after" << timer.elapsed() << "ms";
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::KeychainUnavailable);
    // The user learns what happens next (LANG=C.UTF-8 under ctest: the English source text).
    QVERIFY2(key.error().message.contains(QStringLiteral("passphrase")), qPrintable(key.error().message));
    QVERIFY(!key.error().detail.isEmpty());
}

void TestCacheKeyNoKeychain::removeReportsUnavailable()
{
    auto removed = CacheKey::removeFromKeychain(QStringLiteral("tst-nokeychain"));
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, ErrorCode::KeychainUnavailable);
}

void TestCacheKeyNoKeychain::nothingWrittenInPlaintext()
{
    // QtKeychain's optional insecure fallback would write to QSettings under HOME / XDG_CONFIG_HOME.
    QDirIterator it(m_home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    QVERIFY2(files.isEmpty(), qPrintable(files.join(u' ')));
}

int main(int argc, char **argv)
{
    // Before QCoreApplication and QtKeychain look at the environment: a session bus that does not exist,
    // no X display to autolaunch one from, and an empty home for anything a fallback might write.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QFile::encodeName(home.filePath(QStringLiteral("no-such-bus"))).prepend("unix:path="));
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qunsetenv("XDG_CURRENT_DESKTOP");
    qunsetenv("DESKTOP_SESSION");
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral(".local/share"))));

    QCoreApplication app(argc, argv);
    TestCacheKeyNoKeychain test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cachekey_nokeychain.moc"
