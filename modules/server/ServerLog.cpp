#include "server/ServerLog.h"

namespace casedesk::server {
Q_LOGGING_CATEGORY(lcServer, "casedesk.server")
} // namespace casedesk::server
