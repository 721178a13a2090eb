#pragma once
// LaunchGraphPane: the "Launch Graph" dock's content. A toolbar (Fit, Lay
// Out Again, Export PNG…, Export SVG…), the graph of the application the
// window says is current (or, when there is none or it has no groups, a
// sentence saying what to do), and a line under it with the gestures, or
// why the last one was refused.

#include "models/PlanEditor.h"
#include "models/PlanValidation.h"

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace sms::ui {

class LaunchGraphScene;
class LaunchGraphView;

class LaunchGraphPane : public QWidget
{
    Q_OBJECT

public:
    explicit LaunchGraphPane(models::PlanEditor &editor, QWidget *parent = nullptr);

    LaunchGraphScene *scene() const { return m_scene; }
    LaunchGraphView *view() const { return m_view; }
    // The sentence under the graph: the gestures, or the last refusal.
    QString hintText() const;
    // The sentence the empty state shows; empty while a graph is shown.
    QString emptyText() const;

    // Shows `application`'s graph with `group` (kNoKey: none) selected.
    void showSelection(models::PlanKey application, models::PlanKey group);
    void setIssues(const std::vector<models::PlanIssue> &issues);
    void fit();
    void layOutAgain();
    // Return the reason on failure, an empty string on success.
    QString exportPng(const QString &path);
    QString exportSvg(const QString &path);

Q_SIGNALS:
    // Double-clicked: to be selected in the Applications pane.
    void groupActivated(sms::models::PlanKey group);
    // Selected alone in the graph.
    void groupSelected(sms::models::PlanKey group);
    // For the status bar: a refused gesture, in plain words.
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void updateState();
    void showRefusal(const QString &why);
    void askAndExport(bool svg);

    models::PlanEditor &m_editor;
    LaunchGraphScene *m_scene;
    QToolBar *m_toolBar;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    LaunchGraphView *m_view;
    QLabel *m_hint;
    QAction *m_fit;
    QAction *m_layOutAgain;
    QAction *m_exportPng;
    QAction *m_exportSvg;
    QString m_refusal;          // shown under the graph until the next edit
    bool m_fitPending = false;  // fit the next graph built (another application)
};

} // namespace sms::ui
