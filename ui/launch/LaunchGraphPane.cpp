#include "ui/launch/LaunchGraphPane.h"

#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchGraphScene.h"
#include "ui/launch/LaunchGraphView.h"
#include "ui/launch/SceneExport.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolBar>
#include <QVBoxLayout>

namespace sms::ui {

LaunchGraphPane::LaunchGraphPane(models::PlanEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_scene(new LaunchGraphScene(editor, this))
    , m_toolBar(new QToolBar(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(m_stack))
    , m_view(new LaunchGraphView(m_scene, m_stack))
    , m_hint(new QLabel(this))
    , m_fit(m_toolBar->addAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")), QString(), this, &LaunchGraphPane::fit))
    , m_layOutAgain(m_toolBar->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), QString(), this,
                                         &LaunchGraphPane::layOutAgain))
    , m_exportPng(m_toolBar->addAction(QIcon::fromTheme(QStringLiteral("image-x-generic")), QString(), this,
                                       [this] { askAndExport(false); }))
    , m_exportSvg(m_toolBar->addAction(QIcon::fromTheme(QStringLiteral("document-export")), QString(), this,
                                       [this] { askAndExport(true); }))
{
    setObjectName(QStringLiteral("LaunchGraphPane"));
    m_view->setObjectName(QStringLiteral("launchGraphView"));
    m_fit->setObjectName(QStringLiteral("launchGraphFit"));
    m_layOutAgain->setObjectName(QStringLiteral("launchGraphLayOutAgain"));
    m_exportPng->setObjectName(QStringLiteral("launchGraphExportPng"));
    m_exportSvg->setObjectName(QStringLiteral("launchGraphExportSvg"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    m_hint->setMargin(4);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_hint);

    connect(m_scene, &LaunchGraphScene::contentChanged, this, &LaunchGraphPane::updateState);
    connect(m_scene, &LaunchGraphScene::refused, this, &LaunchGraphPane::showRefusal);
    connect(m_scene, &LaunchGraphScene::groupActivated, this, &LaunchGraphPane::groupActivated);
    connect(m_scene, &LaunchGraphScene::groupSelected, this, &LaunchGraphPane::groupSelected);
    // A refusal stays in view until the user does something else.
    connect(&editor.document().undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!m_refusal.isEmpty()) {
            m_refusal.clear();
            retranslate();
        }
    });
    retranslate();
    updateState();
}

QString LaunchGraphPane::hintText() const
{
    return m_hint->text();
}

QString LaunchGraphPane::emptyText() const
{
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

void LaunchGraphPane::showSelection(models::PlanKey application, models::PlanKey group)
{
    if (application != m_scene->application()) {
        m_fitPending = true;
        m_scene->setApplication(application);
    }
    m_scene->refreshNow();
    m_scene->selectGroup(group);
    if (group != models::kNoKey)
        if (const GroupNodeItem *node = m_scene->node(group))
            m_view->ensureVisible(node);
}

void LaunchGraphPane::setIssues(const std::vector<models::PlanIssue> &issues)
{
    m_scene->setIssues(issues);
}

void LaunchGraphPane::fit()
{
    m_view->fit();
}

void LaunchGraphPane::layOutAgain()
{
    m_scene->layOutAgain();
    m_fitPending = true;
}

QString LaunchGraphPane::exportPng(const QString &path)
{
    m_scene->refreshNow();
    return exportScenePng(*m_scene, m_scene->graphRect(), path);
}

QString LaunchGraphPane::exportSvg(const QString &path)
{
    m_scene->refreshNow();
    return exportSceneSvg(*m_scene, m_scene->graphRect(), tr("Launch order of %1").arg(m_scene->applicationName()),
                          path);
}

void LaunchGraphPane::askAndExport(bool svg)
{
    // The dialogs' texts are read when they open, in the language of the time.
    const QString title = svg ? tr("Export SVG") : tr("Export PNG");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested = tr("%1 launch graph").arg(m_scene->applicationName()) + (svg ? QStringLiteral(".svg") : QStringLiteral(".png"));
    const QString path = QFileDialog::getSaveFileName(this, title, QDir(folder).filePath(suggested),
                                                      svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const QString error = svg ? exportSvg(path) : exportPng(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, title, tr("Could not write %1:\n%2").arg(QDir::toNativeSeparators(path), error));
}

void LaunchGraphPane::showRefusal(const QString &why)
{
    m_refusal = why;
    retranslate();
    Q_EMIT message(why);
}

void LaunchGraphPane::updateState()
{
    const bool hasNodes = !m_scene->nodes().empty();
    m_stack->setCurrentWidget(hasNodes ? static_cast<QWidget *>(m_view) : m_empty);
    for (QAction *action : {m_fit, m_layOutAgain, m_exportPng, m_exportSvg})
        action->setEnabled(hasNodes);
    if (hasNodes && m_fitPending && m_view->isVisible()) {
        m_fitPending = false;
        m_view->fit();
    }
    retranslate();
}

void LaunchGraphPane::retranslate()
{
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole graph"));
    m_layOutAgain->setText(tr("Lay Out Again"));
    m_layOutAgain->setToolTip(tr("Forget where boxes were dragged and place every group by its launch order"));
    m_exportPng->setText(tr("Export PNG\u2026"));
    m_exportSvg->setText(tr("Export SVG\u2026"));
    m_toolBar->setWindowTitle(tr("Launch graph"));
    if (!m_scene->hasApplication())
        m_empty->setText(tr("Select an application in the Applications pane to see the order its server groups"
                            " launch in."));
    else
        m_empty->setText(tr("%1 has no server groups yet. Drag servers from the catalog onto it in the Applications"
                            " pane: each group becomes a box here, and arrows between boxes set their launch order.")
                             .arg(m_scene->applicationName()));
    m_hint->setText(!m_refusal.isEmpty()
                        ? tr("Not added: %1").arg(m_refusal)
                        : tr("Drag a box's dot (or Shift+drag the box) onto another box: that one launches after it."
                             " Delete removes the selection, F2 renames, double-click shows the group in"
                             " Applications. Boxes in one band launch together."));
    m_scene->retranslate();
}

void LaunchGraphPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LaunchGraphPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_fitPending && !m_scene->nodes().empty()) {
        m_fitPending = false;
        m_view->fit();
    }
}

} // namespace sms::ui
