#pragma once
// EndpointTemplateActions: Generate Template and Generate Change Set, JSON or
// YAML, for the endpoint application selected in the Applications on the
// endpoint pane: one QAction whose menu holds the four, for the pane's
// toolbar and context menu. SMS writes the document to S3 and answers where;
// message() says so. The document is then read from S3 (client/ObjectReader;
// sms-local, embedded or not, serves its bucket as S3 does) and opens in a
// TemplateViewer; when it cannot be read, message() says why.

#include "api/SmsTypes.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace sms::services {
class EndpointSession;
}

namespace sms::ui {

class TemplateViewer;

class EndpointTemplateActions : public QObject
{
    Q_OBJECT

public:
    enum class Document { Template, ChangeSet };

    // `dialogParent` parents the viewers and the menu.
    EndpointTemplateActions(services::EndpointSession &session, QWidget *dialogParent);

    // The action with the menu of the four.
    QAction *menuAction() const { return m_menuAction; }
    QAction *action(Document document, api::OutputFormat format) const;
    // The application the actions are for (empty: none, they are disabled),
    // and its name for messages.
    void setApplication(const QString &appId, const QString &name);
    // The viewer the last answer opened, if it is still open.
    TemplateViewer *lastViewer() const;

Q_SIGNALS:
    // Where the document went, or why it did not.
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;  // the menu's LanguageChange

private:
    void generate(Document document, api::OutputFormat format);
    void written(Document document, api::OutputFormat format, const QString &appName, const api::S3Location &location);
    void retranslate();

    services::EndpointSession &m_session;
    QWidget *m_dialogParent;
    QMenu *m_menu;
    QAction *m_menuAction;
    QAction *m_actions[2][2] = {};  // [Document][JSON, YAML]
    QString m_appId;
    QString m_appName;
    QPointer<TemplateViewer> m_lastViewer;
};

} // namespace sms::ui
