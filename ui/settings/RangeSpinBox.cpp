#include "ui/settings/RangeSpinBox.h"

#include "ui/wizard/CheckedWizardPage.h"

#include <QLineEdit>
#include <QApplication>

#include <algorithm>

namespace sms::ui {
namespace {

// More digits than any of our ranges needs; past this a keystroke is refused.
constexpr int kMaxDigits = 9;

} // namespace

RangeSpinBox::RangeSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    // The editor's signal: QSpinBox::textChanged waits for a value in range.
    connect(lineEdit(), &QLineEdit::textChanged, this, &RangeSpinBox::onTextChanged);
    // The box sets the corrected text with the editor's signals blocked.
    connect(this, &QAbstractSpinBox::editingFinished, this, &RangeSpinBox::onTextChanged);
    connect(this, &QSpinBox::valueChanged, this, &RangeSpinBox::onTextChanged);
}

std::optional<qlonglong> RangeSpinBox::outOfRange(const QString &text) const
{
    QString number = text;
    if (number.startsWith(prefix()))
        number.remove(0, prefix().size());
    if (number.endsWith(suffix()))
        number.chop(suffix().size());
    number = number.trimmed();
    if (number.isEmpty() || number.size() > kMaxDigits)
        return std::nullopt;
    bool ok = false;
    const qlonglong value = locale().toLongLong(number, &ok);
    if (!ok || (value >= minimum() && value <= maximum()))
        return std::nullopt;
    return value;
}

std::optional<qlonglong> RangeSpinBox::typedOutOfRange() const
{
    return outOfRange(text());
}

QString RangeSpinBox::rangeText() const
{
    if (!specialValueText().isEmpty())
        return tr("Enter %1 or a number from %2 to %3.").arg(specialValueText()).arg(minimum() + 1).arg(maximum());
    return tr("Enter a number from %1 to %2.").arg(minimum()).arg(maximum());
}

QValidator::State RangeSpinBox::validate(QString &input, int &pos) const
{
    const QValidator::State state = QSpinBox::validate(input, pos);
    if (state == QValidator::Invalid && outOfRange(input))
        return QValidator::Intermediate;  // kept in view; fixed when the box is left
    return state;
}

void RangeSpinBox::fixup(QString &input) const
{
    if (const auto typed = outOfRange(input)) {
        const int nearest = int(std::clamp<qlonglong>(*typed, minimum(), maximum()));
        input = prefix() + textFromValue(nearest) + suffix();
        return;
    }
    QSpinBox::fixup(input);
}

void RangeSpinBox::onTextChanged()
{
    // Said in place, not in a pop-up: a tool tip window could take the focus
    // from the box, which then corrects the number before it is read.
    const auto typed = typedOutOfRange();
    setToolTip(typed ? tr("%1 is out of range. %2").arg(*typed).arg(rangeText()) : QString());
    QPalette palette = lineEdit()->palette();
    palette.setColor(QPalette::Text, typed ? problemColour(palette) : QApplication::palette(this).color(QPalette::Text));
    lineEdit()->setPalette(palette);
    Q_EMIT outOfRangeChanged();
}

} // namespace sms::ui
