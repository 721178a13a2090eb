#pragma once
// The launch graph's one translation context, for its items and helpers that
// are no QObject (lupdate cannot follow a context held in a variable).

#include <QCoreApplication>

namespace sms::ui {

struct LaunchGraphText
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::LaunchGraphText)
};

} // namespace sms::ui
