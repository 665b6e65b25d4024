// The editor for money fields: the clerk types euros ("1.234,56", "1234.5 €" under the matching locale), the
// form stores integer cents (DESIGN.md, decision 13); once the input is left it is shown formatted
// ("1.234,56 €").
#pragma once

#include "ui/FormEditor.h"

#include <QLocale>

#include <optional>

class QLineEdit;

namespace casedesk::ui {

class FormMoneyEditor : public FormEditor {
    Q_OBJECT

public:
    explicit FormMoneyEditor(const forms::FormField &field);

    QWidget *widget() const override;
    QWidget *input() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

    // Cents for an amount of euros as people write it under `locale`: group separators and a "€" are
    // ignored, at most two decimal places; nullopt when it is no such amount.
    static std::optional<qint64> parseCents(const QString &text, const QLocale &locale);

protected:
    void show(const QJsonValue &value) override;

private:
    QLineEdit *m_edit;
};

} // namespace casedesk::ui
