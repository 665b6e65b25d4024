// The ui module's log category ("casedesk.ui").
#pragma once

#include <QLoggingCategory>

namespace casedesk::ui {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace casedesk::ui
