// What went wrong, beside the widgets it concerns: wraps, can be selected and copied (for a call to IT support),
// and shows only while it has a message.
#pragma once

#include <QLabel>

namespace casedesk::ui {

class MessageLabel : public QLabel {
    Q_OBJECT

public:
    MessageLabel(const QString &objectName, QWidget *parent);

    void showMessage(const QString &message); // empty: hidden
};

} // namespace casedesk::ui
