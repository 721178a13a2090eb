#include "ui/launch/LaunchGraphScene.h"

#include "ui/launch/DependencyEdgeItem.h"
#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchBandsItem.h"
#include "ui/launch/LaunchGraphText.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace sms::ui {
namespace {

constexpr double kLayerSpacing = models::LayoutInput{}.layerSpacing;
constexpr double kSceneMargin = 400;  // room to drag a box beyond the graph

} // namespace

LaunchGraphScene::LaunchGraphScene(models::PlanEditor &editor, QObject *parent)
    : QGraphicsScene(parent)
    , m_editor(editor)
    , m_bands(new LaunchBandsItem)
{
    addItem(m_bands);
    watchDocument();
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_selecting)
            return;
        const std::vector<models::PlanKey> groups = selectedGroups();
        if (groups.size() == 1 && selectedItems().size() == 1)
            Q_EMIT groupSelected(groups.front());
    });
}

void LaunchGraphScene::watchDocument()
{
    models::PlanDocument &document = m_editor.document();
    // Any change to the shown application's groups; a change elsewhere only
    // when it may move or remove the application itself.
    const auto ifShown = [this](int app) {
        if (m_editor.document().positionOf(m_application).application == app)
            scheduleRefresh();
    };
    const auto always = [this] { scheduleRefresh(); };
    connect(&document, &models::PlanDocument::resetDone, this, always);
    connect(&document, &models::PlanDocument::applicationInserted, this, always);
    connect(&document, &models::PlanDocument::applicationRemoved, this, always);
    connect(&document, &models::PlanDocument::applicationChanged, this, ifShown);
    connect(&document, &models::PlanDocument::groupInserted, this, ifShown);
    connect(&document, &models::PlanDocument::groupRemoved, this, ifShown);
    connect(&document, &models::PlanDocument::groupChanged, this, ifShown);
    connect(&document, &models::PlanDocument::serversInserted, this, ifShown);
    connect(&document, &models::PlanDocument::serversRemoved, this, ifShown);
}

void LaunchGraphScene::setApplication(models::PlanKey application)
{
    if (application == m_application)
        return;
    m_application = application;
    clearGraph();  // none of the old boxes is reused for another application
    scheduleRefresh();
}

bool LaunchGraphScene::hasApplication() const
{
    const models::PlanPosition at = m_editor.document().positionOf(m_application);
    return at.isValid() && !at.isGroup();
}

QString LaunchGraphScene::applicationName() const
{
    if (!hasApplication())
        return {};
    return QString::fromStdString(m_editor.document().application(m_editor.document().positionOf(m_application).application).name);
}

void LaunchGraphScene::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshPending)
            rebuild();
    });
}

void LaunchGraphScene::refreshNow()
{
    if (m_refreshPending)
        rebuild();
}

void LaunchGraphScene::setIssues(const std::vector<models::PlanIssue> &issues)
{
    GroupWarnings warnings = groupWarnings(issues);
    if (warnings == m_warnings)
        return;
    m_warnings = std::move(warnings);
    scheduleRefresh();
}

void LaunchGraphScene::clearGraph()
{
    const QSignalBlocker quiet(this);  // no selectionChanged for boxes going away
    cancelGesture();
    qDeleteAll(m_edges);
    m_edges.clear();
    qDeleteAll(m_nodes);
    m_nodes.clear();
    m_nodeByKey.clear();
    m_bands->setBands(0, kLayerSpacing, 0, 0);
}

void LaunchGraphScene::cancelGesture()
{
    m_connectFrom = nullptr;
    delete m_connectLine;
    m_connectLine = nullptr;
    endDrag();
}

void LaunchGraphScene::endDrag()
{
    m_dragStart.clear();
    m_movingItems.clear();
    m_stillViewport = nullptr;
}

void LaunchGraphScene::rebuild()
{
    m_refreshPending = false;
    const models::PlanDocument &document = m_editor.document();
    const models::PlanPosition at = document.positionOf(m_application);
    if (!at.isValid() || at.isGroup()) {
        clearGraph();
        setSceneRect(QRectF());
        Q_EMIT contentChanged();
        return;
    }
    const LaunchGraphFacts facts = launchGraphFacts(document.application(at.application), m_warnings);

    // Boxes are kept by key, so that selection and focus survive an edit;
    // arrows are cheap and made again.
    m_selecting = true;
    // New arrows are in no still layer: a view showing one paints as usual again.
    m_movingItems.clear();
    m_stillViewport = nullptr;
    qDeleteAll(m_edges);
    m_edges.clear();
    std::unordered_map<models::PlanKey, GroupNodeItem *> previous = std::move(m_nodeByKey);
    m_nodeByKey.clear();
    m_nodes.clear();
    m_nodes.reserve(facts.nodes.size());
    for (std::size_t i = 0; i < facts.nodes.size(); ++i) {
        GroupNodeItem *node = nullptr;
        if (const auto found = previous.find(facts.nodes[i].key); found != previous.end()) {
            node = found->second;
            previous.erase(found);
            node->clearEdges();
            node->setFacts(facts.nodes[i]);
        } else {
            node = new GroupNodeItem(facts.nodes[i]);
            addItem(node);
        }
        const models::LayoutPoint &point = facts.layout.position[i];
        node->setPos(point.x, point.y);
        m_nodes.push_back(node);
        m_nodeByKey.emplace(node->key(), node);
    }
    if (!previous.empty())
        cancelGesture();  // it may hold a box that is gone
    for (const auto &[key, gone] : previous)
        delete gone;
    m_edges.reserve(facts.edges.size());
    for (const GraphEdgeFacts &edge : facts.edges) {
        auto *item = new DependencyEdgeItem(m_nodes[std::size_t(edge.before)], m_nodes[std::size_t(edge.after)], edge.inferred);
        addItem(item);
        m_edges.push_back(item);
    }

    double top = 0;
    double bottom = 0;
    for (const GroupNodeItem *node : m_nodes) {
        top = std::min(top, node->y() - GroupNodeItem::kSize.height());
        bottom = std::max(bottom, node->y() + GroupNodeItem::kSize.height());
    }
    m_bands->setBands(int(facts.layout.rows.size()), kLayerSpacing, top, bottom);
    setSceneRect(graphRect().adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    m_selecting = false;
    Q_EMIT contentChanged();
}

QRectF LaunchGraphScene::graphRect() const
{
    QRectF rect = m_bands->mapRectToScene(m_bands->boundingRect());
    for (const GroupNodeItem *node : m_nodes)
        rect |= node->sceneBoundingRect();
    return rect;
}

GroupNodeItem *LaunchGraphScene::node(models::PlanKey group) const
{
    const auto found = m_nodeByKey.find(group);
    return found == m_nodeByKey.end() ? nullptr : found->second;
}

DependencyEdgeItem *LaunchGraphScene::edge(models::PlanKey before, models::PlanKey after) const
{
    const auto found = std::find_if(m_edges.begin(), m_edges.end(), [&](const DependencyEdgeItem *edge) {
        return edge->before()->key() == before && edge->after()->key() == after;
    });
    return found == m_edges.end() ? nullptr : *found;
}

int LaunchGraphScene::bandCount() const
{
    return m_bands->count();
}

std::vector<models::PlanKey> LaunchGraphScene::selectedGroups() const
{
    std::vector<models::PlanKey> groups;
    for (QGraphicsItem *item : selectedItems())
        if (const auto *node = qgraphicsitem_cast<GroupNodeItem *>(item))
            groups.push_back(node->key());
    return groups;
}

void LaunchGraphScene::selectGroup(models::PlanKey group)
{
    GroupNodeItem *target = node(group);
    if (target && target->isSelected() && selectedItems().size() == 1)
        return;
    m_selecting = true;
    clearSelection();
    if (target)
        target->setSelected(true);
    m_selecting = false;
}

QString LaunchGraphScene::connectGroups(models::PlanKey before, models::PlanKey after)
{
    const QString why = m_editor.addLaunchDependency(before, after);
    if (!why.isEmpty())
        Q_EMIT refused(why);
    return why;
}

void LaunchGraphScene::deleteSelection()
{
    std::vector<std::pair<models::PlanKey, models::PlanKey>> dependencies;
    std::vector<models::PlanKey> groups;
    for (QGraphicsItem *item : selectedItems()) {
        if (const auto *edge = qgraphicsitem_cast<DependencyEdgeItem *>(item))
            dependencies.emplace_back(edge->before()->key(), edge->after()->key());
        else if (const auto *node = qgraphicsitem_cast<GroupNodeItem *>(item))
            groups.push_back(node->key());
    }
    if (dependencies.empty() && groups.empty())
        return;
    QUndoStack &undo = m_editor.document().undoStack();
    const bool both = !dependencies.empty() && !groups.empty();
    if (both)
        undo.beginMacro(LaunchGraphText::tr("Delete %n item(s) from the launch graph", nullptr,
                                            int(dependencies.size() + groups.size())));
    if (!dependencies.empty())
        m_editor.removeLaunchDependencies(dependencies);
    if (!groups.empty())
        m_editor.deleteItems(groups, {});
    if (both)
        undo.endMacro();
}

void LaunchGraphScene::renameGroup(models::PlanKey group, const QString &name)
{
    const QString trimmed = name.trimmed();
    const GroupNodeItem *target = node(group);
    if (trimmed.isEmpty() || !target || trimmed == target->facts().name)
        return;
    m_editor.renameGroup(group, trimmed.toStdString());
}

void LaunchGraphScene::layOutAgain()
{
    const models::PlanPosition at = m_editor.document().positionOf(m_application);
    if (!at.isValid() || at.isGroup())
        return;
    std::vector<std::pair<models::PlanKey, std::optional<models::GraphPoint>>> unpinned;
    for (const models::PlanServerGroup &group : m_editor.document().application(at.application).serverGroups)
        if (group.pinnedAt)
            unpinned.emplace_back(group.key, std::nullopt);
    if (!unpinned.empty())
        m_editor.pinGroups(std::move(unpinned));
}

void LaunchGraphScene::retranslate()
{
    for (GroupNodeItem *node : m_nodes)
        node->retranslate();
    for (DependencyEdgeItem *edge : m_edges)
        edge->retranslate();
}

bool LaunchGraphScene::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (GroupNodeItem *node : m_nodes)
            node->applyPalette();  // and drops its cached pixmap
        update();
    }
    return QGraphicsScene::event(event);
}

GroupNodeItem *LaunchGraphScene::nodeAt(const QPointF &scenePoint) const
{
    for (QGraphicsItem *item : items(scenePoint)) {
        // The connector dot and the badge are a box's children.
        for (QGraphicsItem *up = item; up; up = up->parentItem())
            if (auto *node = qgraphicsitem_cast<GroupNodeItem *>(up))
                return node;
    }
    return nullptr;
}

void LaunchGraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    GroupNodeItem *pressed = event->button() == Qt::LeftButton ? nodeAt(event->scenePos()) : nullptr;
    if (pressed && (pressed->onConnector(event->scenePos()) || event->modifiers().testFlag(Qt::ShiftModifier))) {
        m_connectFrom = pressed;
        m_connectLine = addPath(dependencyPath(pressed->outPoint(), event->scenePos()),
                                QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        m_connectLine->setZValue(2);
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event);
    endDrag();
    if (!pressed)
        return;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *node = qgraphicsitem_cast<GroupNodeItem *>(item)) {
            m_dragStart.emplace_back(node, node->pos());
            m_movingItems.insert(node);
            for (const DependencyEdgeItem *edge : node->edges())
                m_movingItems.insert(edge);
        }
    }
}

void LaunchGraphScene::paintStill(QPainter *painter, const QRectF &rect) const
{
    QStyleOptionGraphicsItem option;
    for (QGraphicsItem *item : items(rect, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder)) {
        const bool still = item == m_bands
            || (qgraphicsitem_cast<DependencyEdgeItem *>(item) && !m_movingItems.contains(item));
        if (!still)
            continue;
        option.state = item->isSelected() ? QStyle::State_Selected : QStyle::State_None;
        option.exposedRect = item->boundingRect();
        painter->save();
        painter->setTransform(item->sceneTransform(), true);
        item->paint(painter, &option, nullptr);
        painter->restore();
    }
}

void LaunchGraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectLine) {
        m_connectLine->setPath(dependencyPath(m_connectFrom->outPoint(), event->scenePos()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void LaunchGraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectLine) {
        finishConnecting(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    pinMovedNodes();
}

void LaunchGraphScene::finishConnecting(const QPointF &scenePoint)
{
    const models::PlanKey before = m_connectFrom->key();
    delete m_connectLine;
    m_connectLine = nullptr;
    m_connectFrom = nullptr;
    GroupNodeItem *target = nodeAt(scenePoint);
    if (!target || target->key() == before)
        return;  // dropped on nothing, or back on itself: the gesture was given up
    connectGroups(before, target->key());
}

void LaunchGraphScene::pinMovedNodes()
{
    std::vector<std::pair<models::PlanKey, std::optional<models::GraphPoint>>> moved;
    for (const auto &[node, from] : m_dragStart)
        if (node->pos() != from)
            moved.emplace_back(node->key(), models::GraphPoint{node->x(), node->y()});
    endDrag();
    if (!moved.empty())
        m_editor.pinGroups(std::move(moved));
}

void LaunchGraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (GroupNodeItem *node = event->button() == Qt::LeftButton ? nodeAt(event->scenePos()) : nullptr) {
        Q_EMIT groupActivated(node->key());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void LaunchGraphScene::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        deleteSelection();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_F2) {
        if (const std::vector<models::PlanKey> groups = selectedGroups(); groups.size() == 1)
            Q_EMIT renameRequested(groups.front());
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

} // namespace sms::ui
