#pragma once
// Servers read from an inventory file into the document's catalog, as the
// sms-plan import-csv command does with a plan file: a server whose id is in
// the catalog already replaces it in its row, the others are added at the end
// in the order given. A catalog that came from no endpoint becomes a catalog
// read from a file now (so that it counts as complete and a later connect does
// not read over it); an endpoint's catalog keeps its source. The plan is
// marked unsaved. Catalog changes are not undoable (PlanDocument.h).

#include "api/SmsTypes.h"

#include <cstddef>
#include <vector>

namespace sms::models {

class PlanDocument;

struct CatalogMergeCounts
{
    std::size_t replaced = 0;
    std::size_t added = 0;
};

CatalogMergeCounts mergeIntoCatalog(PlanDocument &document, std::vector<api::Server> servers);

} // namespace sms::models
