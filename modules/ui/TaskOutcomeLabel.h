// What a task's outcome says on its button. Process models name outcomes by code (casedesk:outcomes="grant
// reject"), the code the engine stores and conditions read; the clerk reads a word of their language. Codes
// without a label here (a model deployed later) show as they are.
#pragma once

#include <QString>

namespace casedesk::ui {

QString taskOutcomeLabel(const QString &outcome);

} // namespace casedesk::ui
