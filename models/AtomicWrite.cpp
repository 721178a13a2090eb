#include "models/AtomicWrite.h"

#include <QSaveFile>

namespace sms::models {

QString writeAtomically(const QString &path, QByteArrayView bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    // QFile reports a short write (a full disk, a file size limit) as success
    // with fewer bytes; only writing the rest yields the OS's reason.
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 written = file.write(bytes.data() + done, bytes.size() - done);
        if (written <= 0)
            return file.errorString();  // before the destructor discards the temporary file
        done += written;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace sms::models
