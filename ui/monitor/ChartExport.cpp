#include "ui/monitor/ChartExport.h"

#include "models/AtomicWrite.h"

#include <QAction>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QImage>
#include <QMessageBox>
#include <QPixmap>
#include <QStandardPaths>
#include <QWidget>

namespace sms::ui {
namespace {

// The messages' translation context (lupdate cannot follow a context held
// in a variable).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::ChartExport)
};

// "Export PNG…" on `widget`: asks for a file name, writes it, and reports a
// failed write in a message box.
class ExportPngAction : public QAction
{
public:
    ExportPngAction(QWidget *widget, const QString &suggestedName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void askAndExport();

    QWidget *m_widget;
    QString m_suggestedName;
};

} // namespace

QString exportPng(QWidget *widget, const QString &path)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!widget->grab().toImage().save(&buffer, "PNG"))
        return Text::tr("The chart could not be drawn as PNG.");
    return models::writeAtomically(path, bytes);
}

ExportPngAction::ExportPngAction(QWidget *widget, const QString &suggestedName)
    : QAction(widget)
    , m_widget(widget)
    , m_suggestedName(suggestedName)
{
    setObjectName(QStringLiteral("exportPng"));
    retranslate();
    // Its widget is told of a new language; an action is not.
    widget->installEventFilter(this);
    widget->addAction(this);
    widget->setContextMenuPolicy(Qt::ActionsContextMenu);
    // The widget's to answer: its dialogs are its children.
    connect(this, &QAction::triggered, widget, [this] { askAndExport(); });
}

bool ExportPngAction::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAction::eventFilter(watched, event);
}

void ExportPngAction::retranslate()
{
    setText(Text::tr("Export PNG\u2026"));
}

void ExportPngAction::askAndExport()
{
    // The dialogs' texts are read when they open, in the language of the time.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(m_widget, Text::tr("Export PNG"),
                                                      QDir(folder).filePath(m_suggestedName + QStringLiteral(".png")),
                                                      Text::tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const QString error = exportPng(m_widget, path);
    if (!error.isEmpty())
        QMessageBox::warning(m_widget, Text::tr("Export PNG"),
                             Text::tr("Could not write %1:\n%2").arg(QDir::toNativeSeparators(path), error));
}

QAction *addExportPngAction(QWidget *widget, const QString &suggestedName)
{
    return new ExportPngAction(widget, suggestedName);
}

} // namespace sms::ui
