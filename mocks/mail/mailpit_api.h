// The mail service's HTTP API, in Mailpit's shape (api/v1) so Mailpit
// clients and habits work, plus two calls of ours under "tiersim".
//
//   GET    /api/v1/messages?start=0&limit=50   summaries, newest first:
//          {total, unread, count, messages_count, start, tags, messages:[
//           {ID, MessageID, Read, From{Name,Address}, To[], Cc[], Bcc[],
//            ReplyTo[], Subject, Created, Tags, Size, Attachments, Snippet,
//            Kind}]}  (no bodies)
//   GET    /api/v1/search?query=Q&start=&limit=  the same for a query
//   DELETE /api/v1/messages                   all; or body {"IDs":["1",..]}
//   DELETE /api/v1/search?query=Q              the matching messages
//   PUT    /api/v1/messages  {"IDs":[...], "Read":true|false}; no IDs: all
//          these three answer {"status":"ok","count":N} (Mailpit: "ok"),
//          N the messages deleted or present
//   GET    /api/v1/message/{ID}               the message (marks it read):
//          summary fields + Date, Text, HTML, ReturnPath, Inline,
//          Attachments[{PartID, FileName, ContentType, Size}], SentAt
//   GET    /api/v1/message/{ID}/raw           the message as received
//   GET    /api/v1/message/{ID}/headers       {"Name": ["value", ...]}
//   GET    /api/v1/info                       {Version, Messages, Unread}
// Ours:
//   GET    /api/v1/tiersim/wait?query=Q&timeout=5s
//          blocks until a message matches (one already there counts):
//          200 with its summary, 408 when `timeout` (<= 60s) passes
//   GET    /api/v1/message/{ID}/tiersim/links
//          {ID, Links:[{URL, Token, PathToken}]}: every link of the text,
//          its "token" query value and its last path segment (null when
//          absent). The links are never requested.
// {ID} is the store's numeric message ID as a string, or "latest": the
// newest message, or the newest matching ?query=Q.
//
// Query language: MemoryMailStore's (to:, from:, subject:, kind:, is:read,
// is:unread, before:, after:, words and "phrases").
// Errors: {"code": "<ErrorCodeName>", "description": "..."} with 400 (bad
// query or parameter, malformed JSON), 404 (unknown message or route),
// 408 (wait timed out), 413 (body over the server's limit).
//
// Thread rules: handlers run on the HttpServer's workers and only call the
// thread-safe MailService. `service` must outlive the server.
#pragma once

#include "mocks/mail/mail_service.h"

namespace tiersim::mocks {

class HttpServer;

// Adds the routes above to `server` (before it starts) and sets its error
// handler, so every error of that server, route or not, is JSON.
void AddMailpitRoutes(HttpServer& server, MailService& service);

}  // namespace tiersim::mocks
