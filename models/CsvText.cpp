#include "models/CsvText.h"

#include <QStringDecoder>

#include <simdjson.h>

#include <algorithm>
#include <cstring>

namespace sms::models {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

constexpr std::string_view kSaveAsCsv =
    " Open it in Excel and use File > Save As > \"CSV UTF-8 (Comma delimited)\", or export the "
    "vInfo tab from RVTools with \"Export all to csv\".";

SmsError textError(std::string_view sourceName, std::string_view problem)
{
    const std::string subject = sourceName.empty() ? std::string("The inventory") : std::string(sourceName);
    return SmsError::make(ErrorCode::SerializationException, subject + " " + std::string(problem));
}

// The 1-based line of the first byte sequence that is not UTF-8; only called
// on text already known to hold one.
int firstNonUtf8Line(std::string_view bytes)
{
    int line = 1;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        QStringDecoder decoder(QStringDecoder::Utf8);
        (void)QString(decoder(QByteArrayView(bytes.data() + start, qsizetype(end - start))));
        if (decoder.hasError())
            return line;
        ++line;
        start = end + 1;
    }
    return line;
}

} // namespace

Result<CsvText> CsvText::decode(std::string_view bytes, std::string_view sourceName)
{
    if (bytes.starts_with(kZipMagic))
        return textError(sourceName, std::string("is a ZIP archive, such as an Excel workbook (.xlsx), not CSV text.")
                                         + std::string(kSaveAsCsv));
    if (bytes.starts_with(kOle2Magic))
        return textError(sourceName, std::string("is an Excel 97-2003 workbook (.xls), not CSV text.")
                                         + std::string(kSaveAsCsv));

    CsvText result;
    const bool utf16Le = bytes.starts_with(kUtf16LeBom);
    if (utf16Le || bytes.starts_with(kUtf16BeBom)) {
        // Excel's "Unicode text" and some RVTools exports; rare and small
        // enough that converting through QString costs nothing that matters.
        QStringDecoder decoder(utf16Le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        const QString decoded = decoder(QByteArrayView(bytes.data() + 2, qsizetype(bytes.size() - 2)));
        if (decoder.hasError())
            return textError(sourceName, "starts like UTF-16 text but is not valid UTF-16. Save it as CSV UTF-8.");
        result.m_storage = decoded.toStdString();
        result.m_converted = true;
    } else {
        if (bytes.starts_with(kUtf8Bom))
            bytes.remove_prefix(kUtf8Bom.size());
        if (!simdjson::validate_utf8(bytes.data(), bytes.size()))
            return textError(sourceName, "is not UTF-8 text (line " + std::to_string(firstNonUtf8Line(bytes))
                                             + " holds bytes that are not UTF-8, perhaps from an older Excel's "
                                               "Windows code page); save it as CSV UTF-8 and import it again.");
        result.m_view = bytes;
    }

    const std::string_view text = result.text();
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return textError(sourceName, "is empty: it has no header row and no rows.");
    if (std::memchr(text.data(), '\0', text.size()) != nullptr)
        return textError(sourceName, std::string("holds binary data (NUL bytes), so it is not CSV text. If it is UTF-16 "
                                                 "text without a byte order mark, save it as CSV UTF-8 instead.")
                                         + std::string(kSaveAsCsv));
    return result;
}

} // namespace sms::models
