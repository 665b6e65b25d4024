#include "ui/CaseDocumentsPanel.h"

#include "core/Clock.h"
#include "core/Command.h"
#include "core/Uuid.h"
#include "storage/CacheDatabase.h"
#include "storage/CaseRepository.h"
#include "storage/CommandCheck.h"
#include "storage/Outbox.h"
#include "ui/UiLog.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace casedesk::ui {

namespace {

struct KindName {
    DocumentKind kind;
    const char *name;
};

constexpr KindName kindNames[] = {
    {DocumentKind::Scan, QT_TRANSLATE_NOOP("casedesk::ui::CaseDocumentsPanel", "Scan")},
    {DocumentKind::Application, QT_TRANSLATE_NOOP("casedesk::ui::CaseDocumentsPanel", "Application")},
    {DocumentKind::Evidence, QT_TRANSLATE_NOOP("casedesk::ui::CaseDocumentsPanel", "Evidence")},
    {DocumentKind::Correspondence, QT_TRANSLATE_NOOP("casedesk::ui::CaseDocumentsPanel", "Correspondence")},
    {DocumentKind::Letter, QT_TRANSLATE_NOOP("casedesk::ui::CaseDocumentsPanel", "Letter")},
    {DocumentKind::Other, QT_TRANSLATE_NOOP("casedesk::ui::CaseDocumentsPanel", "Other")},
};

QString kindName(DocumentKind kind)
{
    for (const KindName &known : kindNames) {
        if (known.kind == kind)
            return CaseDocumentsPanel::tr(known.name);
    }
    return {};
}

QStringList chooseFilesInDialog(QWidget *parent)
{
    return QFileDialog::getOpenFileNames(parent, CaseDocumentsPanel::tr("Attach documents"), QString(),
                                         CaseDocumentsPanel::tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff "
                                                                "*.txt *.odt *.docx);;All files (*)"));
}

} // namespace

CaseDocumentsPanel::CaseDocumentsPanel(storage::CacheDatabase &db, storage::BlobFileStore blobs, const QUuid &actor,
                                       QWidget *parent)
    : QWidget(parent), m_db(db), m_blobs(std::move(blobs)), m_actor(actor), m_chooseFiles(chooseFilesInDialog),
      m_list(new QListWidget(this)), m_kind(new QComboBox(this)), m_attach(new QPushButton(tr("Attach files…"), this)),
      m_error(new MessageLabel(QStringLiteral("caseDocumentsError"), this))
{
    auto *heading = new QLabel(tr("Documents"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    m_list->setAccessibleName(tr("Documents of the case"));
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * 6);
    for (const KindName &known : kindNames)
        m_kind->addItem(tr(known.name), int(known.kind));
    m_kind->setAccessibleName(tr("Kind of the documents to attach"));
    m_attach->setToolTip(tr("Adds files (scans, letters) to the case; they are kept encrypted"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_kind, 0, Qt::AlignTop);
    buttons->addWidget(m_attach, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_attach, &QPushButton::clicked, this, &CaseDocumentsPanel::chooseAndAttach);
    connect(&m_import, &QFutureWatcher<QList<Import>>::finished, this, &CaseDocumentsPanel::importFinished);
    clear();
}

CaseDocumentsPanel::~CaseDocumentsPanel()
{
    // The import writes into the store this panel holds: it ends first.
    m_import.waitForFinished();
}

void CaseDocumentsPanel::setFileChooser(FileChooser chooser)
{
    m_chooseFiles = std::move(chooser);
}

void CaseDocumentsPanel::clear()
{
    m_case.reset();
    m_attachable = false;
    m_list->clear();
    m_error->showMessage({});
    updateAttachButton();
}

void CaseDocumentsPanel::showCase(const Case &c)
{
    if (!m_case || m_case->id != c.id)
        m_error->showMessage({});
    m_case = c;
    const Result<storage::CommandCheck::Offer> offer = storage::CommandCheck(m_db.sqlite()).offer(c, m_actor);
    m_attachable = offer && offer->documentsAttachable;
    m_attach->setVisible(m_attachable);
    m_kind->setVisible(m_attachable);
    reload();
}

void CaseDocumentsPanel::reload()
{
    m_list->clear();
    updateAttachButton();
    if (!m_case)
        return;
    storage::CaseRepository cases(m_db);
    const Result<QList<DocumentRef>> documents = cases.visibleDocuments(m_case->id);
    if (!documents) {
        qCWarning(lcUi).noquote() << "reading the documents failed:" << documents.error().toString();
        m_error->showMessage(documents.error().message);
        return;
    }
    // A document the server has not confirmed waits for the sync; the list says so.
    QSet<QUuid> confirmed;
    if (const Result<QList<DocumentRef>> known = cases.confirmedDocuments(m_case->id); known) {
        for (const DocumentRef &document : *known)
            confirmed.insert(document.id);
    }
    const QLocale locale;
    for (const DocumentRef &document : *documents) {
        QString text =
            tr("%1 · %2 · %3").arg(document.name, kindName(document.kind), locale.formattedDataSize(document.size));
        if (document.addedAt.isValid())
            text += QStringLiteral(" · ") + locale.toString(document.addedAt.toLocalTime(), QLocale::ShortFormat);
        if (!confirmed.contains(document.id))
            text += QStringLiteral(" · ") + tr("not sent yet");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, document.id);
    }
}

void CaseDocumentsPanel::chooseAndAttach()
{
    if (!m_case || !m_attachable || isImporting())
        return;
    attachFiles(m_chooseFiles(window()));
}

void CaseDocumentsPanel::attachFiles(const QStringList &paths)
{
    // Where the rules would refuse the command, nothing is encrypted for it.
    if (!m_case || !m_attachable || isImporting() || paths.isEmpty())
        return;
    // Checked before a byte is read: a file too large would be encrypted for nothing.
    for (const QString &path : paths) {
        const QFileInfo file(path);
        if (!file.isFile() || !file.isReadable()) {
            m_error->showMessage(
                tr("“%1” cannot be read. Check that the file exists and that you may open it.").arg(path));
            return;
        }
        if (file.size() > CommandLimits::DocumentSize) {
            m_error->showMessage(
                tr("“%1” is larger than %2. Split it into smaller files or scan it at a lower resolution.")
                    .arg(file.fileName(), QLocale().formattedDataSize(CommandLimits::DocumentSize)));
            return;
        }
    }
    m_error->showMessage({});
    m_importCase = m_case->id;
    m_importKind = DocumentKind(m_kind->currentData().toInt());
    m_import.setFuture(QtConcurrent::run([blobs = m_blobs, paths] {
        QList<Import> imports;
        for (const QString &path : paths)
            imports.append({path, blobs.importFile(path)});
        return imports;
    }));
    updateAttachButton();
}

void CaseDocumentsPanel::importFinished()
{
    const QList<Import> imports = m_import.result();
    const QMimeDatabase mimeTypes;
    QStringList problems;
    bool queued = false;
    for (const Import &import : imports) {
        const QFileInfo file(import.path);
        if (!import.imported) {
            qCWarning(lcUi).noquote() << "importing" << import.path << "failed:" << import.imported.error().toString();
            problems.append(tr("“%1” was not attached: %2").arg(file.fileName(), import.imported.error().message));
            continue;
        }
        DocumentRef document;
        document.id = createUuidV7();
        document.caseId = m_importCase;
        document.sha256 = import.imported->sha256;
        document.size = import.imported->size;
        document.name = file.fileName();
        document.mimeType = mimeTypes.mimeTypeForFile(file).name();
        document.kind = m_importKind;
        document.addedAt = Clock::current().now();
        const Result<Command> submitted = storage::Outbox(m_db).submit(
            CommandName::AttachDocument, m_importCase, {{QStringLiteral("document"), document.toJson()}}, m_actor);
        // A refused one leaves its encrypted content in the store, where the same file attached again finds it.
        if (!submitted) {
            qCInfo(lcUi).noquote() << "attachDocument refused:" << submitted.error().toString();
            problems.append(tr("“%1” was not attached: %2").arg(file.fileName(), submitted.error().message));
            continue;
        }
        queued = true;
    }
    m_error->showMessage(problems.join(QLatin1Char('\n')));
    reload();
    if (queued)
        emit outboxChanged(m_importCase);
}

void CaseDocumentsPanel::updateAttachButton()
{
    m_attach->setEnabled(m_case.has_value() && m_attachable && !isImporting());
    m_attach->setText(isImporting() ? tr("Encrypting…") : tr("Attach files…"));
}

} // namespace casedesk::ui
