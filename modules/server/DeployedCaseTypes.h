// The case types as deployed on this server's database ("process deploy", "form deploy", and the bundled ones
// that migration 14 deployed), as the catalogue the case rules run on. Every server process keeps the catalogue
// it read last and reads it again when a deployment was added, also through another process: deployed
// versions are never changed or removed (ModelRepository), so the number of rows says whether anything is new.
#pragma once

#include "casework/CaseTypeCatalogue.h"
#include "core/Result.h"

#include <QSqlDatabase>

#include <memory>

namespace casedesk::server {

class DeployedCaseTypes {
public:
    // Through `db`, an open connection of the calling thread. A version the workflow engine or form reader of
    // this build no longer accepts is left out, with a warning in the server log.
    static Result<std::shared_ptr<const casework::CaseTypeCatalogue>> current(QSqlDatabase db);
};

} // namespace casedesk::server
