#pragma once
// A part of a graphics scene out to an image file, written atomically
// (models/AtomicWrite.h) so that a failed write leaves the file as it was.
// Each returns the reason on failure, an empty string on success.

#include <QRectF>
#include <QString>

class QGraphicsScene;

namespace sms::ui {

// At twice the scene's scale, so that the text stays sharp on a slide.
QString exportScenePng(QGraphicsScene &scene, const QRectF &source, const QString &path);
QString exportSceneSvg(QGraphicsScene &scene, const QRectF &source, const QString &title, const QString &path);

} // namespace sms::ui
