#include "ui/ApplicationSettingsDialog.h"

#include "api/QtText.h"
#include "services/PlainWords.h"
#include "ui/settings/LaunchSettingsEdit.h"
#include "ui/settings/RangeSpinBox.h"
#include "ui/settings/ReplicationSettingsEdit.h"
#include "ui/settings/SettingsSummary.h"
#include "ui/validation/ValidationSettingsEdit.h"
#include "ui/wizard/CheckedWizardPage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_set>

namespace sms::ui {
namespace {

using Management = ApplicationSettingsDialog::Management;

// Launch orders go from 1; the spin box's 0 shows "Any" (none set).
constexpr int kMaxLaunchOrder = 99;
enum OrderColumn { GroupColumn, ServersColumn, OrderColumn, OrderColumns };

Management replicationManagement(const models::ApplicationSettings &settings)
{
    if (settings.removeReplication)
        return Management::Remove;
    return settings.replication ? Management::Set : Management::Leave;
}

Management launchManagement(const models::PlanApplication &app)
{
    const models::ApplicationSettings &settings = app.settings;
    if (settings.removeLaunch)
        return Management::Remove;
    const bool ordered = std::any_of(app.serverGroups.begin(), app.serverGroups.end(),
                                     [](const models::PlanServerGroup &g) { return g.launchOrder.has_value(); });
    const bool set = settings.launch || !settings.launchRoleName.empty() || settings.autoLaunch || ordered;
    return set ? Management::Set : Management::Leave;
}

// Servers of `app` whose own settings have a `kind` member.
template <typename Setting>
int serversWith(const models::PlanApplication &app, const std::vector<models::PlanServerSettings> &all,
                Setting models::PlanServerSettings::*kind)
{
    std::unordered_set<std::string_view> members;
    for (const models::PlanServerGroup &group : app.serverGroups)
        members.insert(group.serverIds.begin(), group.serverIds.end());
    return int(std::count_if(all.begin(), all.end(), [&](const models::PlanServerSettings &own) {
        return (own.*kind).has_value() && members.count(own.serverId);
    }));
}

QComboBox *newModeBox(const char *objectName, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(QLatin1String(objectName));
    for (int i = 0; i < 3; ++i)
        box->addItem(QString());
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    return box;
}

// A form in a tab scrolls rather than squeezing its fields on a small screen.
QWidget *scrolling(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

// "Replication settings at the endpoint: [Set them to these]".
QHBoxLayout *modeRow(QLabel *label, QComboBox *box)
{
    label->setBuddy(box);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(box);
    row->addStretch();
    return row;
}

QLabel *newNote(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    return label;
}

// A framed, read-only box: what the endpoint has, apart from the fields.
QLabel *newEndpointLabel(const char *objectName, QWidget *parent)
{
    QLabel *label = newNote(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::RichText);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(6);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

ApplicationSettingsDialog::ApplicationSettingsDialog(const models::PlanApplication &app,
                                                     const std::vector<models::PlanServerSettings> &serverSettings,
                                                     QWidget *parent)
    : QDialog(parent)
    , m_app(app)
    , m_ownReplication(serversWith(app, serverSettings, &models::PlanServerSettings::replication))
    , m_ownLaunch(serversWith(app, serverSettings, &models::PlanServerSettings::launch))
    , m_heading(newNote(this))
    , m_tabs(new QTabWidget(this))
    , m_replicationModeLabel(new QLabel(this))
    , m_replicationMode(newModeBox("replicationModeBox", this))
    , m_replication(new ReplicationSettingsEdit(this))
    , m_replicationNote(newNote(this))
    , m_launchModeLabel(new QLabel(this))
    , m_launchMode(newModeBox("launchModeBox", this))
    , m_launch(new LaunchSettingsEdit(this))
    , m_ordersLabel(newNote(this))
    , m_orders(new QTableWidget(int(app.serverGroups.size()), OrderColumns, this))
    , m_launchNote(newNote(this))
    , m_validation(new ValidationSettingsEdit(app, this))
    , m_problem(newProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_replicationEndpoint(newEndpointLabel("replicationEndpointLabel", this))
    , m_launchEndpoint(newEndpointLabel("launchEndpointLabel", this))
    , m_replicationUntouched(!app.settings.replication)
    , m_launchUntouched(launchManagement(app) != Management::Set)
{
    setObjectName(QStringLiteral("ApplicationSettingsDialog"));
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_orders->setObjectName(QStringLiteral("launchOrderTable"));

    if (app.settings.replication)
        m_replication->setReplication(*app.settings.replication);
    m_replicationMode->setCurrentIndex(int(replicationManagement(app.settings)));
    m_launch->setFrom(app.settings);
    m_launchMode->setCurrentIndex(int(launchManagement(app)));
    fillLaunchOrders();

    m_tabs->addTab(replicationTab(), QString());
    m_tabs->addTab(launchTab(), QString());
    m_tabs->addTab(m_validation, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QComboBox *box : {m_replicationMode, m_launchMode}) {
        connect(box, &QComboBox::currentIndexChanged, this, &ApplicationSettingsDialog::startFromEndpoint);
        connect(box, &QComboBox::currentIndexChanged, this, &ApplicationSettingsDialog::recheck);
    }
    connect(m_replication, &ReplicationSettingsEdit::changed, this, [this] {
        m_replicationUntouched = m_replicationUntouched && m_prefilling;
        recheck();
    });
    connect(m_validation, &ValidationSettingsEdit::changed, this, &ApplicationSettingsDialog::recheck);
    connect(m_launch, &LaunchSettingsEdit::changed, this, [this] {
        m_launchUntouched = m_launchUntouched && m_prefilling;
        recheck();
    });
    retranslate();
    recheck();
    resize(760, 680);
}

QWidget *ApplicationSettingsDialog::replicationTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(modeRow(m_replicationModeLabel, m_replicationMode));
    layout->addWidget(m_replicationEndpoint);
    layout->addWidget(m_replication);
    layout->addWidget(m_replicationNote);
    layout->addStretch();
    return scrolling(tab);
}

QWidget *ApplicationSettingsDialog::launchTab()
{
    auto *tab = new QWidget;
    m_orders->verticalHeader()->hide();
    m_orders->horizontalHeader()->setSectionResizeMode(GroupColumn, QHeaderView::Stretch);
    m_orders->setSelectionMode(QAbstractItemView::NoSelection);
    m_orders->setMinimumHeight(m_orders->horizontalHeader()->sizeHint().height()
                               + m_orders->verticalHeader()->defaultSectionSize() * 3 + 2 * m_orders->frameWidth());
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(modeRow(m_launchModeLabel, m_launchMode));
    layout->addWidget(m_launchEndpoint);
    layout->addWidget(m_launch);
    layout->addWidget(m_ordersLabel);
    layout->addWidget(m_orders);
    layout->addWidget(m_launchNote);
    return scrolling(tab);
}

void ApplicationSettingsDialog::fillLaunchOrders()
{
    for (int row = 0; row < int(m_app.serverGroups.size()); ++row) {
        const models::PlanServerGroup &group = m_app.serverGroups[std::size_t(row)];
        auto *name = new QTableWidgetItem(QString::fromStdString(group.name));
        auto *servers = new QTableWidgetItem(QLocale().toString(qulonglong(group.serverIds.size())));
        for (QTableWidgetItem *item : {name, servers})
            item->setFlags(Qt::ItemIsEnabled);
        servers->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_orders->setItem(row, GroupColumn, name);
        m_orders->setItem(row, ServersColumn, servers);
        auto *order = new RangeSpinBox(m_orders);
        order->setRange(0, kMaxLaunchOrder);
        order->setValue(group.launchOrder.value_or(0));
        order->setFrame(false);
        connect(order, &QSpinBox::valueChanged, this, &ApplicationSettingsDialog::recheck);
        connect(order, &RangeSpinBox::outOfRangeChanged, this, &ApplicationSettingsDialog::recheck);
        m_orders->setCellWidget(row, OrderColumn, order);
    }
}

void ApplicationSettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings of \u201C%1\u201D").arg(QString::fromStdString(m_app.name)));
    m_heading->setText(tr("How the servers of \u201C%1\u201D are replicated and launched. Every server starts from"
                          " these; a server's own settings override them member by member. Nothing is sent until"
                          " you review and apply the plan.")
                           .arg(QString::fromStdString(m_app.name)));
    // Mnemonics no field of either tab uses.
    m_tabs->setTabText(0, tr("Replicatio&n"));
    m_tabs->setTabText(1, tr("Launc&h"));
    m_tabs->setTabText(2, tr("&Validation"));
    for (QComboBox *box : {m_replicationMode, m_launchMode}) {
        box->setItemText(int(Management::Leave), tr("Leave the endpoint's as they are"));
        box->setItemText(int(Management::Set), tr("Set them to these"));
        box->setItemText(int(Management::Remove), tr("Remove them from the endpoint"));
    }
    m_replicationModeLabel->setText(tr("Replication settings at the en&dpoint:"));
    m_launchModeLabel->setText(tr("Launch settings at the en&dpoint:"));
    m_ordersLabel->setText(tr("Launch order: groups launch from the lowest number up; \u201CAny\u201D leaves a group's"
                              " turn to SMS."));
    m_orders->setHorizontalHeaderLabels({tr("Server group"), tr("Servers"), tr("Launch order")});
    for (QSpinBox *order : m_orders->findChildren<QSpinBox *>())
        order->setSpecialValueText(tr("Any"));
    showEndpoint();
    recheck();
}

void ApplicationSettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

ApplicationSettingsDialog::Management ApplicationSettingsDialog::management(const QComboBox *box) const
{
    return Management(box->currentIndex());
}

QString ApplicationSettingsDialog::problem() const
{
    const Management replication = management(m_replicationMode);
    const Management launch = management(m_launchMode);
    if (replication == Management::Set && !m_replication->problem().isEmpty())
        return m_replication->problem();
    if (launch == Management::Set && !m_launch->problem().isEmpty())
        return m_launch->problem();
    for (int row = 0; row < m_orders->rowCount(); ++row)
        if (const auto *order = qobject_cast<const RangeSpinBox *>(m_orders->cellWidget(row, OrderColumn)))
            if (const auto typed = order->typedOutOfRange())
                return tr("A launch order is 1 to %1 (Any leaves the group's turn to SMS): %2 is out of range.")
                    .arg(kMaxLaunchOrder)
                    .arg(*typed);
    if (const QString validation = m_validation->problem(); !validation.isEmpty())
        return validation;
    // PlanValidation's removed-settings-given, said before it is made.
    if (replication == Management::Remove && m_ownReplication > 0)
        return tr("The application's replication settings cannot be removed at the endpoint: its servers have"
                  " replication settings of their own (%n server(s)).",
                  nullptr, m_ownReplication);
    if (launch == Management::Remove && m_ownLaunch > 0)
        return tr("The application's launch settings cannot be removed at the endpoint: its servers have launch"
                  " settings of their own (%n server(s)).",
                  nullptr, m_ownLaunch);
    return {};
}

void ApplicationSettingsDialog::recheck()
{
    const Management replication = management(m_replicationMode);
    const Management launch = management(m_launchMode);
    m_replication->setEnabled(replication == Management::Set);
    m_launch->setEnabled(launch == Management::Set);
    m_orders->setEnabled(launch == Management::Set);
    const auto note = [](Management mode, int own) {
        QString text = mode == Management::Leave   ? tr("This plan does not manage these settings: applying it leaves"
                                                        " whatever the endpoint has.")
                       : mode == Management::Remove ? tr("Applying the plan deletes the endpoint's settings of this kind"
                                                         " for the application.")
                                                    : QString();
        if (own > 0)
            text += (text.isEmpty() ? QString() : QStringLiteral(" "))
                  + tr("Servers with settings of their own over these: %1.").arg(QLocale().toString(own));
        return text;
    };
    m_replicationNote->setText(note(replication, m_ownReplication));
    m_launchNote->setText(note(launch, m_ownLaunch));
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

models::ApplicationSettings ApplicationSettingsDialog::settings() const
{
    models::ApplicationSettings settings;
    m_validation->applyTo(settings);
    switch (management(m_replicationMode)) {
    case Management::Set:
        settings.replication = m_replication->replication();
        break;
    case Management::Remove:
        settings.removeReplication = true;
        break;
    case Management::Leave:
        break;
    }
    switch (management(m_launchMode)) {
    case Management::Set:
        m_launch->applyTo(settings);
        break;
    case Management::Remove:
        settings.removeLaunch = true;
        break;
    case Management::Leave:
        break;
    }
    return settings;
}

std::vector<std::optional<int>> ApplicationSettingsDialog::launchOrders() const
{
    std::vector<std::optional<int>> orders;
    const bool set = management(m_launchMode) == Management::Set;
    for (int row = 0; row < m_orders->rowCount(); ++row) {
        const int value = qobject_cast<QSpinBox *>(m_orders->cellWidget(row, OrderColumn))->value();
        orders.push_back(set && value > 0 ? std::optional<int>(value) : std::nullopt);
    }
    return orders;
}

void ApplicationSettingsDialog::readEndpointSettings(client::SmsClient *client)
{
    if (!client) {
        m_endpointState = EndpointState::Offline;
    } else if (m_app.appId.empty()) {
        m_endpointState = EndpointState::NotCreated;
    } else {
        m_endpointState = EndpointState::Reading;
        // The dialog is the read's context: closed first, it cancels the read.
        services::readEndpointSettings(*client, m_app.appId, this,
                                       [this](services::EndpointSettingsRead read) { onEndpointRead(std::move(read)); });
    }
    showEndpoint();
}

void ApplicationSettingsDialog::onEndpointRead(services::EndpointSettingsRead read)
{
    if (!read) {
        m_endpointState = EndpointState::Failed;
        m_endpointError = services::plainWords(read.error());
    } else if (!read.value()) {
        m_endpointState = EndpointState::Gone;
    } else {
        m_endpointState = EndpointState::Read;
        m_endpoint = std::move(*read.value());
        startFromEndpoint();  // "Set" chosen while it was read
    }
    showEndpoint();
}

void ApplicationSettingsDialog::startFromEndpoint()
{
    if (!m_endpoint)
        return;
    m_prefilling = true;
    const models::ApplicationSettings &endpoint = m_endpoint->settings;
    if (management(m_replicationMode) == Management::Set && m_replicationUntouched && endpoint.replication) {
        m_replication->setReplication(*endpoint.replication);
        m_replicationUntouched = false;
    }
    if (management(m_launchMode) == Management::Set && m_launchUntouched && endpoint.launch) {
        m_launch->setFrom(endpoint);
        for (int row = 0; row < m_orders->rowCount(); ++row) {
            const std::string &groupId = m_app.serverGroups[std::size_t(row)].serverGroupId;
            if (const std::optional<int> order = groupId.empty() ? std::nullopt : m_endpoint->launchOrderOf(groupId))
                qobject_cast<QSpinBox *>(m_orders->cellWidget(row, OrderColumn))->setValue(*order);
        }
        m_launchUntouched = false;
    }
    m_prefilling = false;
}

QString ApplicationSettingsDialog::endpointStatusText() const
{
    switch (m_endpointState) {
    case EndpointState::Offline:
        return tr("Not connected: connect to an endpoint to see the settings it has for this application.");
    case EndpointState::NotCreated:
        return tr("The application is not at the endpoint yet, so the endpoint has no settings for it: applying"
                  " the plan creates it.");
    case EndpointState::Reading:
        return tr("Reading the endpoint's settings\u2026");
    case EndpointState::Gone:
        return tr("The endpoint no longer has this application (%1), so it has no settings for it.")
            .arg(api::toQString(m_app.appId));
    case EndpointState::Failed:
        return tr("Could not read the endpoint's settings: %1").arg(m_endpointError);
    case EndpointState::NotAsked:
    case EndpointState::Read:
        break;
    }
    return {};
}

// "Database 1, Web tier 2": the endpoint's launch order of the plan's groups it knows.
QString ApplicationSettingsDialog::launchOrdersText() const
{
    QStringList orders;
    for (const models::PlanServerGroup &group : m_app.serverGroups)
        if (const auto order = group.serverGroupId.empty() ? std::nullopt : m_endpoint->launchOrderOf(group.serverGroupId))
            orders << tr("%1 %2").arg(api::toQString(group.name)).arg(*order);
    return orders.join(QStringLiteral(", "));
}

void ApplicationSettingsDialog::showEndpoint()
{
    m_replicationEndpoint->setVisible(m_endpointState != EndpointState::NotAsked);
    m_launchEndpoint->setVisible(m_endpointState != EndpointState::NotAsked);
    if (m_endpointState != EndpointState::Read) {
        const QString status = endpointStatusText().toHtmlEscaped();
        m_replicationEndpoint->setText(status);
        m_launchEndpoint->setText(status);
        return;
    }
    const QString heading = QStringLiteral("<b>%1</b>").arg(tr("At the endpoint now:").toHtmlEscaped());
    // Servers whose settings there differ from what most share.
    const auto own = [](int servers) {
        return servers == 0 ? QString()
                            : SettingsSummary::line(tr("Servers with settings of their own:"), QLocale().toString(servers));
    };
    const models::ApplicationSettings &endpoint = m_endpoint->settings;
    m_replicationEndpoint->setText(
        endpoint.replication ? heading + SettingsSummary::replicationHtml(*endpoint.replication) + own(m_endpoint->ownReplication)
                             : tr("The endpoint has no replication settings for this application.").toHtmlEscaped());
    m_launchEndpoint->setText(endpoint.launch
                                  ? heading + SettingsSummary::launchHtml(endpoint)
                                        + SettingsSummary::line(tr("Launch order:"), launchOrdersText())
                                        + own(m_endpoint->ownLaunch)
                                  : tr("The endpoint has no launch settings for this application.").toHtmlEscaped());
}

} // namespace sms::ui
