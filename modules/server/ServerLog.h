// The server module's log category ("casedesk.server").
#pragma once

#include <QLoggingCategory>

namespace casedesk::server {
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace casedesk::server
