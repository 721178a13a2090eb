#pragma once
// TemplateViewer: a CloudFormation template, read-only in a monospace view,
// as JSON or YAML (switchable: both are rendered from the one tree by the
// builder's renderTemplate, so they read back alike), with Copy and Save As….
// Opened on demand (WA_DeleteOnClose) by the offline preview, and by Generate
// Template/Change Set with the embedded sms-local: then it shows the document
// as sms-local wrote it, in the format asked for, and where it was written.

#include "api/JsonCodec.h"
#include "api/SmsEnums.h"

#include <QDialog>

#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace sms::ui {

class TemplateViewer : public QDialog
{
    Q_OBJECT

public:
    // `subject` names what the template is of (an application), for the title.
    TemplateViewer(api::Json tmpl, QString subject, QWidget *parent = nullptr);
    // A document as written (its format fixed) at `location`, e.g. an s3:// URL.
    TemplateViewer(std::string document, api::OutputFormat format, QString subject, QString location,
                   QWidget *parent = nullptr);

    api::OutputFormat format() const;
    void setFormat(api::OutputFormat format);
    // The document as shown.
    QString text() const;
    // Writes the document as shown to `path`, whole or not at all; the
    // reason it could not, or an empty string.
    QString saveTo(const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void copy();
    void saveAs();
    void retranslate();

    TemplateViewer(std::optional<api::Json> tmpl, QString subject, QString location, QWidget *parent);

    std::optional<api::Json> m_template;  // none: m_document is fixed
    std::string m_document;                // as shown and saved
    QString m_subject;
    QString m_location;
    QLabel *m_formatLabel;
    QLabel *m_locationLabel;
    QComboBox *m_format;
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
    QPushButton *m_saveAs;
    QPushButton *m_close;
};

} // namespace sms::ui
