#include "ui/MessageLabel.h"

namespace casedesk::ui {

MessageLabel::MessageLabel(const QString &objectName, QWidget *parent) : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageLabel::showMessage(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

} // namespace casedesk::ui
