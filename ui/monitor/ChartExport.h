#pragma once
// Exporting a chart as the user sees it: a PNG of QWidget::grab(), written
// atomically, and the "Export PNG…" action every monitor chart puts in its
// context menu (and the pane in its toolbar).

#include <QString>

class QAction;
class QWidget;

namespace sms::ui {

// Writes `widget` as it looks now to `path` as PNG, through QSaveFile, so a
// failed write leaves `path` as it was. Returns the reason on failure, an
// empty string on success.
QString exportPng(QWidget *widget, const QString &path);

// An "Export PNG…" action owned by `widget` and in its context menu: it asks
// for a file name and reports a failed write in a message box. Its text
// follows the language (on the widget's QEvent::LanguageChange).
QAction *addExportPngAction(QWidget *widget, const QString &suggestedName);

} // namespace sms::ui
