// Asks for the cache passphrase where no keychain is reachable: explains why, asks twice for a new cache.
#pragma once

#include "ui/StartupPrompts.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace casedesk::ui {

class PassphraseDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int MinimumLength = 8;

    PassphraseDialog(StartupPrompts::PassphraseMode mode, const QString &problem, QWidget *parent = nullptr);

    QString passphrase() const;
    QLineEdit *passphraseField() const { return m_passphrase; }
    QLineEdit *repeatField() const { return m_repeat; } // nullptr when opening

private:
    void validate();

    StartupPrompts::PassphraseMode m_mode;
    QLineEdit *m_passphrase;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace casedesk::ui
