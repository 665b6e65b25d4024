#include "ui/NeedsAttentionModel.h"

#include "core/Case.h"
#include "core/JsonFields.h"
#include "core/Uuid.h"
#include "forms/FieldFormats.h"
#include "storage/CaseRepository.h"
#include "storage/Outbox.h"
#include "storage/ReferenceRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace casedesk::ui {

namespace {

// A Vermerk or a long value is shown shortened in a table cell; the tooltip has the whole text.
constexpr qsizetype MaxCellText = 80;

QString shortened(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= MaxCellText ? line : line.left(MaxCellText - 1) + QChar(0x2026);
}

} // namespace

NeedsAttentionModel::NeedsAttentionModel(storage::CacheDatabase &db, QObject *parent)
    : QAbstractTableModel(parent), m_db(db)
{
}

Result<void> NeedsAttentionModel::reload()
{
    auto entries = storage::Outbox(m_db).entries();
    if (!entries)
        return entries.error();
    storage::ReferenceRepository reference(m_db);
    auto users = reference.users();
    if (!users)
        return users.error();
    auto teams = reference.teams();
    if (!teams)
        return teams.error();
    auto caseTypes = reference.caseTypes();
    if (!caseTypes)
        return caseTypes.error();
    m_caseTypes = std::move(caseTypes).value();
    m_userNames.clear();
    for (const User &user : *users)
        m_userNames.insert(user.id, user.displayName);
    m_teamNames.clear();
    for (const Team &team : *teams)
        m_teamNames.insert(team.id, team.name);

    QList<Row> rows;
    for (const storage::OutboxEntry &entry : *entries) {
        // Pending commands are still on their way; only the server's "no" needs the user.
        if (entry.state == storage::OutboxEntry::State::Pending)
            continue;
        auto row = makeRow(entry);
        if (!row)
            return row.error();
        rows.append(std::move(row).value());
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return {};
}

Result<NeedsAttentionModel::Row> NeedsAttentionModel::makeRow(const storage::OutboxEntry &entry) const
{
    const Command &command = entry.command;
    auto visible = storage::CaseRepository(m_db).visibleCase(command.caseId);
    if (!visible)
        return visible.error();
    std::optional<Case> shown = *visible;
    // A rejected createCase is not replayed any more, so the case exists only in the command.
    if (!shown && command.name == CommandName::CreateCase) {
        if (auto created = Case::fromJson(command.args.value(QLatin1String("case")).toObject()))
            shown = std::move(created).value();
    }

    Row row;
    row.commandId = command.id;
    row.caseId = command.caseId;
    row.conflict = entry.state == storage::OutboxEntry::State::Conflict;
    row.aktenzeichen = shown ? shown->displayAktenzeichen() : QString();
    row.title = shown ? shown->title : tr("(no longer in your cache)");
    const QString caseType = shown ? shown->caseType : QString();
    row.change = describe(command, caseType);
    row.madeAt = QLocale().toString(command.madeAt.toLocalTime(), QLocale::ShortFormat);
    row.reason = reasonText(entry.reason);
    row.serverValue = serverValue(entry, caseType);
    row.userValue = userValue(command, caseType);
    return row;
}

QString NeedsAttentionModel::reasonText(const QString &code)
{
    // The codes of the server's CommandProcessor; the sentence says what the user can do about it.
    static constexpr struct {
        const char *code;
        const char *text;
    } known[] = {
        {"field_conflict", QT_TR_NOOP("Someone else changed this field on the server first. Compare the server's value "
                                      "with yours, then re-apply your change or discard it.")},
        {"assignee_conflict", QT_TR_NOOP("Someone else assigned this case first. Check who works on it now, then "
                                         "re-apply the assignment or discard it.")},
        {"task_conflict", QT_TR_NOOP("Someone else completed this task or moved the case on first. Open the case to "
                                     "continue from where it is now, then discard this change.")},
        {"forbidden", QT_TR_NOOP("You lack the permission for this change. Discard it or ask your team lead.")},
        {"not_found", QT_TR_NOOP("The case is no longer in your scope or no longer exists. Discard the change or "
                                 "ask your team lead.")},
        {"invalid_args", QT_TR_NOOP("The server could not accept this change as it was made. Discard it and make it "
                                    "again; if this repeats, report it to your IT support.")},
        {"invalid_form", QT_TR_NOOP("The server found form values that are not valid. Open the case, correct them, "
                                    "then discard this change.")},
        {"task_not_allowed", QT_TR_NOOP("You may not complete this task. Ask your team lead, or discard the change.")},
        {"four_eyes_violation", QT_TR_NOOP("This step needs a second person (four-eyes principle). Ask a colleague "
                                           "to complete it, then discard your change.")},
        {"unknown_outcome", QT_TR_NOOP("This task has no such outcome (any more). Open the case, choose again, then "
                                       "discard this change.")},
        {"process_error", QT_TR_NOOP("The process cannot continue with this step. Tell the administrator of the "
                                     "process models, then discard the change.")},
        {"workflow_rejected", QT_TR_NOOP("The process does not allow this step now. Open the case to see where it "
                                         "is, then discard the change.")},
        {"case_exists", QT_TR_NOOP("A case with this id exists already. Discard this new case.")},
        {"case_rejected", QT_TR_NOOP("The server refused to create this case, so this change cannot be applied "
                                     "either. Discard it.")},
        {"case_unreadable", QT_TR_NOOP("The server cannot read this case. Tell the administrator, then discard the "
                                       "change.")},
        {"unknown_command", QT_TR_NOOP("The server does not know this kind of change. Discard it, or update the "
                                       "server and re-apply it.")},
        {"unknown_case_type", QT_TR_NOOP("The server has no process model or form for this case type. Tell the "
                                         "administrator, then discard the change.")},
        {"note_exists", QT_TR_NOOP("This Vermerk is on the server already. Discard this copy.")},
        {"blob_missing", QT_TR_NOOP("The server does not have the document's content yet. Re-apply the change to "
                                    "send it again.")},
        {"document_exists", QT_TR_NOOP("This document is attached already. Discard this copy.")},
        {"document_not_found", QT_TR_NOOP("The case has no such document (any more). Discard the change.")},
        {"already_consulted", QT_TR_NOOP("This team is consulted on the case already. Discard the request.")},
        {"not_consulted", QT_TR_NOOP("This team is no longer consulted on the case. Discard the change.")},
    };
    for (const auto &entry : known) {
        if (code == QLatin1String(entry.code))
            return tr(entry.text);
    }
    return code;
}

QString NeedsAttentionModel::describe(const Command &command, const QString &caseType) const
{
    const QJsonObject &args = command.args;
    switch (command.name) {
    case CommandName::CreateCase:
        return tr("Case created");
    case CommandName::SetFields: {
        QStringList labels;
        const QJsonObject fields = args.value(QLatin1String("fields")).toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            labels.append(fieldLabel(caseType, it.key()));
        return tr("Set fields: %1").arg(labels.join(QStringLiteral(", ")));
    }
    case CommandName::CompleteTask:
        return tr("Complete task “%1”").arg(taskName(caseType, args.value(QLatin1String("taskId")).toString()));
    case CommandName::Assign: {
        const QString assignee = args.value(QLatin1String("assignee")).toString();
        return assignee.isEmpty() ? tr("Remove the assignment") : tr("Assign to %1").arg(userName(assignee));
    }
    case CommandName::Claim:
        return tr("Take on the case");
    case CommandName::AddNote:
        return tr("Vermerk added");
    case CommandName::AttachDocument:
        return tr("Document “%1” attached")
            .arg(args.value(QLatin1String("document")).toObject().value(QLatin1String("name")).toString());
    case CommandName::UpdateDocumentMeta:
        return tr("Document details changed");
    case CommandName::SetFollowUp: {
        const std::optional<QDate> date = json::dateFromString(args.value(QLatin1String("date")).toString());
        return date && date->isValid() ? tr("Follow-up set to %1").arg(forms::FieldFormats::formatDate(*date))
                                       : tr("Follow-up removed");
    }
    case CommandName::RequestConsultation: {
        const QUuid team = uuidFromString(args.value(QLatin1String("team")).toString());
        return tr("Consultation requested from %1").arg(m_teamNames.value(team, tr("another team")));
    }
    case CommandName::EndConsultation: {
        const QUuid team = uuidFromString(args.value(QLatin1String("team")).toString());
        return tr("Consultation of %1 ended").arg(m_teamNames.value(team, tr("another team")));
    }
    case CommandName::SetDeputy:
        return tr("Deputy set");
    }
    return commandNameToString(command.name);
}

const demo::CaseTypeContent *NeedsAttentionModel::contentOf(const QString &caseType) const
{
    // The latest version names fields and tasks: a label rarely changes between versions, and an id that a
    // version lacks is shown as it is.
    return m_caseTypes ? m_caseTypes->latest(caseType) : nullptr;
}

QString NeedsAttentionModel::fieldLabel(const QString &caseType, const QString &fieldId) const
{
    const demo::CaseTypeContent *content = contentOf(caseType);
    const forms::FormField *field = content ? content->form.field(fieldId) : nullptr;
    return field && !field->label.isEmpty() ? field->label.text() : fieldId;
}

QString NeedsAttentionModel::fieldValue(const QString &caseType, const QString &fieldId, const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return tr("(empty)");
    const demo::CaseTypeContent *content = contentOf(caseType);
    const forms::FormField *field = content ? content->form.field(fieldId) : nullptr;
    QString text = field ? forms::FieldFormats::displayText(*field, value) : QString();
    // Groups and values the form does not describe: the data as it is, rather than nothing.
    if (text.isEmpty()) {
        if (value.isString())
            text = value.toString();
        else if (value.isBool() || value.isDouble())
            text = value.toVariant().toString();
        else
            text = QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
    }
    return shortened(text);
}

QString NeedsAttentionModel::fieldLines(const QString &caseType, const QJsonObject &values,
                                        const QString &valueKey) const
{
    QStringList lines;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        lines.append(tr("%1: %2").arg(fieldLabel(caseType, it.key()),
                                      fieldValue(caseType, it.key(), it.value().toObject().value(valueKey))));
    }
    return lines.join(QLatin1Char('\n'));
}

QString NeedsAttentionModel::taskName(const QString &caseType, const QString &taskId) const
{
    const demo::CaseTypeContent *content = contentOf(caseType);
    const int index = content ? content->process.indexOf(taskId) : -1;
    if (index < 0 || content->process.element(index).name.isEmpty())
        return taskId;
    return content->process.element(index).name;
}

QString NeedsAttentionModel::userName(const QString &id) const
{
    if (id.isEmpty())
        return tr("Unassigned");
    const QUuid uuid = uuidFromString(id);
    return m_userNames.value(uuid, tr("unknown user (%1)").arg(id));
}

QString NeedsAttentionModel::userValue(const Command &command, const QString &caseType) const
{
    const QJsonObject &args = command.args;
    switch (command.name) {
    case CommandName::SetFields:
        return fieldLines(caseType, args.value(QLatin1String("fields")).toObject(), QStringLiteral("new"));
    case CommandName::Assign:
        return userName(args.value(QLatin1String("assignee")).toString());
    case CommandName::Claim:
        return tr("You");
    case CommandName::CompleteTask:
        return taskName(caseType, args.value(QLatin1String("taskId")).toString());
    case CommandName::AddNote:
        return shortened(args.value(QLatin1String("note")).toObject().value(QLatin1String("text")).toString());
    case CommandName::SetFollowUp: {
        const std::optional<QDate> date = json::dateFromString(args.value(QLatin1String("date")).toString());
        return date && date->isValid() ? forms::FieldFormats::formatDate(*date) : tr("(empty)");
    }
    case CommandName::CreateCase:
        return shortened(args.value(QLatin1String("case")).toObject().value(QLatin1String("title")).toString());
    case CommandName::AttachDocument:
    case CommandName::UpdateDocumentMeta:
    case CommandName::RequestConsultation:
    case CommandName::EndConsultation:
    case CommandName::SetDeputy:
        break; // the description says it all
    }
    return {};
}

QString NeedsAttentionModel::serverValue(const storage::OutboxEntry &entry, const QString &caseType) const
{
    const QJsonObject &conflicts = entry.serverValues;
    if (conflicts.isEmpty())
        return {};
    const QString server = QStringLiteral("server");
    switch (entry.command.name) {
    case CommandName::Assign:
    case CommandName::Claim:
        return userName(conflicts.value(QLatin1String("assignee")).toObject().value(server).toString());
    case CommandName::CompleteTask: {
        QStringList tasks;
        const QJsonArray active = conflicts.value(QLatin1String("task")).toObject().value(server).toArray();
        for (const QJsonValue &task : active)
            tasks.append(taskName(caseType, task.toString()));
        return tasks.isEmpty() ? tr("No open task") : tr("Open: %1").arg(tasks.join(QStringLiteral(", ")));
    }
    default:
        return fieldLines(caseType, conflicts, server);
    }
}

int NeedsAttentionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NeedsAttentionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NeedsAttentionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case CommandIdRole:
        return row.commandId;
    case CaseIdRole:
        return row.caseId;
    case ConflictRole:
        return row.conflict;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case AktenzeichenColumn:
        return row.aktenzeichen;
    case TitleColumn:
        return row.title;
    case ChangeColumn:
        return role == Qt::ToolTipRole ? row.change + QLatin1Char('\n') + tr("Made on %1").arg(row.madeAt) : row.change;
    case ReasonColumn:
        return row.reason;
    case ServerValueColumn:
        return row.serverValue;
    case UserValueColumn:
        return row.userValue;
    default:
        return {};
    }
}

QVariant NeedsAttentionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AktenzeichenColumn:
        return tr("File number");
    case TitleColumn:
        return tr("Case");
    case ChangeColumn:
        return tr("Change");
    case ReasonColumn:
        return tr("Reason");
    case ServerValueColumn:
        return tr("Server's value");
    case UserValueColumn:
        return tr("Your value");
    default:
        return {};
    }
}

} // namespace casedesk::ui
