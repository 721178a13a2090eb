#include "ui/launch/LaunchGraphView.h"

#include "ui/launch/GroupNameEdit.h"
#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchGraphScene.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace sms::ui {
namespace {

constexpr double kFitMargin = 24;       // scene units around the graph
constexpr double kWheelBase = 1.0015;  // per 1/8 degree: a notch (120) zooms about 20%

} // namespace

LaunchGraphView::LaunchGraphView(LaunchGraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setDragMode(RubberBandDrag);  // on empty space; boxes and arrows take their own clicks
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setTransformationAnchor(NoAnchor);  // zoomBy keeps the point under the cursor itself
    setResizeAnchor(AnchorViewCenter);
    followPalette();
    connect(m_scene, &LaunchGraphScene::renameRequested, this, [this](models::PlanKey group) { editName(group); });
}

void LaunchGraphView::zoomBy(double factor, const QPointF &viewportPoint)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (target == zoom())
        return;
    const QPointF anchor = mapToScene(viewportPoint.toPoint());
    scale(target / zoom(), target / zoom());
    // Scroll so that the anchor is back under the point.
    const QPointF moved = mapFromScene(anchor) - viewportPoint;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(std::lround(moved.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::lround(moved.y())));
}

void LaunchGraphView::fit()
{
    const QRectF graph = m_scene->graphRect();
    if (graph.isEmpty())
        return;
    fitInView(graph.adjusted(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin), Qt::KeepAspectRatio);
    // A small graph stays at its natural size instead of blowing up.
    const double bounded = std::clamp(zoom(), kMinZoom, 1.0);
    if (bounded != zoom()) {
        setTransform(QTransform::fromScale(bounded, bounded));
        centerOn(graph.center());
    }
}

GroupNameEdit *LaunchGraphView::editName(models::PlanKey group)
{
    const GroupNodeItem *node = m_scene->node(group);
    if (!node)
        return nullptr;
    delete m_nameEdit;
    ensureVisible(node);
    m_nameEdit = new GroupNameEdit(node->facts().name, viewport());
    const QRect box = mapFromScene(node->sceneBoundingRect()).boundingRect();
    m_nameEdit->setGeometry(box.left(), box.center().y() - m_nameEdit->sizeHint().height() / 2,
                            std::max(box.width(), m_nameEdit->sizeHint().width()), m_nameEdit->sizeHint().height());
    connect(m_nameEdit, &GroupNameEdit::committed, this,
            [this, group](const QString &name) { m_scene->renameGroup(group, name); });
    m_nameEdit->show();
    m_nameEdit->setFocus();
    return m_nameEdit;
}

void LaunchGraphView::followPalette()
{
    m_scene->setPalette(palette());
    // Window around the bands, so that both kinds of stripe (Base, AlternateBase) stand out.
    m_scene->setBackgroundBrush(palette().color(QPalette::Window));
}

void LaunchGraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);  // a sideways wheel scrolls
        return;
    }
    zoomBy(std::pow(kWheelBase, delta), event->position());
    event->accept();
}

void LaunchGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::MiddleButton) {
        QGraphicsView::mousePressEvent(event);
        if (m_scene->isDraggingBoxes() && m_stillLayerEnabled)
            paintStillLayer();
        return;
    }
    m_panFrom = event->position().toPoint();
    viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void LaunchGraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_panFrom) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    const QPoint moved = event->position().toPoint() - *m_panFrom;
    m_panFrom = event->position().toPoint();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - moved.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - moved.y());
    event->accept();
}

void LaunchGraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_panFrom || event->button() != Qt::MiddleButton) {
        QGraphicsView::mouseReleaseEvent(event);  // the scene ends the drag, and its still layer
        return;
    }
    m_panFrom.reset();
    viewport()->unsetCursor();
    event->accept();
}

void LaunchGraphView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        dropStillLayer();  // painted in the old colours
        followPalette();
    }
    QGraphicsView::changeEvent(event);
}

void LaunchGraphView::setStillLayerEnabled(bool enabled)
{
    m_stillLayerEnabled = enabled;
    if (!enabled)
        dropStillLayer();
}

void LaunchGraphView::paintStillLayer()
{
    const qreal ratio = viewport()->devicePixelRatioF();
    if (m_still.size() != viewport()->size() * ratio) {
        m_still = QPixmap(viewport()->size() * ratio);
        m_still.setDevicePixelRatio(ratio);
    }
    QPainter painter(&m_still);
    painter.setRenderHints(renderHints());
    painter.setWorldTransform(viewportTransform());
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    QGraphicsView::drawBackground(&painter, visible);
    m_scene->paintStill(&painter, visible);
    painter.end();
    m_stillTransform = viewportTransform();
    m_scene->setStillViewport(viewport());
    viewport()->update();  // the items in the layer stop painting themselves
}

bool LaunchGraphView::paintsStillLayer() const
{
    return m_scene->stillViewport() == viewport();
}

void LaunchGraphView::dropStillLayer()
{
    if (!paintsStillLayer())
        return;
    m_scene->setStillViewport(nullptr);
    viewport()->update();
}

bool LaunchGraphView::stillLayerFits() const
{
    return m_stillTransform == viewportTransform() && m_still.deviceIndependentSize() == QSizeF(viewport()->size());
}

void LaunchGraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    if (paintsStillLayer() && !stillLayerFits())
        dropStillLayer();  // scrolled, zoomed or resized: the items paint themselves again
    if (!paintsStillLayer()) {
        QGraphicsView::drawBackground(painter, rect);
        return;
    }
    painter->save();
    painter->resetTransform();
    painter->drawPixmap(QPointF(0, 0), m_still);
    painter->restore();
}

} // namespace sms::ui
