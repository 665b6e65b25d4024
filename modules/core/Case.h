// A case (Vorgang): one citizen's application and everything the city does with it.
#pragma once

#include "core/Aktenzeichen.h"
#include "core/Party.h"
#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace casedesk {

enum class Priority { Low, Normal, High, Urgent };
QString priorityToString(Priority priority); // "low", "normal", "high", "urgent"
bool priorityFromString(const QString &text, Priority *priority);

struct Case {
    QUuid id;                  // UUIDv7, made by whoever created the case
    Aktenzeichen aktenzeichen; // null until the server assigned one
    QString caseType;          // e.g. "bewohnerparken"; the key of the process model and form definition
    QString title;
    Party applicant;
    QUuid teamId;
    QUuid assigneeId; // null: unassigned
    // Teams consulted on the case (Beteiligung) whose consultation runs, in the order they were asked: the server
    // keeps it with its consultations, so an offline client knows who may read the case.
    QList<QUuid> consultingTeamIds;
    Priority priority = Priority::Normal;
    QDate receivedDate;
    QDate statutoryDeadline;   // may be null where no statutory period runs
    QDate followUpDate;        // Wiedervorlage; null when none is set
    QJsonObject workflowState; // the workflow engine's state, opaque outside the engine
    QString statusText;        // derived display value: the active task's name ("Prüfung", "Abgeschlossen")
    bool closed = false;       // derived: the process has ended
    QJsonObject formData;      // field id -> value, as the form definition describes
    // The versions of the form definition and process model the case runs on, fixed when it is opened: a
    // newer deployment changes new cases only. 0 (a case from before versions were recorded): the earliest.
    int formVersion = 0;
    int processVersion = 0;
    qint64 version = 0;  // server's version; 0 for a case the server has not confirmed yet
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    // The Aktenzeichen, or a provisional label for a case not yet synced (DESIGN.md, decision 8).
    QString displayAktenzeichen() const;

    QJsonObject toJson() const;
    static Result<Case> fromJson(const QJsonObject &json); // rejects a missing id, bad dates, bad enums
    bool operator==(const Case &) const = default;
};

} // namespace casedesk
