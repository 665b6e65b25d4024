#include "ui/CaseNotesPanel.h"

#include "core/Clock.h"
#include "core/Note.h"
#include "core/Uuid.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"
#include "ui/UiLog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

CaseNotesPanel::CaseNotesPanel(storage::CacheDatabase &db, const QUuid &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor), m_list(new QListWidget(this)), m_editor(new QPlainTextEdit(this)),
      m_add(new QPushButton(tr("Add Vermerk"), this)), m_error(new MessageLabel(QStringLiteral("caseNotesError"), this))
{
    auto *heading = new QLabel(tr("Vermerke"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    m_list->setWordWrap(true);
    m_list->setAccessibleName(tr("Vermerke of the case"));
    m_editor->setPlaceholderText(tr("Write a Vermerk…"));
    m_editor->setAccessibleName(tr("New Vermerk"));
    m_editor->setTabChangesFocus(true);
    // A few lines: the list above stays the larger part.
    m_editor->setMaximumHeight(m_editor->fontMetrics().lineSpacing() * 5);
    m_add->setToolTip(tr("Adds the Vermerk to the case (Ctrl+Return)"));
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_add, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_editor);
    layout->addLayout(buttons);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &CaseNotesPanel::updateAddButton);
    connect(m_add, &QPushButton::clicked, this, &CaseNotesPanel::addNote);
    clear();
}

void CaseNotesPanel::clear()
{
    m_caseId = {};
    m_list->clear();
    m_editor->clear();
    m_editor->setEnabled(false);
    m_error->showMessage({});
    updateAddButton();
}

void CaseNotesPanel::showCase(const QUuid &caseId)
{
    if (caseId != m_caseId) {
        m_editor->clear();
        m_error->showMessage({});
    }
    m_caseId = caseId;
    m_editor->setEnabled(!caseId.isNull());
    reload();
}

void CaseNotesPanel::reload()
{
    m_list->clear();
    updateAddButton();
    if (m_caseId.isNull())
        return;
    const Result<QList<Note>> notes = storage::CaseRepository(m_db).visibleNotes(m_caseId);
    if (!notes) {
        qCWarning(lcUi).noquote() << "reading the Vermerke failed:" << notes.error().toString();
        m_error->showMessage(notes.error().message);
        return;
    }
    const QLocale locale;
    for (const Note &note : notes.value()) {
        const QString when = locale.toString(note.createdAt.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(
            tr("%1 · %2").arg(when, authorName(note.authorId)) + QLatin1Char('\n') + note.text, m_list);
        item->setData(Qt::UserRole, note.id);
    }
    m_list->scrollToBottom();
}

void CaseNotesPanel::addNote()
{
    const QString text = m_editor->toPlainText();
    if (m_caseId.isNull() || text.trimmed().isEmpty())
        return;
    const Note note{createUuidV7(), m_caseId, m_actor, Clock::current().now(), text};
    const Result<Command> queued = storage::Outbox(m_db).submit(CommandName::AddNote, m_caseId,
                                                                {{QStringLiteral("note"), note.toJson()}}, m_actor);
    if (!queued) {
        // The text stays in the field: the user may shorten it, or copy it elsewhere.
        qCInfo(lcUi).noquote() << "Vermerk refused:" << queued.error().toString();
        m_error->showMessage(queued.error().message);
        return;
    }
    m_editor->clear();
    m_error->showMessage({});
    reload();
    emit outboxChanged(m_caseId);
}

QString CaseNotesPanel::authorName(const QUuid &userId)
{
    if (const auto known = m_authorNames.constFind(userId); known != m_authorNames.cend())
        return *known;
    const Result<std::optional<User>> user = storage::ReferenceRepository(m_db).user(userId);
    // Someone the reference data does not (yet) know: the Vermerk still shows, without a name.
    const QString name = user && *user ? (*user)->displayName : tr("unknown author");
    m_authorNames.insert(userId, name);
    return name;
}

void CaseNotesPanel::updateAddButton()
{
    m_add->setEnabled(!m_caseId.isNull() && !m_editor->toPlainText().trimmed().isEmpty());
}

} // namespace casedesk::ui
