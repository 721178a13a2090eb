#include "ui/validation/ValidationResultsDialog.h"

#include "services/EndpointSession.h"
#include "services/PlainWords.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sms::ui {

ValidationResultsDialog::ValidationResultsDialog(services::EndpointSession &session, std::string appId,
                                                 QString appName, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_appId(std::move(appId))
    , m_appName(std::move(appName))
    , m_heading(new QLabel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_refresh(m_buttons->addButton(QString(), QDialogButtonBox::ActionRole))
{
    m_heading->setWordWrap(true);
    m_status->setWordWrap(true);
    m_view->setModel(&m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumWidth(720);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &ValidationResultsDialog::refresh);
    // The client goes with its endpoint: a read in flight is answered Canceled.
    connect(&m_session, &services::EndpointSession::aboutToClose, this, [this] {
        if (m_call)
            m_call->cancel();
    });
    retranslate();
    refresh();
}

void ValidationResultsDialog::refresh()
{
    if (m_call)
        m_call->cancel();
    client::SmsClient *client = m_session.client();
    if (!client) {
        m_state = State::Offline;
        showState();
        return;
    }
    m_state = State::Reading;
    showState();
    m_call = services::readValidationOutputs(*client, m_appId, this,
                                             [this](services::ValidationOutputsRead read) { onRead(std::move(read)); });
}

void ValidationResultsDialog::onRead(services::ValidationOutputsRead read)
{
    if (!read) {
        if (read.error().errorCode() == ErrorCode::Canceled)
            return;
        m_state = State::Failed;
        m_error = services::plainWords(read.error(), services::PlainLength::Whole);
    } else {
        m_state = State::Read;
        m_model.setOutputs(read.value());
        m_view->resizeColumnsToContents();
    }
    showState();
}

void ValidationResultsDialog::showState()
{
    m_refresh->setEnabled(m_state != State::Reading);
    switch (m_state) {
    case State::Reading: m_status->setText(tr("Reading the validation results\u2026")); break;
    case State::Offline: m_status->setText(tr("Not connected: connect to an endpoint to read its validation results."));
        break;
    case State::Failed: m_status->setText(tr("The validation results could not be read: %1").arg(m_error)); break;
    case State::Read:
        m_status->setText(m_model.rowCount() == 0
                              ? tr("The application has no validations configured at the endpoint.")
                              : tr("%n validation(s), as the endpoint reported them.", nullptr, m_model.rowCount()));
        break;
    }
}

void ValidationResultsDialog::retranslate()
{
    setWindowTitle(tr("Validation Results"));
    m_heading->setText(tr("Validations of %1 (%2) and what they last reported.")
                           .arg(m_appName, QString::fromStdString(m_appId)));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the results again (GetAppValidationOutput)"));
    showState();
}

void ValidationResultsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace sms::ui
