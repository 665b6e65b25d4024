#include "server/ScopeFilter.h"

#include "core/AccessPolicy.h"
#include "core/Uuid.h"
#include "server/CaseStore.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace casedesk::server {

namespace {

QString sortedIds(const QList<QUuid> &ids)
{
    QStringList texts;
    for (const QUuid &id : ids)
        texts.append(uuidToString(id));
    texts.sort();
    return texts.join(u',');
}

} // namespace

QString ScopeFilter::uuidArray(const QList<QUuid> &ids)
{
    QStringList texts;
    for (const QUuid &id : ids)
        texts.append(uuidToString(id));
    return u'{' + texts.join(u',') + u'}';
}

ScopeFilter::ScopeFilter(AccessScope scope) : m_scope(std::move(scope)) {}

Result<ScopeFilter> ScopeFilter::forUser(QSqlDatabase db, const User &user, const Clock &clock)
{
    Result<QHash<QUuid, AccessScope>> scopes = scopesOf(db, {user}, clock);
    if (!scopes)
        return scopes.error();
    return ScopeFilter(scopes->value(user.id));
}

Result<QHash<QUuid, AccessScope>> ScopeFilter::scopesOf(QSqlDatabase db, const QList<User> &users, const Clock &clock)
{
    QList<QUuid> ids;
    for (const User &user : users)
        ids.append(user.id);
    // Ordered, so the same deputyships give an equal AccessScope (the live channel compares them).
    const Result<QSqlQuery *> query =
        CaseStore::run(db,
                       QStringLiteral("SELECT absent_user_id, deputy_id, first_day, last_day FROM deputyships"
                                      " WHERE deputy_id = ANY(CAST(:deputies AS uuid[])) ORDER BY absent_user_id"),
                       {{QStringLiteral(":deputies"), uuidArray(ids)}});
    if (!query)
        return query.error();
    QList<Deputyship> deputyships;
    while ((*query)->next())
        deputyships.append({uuidFromString((*query)->value(0).toString()),
                            uuidFromString((*query)->value(1).toString()), (*query)->value(2).toDate(),
                            (*query)->value(3).toDate()});
    (*query)->finish();
    // forUser() takes everyone's deputyships and keeps the user's own.
    QHash<QUuid, AccessScope> scopes;
    for (const User &user : users)
        scopes.insert(user.id, AccessScope::forUser(user, deputyships, clock));
    return scopes;
}

QString ScopeFilter::readableCondition(const QString &caseAlias)
{
    // readableTeamIds() holds the writable teams too. coalesce: an unassigned case compares NULL, which would
    // make a NOT of the whole condition NULL as well.
    return QStringLiteral(
               "(%1.team_id = ANY(CAST(:scope_teams AS uuid[]))"
               " OR coalesce(%1.assignee_id = ANY(CAST(:scope_assignees AS uuid[])), false)"
               " OR EXISTS (SELECT 1 FROM consultations scope_k WHERE scope_k.case_id = %1.id"
               " AND scope_k.ended_at IS NULL AND scope_k.team_id = ANY(CAST(:scope_consulting AS uuid[]))))")
        .arg(caseAlias);
}

void ScopeFilter::bind(QSqlQuery &query) const
{
    query.bindValue(QStringLiteral(":scope_teams"), uuidArray(m_scope.readableTeamIds()));
    query.bindValue(QStringLiteral(":scope_assignees"), uuidArray(m_scope.assigneeIds()));
    query.bindValue(QStringLiteral(":scope_consulting"), uuidArray(m_scope.consultingTeamIds()));
}

QString ScopeFilter::readableFactsCondition(const QString &changeAlias)
{
    return QStringLiteral("(coalesce(%1.team_id = ANY(CAST(:facts_teams AS uuid[])), false)"
                          " OR coalesce(%1.assignee_id = ANY(CAST(:facts_assignees AS uuid[])), false))")
        .arg(changeAlias);
}

void ScopeFilter::bindFacts(QSqlQuery &query) const
{
    query.bindValue(QStringLiteral(":facts_teams"), uuidArray(m_scope.readableTeamIds()));
    query.bindValue(QStringLiteral(":facts_assignees"), uuidArray(m_scope.assigneeIds()));
}

bool ScopeFilter::reads(const AccessScope &scope, const CaseAccessFacts &facts)
{
    const CaseAccess access = AccessPolicy::caseAccess(scope, facts);
    return access == CaseAccess::Read || access == CaseAccess::Write;
}

Result<QByteArray> ScopeFilter::fingerprint(QSqlDatabase db) const
{
    QStringList consulted;
    if (!m_scope.consultingTeamIds().isEmpty()) {
        const Result<QSqlQuery *> query =
            CaseStore::run(db,
                           QStringLiteral("SELECT DISTINCT case_id FROM consultations WHERE ended_at IS NULL"
                                          " AND team_id = ANY(CAST(:teams AS uuid[]))"),
                           {{QStringLiteral(":teams"), uuidArray(m_scope.consultingTeamIds())}});
        if (!query)
            return query.error();
        while ((*query)->next())
            consulted.append((*query)->value(0).toString());
        (*query)->finish();
        consulted.sort();
    }
    QStringList roles;
    for (Role role : m_scope.roles())
        roles.append(roleToString(role));
    roles.sort();
    const QString canonical =
        QStringList{uuidToString(m_scope.userId()), roles.join(u','), sortedIds(m_scope.memberTeamIds()),
                    sortedIds(m_scope.deputisedUserIds()), consulted.join(u',')}
            .join(u';');
    // 128 bits tell scopes apart well enough; the cursor stays short.
    return QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256)
        .left(16)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace casedesk::server
