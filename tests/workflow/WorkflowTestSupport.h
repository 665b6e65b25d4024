// Helpers for the workflow tests: inline BPMN snippets and a few actors.
#pragma once

#include "workflow/ProcessParser.h"
#include "workflow/WorkflowEngine.h"

#include <QByteArray>
#include <QString>
#include <QTimeZone>

namespace casedesk::workflow::test {

// A complete BPMN document around `body` (the content of one executable process).
inline QByteArray bpmn(const QString &body, const QString &processAttributes = {})
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"\n"
                          "    xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"\n"
                          "    xmlns:casedesk=\"https://casedesk.example/bpmn\"\n"
                          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"Defs\">\n"
                          "<bpmn:process id=\"P\" isExecutable=\"true\" %1>\n%2\n</bpmn:process>\n"
                          "</bpmn:definitions>\n")
        .arg(processAttributes, body)
        .toUtf8();
}

// The 1-based line of the first line of `xml` that contains `needle`; 0 when none does.
inline int lineOf(const QByteArray &xml, const QString &needle)
{
    const QList<QByteArray> lines = xml.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (QString::fromUtf8(lines.at(i)).contains(needle))
            return static_cast<int>(i + 1);
    }
    return 0;
}

inline QString problemsText(const ParsedModel &parsed)
{
    QStringList lines;
    for (const ModelProblem &problem : parsed.problems)
        lines.append(problem.toString());
    return lines.join(u'\n');
}

inline Actor actor(const QString &userId, QList<Role> roles, QStringList teams = {})
{
    return Actor{userId, RoleSet(roles), std::move(teams)};
}

inline QDateTime at(const QString &isoUtc)
{
    return QDateTime::fromString(isoUtc, Qt::ISODate).toUTC();
}

} // namespace casedesk::workflow::test
