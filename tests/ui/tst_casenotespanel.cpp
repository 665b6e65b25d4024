// The Vermerke panel of the detail pane (offscreen) over a real encrypted cache with the demo world's reference
// data and a tree felling application as the server confirmed it: a clerk of the team adds a Vermerk (queued,
// shown at once with its author), empty text cannot be sent, and an auditor's or a too long Vermerk is refused
// with the reason while the text stays and nothing is queued.
#include "core/Command.h"
#include "core/Uuid.h"
#include "mock/MockClock.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "ui/CaseNotesPanel.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "../storage/TreeFellingCache.h"

using namespace casedesk;
using namespace casedesk::storage;
using ui::CaseNotesPanel;

Q_DECLARE_METATYPE(casedesk::Role)

class TestCaseNotesPanel : public QObject, private test::CaseworkFixture {
    Q_OBJECT

private slots:

    void init()
    {
        m_case = confirmedSample();
        const QString filled = startCache(m_case);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
    }

    void cleanup() { m_cache.reset(); }

    void aClerkAddsAVermerk()
    {
        const User clerk = test::treeFellingUser(Role::Clerk);
        CaseNotesPanel panel(m_cache->db(), clerk.id);
        QVERIFY(!panel.addButton()->isEnabled()); // no case yet
        panel.showCase(m_case.id);
        const int before = panel.notesList()->count();
        QVERIFY(!panel.addButton()->isEnabled()); // nothing written yet

        QSignalSpy changed(&panel, &CaseNotesPanel::outboxChanged);
        QTest::keyClicks(panel.editor(), QStringLiteral("Baum vor Ort besichtigt, "));
        panel.editor()->insertPlainText(QStringLiteral("Stammschaden bestätigt.")); // QTest types ASCII only
        QVERIFY(panel.addButton()->isEnabled());
        QTest::mouseClick(panel.addButton(), Qt::LeftButton);

        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toUuid(), m_case.id);
        QVERIFY(panel.editor()->toPlainText().isEmpty());
        QVERIFY(!panel.errorLabel()->isVisibleTo(&panel));
        QCOMPARE(panel.notesList()->count(), before + 1);
        const QString shown = panel.notesList()->item(panel.notesList()->count() - 1)->text();
        QVERIFY2(shown.contains(QStringLiteral("Stammschaden bestätigt")), qPrintable(shown));
        QVERIFY2(shown.contains(clerk.displayName), qPrintable(shown));

        const Result<QList<OutboxEntry>> queued = Outbox(m_cache->db()).entries();
        QVERIFY(queued);
        QCOMPARE(queued->size(), 1);
        QCOMPARE(queued->first().command.name, CommandName::AddNote);
        QCOMPARE(queued->first().command.caseId, m_case.id);
        QCOMPARE(queued->first().command.args.value(QLatin1String("note")).toObject().value(QLatin1String("text")),
                 QStringLiteral("Baum vor Ort besichtigt, Stammschaden bestätigt."));
    }

    void emptyTextIsNotSent()
    {
        CaseNotesPanel panel(m_cache->db(), test::treeFellingUser(Role::Clerk).id);
        panel.showCase(m_case.id);
        QTest::keyClicks(panel.editor(), QStringLiteral("   "));
        QTest::keyClick(panel.editor(), Qt::Key_Return);
        QTest::keyClicks(panel.editor(), QStringLiteral("  "));
        QVERIFY(!panel.addButton()->isEnabled());
        panel.addNote(); // also the shortcut's way in
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

    void refusedVermerkKeepsItsText_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("auditor") << Role::Auditor << QStringLiteral("Prüfvermerk") << QStringLiteral("read");
        QTest::newRow("too long") << Role::Clerk << QString(CommandLimits::TextLength + 1, u'x')
                                  << QString::number(CommandLimits::TextLength);
    }

    void refusedVermerkKeepsItsText()
    {
        QFETCH(Role, role);
        QFETCH(QString, text);
        QFETCH(QString, reasonPart);
        CaseNotesPanel panel(m_cache->db(), test::treeFellingUser(role).id);
        panel.showCase(m_case.id);
        const int before = panel.notesList()->count();
        QSignalSpy changed(&panel, &CaseNotesPanel::outboxChanged);
        panel.editor()->setPlainText(text);
        QTest::mouseClick(panel.addButton(), Qt::LeftButton);

        QCOMPARE(changed.count(), 0);
        QVERIFY(panel.errorLabel()->isVisibleTo(&panel));
        QVERIFY2(panel.errorLabel()->text().contains(reasonPart, Qt::CaseInsensitive),
                 qPrintable(panel.errorLabel()->text()));
        QCOMPARE(panel.editor()->toPlainText(), text);
        QCOMPARE(panel.notesList()->count(), before);
        QCOMPARE(*Outbox(m_cache->db()).pendingCount(), qint64(0));
    }

    void anotherCaseStartsAfresh()
    {
        CaseNotesPanel panel(m_cache->db(), test::treeFellingUser(Role::Auditor).id);
        panel.showCase(m_case.id);
        panel.editor()->setPlainText(QStringLiteral("Prüfvermerk"));
        QTest::mouseClick(panel.addButton(), Qt::LeftButton);
        QVERIFY(panel.errorLabel()->isVisibleTo(&panel));
        panel.clear();
        QVERIFY(!panel.errorLabel()->isVisibleTo(&panel));
        QVERIFY(panel.editor()->toPlainText().isEmpty());
        QVERIFY(!panel.editor()->isEnabled());
        QVERIFY(!panel.addButton()->isEnabled());
        QCOMPARE(panel.notesList()->count(), 0);
    }

private:
    Case m_case;
};

QTEST_MAIN(TestCaseNotesPanel)
#include "tst_casenotespanel.moc"
