// Sample material for the case rules' tests (casework, storage's CommandCheck): tree felling applications of
// the demo generator opened by the case rules, the demo world's users, their next task and field edits.
#pragma once

#include "core/Case.h"
#include "core/User.h"
#include "demo/BundledContent.h"
#include "demo/DemoGenerator.h"
#include "workflow/WorkflowEngine.h"

#include <QDateTime>
#include <QJsonObject>

namespace casedesk::test {

// The day the samples are made for; install a clock on it, since the form checks dates against today.
extern const QDateTime treeFellingDay;

const demo::CaseTypeContent &treeFellingContent();
const demo::DemoGenerator &treeFellingDemo();

// The first generated tree felling application, opened anew: its process waits at its first task.
Case openedTreeFellingCase();

// A user of the demo world with `role`, of the tree felling team or not.
User treeFellingUser(Role role, bool ofTheTeam = true);

// The user as the workflow engine sees them (their teams by code).
workflow::Actor actorOf(const User &user);

// completeTask's args for the first task `actor` may complete now, with its first outcome; {} when none waits.
QJsonObject firstTask(const Case &c, const workflow::Actor &actor);

// setFields' args for one field, its old value taken from the case.
QJsonObject fieldEdit(const Case &c, const QString &field, const QJsonValue &newValue);

} // namespace casedesk::test
