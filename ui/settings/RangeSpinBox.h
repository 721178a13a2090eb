#pragma once
// RangeSpinBox: a QSpinBox that lets a number outside its range be typed.
// QSpinBox refuses the keystroke that leaves the range, so typing 30 into a
// 1–24 box silently gives 3. Here 30 stays in view in red, its tool tip says
// what the box takes, and the owner can word it as a problem
// (typedOutOfRange()); leaving the box puts the nearest allowed value in
// (fixup()).

#include <QSpinBox>

#include <optional>

namespace sms::ui {

class RangeSpinBox : public QSpinBox
{
    Q_OBJECT

public:
    explicit RangeSpinBox(QWidget *parent = nullptr);

    // The number typed, when it lies outside the range; nullopt otherwise.
    std::optional<qlonglong> typedOutOfRange() const;
    // "Enter a number from 1 to 24." (naming the special value when there is one).
    QString rangeText() const;

    QValidator::State validate(QString &input, int &pos) const override;
    // Leaving the box (or Return) brings a number outside the range to the nearest end.
    void fixup(QString &input) const override;

Q_SIGNALS:
    // The text went into or out of the range (or changed while outside it).
    void outOfRangeChanged();

private:
    std::optional<qlonglong> outOfRange(const QString &text) const;
    void onTextChanged();
};

} // namespace sms::ui
