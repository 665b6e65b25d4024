#include "demo/DemoLog.h"

namespace casedesk::demo {
Q_LOGGING_CATEGORY(lcDemo, "casedesk.demo")
} // namespace casedesk::demo
