#pragma once
// SettingFieldRow: one field of the settings editor. It shows what the
// selection has (its own value, or the effective one greyed as a
// placeholder, or "Mixed"), where that comes from, a reset to the
// application's value, and a problem under it. It only reports what the user
// did: a value committed (Return, leaving the field, a box ticked, an item
// chosen) or a reset; the editor decides and writes.

#include "ui/settings/SettingFields.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace sms::ui {

// What a field of the selection holds.
struct FieldValues
{
    std::optional<QString> own;  // what every server owns alike (an application: its own value)
    bool ownMixed = false;       // the servers' own values differ (or only some own one)
    std::optional<QString> effective;  // what they will be put with, when alike
    bool effectiveMixed = false;
};

class SettingFieldRow : public QWidget
{
    Q_OBJECT

public:
    SettingFieldRow(const SettingField &field, QWidget *parent = nullptr);

    const SettingField &field() const { return m_field; }
    // Shows the values, the origin line and whether a reset can do anything.
    // An edit the user has not finished (or that was refused) stays.
    void showValues(const FieldValues &values, const QString &origin, bool canReset);
    // Shown under the field until the next showValues or edit; empty hides it.
    void setProblem(const QString &problem);
    QString problem() const;
    // A widget after the field (the logical ID's Generate).
    void addTrailingWidget(QWidget *widget);
    void setEditable(bool editable);
    // The text in a line (or the instance type's box).
    QString text() const;
    QString origin() const;
    void retranslate();

Q_SIGNALS:
    void committed(const QString &text);
    void resetRequested();
    void edited(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *lineEdit() const;
    void commitLine();
    void fillChoices();
    void showPlaceholder();

    const SettingField &m_field;
    QWidget *m_editor = nullptr;
    QToolButton *m_reset;
    QLabel *m_origin;
    QLabel *m_problem;
    QHBoxLayout *m_line;
    FieldValues m_values;
    bool m_shown = false;
};

} // namespace sms::ui
