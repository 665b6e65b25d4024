// The bar above the inbox table: the search field and the status and case type filters.
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace casedesk::ui {

class InboxFilterBar : public QWidget {
    Q_OBJECT

public:
    explicit InboxFilterBar(QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *caseTypeFilter() const { return m_caseType; }

    // Replaces the choices, keeping the current selection where it still exists.
    void setChoices(const QStringList &statusTexts, const QStringList &caseTypes);

public slots:
    void focusSearch();
    void clearSearch();

signals:
    void searchTextChanged(const QString &text);
    void statusFilterChanged(const QString &statusText); // empty: any
    void caseTypeFilterChanged(const QString &caseType); // empty: any

private:
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_caseType;
};

} // namespace casedesk::ui
