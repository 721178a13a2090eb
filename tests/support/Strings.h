#pragma once
// Test data rows in plain literals: QT_NO_CAST_FROM_ASCII keeps
// QStringList{"a", "b"} out, so a row says strings({"a", "b"}) instead.

#include <QStringList>

#include <initializer_list>

// The texts (UTF-8) as a QStringList, in order.
inline QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}
