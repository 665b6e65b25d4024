// "Needs attention" (DESIGN.md, decision 3): the user's commands the server rejected or found in conflict,
// kept in the outbox until the user re-applies, edits or discards them. One row per command: the case, what
// the command did, why the server did not apply it, and the server's value beside the user's (per field for
// field conflicts).
#pragma once

#include "casework/CaseTypeCatalogue.h"
#include "core/Command.h"
#include "core/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QUuid>

#include <memory>

namespace casedesk::storage {
class CacheDatabase;
struct OutboxEntry;
} // namespace casedesk::storage

namespace casedesk::ui {

class NeedsAttentionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AktenzeichenColumn,
        TitleColumn,
        ChangeColumn, // what the command did; when it was made in the tooltip
        ReasonColumn,
        ServerValueColumn,
        UserValueColumn,
        ColumnCount,
    };
    enum Role {
        CommandIdRole = Qt::UserRole + 1, // QUuid
        CaseIdRole,                       // QUuid
        ConflictRole,                     // bool: a conflict (true) or a rejection (false)
    };

    explicit NeedsAttentionModel(storage::CacheDatabase &db, QObject *parent = nullptr);

    // Reads the rejected and conflicting commands again. On an error the rows stay as they were.
    Result<void> reload();

    // The sentence for a reason code of the server ("forbidden", "field_conflict", ...); the code itself when it
    // is not one CaseDesk knows, so nothing the server says is hidden. The reason column is
    // reasonText(OutboxEntry::reason): a stored code is put into words in the user's language, a sentence the
    // storage wrote is shown as it is.
    static QString reasonText(const QString &code);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QUuid commandId;
        QUuid caseId;
        bool conflict = false;
        QString aktenzeichen;
        QString title;
        QString change;
        QString madeAt;
        QString reason;
        QString serverValue;
        QString userValue;
    };
    Result<Row> makeRow(const storage::OutboxEntry &entry) const;
    // What a command did, in a few words ("Set fields: Street, Postcode", "Assign to Anna Müller").
    QString describe(const Command &command, const QString &caseType) const;
    // "Field: value" lines of a setFields command's new values, or of a conflict's server values.
    QString fieldLines(const QString &caseType, const QJsonObject &values, const QString &valueKey) const;
    const demo::CaseTypeContent *contentOf(const QString &caseType) const;
    QString fieldLabel(const QString &caseType, const QString &fieldId) const;
    QString fieldValue(const QString &caseType, const QString &fieldId, const QJsonValue &value) const;
    QString taskName(const QString &caseType, const QString &taskId) const;
    QString userName(const QString &id) const; // "" is nobody
    QString userValue(const Command &command, const QString &caseType) const;
    QString serverValue(const storage::OutboxEntry &entry, const QString &caseType) const;

    storage::CacheDatabase &m_db;
    QList<Row> m_rows;
    // Read per reload: the people a command or conflict names, and team names for consultations.
    QHash<QUuid, QString> m_userNames;
    QHash<QUuid, QString> m_teamNames;
    std::shared_ptr<const casework::CaseTypeCatalogue> m_caseTypes; // read with the rows
};

} // namespace casedesk::ui
