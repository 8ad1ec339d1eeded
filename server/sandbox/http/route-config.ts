/** Per-route switches the sandbox plugin's `onRequest` hook reads from `routeOptions.config`. */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authorises requests itself (E10's signed upload form): no AccessKey check. */
    skipAccessKey?: boolean;
    /** Not counted against the workspace's rate limits (the `_sandbox` control routes). */
    skipRateLimit?: boolean;
  }
}

export {};
