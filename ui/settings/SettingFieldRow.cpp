#include "ui/settings/SettingFieldRow.h"

#include "models/InstanceTypes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

// The instance types as the box lists them, made once.
QStringList instanceTypeList()
{
    static const QStringList names = [] {
        QStringList list;
        for (const std::string &name : models::instanceTypeNames())
            list << QString::fromStdString(name);
        return list;
    }();
    return names;
}

QLabel *newNote(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SettingFieldRow::SettingFieldRow(const SettingField &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
    , m_reset(new QToolButton(this))
    , m_origin(newNote(this, QLatin1String(field.member) + QStringLiteral("Origin")))
    , m_problem(newNote(this, QLatin1String(field.member) + QStringLiteral("Problem")))
    , m_line(new QHBoxLayout)
{
    const QString name = QLatin1String(field.member);
    switch (field.widget) {
    case FieldWidget::Line: {
        auto *edit = new QLineEdit(this);
        connect(edit, &QLineEdit::editingFinished, this, &SettingFieldRow::commitLine);
        connect(edit, &QLineEdit::textEdited, this, &SettingFieldRow::edited);
        m_editor = edit;
        break;
    }
    case FieldWidget::InstanceType: {
        // Any text may be typed; the list and its completer (matching anywhere
        // in the name, "xlarge" or "m7") only offer the current types.
        auto *box = new QComboBox(this);
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->addItems(instanceTypeList());
        box->setCurrentIndex(-1);
        box->setMaxVisibleItems(16);
        auto *completer = new QCompleter(instanceTypeList(), box);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        completer->setCompletionMode(QCompleter::PopupCompletion);
        completer->setMaxVisibleItems(12);
        box->setCompleter(completer);
        connect(box->lineEdit(), &QLineEdit::editingFinished, this, &SettingFieldRow::commitLine);
        connect(box->lineEdit(), &QLineEdit::textEdited, this, &SettingFieldRow::edited);
        connect(box, &QComboBox::activated, this, &SettingFieldRow::commitLine);
        connect(completer, qOverload<const QString &>(&QCompleter::activated), this, &SettingFieldRow::commitLine,
                Qt::QueuedConnection);
        m_editor = box;
        break;
    }
    case FieldWidget::Check: {
        auto *check = new QCheckBox(this);
        connect(check, &QCheckBox::clicked, this, [this, check] {
            if (check->checkState() == Qt::PartiallyChecked)
                return;  // back to mixed: each server keeps its own
            Q_EMIT committed(check->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
        });
        m_editor = check;
        break;
    }
    case FieldWidget::Choice: {
        auto *box = new QComboBox(this);
        box->addItem(QString());  // mixed, or the application's value: no own value
        connect(box, &QComboBox::activated, this, [this, box](int index) {
            if (index > 0)
                Q_EMIT committed(box->itemData(index).toString());
            else if (m_values.own)
                Q_EMIT resetRequested();
        });
        m_editor = box;
        break;
    }
    }
    m_editor->setObjectName(name + QStringLiteral("Edit"));
    // A box as wide as its longest item would widen a narrow dock past its edge.
    if (auto *box = qobject_cast<QComboBox *>(m_editor)) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    if (QLineEdit *edit = lineEdit())
        edit->installEventFilter(this);
    m_reset->setObjectName(name + QStringLiteral("Reset"));
    m_reset->setAutoRaise(true);
    m_reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_reset, &QToolButton::clicked, this, &SettingFieldRow::resetRequested);
    m_origin->setForegroundRole(QPalette::PlaceholderText);
    QPalette palette = m_problem->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    m_problem->setPalette(palette);
    m_problem->hide();

    m_line->setContentsMargins(0, 0, 0, 0);
    m_line->addWidget(m_editor, 1);
    m_line->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addLayout(m_line);
    layout->addWidget(m_origin);
    layout->addWidget(m_problem);
    setFocusProxy(m_editor);
    if (field.widget == FieldWidget::Choice)
        fillChoices();
    retranslate();
}

QLineEdit *SettingFieldRow::lineEdit() const
{
    if (auto *edit = qobject_cast<QLineEdit *>(m_editor))
        return edit;
    if (auto *box = qobject_cast<QComboBox *>(m_editor))
        return box->lineEdit();
    return nullptr;
}

void SettingFieldRow::fillChoices()
{
    auto *box = static_cast<QComboBox *>(m_editor);
    const auto choices = SettingFieldTexts::choices(m_field);
    if (box->count() == 1) {
        for (const auto &choice : choices)
            box->addItem(choice.second, choice.first);
    }
    for (int i = 0; i < int(choices.size()); ++i)
        box->setItemText(i + 1, choices[std::size_t(i)].second);
}

void SettingFieldRow::retranslate()
{
    m_reset->setToolTip(tr("Reset to the application's value: take this setting off the servers"));
    m_reset->setAccessibleName(tr("Reset %1").arg(SettingFieldTexts::label(m_field)));
    if (m_field.widget == FieldWidget::Choice)
        fillChoices();
    if (m_field.widget == FieldWidget::Check)
        static_cast<QCheckBox *>(m_editor)->setText(tr("Yes"));
    if (m_shown)
        showPlaceholder();
}

void SettingFieldRow::addTrailingWidget(QWidget *widget)
{
    m_line->insertWidget(1, widget);
}

void SettingFieldRow::setEditable(bool editable)
{
    m_editor->setEnabled(editable);
}

QString SettingFieldRow::text() const
{
    const QLineEdit *edit = lineEdit();
    return edit ? edit->text() : QString();
}

QString SettingFieldRow::origin() const
{
    return m_origin->text();
}

QString SettingFieldRow::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SettingFieldRow::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

// What an empty field stands for: mixed values, the effective one, or nothing.
void SettingFieldRow::showPlaceholder()
{
    QString placeholder;
    if (m_values.ownMixed || (!m_values.own && m_values.effectiveMixed))
        placeholder = tr("Mixed: each server keeps its own");
    else if (m_values.effective)
        placeholder = SettingFieldTexts::valueText(m_field, *m_values.effective);
    else
        placeholder = SettingFieldTexts::example(m_field);
    if (QLineEdit *edit = lineEdit())
        edit->setPlaceholderText(placeholder);
    if (m_field.widget == FieldWidget::Choice)
        static_cast<QComboBox *>(m_editor)->setItemText(0, m_values.effective || m_values.ownMixed
                                                                ? placeholder
                                                                : tr("Not set: SMS's default"));
}

void SettingFieldRow::showValues(const FieldValues &values, const QString &origin, bool canReset)
{
    const QString ownText = m_values.own.value_or(QString());
    m_values = values;
    m_shown = true;
    m_origin->setText(origin);
    m_reset->setEnabled(canReset);
    showPlaceholder();
    switch (m_field.widget) {
    case FieldWidget::Line:
    case FieldWidget::InstanceType: {
        QLineEdit *edit = lineEdit();
        // An edit in progress (or refused) stays; Escape brings the value back.
        if (edit->text() != ownText && (edit->hasFocus() || !problem().isEmpty()))
            return;
        const QString text = values.own.value_or(QString());
        if (edit->text() != text) {
            edit->setText(text);
            edit->setCursorPosition(0);
        }
        setProblem({});
        break;
    }
    case FieldWidget::Check: {
        auto *check = static_cast<QCheckBox *>(m_editor);
        const bool mixed = values.ownMixed || values.effectiveMixed;
        check->setTristate(mixed);
        check->setCheckState(mixed                                    ? Qt::PartiallyChecked
                             : values.effective == QStringLiteral("true") ? Qt::Checked
                                                                          : Qt::Unchecked);
        break;
    }
    case FieldWidget::Choice: {
        auto *box = static_cast<QComboBox *>(m_editor);
        const int index = values.own && !values.ownMixed ? box->findData(*values.own) : 0;
        box->setCurrentIndex(std::max(index, 0));
        break;
    }
    }
}

void SettingFieldRow::commitLine()
{
    const QString text = lineEdit()->text().trimmed();
    if (text == m_values.own.value_or(QString()) && problem().isEmpty())
        return;
    if (text.isEmpty()) {
        setProblem({});
        // Emptied: the server takes the application's value again. Left
        // empty over mixed values: each keeps its own.
        if (m_values.own)
            Q_EMIT resetRequested();
        return;
    }
    Q_EMIT committed(text);
}

bool SettingFieldRow::eventFilter(QObject *watched, QEvent *event)
{
    const bool escape = (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape;
    QLineEdit *edit = lineEdit();
    if (watched == edit && escape && (edit->text() != m_values.own.value_or(QString()) || !problem().isEmpty())) {
        event->accept();
        if (event->type() == QEvent::KeyPress) {
            setProblem({});
            edit->setText(m_values.own.value_or(QString()));
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sms::ui
