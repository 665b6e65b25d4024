// The forms module's log category ("casedesk.forms").
#pragma once

#include <QLoggingCategory>

namespace casedesk::forms {
Q_DECLARE_LOGGING_CATEGORY(lcForms)
} // namespace casedesk::forms
