#pragma once
// StageProgressDelegate: paints the runs table's Stage cell as a progress bar
// (the style's CE_ProgressBar) with the stage's words on it, from the model's
// ProgressRole; a cell without progress is painted as text. It only paints.

#include <QStyledItemDelegate>

namespace sms::ui {

class StageProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sms::ui
