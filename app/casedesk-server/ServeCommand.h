// casedesk-server serve: the HTTP API (HttpApiServer with its endpoints) on one address until SIGTERM or
// SIGINT. Refuses a non-loopback address without TLS; prints "listening on HOST:PORT" once it listens.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace casedesk::server {

// 0 after a clean stop, 1 when it could not start (database, TLS files, address in use), 2 for wrong usage.
int runServeCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace casedesk::server
