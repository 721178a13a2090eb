#pragma once
// LaunchGraphView: shows a LaunchGraphScene. The wheel zooms around the
// cursor (between kMinZoom and kMaxZoom), a drag on empty space selects the
// boxes and arrows it encloses (Ctrl adds to the selection), a drag with the
// middle button pans wherever it starts, Fit shows the whole graph, and F2 (the scene's renameRequested) opens a name
// editor over the box. The scene takes its colours from this view's palette,
// so that the graph follows a light or dark theme.
//
// When boxes are pressed for a drag, the view paints what stays put (the
// bands and the other arrows) once into its still layer, a pixmap of the
// viewport, and draws that as its background until the release, so each
// frame of the drag paints only the moving boxes and their arrows. A scroll,
// zoom, resize or palette change drops the layer: painting goes on as usual.

#include "models/PlanTypes.h"
#include "ui/launch/GroupNameEdit.h"

#include <QGraphicsView>
#include <QPixmap>
#include <QPointer>

#include <optional>

namespace sms::ui {

class LaunchGraphScene;

class LaunchGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double kMinZoom = 0.1;
    static constexpr double kMaxZoom = 4;

    LaunchGraphView(LaunchGraphScene *scene, QWidget *parent = nullptr);

    LaunchGraphScene *graphScene() const { return m_scene; }
    double zoom() const { return transform().m11(); }
    // Multiplies the zoom (within the bounds), keeping the scene point under `viewportPoint` there.
    void zoomBy(double factor, const QPointF &viewportPoint);
    // The whole graph in view with a margin, never larger than 100%.
    void fit();
    // Opens the name editor over the group's box; nullptr when it has none.
    GroupNameEdit *editName(models::PlanKey group);
    GroupNameEdit *nameEditor() const { return m_nameEdit; }
    // On by default; off paints every item in every frame (for comparison).
    void setStillLayerEnabled(bool enabled);
    // Whether the scene's still layer is this view's (it forgets it when the drag ends).
    bool paintsStillLayer() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void followPalette();
    void paintStillLayer();
    void dropStillLayer();
    bool stillLayerFits() const;

    LaunchGraphScene *m_scene;
    QPointer<GroupNameEdit> m_nameEdit;
    std::optional<QPoint> m_panFrom;  // where the middle-button pan last was, while it lasts
    bool m_stillLayerEnabled = true;
    // What stays put during a drag of boxes, shown while paintsStillLayer(). The
    // pixmap is kept for the next drag: touching a new one's memory for the
    // first time took 15 ms of a 25 ms press (bench/launch-graph).
    QPixmap m_still;
    QTransform m_stillTransform;  // the viewport transform it was painted with
};

} // namespace sms::ui
