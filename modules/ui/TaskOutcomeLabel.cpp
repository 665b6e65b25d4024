#include "ui/TaskOutcomeLabel.h"

#include <QCoreApplication>

namespace casedesk::ui {

namespace {

struct OutcomeLabel {
    const char *code;
    const char *label;
};

// The outcomes of the bundled process models.
constexpr OutcomeLabel labels[] = {
    {"complete", QT_TRANSLATE_NOOP("TaskOutcome", "Complete")},
    {"incomplete", QT_TRANSLATE_NOOP("TaskOutcome", "Incomplete")},
    {"withdrawn", QT_TRANSLATE_NOOP("TaskOutcome", "Withdrawn")},
    {"grant", QT_TRANSLATE_NOOP("TaskOutcome", "Grant")},
    {"reject", QT_TRANSLATE_NOOP("TaskOutcome", "Reject")},
    {"approved", QT_TRANSLATE_NOOP("TaskOutcome", "Approve")},
    {"returned", QT_TRANSLATE_NOOP("TaskOutcome", "Return for rework")},
    {"recommend", QT_TRANSLATE_NOOP("TaskOutcome", "Recommend")},
    {"decline", QT_TRANSLATE_NOOP("TaskOutcome", "Decline")},
    {"costs", QT_TRANSLATE_NOOP("TaskOutcome", "Costs only")},
    {"site", QT_TRANSLATE_NOOP("TaskOutcome", "Site only")},
    {"both", QT_TRANSLATE_NOOP("TaskOutcome", "Costs and site")},
    {"none", QT_TRANSLATE_NOOP("TaskOutcome", "Neither")},
};

} // namespace

QString taskOutcomeLabel(const QString &outcome)
{
    for (const OutcomeLabel &known : labels) {
        if (outcome == QLatin1String(known.code))
            return QCoreApplication::translate("TaskOutcome", known.label);
    }
    return outcome;
}

} // namespace casedesk::ui
