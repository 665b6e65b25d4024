#include "ui/PassphraseDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk::ui {

PassphraseDialog::PassphraseDialog(StartupPrompts::PassphraseMode mode, const QString &problem, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_passphrase(new QLineEdit(this)), m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool create = mode == StartupPrompts::PassphraseMode::Create;
    setWindowTitle(tr("CaseDesk: cache passphrase"));
    auto *explanation = new QLabel(
        tr("No system keychain is available, so CaseDesk cannot keep the key of your local case cache there. "
           "The cache holds personal data of citizens and is always encrypted.") +
            QStringLiteral("\n\n") +
            (create ? tr("Choose a passphrase for the new cache (at least %1 characters). You will need it every "
                         "time CaseDesk starts; it cannot be recovered.")
                          .arg(MinimumLength)
                    : tr("Enter the passphrase of your local case cache.")),
        this);
    explanation->setWordWrap(true);

    auto *form = new QFormLayout;
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (create) {
        m_repeat = new QLineEdit(this);
        m_repeat->setEchoMode(QLineEdit::Password);
        m_repeat->setAccessibleName(tr("Repeat passphrase"));
        form->addRow(tr("&Repeat:"), m_repeat);
        connect(m_repeat, &QLineEdit::textChanged, this, &PassphraseDialog::validate);
    }
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseDialog::validate);

    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #b3261e;"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    validate();
    if (!problem.isEmpty())
        m_hint->setText(problem); // the caller's reason stays visible until the user types
}

QString PassphraseDialog::passphrase() const
{
    return m_passphrase->text();
}

void PassphraseDialog::validate()
{
    QString hint;
    if (m_mode == StartupPrompts::PassphraseMode::Create) {
        if (m_passphrase->text().size() < MinimumLength)
            hint = tr("The passphrase needs at least %1 characters.").arg(MinimumLength);
        else if (m_repeat->text() != m_passphrase->text())
            hint = tr("The two passphrases differ.");
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(hint.isEmpty() && !m_passphrase->text().isEmpty());
    m_hint->setText(hint);
}

} // namespace casedesk::ui
