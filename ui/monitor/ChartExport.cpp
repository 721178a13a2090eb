#include "ui/monitor/ChartExport.h"

#include "models/AtomicWrite.h"

#include <QAction>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
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

QAction *addExportPngAction(QWidget *widget, const QString &suggestedName)
{
    auto *action = new QAction(Text::tr("Export PNG\u2026"), widget);
    action->setObjectName(QStringLiteral("exportPng"));
    widget->addAction(action);
    widget->setContextMenuPolicy(Qt::ActionsContextMenu);
    QObject::connect(action, &QAction::triggered, widget, [widget, suggestedName] {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString path = QFileDialog::getSaveFileName(widget, Text::tr("Export PNG"),
                                                          QDir(folder).filePath(suggestedName + QStringLiteral(".png")),
                                                          Text::tr("PNG images (*.png)"));
        if (path.isEmpty())
            return;
        const QString error = exportPng(widget, path);
        if (!error.isEmpty())
            QMessageBox::warning(widget, Text::tr("Export PNG"),
                                 Text::tr("Could not write %1:\n%2").arg(QDir::toNativeSeparators(path), error));
    });
    return action;
}

} // namespace sms::ui
