// A repeatable group in the form view (several vehicles, several trees): a titled section with one framed
// row per entry, "Remove" on each row and "Add" below, enabled only within the group's minimum and maximum
// number of entries. The rows' fields are made by the builder; adding and removing is the controller's
// business (the buttons only ask).
#pragma once

#include <QGroupBox>
#include <QList>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace casedesk::ui {

class FormGroupRows : public QGroupBox {
    Q_OBJECT

public:
    FormGroupRows(const QString &title, int minCount, int maxCount, QWidget *parent = nullptr);

    // Shows group-level problems ("add at least two entries") above the rows.
    void setMessageLabel(QLabel *message);
    // Appends a row showing `fields` (the row's editors) with its Remove button.
    void addRow(QWidget *fields);
    // How many entries the data holds; may be more than the rows shown when data exceeds the maximum.
    void setEntryCount(int count);
    void setReadOnly(bool readOnly);

    int rowCount() const { return int(m_removeButtons.size()); }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton(int row) const { return m_removeButtons.value(row); }

signals:
    void addRequested();
    void removeRequested(int row);

private:
    void updateButtons();

    QString m_title;
    int m_minCount;
    int m_maxCount;
    int m_entryCount = 0;
    bool m_readOnly = false;
    QVBoxLayout *m_layout;
    QVBoxLayout *m_rows;
    QPushButton *m_add;
    QList<QPushButton *> m_removeButtons;
};

} // namespace casedesk::ui
