// The caller's access scope (core's AccessScope) as the SQL filter of every read endpoint, so the server never
// decides visibility twice. Built per request from the session's user and the deputyships running today
// (Europe/Berlin by the server's clock). The filter reads case contents: the mailroom's "files every case"
// (metadata only) is not part of it, so a mailroom-only user sees nothing through it; the mailroom's own
// search by Aktenzeichen applies filesEveryCase() itself.
//
// Ids reach PostgreSQL only as bound array parameters (text "{id,id}" cast to uuid[]), never inside the SQL.
#pragma once

#include "core/AccessScope.h"
#include "core/CaseAccessFacts.h"
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace casedesk::server {

class ScopeFilter {
public:
    explicit ScopeFilter(AccessScope scope);

    // `user` as the session has it; the deputyships in which the user stands in are read from `db`.
    static Result<ScopeFilter> forUser(QSqlDatabase db, const User &user, const Clock &clock);
    // The scopes of several users at once (the live channel's sockets), by user id; one query for all.
    static Result<QHash<QUuid, AccessScope>> scopesOf(QSqlDatabase db, const QList<User> &users, const Clock &clock);

    const AccessScope &scope() const { return m_scope; }

    // A boolean SQL expression: the cases row `caseAlias` (a fixed alias of the calling query) may be read.
    // It names the placeholders :scope_teams, :scope_assignees and :scope_consulting; bind them with bind().
    static QString readableCondition(const QString &caseAlias);
    void bind(QSqlQuery &query) const;
    // A boolean SQL expression: the changes row `changeAlias` recorded the case with a team or an assignee whose
    // cases this scope reads, i.e. the caller could read the case as of that change (consultations are left out:
    // the fingerprint covers them). Placeholders :facts_teams and :facts_assignees; bind them with bindFacts().
    static QString readableFactsCondition(const QString &changeAlias);
    void bindFacts(QSqlQuery &query) const;
    // Both conditions for one case in C++: whether `scope` reads a case with these facts (AccessPolicy's rule,
    // which the SQL mirrors). The facts of a changes row carry no consultations, as in readableFactsCondition.
    static bool reads(const AccessScope &scope, const CaseAccessFacts &facts);

    // What the scope depends on beyond the user's id, as a short hash: roles, teams, users deputised today
    // and the cases shared with the user's teams through open consultations. Pull puts it into its cursor and
    // starts over when it changed, so the client drops what left the scope. Reads the consultations from `db`.
    Result<QByteArray> fingerprint(QSqlDatabase db) const;

    // Ids as PostgreSQL's array literal "{id,id}", to bind as text and CAST(... AS uuid[]) in the SQL.
    static QString uuidArray(const QList<QUuid> &ids);

private:
    AccessScope m_scope;
};

} // namespace casedesk::server
