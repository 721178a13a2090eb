#include "ui/templates/TemplateViewer.h"

#include "cloudformation/CloudFormationTemplate.h"
#include "models/AtomicWrite.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sms::ui {

TemplateViewer::TemplateViewer(api::Json tmpl, QString subject, QWidget *parent)
    : TemplateViewer(std::optional<api::Json>(std::move(tmpl)), std::move(subject), QString(), parent)
{
    render();
}

TemplateViewer::TemplateViewer(std::string document, api::OutputFormat format, QString subject, QString location,
                               QWidget *parent)
    : TemplateViewer(std::nullopt, std::move(subject), std::move(location), parent)
{
    m_document = std::move(document);
    setFormat(format);
    m_format->setEnabled(false);  // as written; the other format is another Generate
    m_text->setPlainText(QString::fromStdString(m_document));
}

TemplateViewer::TemplateViewer(std::optional<api::Json> tmpl, QString subject, QString location, QWidget *parent)
    : QDialog(parent)
    , m_template(std::move(tmpl))
    , m_subject(std::move(subject))
    , m_location(std::move(location))
    , m_formatLabel(new QLabel(this))
    , m_locationLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(this))
    , m_saveAs(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("TemplateViewer"));
    m_format->setObjectName(QStringLiteral("format"));
    m_text->setObjectName(QStringLiteral("template"));
    m_copy->setObjectName(QStringLiteral("copy"));
    m_saveAs->setObjectName(QStringLiteral("saveAs"));
    m_format->addItem(QStringLiteral("JSON"), int(api::OutputFormat::Json));
    m_format->addItem(QStringLiteral("YAML"), int(api::OutputFormat::Yaml));
    m_formatLabel->setBuddy(m_format);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *top = new QHBoxLayout;
    top->addWidget(m_formatLabel);
    top->addWidget(m_format);
    top->addSpacing(12);
    top->addWidget(m_locationLabel, 1);
    m_locationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_locationLabel->setVisible(!m_location.isEmpty());
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveAs, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &TemplateViewer::render);
    connect(m_copy, &QPushButton::clicked, this, &TemplateViewer::copy);
    connect(m_saveAs, &QPushButton::clicked, this, &TemplateViewer::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(760, 640);
    retranslate();
}

api::OutputFormat TemplateViewer::format() const
{
    return api::OutputFormat(m_format->currentData().toInt());
}

void TemplateViewer::setFormat(api::OutputFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

QString TemplateViewer::text() const
{
    return m_text->toPlainText();
}

QString TemplateViewer::saveTo(const QString &path) const
{
    return models::writeAtomically(path, QByteArrayView(m_document.data(), qsizetype(m_document.size())));
}

void TemplateViewer::render()
{
    if (!m_template)
        return;
    m_document = cloudformation::renderTemplate(*m_template, format());
    m_text->setPlainText(QString::fromStdString(m_document));
}

void TemplateViewer::copy()
{
    QApplication::clipboard()->setText(text());
}

void TemplateViewer::saveAs()
{
    const bool yaml = format() == api::OutputFormat::Yaml;
    const QString filter = yaml ? tr("YAML templates (*.yaml *.yml)") : tr("JSON templates (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Template"),
                                                      m_subject + (yaml ? QStringLiteral(".yaml") : QStringLiteral(".json")),
                                                      filter + QStringLiteral(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString reason = saveTo(path); !reason.isEmpty())
        QMessageBox::warning(this, tr("Save Template"),
                             tr("Could not save the template to %1: %2").arg(QFileInfo(path).fileName(), reason));
}

void TemplateViewer::retranslate()
{
    setWindowTitle(tr("CloudFormation Template of %1").arg(m_subject));
    m_formatLabel->setText(tr("&Format:"));
    m_locationLabel->setText(tr("Written to %1").arg(m_location));
    m_copy->setText(tr("&Copy"));
    m_copy->setToolTip(tr("Copy the whole template to the clipboard"));
    m_saveAs->setText(tr("&Save As\u2026"));
    m_close->setText(tr("Close"));
}

void TemplateViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace sms::ui
