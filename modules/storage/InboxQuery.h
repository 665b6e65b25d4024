// What the inbox asks the cache for: a built-in view, a sort, filters; and what it gets back.
#pragma once

#include "core/Case.h"

#include <QDate>
#include <QList>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace casedesk::storage {

enum class InboxView {
    MyCases,     // open cases assigned to the user; default sort: deadline ascending
    Team,        // open cases of the user's teams; default sort: deadline ascending
    Unassigned,  // open, unassigned cases of the user's teams; default sort: received ascending
    Overdue,     // open cases whose statutory deadline is before today; default sort: deadline ascending
    DueThisWeek, // open cases whose deadline falls from today to Sunday of this week; default: deadline
    All,         // every case in the cache, closed ones too; default sort: received descending
};

enum class InboxSort { Deadline, Received, Aktenzeichen, Applicant, Status, Assignee };

struct InboxFilter {
    QString statusText; // exact derived status ("Prüfung"); empty: any
    QString caseType;   // empty: any
    QUuid teamId;       // null: any
    bool operator==(const InboxFilter &) const = default;
};

struct InboxQuery {
    InboxView view = InboxView::MyCases;
    InboxSort sort = InboxSort::Deadline;
    Qt::SortOrder order = Qt::AscendingOrder;
    InboxFilter filter;
    QUuid userId;         // "me"
    QList<QUuid> teamIds; // my teams
    QDate today;          // Europe/Berlin, from the Clock

    // The view's default sort and order (the one served straight from an index).
    static InboxQuery defaultFor(InboxView view, const QUuid &userId, const QList<QUuid> &teamIds, const QDate &today);
    bool operator==(const InboxQuery &) const = default;
};

// A position in a sorted result: the sort column's value and the row id as tie-breaker (keyset paging).
struct InboxKey {
    QVariant sortValue;
    qint64 rowId = 0;
    bool operator==(const InboxKey &) const = default;
};

struct InboxRow {
    InboxKey key;
    QUuid caseId;
    QString aktenzeichen; // display form (provisional label for unsynced cases)
    QString title;
    QString caseType;
    QString applicant; // display name
    QString statusText;
    QString assigneeName; // empty when unassigned
    Priority priority = Priority::Normal;
    QDate received;
    QDate deadline;
    QDate followUp;
    bool closed = false;
    bool hasPendingChanges = false; // commands in the outbox not yet confirmed
};

} // namespace casedesk::storage
