#pragma once
// FieldCursor: looks up an object's members in the order the model lists
// them. Writers (this codec, the plan file, SMS, the SDKs) put the members in
// that order, so the next field is looked at first; simdjson's at_key()
// scans every field, and for a server of a dozen members asked for one by
// one that scanning was a fifth of a decode's time. The first field of a
// name still wins: the cursor only passes fields it matched.
//
// Used by the API codec (JsonReader.cpp) and the plan file's decoder.

#include <simdjson.h>

#include <string_view>

namespace sms::api::codec {

class FieldCursor
{
public:
    explicit FieldCursor(const simdjson::dom::object &object)
        : m_object(object)
        , m_next(object.begin())
        , m_end(object.end())
    {
    }

    // The member called `name` (null included); false when there is none.
    bool find(std::string_view name, simdjson::dom::element &value)
    {
        if (m_next != m_end && m_next.key() == name) {
            value = m_next.value();
            ++m_next;
            return true;
        }
        return m_object.at_key(name).get(value) == simdjson::SUCCESS;
    }

private:
    const simdjson::dom::object &m_object;
    simdjson::dom::object::iterator m_next;
    simdjson::dom::object::iterator m_end;
};

} // namespace sms::api::codec
