/** The HTTP API and the dashboard host: build the app (`createApp`), listen (`startServer`). */
export { createApp, type ServerOptions } from './create-app.js';
export { startServer, type RunningServer } from './start-server.js';
export { openApiDocument } from './openapi.js';
export { QueryGate, QueryTimeout, QueueFull } from './query-gate.js';
