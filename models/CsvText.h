#pragma once
// The text of a CSV file as UTF-8, whatever Excel or RVTools saved it as:
// UTF-8 with or without a byte order mark, or UTF-16 (little or big endian)
// with one ("Unicode text"). Anything else is refused with a sentence that
// says what the file looks like and how to save it as CSV: a ZIP archive
// (.xlsx), an old binary workbook (.xls), other binary data, or text in a
// legacy code page such as Windows-1252.
//
// Errors are SerializationException; `sourceName` starts their sentences
// ("The file \"vms.csv\"", or "The inventory" when empty).

#include "api/Result.h"

#include <string>
#include <string_view>

namespace sms::models {

class CsvText
{
public:
    static Result<CsvText> decode(std::string_view bytes, std::string_view sourceName = {});

    // UTF-8 without a byte order mark: a view of the input bytes when they
    // were UTF-8 already (so they must outlive this), else of the converted text.
    std::string_view text() const { return m_converted ? std::string_view(m_storage) : m_view; }

private:
    std::string m_storage;
    std::string_view m_view;
    bool m_converted = false;
};

} // namespace sms::models
