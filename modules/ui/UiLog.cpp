#include "ui/UiLog.h"

namespace casedesk::ui {
Q_LOGGING_CATEGORY(lcUi, "casedesk.ui")
} // namespace casedesk::ui
