#pragma once
// Notifier: how the planner tells the user of something that happened while
// they looked elsewhere (a replication run failed, an application replicated).
// One interface so that a platform's own notification service can replace
// the system tray balloon without the replication code knowing.

#include <QString>

namespace sms::ui {

struct Notice
{
    enum class Urgency { Information, Warning };
    QString title;
    QString body;
    Urgency urgency = Urgency::Information;

    bool operator==(const Notice &) const = default;
};

class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual void notify(const Notice &notice) = 0;
};

} // namespace sms::ui
