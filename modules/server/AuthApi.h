// Login and sessions over HTTP (DESIGN.md, "Sync protocol"):
//   POST /api/v1/auth/login    {login, password, clientId} -> tokens; 401 invalid_credentials (the same for an
//                              unknown login, a wrong password and a disabled user); 429 too_many_attempts
//   POST /api/v1/auth/refresh  {refreshToken} -> a new pair; the old refresh token is spent
//   POST /api/v1/auth/logout   (authenticated) ends the session -> 204
//   GET  /api/v1/me            (authenticated) the caller: id, login, name, roles, team codes
// Tokens are answered as {tokenType, accessToken, accessExpiresIn, refreshToken, refreshExpiresIn, userId,
// sessionId}, lifetimes in seconds.
#pragma once

namespace casedesk::server {

class HttpApiServer;

class AuthApi {
public:
    static void addRoutes(HttpApiServer &server);
};

} // namespace casedesk::server
