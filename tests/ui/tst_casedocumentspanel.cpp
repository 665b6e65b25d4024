// The documents panel of the detail pane (offscreen) over a real encrypted cache with the demo world's reference
// data, a real blob store beside it and real PDFs of the corpus: a clerk attaches files (encrypted into the store
// in the background, one attachDocument each, listed as not sent yet), the content read back from the store is
// the file's; an unreadable or too large file is refused before anything is read; an auditor has no button.
#include "core/Command.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "mock/TestSupport.h"
#include "storage/BlobFileStore.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "ui/CaseDocumentsPanel.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "../storage/TreeFellingCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::CaseDocumentsPanel;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray storedContent(const BlobFileStore &blobs, const QString &sha256)
{
    auto reader = blobs.openRead(sha256);
    if (!reader)
        return {};
    QByteArray content;
    while (!(*reader)->atEnd()) {
        const Result<QByteArray> part = (*reader)->read(1 << 16);
        if (!part || part->isEmpty())
            return {};
        content += *part;
    }
    return content;
}

} // namespace

class TestCaseDocumentsPanel : public QObject, private test::CaseworkFixture {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *name : {"form-filled-by-acrobat.pdf", "fields-two-pages.pdf"}) {
            const QString path = test::corpusPath(QStringLiteral("pdf/acroform/") + QLatin1String(name));
            if (path.isEmpty())
                QSKIP("the corpus is not there");
            m_pdfs.append(path);
        }
    }

    void init()
    {
        m_case = confirmedSample();
        const QString filled = startCache(m_case);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        auto blobs = BlobFileStore::open(m_cache->path(), m_cache->key());
        QVERIFY2(blobs, test::errorText(blobs).constData());
        m_blobs = std::move(blobs).value();
    }

    void cleanup()
    {
        m_blobs.reset();
        m_cache.reset();
    }

    void aClerkAttachesFiles()
    {
        CaseDocumentsPanel panel(m_cache->db(), *m_blobs, test::treeFellingUser(Role::Clerk).id);
        panel.setFileChooser([this](QWidget *) { return m_pdfs; });
        panel.showCase(m_case);
        QVERIFY(panel.attachButton()->isVisibleTo(&panel));
        QVERIFY(panel.attachButton()->isEnabled());
        const int before = panel.documentsList()->count();
        panel.kindCombo()->setCurrentIndex(panel.kindCombo()->findData(int(DocumentKind::Scan)));

        QSignalSpy changed(&panel, &CaseDocumentsPanel::outboxChanged);
        QTest::mouseClick(panel.attachButton(), Qt::LeftButton);
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(!panel.isImporting());
        QVERIFY2(!panel.errorLabel()->isVisibleTo(&panel), qPrintable(panel.errorLabel()->text()));
        QCOMPARE(changed.first().first().toUuid(), m_case.id);

        const Result<QList<OutboxEntry>> queued = Outbox(m_cache->db()).entries();
        QVERIFY(queued);
        QCOMPARE(queued->size(), m_pdfs.size());
        for (qsizetype i = 0; i < m_pdfs.size(); ++i) {
            const Command &command = queued->at(i).command;
            QCOMPARE(command.name, CommandName::AttachDocument);
            const Result<DocumentRef> document =
                DocumentRef::fromJson(command.args.value(QLatin1String("document")).toObject());
            QVERIFY(document);
            const QByteArray content = contentOf(m_pdfs.at(i));
            QCOMPARE(document->name, QFileInfo(m_pdfs.at(i)).fileName());
            QCOMPARE(document->size, content.size());
            QCOMPARE(document->sha256,
                     QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
            QCOMPARE(document->mimeType, QStringLiteral("application/pdf"));
            QCOMPARE(document->kind, DocumentKind::Scan);
            QCOMPARE(document->caseId, m_case.id);
            // Encrypted in the store: the file there is not the PDF, reading it back gives the PDF.
            QVERIFY(contentOf(m_blobs->filePath(document->sha256)) != content);
            QCOMPARE(storedContent(*m_blobs, document->sha256), content);
        }
        // Shown at once, marked as waiting for the sync.
        QCOMPARE(panel.documentsList()->count(), before + m_pdfs.size());
        const QString shown = panel.documentsList()->item(panel.documentsList()->count() - 1)->text();
        QVERIFY2(shown.contains(QStringLiteral("not sent yet")), qPrintable(shown));
        QCOMPARE(CaseRepository(m_cache->db()).visibleDocuments(m_case.id)->size(), qsizetype(before + m_pdfs.size()));
    }

    void unusableFilesAreRefusedBeforeReading_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("missing") << QStringLiteral("gibt-es-nicht.pdf") << qint64(-1)
                                 << QStringLiteral("cannot be read");
        QTest::newRow("too large") << QStringLiteral("riesig.pdf") << CommandLimits::DocumentSize + 1
                                   << QStringLiteral("larger than");
    }

    void unusableFilesAreRefusedBeforeReading()
    {
        QFETCH(QString, file);
        QFETCH(qint64, size);
        QFETCH(QString, reasonPart);
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        if (size >= 0) {
            QFile sparse(path); // a sparse file: large on paper, nothing written
            QVERIFY(sparse.open(QIODevice::WriteOnly) && sparse.resize(size));
        }
        CaseDocumentsPanel panel(m_cache->db(), *m_blobs, test::treeFellingUser(Role::Clerk).id);
        panel.showCase(m_case);
        QSignalSpy changed(&panel, &CaseDocumentsPanel::outboxChanged);
        panel.attachFiles({m_pdfs.first(), path}); // one bad file stops the whole choice
        QVERIFY(!panel.isImporting());
        QVERIFY(panel.errorLabel()->isVisibleTo(&panel));
        QVERIFY2(panel.errorLabel()->text().contains(reasonPart), qPrintable(panel.errorLabel()->text()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
        QVERIFY(QDir(m_blobs->folder()).entryList(QDir::Files).isEmpty()); // nothing was encrypted
    }

    void anAuditorHasNoButton()
    {
        CaseDocumentsPanel panel(m_cache->db(), *m_blobs, test::treeFellingUser(Role::Auditor).id);
        panel.setFileChooser([this](QWidget *) { return m_pdfs; });
        panel.showCase(m_case);
        QVERIFY(!panel.attachButton()->isVisibleTo(&panel));
        panel.chooseAndAttach(); // the shortcut's way in: still nothing
        panel.attachFiles(m_pdfs);
        QVERIFY(!panel.isImporting());
        QVERIFY(QDir(m_blobs->folder()).entryList(QDir::Files).isEmpty()); // nothing was encrypted
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

private:
    QStringList m_pdfs;
    std::optional<BlobFileStore> m_blobs;
    Case m_case;
};

QTEST_MAIN(TestCaseDocumentsPanel)
#include "tst_casedocumentspanel.moc"
