#include "ui/launch/SceneExport.h"

#include "models/AtomicWrite.h"
#include "ui/launch/LaunchGraphText.h"

#include <QBuffer>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>

#include <cmath>
#include <utility>
#include <vector>

namespace sms::ui {
namespace {

constexpr double kPngScale = 2;

// Cached items paint pixmaps, which an SVG would embed instead of shapes and
// text: they paint themselves while it lasts.
class UncachedItems
{
public:
    explicit UncachedItems(QGraphicsScene &scene)
    {
        for (QGraphicsItem *item : scene.items())
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_cached.emplace_back(item, item->cacheMode());
                item->setCacheMode(QGraphicsItem::NoCache);
            }
    }
    ~UncachedItems()
    {
        for (const auto &[item, mode] : m_cached)
            item->setCacheMode(mode);
    }
    UncachedItems(const UncachedItems &) = delete;
    UncachedItems &operator=(const UncachedItems &) = delete;

private:
    std::vector<std::pair<QGraphicsItem *, QGraphicsItem::CacheMode>> m_cached;
};

} // namespace

QString exportScenePng(QGraphicsScene &scene, const QRectF &source, const QString &path)
{
    if (source.isEmpty())
        return LaunchGraphText::tr("There is nothing to export.");
    const QSize size(int(std::ceil(source.width() * kPngScale)), int(std::ceil(source.height() * kPngScale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene.palette().color(QPalette::Base));
    {
        const UncachedItems sharp(scene);  // drawn at this scale, not blown up from the screen's
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), size), source);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return LaunchGraphText::tr("The graph could not be drawn as PNG.");
    return models::writeAtomically(path, bytes);
}

QString exportSceneSvg(QGraphicsScene &scene, const QRectF &source, const QString &title, const QString &path)
{
    if (source.isEmpty())
        return LaunchGraphText::tr("There is nothing to export.");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(title);
    {
        const UncachedItems vectors(scene);
        QPainter painter;
        if (!painter.begin(&svg))
            return LaunchGraphText::tr("The graph could not be drawn as SVG.");
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene.palette().color(QPalette::Base));
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    return models::writeAtomically(path, bytes);
}

} // namespace sms::ui
