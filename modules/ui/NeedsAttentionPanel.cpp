#include "ui/NeedsAttentionPanel.h"

#include "storage/Outbox.h"
#include "ui/NeedsAttentionModel.h"
#include "ui/UiLog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace casedesk::ui {

namespace {

bool askWithMessageBox(QWidget *parent, const QString &question)
{
    return QMessageBox::question(parent, NeedsAttentionPanel::tr("Discard change"), question,
                                 QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Discard;
}

} // namespace

NeedsAttentionPanel::NeedsAttentionPanel(storage::CacheDatabase &db, const QUuid &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor), m_confirmer(askWithMessageBox),
      m_model(new NeedsAttentionModel(db, this)), m_table(new QTableView(this)),
      m_error(new MessageLabel(QStringLiteral("needsAttentionError"), this)),
      m_reapply(new QPushButton(tr("&Re-apply"), this)), m_edit(new QPushButton(tr("&Edit"), this)),
      m_discard(new QPushButton(tr("&Discard…"), this))
{
    auto *intro = new QLabel(tr("The server did not apply these changes. Re-apply a change on top of the current "
                                "state, open its case to edit it, or discard it."),
                             this);
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("needsAttentionTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Changes that need your attention"));

    m_reapply->setObjectName(QStringLiteral("reapplyButton"));
    m_reapply->setToolTip(tr("Make the change again on top of what the case holds now"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_edit->setToolTip(tr("Open the case to make the change by hand"));
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setToolTip(tr("Drop the change for good"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reapply);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_reapply, &QPushButton::clicked, this, &NeedsAttentionPanel::reapplySelected);
    connect(m_edit, &QPushButton::clicked, this, &NeedsAttentionPanel::editSelected);
    connect(m_discard, &QPushButton::clicked, this, &NeedsAttentionPanel::discardSelected);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        m_table->selectRow(index.row());
        editSelected();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NeedsAttentionPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NeedsAttentionPanel::updateActions);
    updateActions();
}

void NeedsAttentionPanel::setConfirmer(Confirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

void NeedsAttentionPanel::reload()
{
    if (Result<void> loaded = m_model->reload(); !loaded) {
        qCWarning(lcUi).noquote() << "needs attention list not read:" << loaded.error().toString();
        m_error->showMessage(loaded.error().message);
        return;
    }
    m_table->resizeRowsToContents();
    if (const int count = m_model->rowCount(); count != m_count) {
        m_count = count;
        emit countChanged(count);
    }
}

int NeedsAttentionPanel::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void NeedsAttentionPanel::updateActions()
{
    const bool selected = selectedRow() >= 0;
    m_reapply->setEnabled(selected);
    m_edit->setEnabled(selected);
    m_discard->setEnabled(selected);
}

void NeedsAttentionPanel::reloadAndSelect(int row)
{
    reload();
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(row, m_model->rowCount() - 1));
}

void NeedsAttentionPanel::reapplySelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_error->showMessage({});
    const QModelIndex index = m_model->index(row, 0);
    const QUuid commandId = index.data(NeedsAttentionModel::CommandIdRole).toUuid();
    const QUuid caseId = index.data(NeedsAttentionModel::CaseIdRole).toUuid();
    if (auto reapplied = storage::Outbox(m_db).reapply(commandId, m_actor); !reapplied) {
        qCInfo(lcUi).noquote() << "re-apply refused:" << reapplied.error().toString();
        m_error->showMessage(reapplied.error().message);
        return;
    }
    reloadAndSelect(row);
    emit outboxChanged(caseId);
}

void NeedsAttentionPanel::editSelected()
{
    if (const int row = selectedRow(); row >= 0)
        emit caseRequested(m_model->index(row, 0).data(NeedsAttentionModel::CaseIdRole).toUuid());
}

void NeedsAttentionPanel::discardSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_error->showMessage({});
    const QModelIndex index = m_model->index(row, 0);
    const QString change = m_model->index(row, NeedsAttentionModel::ChangeColumn).data().toString();
    const QString aktenzeichen = m_model->index(row, NeedsAttentionModel::AktenzeichenColumn).data().toString();
    const QString title = m_model->index(row, NeedsAttentionModel::TitleColumn).data().toString();
    if (!m_confirmer(
            this,
            QStringLiteral("%1\n\n%2\n%3 %4").arg(tr("Discard this change for good?"), change, aktenzeichen, title)))
        return;
    const QUuid caseId = index.data(NeedsAttentionModel::CaseIdRole).toUuid();
    if (auto discarded = storage::Outbox(m_db).discard(index.data(NeedsAttentionModel::CommandIdRole).toUuid());
        !discarded) {
        qCInfo(lcUi).noquote() << "discard refused:" << discarded.error().toString();
        m_error->showMessage(discarded.error().message);
        return;
    }
    reloadAndSelect(row);
    emit outboxChanged(caseId);
}

} // namespace casedesk::ui
