#include "ui/templates/EndpointTemplateActions.h"

#include "client/ObjectReader.h"
#include "client/SmsClient.h"
#include "services/EndpointSession.h"
#include "services/PlainWords.h"
#include "ui/templates/TemplateViewer.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

namespace sms::ui {

EndpointTemplateActions::EndpointTemplateActions(services::EndpointSession &session, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_dialogParent(dialogParent)
    , m_menu(new QMenu(dialogParent))
    , m_menuAction(new QAction(this))
{
    m_menuAction->setMenu(m_menu);
    m_menuAction->setObjectName(QStringLiteral("templateMenuAction"));
    for (const Document document : {Document::Template, Document::ChangeSet}) {
        for (const api::OutputFormat format : {api::OutputFormat::Json, api::OutputFormat::Yaml}) {
            QAction *a = m_menu->addAction(QString());
            connect(a, &QAction::triggered, this, [this, document, format] { generate(document, format); });
            m_actions[int(document)][format == api::OutputFormat::Yaml] = a;
        }
    }
    m_menu->installEventFilter(this);
    retranslate();
    setApplication(QString(), QString());
}

QAction *EndpointTemplateActions::action(Document document, api::OutputFormat format) const
{
    return m_actions[int(document)][format == api::OutputFormat::Yaml];
}

void EndpointTemplateActions::setApplication(const QString &appId, const QString &name)
{
    m_appId = appId;
    m_appName = name.isEmpty() ? appId : name;
    m_menuAction->setEnabled(!appId.isEmpty());
    for (auto &byFormat : m_actions)
        for (QAction *a : byFormat)
            a->setEnabled(!appId.isEmpty());
}

TemplateViewer *EndpointTemplateActions::lastViewer() const
{
    return m_lastViewer;
}

void EndpointTemplateActions::generate(Document document, api::OutputFormat format)
{
    client::SmsClient *client = m_session.client();
    if (!client || m_appId.isEmpty())
        return;
    const QString appName = m_appName;
    const auto report = [this, document, format, appName](const auto &result) {
        if (!result) {
            Q_EMIT message(document == Document::Template
                               ? tr("No template for %1: %2").arg(appName, services::plainWords(result.error()))
                               : tr("No change set for %1: %2").arg(appName, services::plainWords(result.error())));
            return;
        }
        written(document, format, appName, result->s3Location.value_or(api::S3Location{}));
    };
    if (document == Document::Template) {
        api::GenerateTemplateRequest request;
        request.appId = m_appId.toStdString();
        request.templateFormat = format;
        client->generateTemplate(request, this, report);
    } else {
        api::GenerateChangeSetRequest request;
        request.appId = m_appId.toStdString();
        request.changesetFormat = format;
        client->generateChangeSet(request, this, report);
    }
}

void EndpointTemplateActions::written(Document document, api::OutputFormat format, const QString &appName,
                                      const api::S3Location &location)
{
    const QString url = QString::fromStdString(client::s3Url(location));
    const QString where = document == Document::Template ? tr("The template of %1 is at %2").arg(appName, url)
                                                          : tr("The change set of %1 is at %2").arg(appName, url);
    Q_EMIT message(where);
    client::SmsClient *client = m_session.client();
    if (!client)
        return;
    // Read back as from S3: the embedded sms-local serves its bucket the same way.
    auto *reader = new client::ObjectReader(client->config(), this);
    reader->read(location, this, [this, reader, document, format, appName, url, where](const Result<QByteArray> &content) {
        reader->deleteLater();
        if (!content) {
            Q_EMIT message(tr("%1; it could not be opened here: %2").arg(where, services::plainWords(content.error())));
            return;
        }
        const QString subject = document == Document::Template ? appName : tr("%1 (change set)").arg(appName);
        auto *viewer = new TemplateViewer(content->toStdString(), format, subject, url, m_dialogParent);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->show();
        m_lastViewer = viewer;
    });
}

bool EndpointTemplateActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_menu && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void EndpointTemplateActions::retranslate()
{
    m_menuAction->setText(tr("CloudFormation"));
    m_menuAction->setToolTip(tr("Generate the application's CloudFormation template or change set "
                                "(GenerateTemplate, GenerateChangeSet) into S3"));
    action(Document::Template, api::OutputFormat::Json)->setText(tr("Generate Template (JSON)"));
    action(Document::Template, api::OutputFormat::Yaml)->setText(tr("Generate Template (YAML)"));
    action(Document::ChangeSet, api::OutputFormat::Json)->setText(tr("Generate Change Set (JSON)"));
    action(Document::ChangeSet, api::OutputFormat::Yaml)->setText(tr("Generate Change Set (YAML)"));
}

} // namespace sms::ui
