#pragma once
// Writing a whole file so that it is either replaced completely or not at all.

#include <QByteArrayView>
#include <QString>

namespace sms::models {

// Writes `bytes` to a temporary file beside `path` and renames it over `path`
// (QSaveFile). Returns the OS's reason on failure, when `path` is as it was
// before; an empty string on success.
QString writeAtomically(const QString &path, QByteArrayView bytes);

} // namespace sms::models
