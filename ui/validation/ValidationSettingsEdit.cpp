#include "ui/validation/ValidationSettingsEdit.h"

#include "api/QtText.h"
#include "models/ValidationChecks.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

// The modes, in the order of the application settings' other tabs.
enum Mode { Leave, Set, Remove };

std::optional<std::string> cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    const QString text = item ? item->text().trimmed() : QString();
    return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}

std::optional<api::S3Location> locationOf(const QTableWidget *table, int row, int bucket, int key)
{
    api::S3Location location{cellText(table, row, bucket), cellText(table, row, key)};
    return location.bucket || location.key ? std::optional(location) : std::nullopt;
}

void setText(QTableWidget *table, int row, int column, const std::optional<std::string> &text)
{
    table->setItem(row, column, new QTableWidgetItem(api::toQString(text)));
}

std::optional<api::OpenEnum<api::ScriptType>> scriptTypeOf(const QTableWidget *table, int row, int column)
{
    const auto *box = qobject_cast<const QComboBox *>(table->cellWidget(row, column));
    const QString text = box ? box->currentData().toString() : QString();
    if (text.isEmpty())
        return std::nullopt;
    return api::OpenEnum<api::ScriptType>::fromString(text.toStdString());
}

QTableWidget *newTable(int columns, const char *objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setObjectName(QLatin1String(objectName));
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height()
                            + table->verticalHeader()->defaultSectionSize() * 3 + 2 * table->frameWidth());
    return table;
}

QHBoxLayout *buttonRow(QPushButton *add, QPushButton *remove)
{
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    return row;
}

// The selected row, or else the last.
int rowToRemove(const QTableWidget *table)
{
    return table->currentRow() >= 0 ? table->currentRow() : table->rowCount() - 1;
}

} // namespace

ValidationSettingsEdit::ValidationSettingsEdit(const models::PlanApplication &app, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_modeLabel(new QLabel(this))
    , m_mode(new QComboBox(this))
    , m_appsLabel(new QLabel(this))
    , m_apps(newTable(AppColumns, "appValidationTable", this))
    , m_addApp(new QPushButton(this))
    , m_removeApp(new QPushButton(this))
    , m_serversLabel(new QLabel(this))
    , m_servers(newTable(ServerColumns, "serverValidationTable", this))
    , m_addServer(new QPushButton(this))
    , m_removeServer(new QPushButton(this))
    , m_note(new QLabel(this))
{
    m_mode->setObjectName(QStringLiteral("validationModeBox"));
    for (int i = 0; i < 3; ++i)
        m_mode->addItem(QString());
    m_mode->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_modeLabel->setBuddy(m_mode);
    m_note->setWordWrap(true);
    m_appsLabel->setWordWrap(true);
    m_serversLabel->setWordWrap(true);

    const models::ApplicationSettings &settings = app.settings;
    m_mode->setCurrentIndex(settings.removeValidation ? Remove : settings.validation ? Set : Leave);
    if (settings.validation) {
        for (const api::AppValidationConfiguration &validation : settings.validation->appValidations)
            addAppRow(validation);
        for (const models::PlanServerValidation &validation : settings.validation->serverValidations)
            addServerRow(validation);
    }

    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_modeLabel);
    modeRow->addWidget(m_mode);
    modeRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(modeRow);
    layout->addWidget(m_appsLabel);
    layout->addWidget(m_apps, 1);
    layout->addLayout(buttonRow(m_addApp, m_removeApp));
    layout->addWidget(m_serversLabel);
    layout->addWidget(m_servers, 1);
    layout->addLayout(buttonRow(m_addServer, m_removeServer));
    layout->addWidget(m_note);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    for (QTableWidget *table : {m_apps, m_servers})
        connect(table, &QTableWidget::itemChanged, this, &ValidationSettingsEdit::changed);
    connect(m_addApp, &QPushButton::clicked, this, [this] {
        api::AppValidationConfiguration validation;
        validation.name = "app-check-" + std::to_string(m_apps->rowCount() + 1);
        addAppRow(validation);
        m_apps->setCurrentCell(m_apps->rowCount() - 1, Instance);
        Q_EMIT changed();
    });
    connect(m_addServer, &QPushButton::clicked, this, [this] {
        models::PlanServerValidation validation;
        validation.name = "server-check-" + std::to_string(m_servers->rowCount() + 1);
        addServerRow(validation);
        m_servers->setCurrentCell(m_servers->rowCount() - 1, ScriptBucket);
        Q_EMIT changed();
    });
    connect(m_removeApp, &QPushButton::clicked, this, [this] {
        if (m_apps->rowCount() > 0) {
            m_apps->removeRow(rowToRemove(m_apps));
            Q_EMIT changed();
        }
    });
    connect(m_removeServer, &QPushButton::clicked, this, [this] {
        if (m_servers->rowCount() > 0) {
            m_servers->removeRow(rowToRemove(m_servers));
            Q_EMIT changed();
        }
    });
    retranslate();
    updateEnabled();
}

QComboBox *ValidationSettingsEdit::scriptTypeBox(const std::optional<api::OpenEnum<api::ScriptType>> &type)
{
    auto *box = new QComboBox;
    box->setFrame(false);
    box->addItem(QString(), QString());
    box->addItem(QStringLiteral("SHELL_SCRIPT"), QStringLiteral("SHELL_SCRIPT"));
    box->addItem(QStringLiteral("POWERSHELL_SCRIPT"), QStringLiteral("POWERSHELL_SCRIPT"));
    if (type) {
        const QString text = api::toQString(*type);
        if (box->findData(text) < 0)  // a type a newer SMS knows stays as it is
            box->addItem(text, text);
        box->setCurrentIndex(box->findData(text));
    }
    connect(box, &QComboBox::currentIndexChanged, this, &ValidationSettingsEdit::changed);
    return box;
}

void ValidationSettingsEdit::addAppRow(const api::AppValidationConfiguration &validation)
{
    const QSignalBlocker quiet(m_apps);
    const int row = m_apps->rowCount();
    m_apps->insertRow(row);
    const api::SSMValidationParameters ssm = validation.ssmValidationParameters.value_or(api::SSMValidationParameters{});
    const api::S3Location document = ssm.source && ssm.source->s3Location ? *ssm.source->s3Location : api::S3Location{};
    setText(m_apps, row, AppName, validation.name);
    setText(m_apps, row, Instance, ssm.instanceId);
    m_apps->setCellWidget(row, AppScriptType, scriptTypeBox(ssm.scriptType));
    setText(m_apps, row, DocumentBucket, document.bucket);
    setText(m_apps, row, DocumentKey, document.key);
    setText(m_apps, row, Command, ssm.command);
    setText(m_apps, row, Timeout,
            ssm.executionTimeoutSeconds ? std::optional(std::to_string(*ssm.executionTimeoutSeconds)) : std::nullopt);
    setText(m_apps, row, OutputBucket, ssm.outputS3BucketName);
}

void ValidationSettingsEdit::addServerRow(const models::PlanServerValidation &validation)
{
    const QSignalBlocker quiet(m_servers);
    const int row = m_servers->rowCount();
    m_servers->insertRow(row);
    auto *server = new QComboBox;
    server->setFrame(false);
    for (const models::PlanServerGroup &group : m_app.serverGroups)
        for (const std::string &id : group.serverIds)
            server->addItem(QString::fromStdString(id), QString::fromStdString(id));
    // A server no longer in the application stays shown, for the check to name.
    if (!validation.serverId.empty() && server->findData(QString::fromStdString(validation.serverId)) < 0)
        server->addItem(QString::fromStdString(validation.serverId), QString::fromStdString(validation.serverId));
    if (!validation.serverId.empty())
        server->setCurrentIndex(server->findData(QString::fromStdString(validation.serverId)));
    connect(server, &QComboBox::currentIndexChanged, this, &ValidationSettingsEdit::changed);
    m_servers->setCellWidget(row, Server, server);
    const api::UserDataValidationParameters userData = validation.userData.value_or(api::UserDataValidationParameters{});
    const api::S3Location script = userData.source && userData.source->s3Location ? *userData.source->s3Location
                                                                                   : api::S3Location{};
    setText(m_servers, row, ServerName, validation.name);
    setText(m_servers, row, ScriptBucket, script.bucket);
    setText(m_servers, row, ScriptKey, script.key);
    m_servers->setCellWidget(row, ServerScriptType, scriptTypeBox(userData.scriptType));
}

models::AppValidationSettings ValidationSettingsEdit::validation() const
{
    models::AppValidationSettings validation;
    for (int row = 0; row < m_apps->rowCount(); ++row) {
        api::AppValidationConfiguration &entry = validation.appValidations.emplace_back();
        entry.name = cellText(m_apps, row, AppName);
        entry.appValidationStrategy = api::AppValidationStrategy::Ssm;
        api::SSMValidationParameters &ssm = entry.ssmValidationParameters.emplace();
        if (auto document = locationOf(m_apps, row, DocumentBucket, DocumentKey))
            ssm.source.emplace().s3Location = std::move(document);
        ssm.instanceId = cellText(m_apps, row, Instance);
        ssm.scriptType = scriptTypeOf(m_apps, row, AppScriptType);
        ssm.command = cellText(m_apps, row, Command);
        bool isNumber = false;
        const int timeout = api::toQString(cellText(m_apps, row, Timeout)).toInt(&isNumber);
        if (isNumber)
            ssm.executionTimeoutSeconds = timeout;
        ssm.outputS3BucketName = cellText(m_apps, row, OutputBucket);
    }
    for (int row = 0; row < m_servers->rowCount(); ++row) {
        models::PlanServerValidation &entry = validation.serverValidations.emplace_back();
        if (const auto *server = qobject_cast<const QComboBox *>(m_servers->cellWidget(row, Server)))
            entry.serverId = server->currentData().toString().toStdString();
        entry.name = cellText(m_servers, row, ServerName).value_or("");
        api::UserDataValidationParameters &userData = entry.userData.emplace();
        if (auto script = locationOf(m_servers, row, ScriptBucket, ScriptKey))
            userData.source.emplace().s3Location = std::move(script);
        userData.scriptType = scriptTypeOf(m_servers, row, ServerScriptType);
    }
    return validation;
}

void ValidationSettingsEdit::applyTo(models::ApplicationSettings &settings) const
{
    settings.validation.reset();
    settings.removeValidation = m_mode->currentIndex() == Remove;
    if (m_mode->currentIndex() == Set)
        settings.validation = validation();
}

QString ValidationSettingsEdit::problem() const
{
    if (m_mode->currentIndex() != Set)
        return {};
    // A timeout that is no number would be dropped silently: say so instead.
    for (int row = 0; row < m_apps->rowCount(); ++row) {
        const std::optional<std::string> timeout = cellText(m_apps, row, Timeout);
        bool isNumber = false;
        if (timeout && (api::toQString(timeout).toInt(&isNumber) <= 0 || !isNumber))
            return tr("The timeout of validation %1 is %2 seconds: give a whole number above 0, or leave it empty.")
                .arg(row + 1)
                .arg(api::toQString(timeout));
    }
    models::PlanApplication app = m_app;
    app.settings.validation = validation();
    app.settings.removeValidation = false;
    std::vector<models::PlanIssue> issues;
    models::checkValidationSettings(issues, app, "applications[0]", tr("The application").toStdString());
    return issues.empty() ? QString() : QString::fromStdString(issues.front().message);
}

void ValidationSettingsEdit::updateEnabled()
{
    const bool set = m_mode->currentIndex() == Set;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_apps, m_servers, m_addApp, m_removeApp, m_removeServer})
        widget->setEnabled(set);
    m_addServer->setEnabled(set && std::any_of(m_app.serverGroups.begin(), m_app.serverGroups.end(),
                                               [](const models::PlanServerGroup &g) { return !g.serverIds.empty(); }));
    switch (m_mode->currentIndex()) {
    case Leave: m_note->setText(tr("This plan does not manage validation: applying it leaves whatever the endpoint has."));
        break;
    case Remove: m_note->setText(tr("Applying the plan deletes the endpoint's validation configuration of the"
                                    " application."));
        break;
    default: m_note->setText(tr("Validations run once the application is launched; see their results with"
                                " Validation Results\u2026 in the Endpoint Applications pane."));
    }
}

void ValidationSettingsEdit::retranslate()
{
    m_modeLabel->setText(tr("Validation at the endpoint:"));
    m_mode->setItemText(Leave, tr("Leave the endpoint's as they are"));
    m_mode->setItemText(Set, tr("Set them to these"));
    m_mode->setItemText(Remove, tr("Remove them from the endpoint"));
    m_appsLabel->setText(tr("SSM validations of the application: an SSM document in S3, or a command, run on an"
                            " instance."));
    m_apps->setHorizontalHeaderLabels({tr("Name"), tr("Instance"), tr("Script type"), tr("Document bucket"),
                                       tr("Document key"), tr("Command"), tr("Timeout (s)"), tr("Output bucket")});
    m_serversLabel->setText(tr("Server scripts: a user-data script in S3 that checks one server."));
    m_servers->setHorizontalHeaderLabels(
        {tr("Server"), tr("Name"), tr("Script bucket"), tr("Script key"), tr("Script type")});
    m_addApp->setText(tr("Add SSM Validation"));
    m_removeApp->setText(tr("Remove"));
    m_addServer->setText(tr("Add Server Script"));
    m_removeServer->setText(tr("Remove"));
    updateEnabled();
}

void ValidationSettingsEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace sms::ui
