// The web portal: the pages participants, interpreters and organizers use, in
// Italian, English and Chinese, added to the server's router beside the JSON
// API. Pages are thin: they call the same `service` functions as the API (or
// the API itself, for the catalogue and recommendations) and render a
// template; no business logic lives in templates or scripts.
//
//   api::AppOptions options{.db = "demo.db"};
//   options.extensions.push_back([](api::App& app) { web::InstallPortal(app); });
//
// Templates, catalogs and static files are read once, at installation; a
// missing file is logged and the page shows an error (the API keeps working).
// Thread-safe after installation (everything loaded is read-only).
#pragma once

#include "api/app.h"

namespace ponte::web {

void InstallPortal(api::App& app);

}  // namespace ponte::web
