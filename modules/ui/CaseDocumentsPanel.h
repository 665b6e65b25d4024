// The documents of the case shown beside the inbox (name, kind, size, date added; those the server has not
// confirmed yet are marked), and attaching files to it: a scan or a letter the clerk has as a file is encrypted
// into the cache's blob store off the UI thread (no plaintext copy is kept), then an attachDocument command
// goes into the outbox, checked at once with the server's rules; the sync uploads the content before it sends
// the command. A file over the size limit is refused before anything is read. Where the user may not attach
// (an auditor), there is no button.
#pragma once

#include "core/Case.h"
#include "core/DocumentRef.h"
#include "storage/BlobFileStore.h"
#include "ui/MessageLabel.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace casedesk::storage {
class CacheDatabase;
}

namespace casedesk::ui {

class CaseDocumentsPanel : public QWidget {
    Q_OBJECT

public:
    // `actor` is the signed-in user: documents are attached in their name.
    CaseDocumentsPanel(storage::CacheDatabase &db, storage::BlobFileStore blobs, const QUuid &actor,
                       QWidget *parent = nullptr);
    ~CaseDocumentsPanel() override;

    // Asks which files to attach (a file dialog unless replaced, as tests do); empty: none.
    using FileChooser = std::function<QStringList(QWidget *parent)>;
    void setFileChooser(FileChooser chooser);

    // `c` as the user sees it.
    void showCase(const Case &c);
    void clear();

    QListWidget *documentsList() const { return m_list; }
    QComboBox *kindCombo() const { return m_kind; } // the kind the next attached files get
    QPushButton *attachButton() const { return m_attach; }
    QLabel *errorLabel() const { return m_error; }
    bool isImporting() const { return m_import.isRunning(); }

public slots:
    // Reads the case's documents again (a sync confirmed or brought some).
    void reload();
    void chooseAndAttach();
    // Encrypts the files into the blob store in the background, then queues one attachDocument each.
    void attachFiles(const QStringList &paths);

signals:
    // Documents were queued on the case: its visible state changed and commands wait to be sent.
    void outboxChanged(const QUuid &caseId);

private:
    struct Import {
        QString path;
        Result<storage::BlobFileStore::Imported> imported;
    };
    void importFinished();
    void updateAttachButton();

    storage::CacheDatabase &m_db;
    storage::BlobFileStore m_blobs;
    QUuid m_actor;
    FileChooser m_chooseFiles;
    std::optional<Case> m_case;
    bool m_attachable = false;
    QUuid m_importCase; // the case the running import is for (the user may have moved on)
    DocumentKind m_importKind = DocumentKind::Other;
    QFutureWatcher<QList<Import>> m_import;
    QListWidget *m_list;
    QComboBox *m_kind;
    QPushButton *m_attach;
    MessageLabel *m_error;
};

} // namespace casedesk::ui
