#pragma once
// A YAML document read back as the JSON tree it stands for, so a test can
// compare a template rendered as YAML with the same template rendered as JSON.

#include "api/JsonCodec.h"

#include <yaml-cpp/yaml.h>

namespace sms::testing {

// A quoted or block scalar is a string, a plain one is what JSON reads it as
// (true, 12) or else a string. A string the renderer forgot to quote ("0",
// "true") comes back as another type.
inline api::Json fromYaml(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        api::Json object = api::Json::object();
        for (const auto &entry : node)
            object[entry.first.Scalar()] = fromYaml(entry.second);
        return object;
    }
    case YAML::NodeType::Sequence: {
        api::Json array = api::Json::array();
        for (const auto &item : node)
            array.push_back(fromYaml(item));
        return array;
    }
    case YAML::NodeType::Scalar:
        if (node.Tag() == "?") {
            const api::Json plain = api::Json::parse(node.Scalar(), nullptr, /*allow_exceptions=*/false);
            if (!plain.is_discarded() && !plain.is_string())
                return plain;
        }
        return node.Scalar();
    default:
        return nullptr;
    }
}

} // namespace sms::testing
