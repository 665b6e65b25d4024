#include "ui/CaseDetailPane.h"

#include "core/Uuid.h"
#include "ui/FormView.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace casedesk::ui {

CaseDetailPane::CaseDetailPane(QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_details(new QLabel(this)),
      m_placeholder(new QLabel(tr("Select a case to see its application."), this)), m_formHolder(new QWidget(this))
{
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto *formLayout = new QVBoxLayout(m_formHolder);
    formLayout->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_details);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_formHolder, 1);
    setAccessibleName(tr("Selected case"));
    clear();
}

void CaseDetailPane::addSection(QWidget *section, Placement placement)
{
    section->setParent(this);
    auto *box = static_cast<QVBoxLayout *>(layout());
    if (placement == Placement::BelowForm)
        box->addWidget(section);
    else
        box->insertWidget(box->indexOf(m_details) + 1, section);
}

void CaseDetailPane::clear()
{
    delete m_form;
    m_form = nullptr;
    m_heading->clear();
    m_details->clear();
    m_heading->hide();
    m_details->hide();
    m_placeholder->setText(tr("Select a case to see its application."));
    m_placeholder->show();
}

void CaseDetailPane::showCase(const Case &c, const forms::FormDefinition &form, const QList<DocumentRef> &documents)
{
    clear();
    const QLocale locale;
    m_heading->setText(c.aktenzeichen.toString() + QStringLiteral(" · ") + c.title);
    QStringList details{tr("Applicant: %1").arg(c.applicant.displayName()), tr("Status: %1").arg(c.statusText)};
    if (c.statutoryDeadline.isValid())
        details.append(tr("Deadline: %1").arg(locale.toString(c.statutoryDeadline, QLocale::ShortFormat)));
    m_details->setText(details.join(QLatin1Char('\n')));
    m_heading->show();
    m_details->show();

    if (form.isNull()) {
        m_placeholder->setText(tr("There is no form for cases of type “%1” in this version.").arg(c.caseType));
        return;
    }
    m_placeholder->hide();
    m_form = new FormView(form, m_formHolder);
    QList<FormDocument> offered;
    for (const DocumentRef &document : documents)
        offered.append({uuidToString(document.id), document.name});
    m_form->setDocuments(offered);
    m_form->setData(c.formData);
    m_form->setReadOnly(true);
    m_formHolder->layout()->addWidget(m_form);
}

} // namespace casedesk::ui
