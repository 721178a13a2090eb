#pragma once
// One member of a server's launch or replication settings as text, by its
// API name, so that the settings editor handles its seventeen fields with one
// kind of row: text in (a line, a box ticked, an item chosen), text out.
//   strings as they are; true/false; whole numbers; a seed time in this
//   computer's local time, "yyyy-MM-dd HH:mm"; an enum as its wire value;
//   an S3 location (userData, configureScript) as s3://bucket/key.

#include "api/SmsTypes.h"

#include <QString>

#include <optional>
#include <string_view>

namespace sms::ui {

// The member's value as text; nullopt when unset (or no such member).
std::optional<QString> memberText(const api::ServerLaunchConfiguration &launch, std::string_view member);
std::optional<QString> memberText(const api::ServerReplicationParameters &replication, std::string_view member);

// Sets the member from `text` (trimmed); false, with the member untouched,
// when the text is not of the member's form.
bool setMemberText(api::ServerLaunchConfiguration &launch, std::string_view member, const QString &text);
bool setMemberText(api::ServerReplicationParameters &replication, std::string_view member, const QString &text);

// Clears the member.
void clearMember(api::ServerLaunchConfiguration &launch, std::string_view member);
void clearMember(api::ServerReplicationParameters &replication, std::string_view member);

// The seed time's text form.
inline constexpr auto kSeedTimeFormat = "yyyy-MM-dd HH:mm";

} // namespace sms::ui
